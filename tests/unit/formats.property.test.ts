// Lossless graph formats as property tests: random valid datasets (unicode,
// line breaks, attributes of every type, positions, trust grades, unsourced
// relations) written as GEXF, GraphML and graphology JSON and read back must
// be the dataset that went in.
import { ENTITY_FIELDS, TRIPLE_FIELDS } from '../../src/core/fields.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Attributes, Dataset, Entity, Schema, Source, Triple } from '../../src/core/model.ts';
import { parseDataset } from '../../src/core/validate.ts';
import { readText } from '../../src/core/readers/registry.ts';
import { gexfReader } from '../../src/core/readers/gexf.ts';
import { graphmlReader } from '../../src/core/readers/graphml.ts';
import { graphologyJsonReader } from '../../src/core/readers/graphology-json.ts';
import { writerById } from '../../src/core/writers/registry.ts';
import type { DatasetReader } from '../../src/core/readers/reader.ts';

// XML cannot hold C0 controls (but tab and line breaks) nor lone surrogates; the validator refuses
// controls in one-line fields and reads U+FFFD as a decoding fault: none of them in generated text.
const UNWANTED =
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SAMPLES = [
  'Qāsem Soleimānī',
  'كتائب حزب الله',
  '北京',
  '👩‍👩‍👧',
  '  padded  ',
  '“quoted” — dash',
  'a & b <c> "d"',
  'x|y',
  ']]>',
  'line\u2028sep',
  'para\u2029sep',
  'nel\u0085x',
];
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SAMPLES) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Z][a-z]{1,8}$/) },
);
const line = fc
  .array(piece, { minLength: 1, maxLength: 3 })
  .map((p) => p.join(' '))
  .filter((s) => s.trim() !== '' && !UNWANTED.test(s));
const text = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '\n', '\t', '\r\n', '  '))
  .map(([ls, sep]) => ls.join(sep));
const idArb = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'a b', 'كتائب-حزب-الله', '0', 'x"y', 'a&b', '<n>'),
  },
);
const hex2 = fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, '0'));
const colorArb = fc.tuple(hex2, hex2, hex2).map(([r, g, b]) => `#${r}${g}${b}`);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dateArb = fc.oneof(
  fc.integer({ min: 1900, max: 2030 }).map((y) => pad(y, 4)),
  fc
    .tuple(fc.integer({ min: 1900, max: 2030 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${pad(y, 4)}-${pad(m, 2)}`),
  fc.tuple(fc.integer({ min: 1900, max: 2000 }), fc.integer({ min: 2001, max: 2030 })).map(([a, b]) => `${a}/${b}`),
);
/** A finite number that is not -0 (JSON, like XML text, has no -0). */
const numArb = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));
const valueArb = fc.oneof(
  line,
  numArb,
  fc.boolean(),
  fc.integer().map((n) => (n === 0 ? 0 : n)),
);
const BUILT_IN = new Set([...ENTITY_FIELDS, ...TRIPLE_FIELDS]);
const keyArb = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _]{0,12}$/),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'x',
      'y',
      'color',
      'size',
      'weight',
      'ag:type',
      'Modularity Class',
      'مفتاح',
      'a"b',
    ),
  )
  .filter((k) => !BUILT_IN.has(k));
const attrsArb: fc.Arbitrary<Attributes> = fc
  .array(fc.tuple(keyArb, valueArb), { minLength: 1, maxLength: 4 })
  .map((kv) => {
    const a: Attributes = {};
    for (const [k, v] of kv)
      Object.defineProperty(a, k, { value: v, enumerable: true, writable: true, configurable: true });
    return a;
  });
const opt = <T>(a: fc.Arbitrary<T>, present = 1, absent = 1): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary: a });

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    types: fc.uniqueArray(
      fc.record({ id: idArb, label: line, color: colorArb, description: opt(text, 1, 2), child: fc.boolean() }),
      { minLength: 1, maxLength: 4, selector: (t) => t.id },
    ),
    preds: fc.uniqueArray(
      fc.record({ id: idArb, label: line, inverseLabel: line, symmetric: opt(fc.constant(true), 1, 2) }),
      { minLength: 1, maxLength: 4, selector: (p) => p.id },
    ),
    entities: fc.uniqueArray(
      fc.record({
        id: idArb,
        label: line,
        type: fc.nat(),
        aliases: opt(fc.array(line, { minLength: 1, maxLength: 3 }), 1, 2),
        description: opt(text, 1, 2),
        date: opt(dateArb, 1, 2),
        attributes: opt(attrsArb, 1, 2),
        position: opt(fc.record({ x: numArb, y: numArb }), 1, 2),
      }),
      { minLength: 1, maxLength: 8, selector: (e) => e.id },
    ),
    sources: fc.uniqueArray(
      fc.record({
        id: idArb,
        title: line,
        url: opt(fc.webUrl()),
        publisher: opt(line, 1, 2),
        reliability: opt(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F' as const), 1, 2),
        filler: text,
      }),
      { minLength: 1, maxLength: 3, selector: (s) => s.id },
    ),
    triples: fc.array(
      fc.record({
        s: fc.nat(),
        p: fc.nat(),
        o: fc.nat(),
        src: fc.nat(),
        evidence: opt(text, 3, 1),
        id: opt(fc.stringMatching(/^t[0-9a-z]{1,6}$/), 1, 2),
        date: opt(dateArb, 1, 2),
        confidence: opt(
          fc.double({ min: 0, max: 1, noNaN: true }).map((n) => (n === 0 ? 0 : n)),
          1,
          2,
        ),
        qualifier: opt(fc.oneof(fc.constantFrom('reportedly', 'likely'), line), 1, 3),
        by: opt(fc.nat(), 1, 3),
        credibility: opt(fc.constantFrom(1, 2, 3, 4, 5, 6 as const), 1, 2),
        attributes: opt(attrsArb, 1, 2),
      }),
      { maxLength: 12 },
    ),
    title: opt(line),
  })
  .map(({ types: rawTypes, preds, entities: rawEntities, sources: rawSources, triples: rawTriples, title }) => {
    const typeIds = rawTypes.map((t) => t.id);
    const schema: Schema = {
      entityTypes: rawTypes.map((t, i) =>
        compact({
          id: t.id,
          label: t.label,
          color: t.color,
          description: t.description,
          parent: i > 0 && t.child ? typeIds[0] : undefined,
        }),
      ),
      predicates: preds.map((p) =>
        compact({
          id: p.id,
          label: p.label,
          inverseLabel: p.inverseLabel,
          domain: [...typeIds],
          range: [...typeIds],
          symmetric: p.symmetric,
        }),
      ),
    };
    const entities: Entity[] = rawEntities.map((e) => compact({ ...e, type: typeIds[e.type % typeIds.length]! }));
    const quotes = new Map<string, string[]>();
    const ids = new Set<string>();
    const triples: Triple[] = rawTriples.map((t) => {
      const source = rawSources[t.src % rawSources.length]!.id;
      if (t.evidence !== undefined) quotes.set(source, [...(quotes.get(source) ?? []), t.evidence]);
      const id = t.id !== undefined && !ids.has(t.id) ? t.id : undefined;
      if (id !== undefined) ids.add(id);
      return compact({
        id,
        subject: entities[t.s % entities.length]!.id,
        predicate: preds[t.p % preds.length]!.id,
        object: entities[t.o % entities.length]!.id,
        source,
        evidence: t.evidence,
        date: t.date,
        confidence: t.confidence,
        qualifier: t.qualifier,
        attributedTo: t.by !== undefined ? entities[t.by % entities.length]!.id : undefined,
        credibility: t.credibility,
        attributes: t.attributes,
      }) as Triple;
    });
    // Each source's text holds its quotes, so that evidence is checked and found.
    const sources: Source[] = rawSources.map(({ filler, ...s }) =>
      compact({ ...s, text: [filler, ...(quotes.get(s.id) ?? [])].join('\n') }),
    );
    return compact({ format: 'actorgraph/dataset', version: 1, title, schema, sources, entities, triples }) as Dataset;
  });

const FORMATS: [string, DatasetReader][] = [
  ['gexf', gexfReader],
  ['graphml', graphmlReader],
  ['graphology', graphologyJsonReader],
];

describe('lossless graph formats (property)', () => {
  for (const [id, reader] of FORMATS) {
    it(`${id}: write then read gives the same dataset`, () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(datasetArb, (ds) => {
          const clean = parseDataset(JSON.stringify(ds), { file: 'd.json' });
          fc.pre(clean.ok);
          const expected = clean.dataset!;
          const [file] = writerById(id)!.write(expected);
          const back = readText(reader, file!.text, { file: `x${file!.extension}` });
          expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
          expect(back.dataset).toEqual(expected);
          if (expected.entities.some((e) => e.attributes)) seen.add('entity attributes');
          if (expected.entities.some((e) => e.position)) seen.add('positions');
          if (expected.triples.some((t) => t.attributes)) seen.add('triple attributes');
          if (expected.triples.some((t) => t.evidence === undefined)) seen.add('unsourced');
        }),
        { numRuns: 60 },
      );
      // The model keeps attributes, positions and unsourced relations: the runs carried each of them.
      expect([...seen].sort()).toEqual(['entity attributes', 'positions', 'triple attributes', 'unsourced']);
    });
  }
});
