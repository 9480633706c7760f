// Property: any valid dataset written by actorgraph's RDF mapping (N-Triples,
// N-Quads, Turtle, TriG) reads back as the same dataset: every field, in
// order, tricky ids and unicode text included. (Lone surrogates have no
// UTF-8 form, so RDF text cannot hold them: the generator leaves them out.)
import { ENTITY_FIELDS, TRIPLE_FIELDS, SOURCE_FIELDS } from '../../src/core/fields.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Attributes, Dataset, Entity, EntityType, Predicate, Source, Triple } from '../../src/core/model.ts';
import { READERS, readText } from '../../src/core/readers/registry.ts';
import { writerById } from '../../src/core/writers/registry.ts';
import { parseDataset } from '../../src/core/validate.ts';

const UNWANTED = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/;
const line = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    fc.constantFrom(
      'Qāsem Soleimānī',
      'كتائب حزب الله',
      '北京',
      '👩‍👩‍👧',
      '"quoted" \\ back',
      'a > b < c',
      '#hash',
      'x|y',
      '<iri>',
      "it's",
      '@en',
      '^^',
    ),
  )
  .filter((s) => s.trim() !== '' && s === s.trim() && !UNWANTED.test(s));
const text = fc
  .array(line, { minLength: 1, maxLength: 3 })
  .chain((ls) => fc.constantFrom('\n', ' ', '\t', '\r\n').map((sep) => ls.join(sep)));
const RESERVED = new Set([...ENTITY_FIELDS, ...TRIPLE_FIELDS, ...SOURCE_FIELDS]);
const idArb = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'a b',
      'Ünïcødé',
      'كتائب-حزب-الله',
      '𝒳',
      '0',
      'x|y',
      'a#2',
      'a/b',
      'type',
      'source',
      'dataset',
      '%41',
      '~u0041',
      'a.b',
    ),
  },
  { weight: 1, arbitrary: line.filter((s) => s.length <= 60) },
);
const year = fc.integer({ min: 1000, max: 2999 }).map(String);
const dateArb = fc.oneof(
  year,
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(year, year).map(([a, b]) => (a <= b ? `${a}/${b}` : `${b}/${a}`)),
);
const numArb = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const attrsArb: fc.Arbitrary<Attributes | undefined> = fc.option(
  fc.dictionary(
    fc.stringMatching(/^[a-z](?:[a-z0-9 _:.-]{0,14}[a-z0-9])?$/).filter((k) => !RESERVED.has(k)),
    fc.oneof(line, numArb, fc.boolean()),
    { minKeys: 1, maxKeys: 4 },
  ),
  { nil: undefined },
);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    title: opt(line),
    types: fc.uniqueArray(
      fc.record({
        id: idArb,
        label: line,
        color: fc.constantFrom('#112233', '#ABCDEF', '#00ff00'),
        description: opt(text),
      }),
      { minLength: 1, maxLength: 4, selector: (t) => t.id },
    ),
    preds: fc.uniqueArray(
      fc.record({
        id: idArb,
        label: line,
        inverseLabel: line,
        symmetric: opt(fc.boolean()),
        description: opt(text),
        extra: fc.nat(),
      }),
      { minLength: 1, maxLength: 4, selector: (p) => p.id },
    ),
    sources: fc.uniqueArray(
      fc.record({
        id: idArb,
        title: line,
        publisher: opt(line),
        published: opt(fc.constantFrom('2021-02-26', '1999-12-31')),
        url: opt(fc.webUrl()),
        reliability: opt(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F')),
      }),
      { minLength: 1, maxLength: 3, selector: (s) => s.id },
    ),
    entities: fc.uniqueArray(
      fc.record({
        id: idArb,
        label: line,
        type: fc.nat(),
        aliases: opt(fc.array(fc.oneof(line, fc.constant('KH')), { maxLength: 3 })),
        description: opt(fc.oneof(text, fc.constant(''))),
        date: opt(dateArb),
        attributes: attrsArb,
        position: opt(fc.record({ x: fc.double({ noNaN: true, noDefaultInfinity: true }), y: fc.integer() })),
      }),
      { minLength: 1, maxLength: 8, selector: (e) => e.id },
    ),
    triples: fc.array(
      fc.record({
        s: fc.nat(),
        p: fc.nat(),
        o: fc.nat(),
        src: fc.nat(),
        id: opt(idArb),
        evidence: opt(text),
        date: opt(dateArb),
        confidence: opt(fc.double({ min: 0, max: 1, noNaN: true })),
        attributedTo: opt(fc.nat()),
        qualifier: opt(fc.constantFrom('reportedly', 'according to officials', '')),
        credibility: opt(fc.constantFrom(1, 2, 3, 4, 5, 6)),
        explicit: fc.boolean(),
        attributes: attrsArb,
      }),
      { maxLength: 10 },
    ),
  })
  .map((g) => {
    // Every type descends from the first, so every predicate (domain and range: the root, maybe more) fits any entity.
    const root = g.types[0]!.id;
    const entityTypes: EntityType[] = g.types.map((t, i) =>
      compact({
        id: t.id,
        label: t.label,
        color: t.color,
        parent: i > 0 ? g.types[(i * 7) % i]!.id : undefined,
        description: t.description,
      }),
    );
    const predicates: Predicate[] = g.preds.map((p) =>
      compact({
        id: p.id,
        label: p.label,
        inverseLabel: p.inverseLabel,
        domain: [...new Set([root, g.types[p.extra % g.types.length]!.id])],
        range: [...new Set([g.types[(p.extra >> 2) % g.types.length]!.id, root])],
        symmetric: p.symmetric,
        description: p.description,
      }),
    );
    const entities: Entity[] = g.entities.map((e) => compact({ ...e, type: g.types[e.type % g.types.length]!.id }));
    const ids = new Set<string>();
    const triples: Triple[] = g.triples.map((t) => {
      const fresh = t.id !== undefined && !ids.has(t.id);
      if (fresh) ids.add(t.id!);
      const id = fresh ? t.id : undefined;
      const attributedTo = t.attributedTo === undefined ? undefined : entities[t.attributedTo % entities.length]!.id;
      const status = t.explicit
        ? t.evidence === undefined
          ? 'unsourced'
          : attributedTo !== undefined
            ? 'attributed'
            : 'asserted'
        : undefined;
      return compact({
        id,
        subject: entities[t.s % entities.length]!.id,
        predicate: predicates[t.p % predicates.length]!.id,
        object: entities[t.o % entities.length]!.id,
        source: g.sources[t.src % g.sources.length]!.id,
        evidence: t.evidence,
        date: t.date,
        confidence: t.confidence,
        attributedTo,
        qualifier: t.qualifier,
        status,
        credibility: t.credibility as Triple['credibility'],
        attributes: t.attributes,
      } as Triple);
    });
    // Each source's text holds the evidence of the triples citing it.
    const sources: Source[] = g.sources.map((s) =>
      compact({
        ...s,
        text: triples
          .filter((t) => t.source === s.id && t.evidence !== undefined)
          .map((t) => t.evidence)
          .join('\n'),
      } as Source),
    );
    return compact({
      format: 'actorgraph/dataset',
      version: 1,
      title: g.title,
      schema: { entityTypes, predicates },
      sources,
      entities,
      triples,
    } as Dataset);
  });

const FORMATS = [
  ['nt', 'n-triples'],
  ['nq', 'n-quads'],
  ['ttl', 'turtle'],
  ['trig', 'trig'],
] as const;

describe('RDF round trips of random valid datasets', () => {
  it.each(FORMATS)('dataset → %s → read gives the same dataset', (w, r) => {
    const writer = writerById(w)!;
    const reader = READERS.find((x) => x.id === r)!;
    fc.assert(
      fc.property(datasetArb, (ds) => {
        // Only valid datasets are the property's input: the JSON reader is the judge.
        const direct = parseDataset(JSON.stringify(ds), { file: 'd.json' });
        expect(direct.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const text = writer.write(ds, { name: 'g' })[0]!.text;
        const back = readText(reader, text, { file: `d.${w}` });
        expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(back.dataset).toEqual(direct.dataset);
      }),
      { numRuns: 60 },
    );
  });
});
