// Property-based round trips: random valid datasets (random schema forests,
// unicode text, many triples between one pair, id-less repeats) go through
// JSON, validation, the store, exports, the graphology format and merging, and
// must come back as they went in.
import { ENTITY_FIELDS, TRIPLE_FIELDS } from '../../src/core/fields.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { exportDataset, fromGraphologyExport, mergeDatasets, toGraphologyExport } from '../../src/core/export.ts';
import { buildGraph } from '../../src/core/graphology.ts';
import { subgraphOf } from '../../src/core/memory-explorer.ts';
import type { Dataset, Entity, EntityType, Predicate, Schema, Source, Subgraph, Triple } from '../../src/core/model.ts';
import type { Problem } from '../../src/core/problems.ts';
import { TripleStore, tripleIds } from '../../src/core/store.ts';
import { parseDataset, validateDataset, type ParseResult } from '../../src/core/validate.ts';

// ---- strings ---------------------------------------------------------------

/** Characters the validator refuses in one-line fields (controls), warns about (bidi overrides), or reads as a decoding failure (U+FFFD). */
const UNWANTED = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/;
const cleanLine = (s: string) => s.trim() !== '' && !UNWANTED.test(s);

const SAMPLES = [
  'Qāsem Soleimānī',
  'كتائب حزب الله',
  'حزب الله',
  'חיזבאללה',
  'Kataʾib Ḥizballāh',
  'Kata\u02bcib',
  'e\u0301cole',
  'école',
  'Ærøskøbing',
  'İstanbul',
  'ß',
  '北京',
  '👩‍👩‍👧',
  '🇮🇶',
  '  padded  ',
  '“quoted” — dash',
  "Kata'ib",
  'a\u00a0b',
  '\ud800lone',
  'x|y',
  'a#2',
];

/** A one-line label: graphemes, raw code points (lone surrogates too) or known hard cases. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SAMPLES) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Z][a-z]{1,8}$/) },
);
const line = fc
  .array(piece, { minLength: 1, maxLength: 3 })
  .map((p) => p.join(' '))
  .filter(cleanLine);
/** Multi-line text (descriptions, evidence): line breaks and tabs allowed. */
const text = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '\n', '\t', '  ', '\r\n'))
  .map(([ls, sep]) => ls.join(sep));

const TRICKY_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  'a b',
  'Ünïcødé',
  'كتائب-حزب-الله',
  '𝒳',
  '0',
  '1e3',
  'x|y',
  '|',
  'a#2',
  '#',
  'id with  spaces',
];
const idArb = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY_IDS) },
  { weight: 1, arbitrary: line.map((s) => s.trim()).filter((s) => s !== '' && s.length <= 60) },
);

const hex2 = fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, '0'));
const colorArb = fc.tuple(hex2, hex2, hex2, fc.boolean()).map(([r, g, b, up]) => {
  const c = `#${r}${g}${b}`;
  return up ? c.toUpperCase() : c;
});

// ---- dates -----------------------------------------------------------------

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => (m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dayArb = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    prec: fc.constantFrom(1, 2, 3),
  })
  .map(({ y, m, d, prec }) =>
    prec === 1
      ? pad(y, 4)
      : prec === 2
        ? `${pad(y, 4)}-${pad(m, 2)}`
        : `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(d, daysIn(y, m)), 2)}`,
  );
/** Partial dates compare on the precision both have: 2021 starts no later than 2021-02 ends. */
const startsNoLater = (a: string, b: string) => {
  const l = Math.min(a.length, b.length);
  return a.slice(0, l) <= b.slice(0, l);
};
const dateArb = fc.oneof(
  dayArb,
  fc.tuple(dayArb, dayArb).map(([a, b]) => (startsNoLater(a, b) ? `${a}/${b}` : `${b}/${a}`)),
);

// ---- datasets --------------------------------------------------------------

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
/** Absent (undefined) or a value, in the odds present : absent; shrinks towards absent. */
const opt = <T>(a: fc.Arbitrary<T>, present = 1, absent = 1): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary: a });

const schemaArb = fc
  .record({
    types: fc.uniqueArray(
      fc.record({ id: idArb, label: line, color: colorArb, parent: opt(fc.nat(), 2), description: opt(text, 1, 2) }),
      { minLength: 1, maxLength: 5, selector: (t) => t.id },
    ),
    preds: fc.uniqueArray(
      fc.record({
        id: idArb,
        label: line,
        inverseLabel: line,
        domain: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
        range: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
        symmetric: fc.constantFrom(undefined, true),
        description: opt(text, 1, 2),
      }),
      { minLength: 1, maxLength: 6, selector: (p) => p.id },
    ),
    reversed: fc.boolean(),
  })
  .map(({ types, preds, reversed }) => {
    // A parent is always an earlier type: a forest, never a cycle (the file order may still list children first).
    const entityTypes: EntityType[] = types.map((t, i) =>
      compact({
        id: t.id,
        label: t.label,
        color: t.color,
        parent: t.parent !== undefined && i > 0 ? types[t.parent % i]!.id : undefined,
        description: t.description,
      }),
    );
    if (reversed) entityTypes.reverse();
    const pick = (ns: number[]) => [...new Set(ns.map((n) => types[n % types.length]!.id))];
    const predicates: Predicate[] = preds.map((p) =>
      compact({
        id: p.id,
        label: p.label,
        inverseLabel: p.inverseLabel,
        domain: pick(p.domain),
        range: pick(p.range),
        symmetric: p.symmetric,
        description: p.description,
      }),
    );
    return { entityTypes, predicates } satisfies Schema;
  });

/** Attributes: string (any text), number (finite, -0 aside: JSON has none) or boolean values, names that are no field's. */
const BUILTIN = new Set([...ENTITY_FIELDS, ...TRIPLE_FIELDS]);
const attrsArb = fc.dictionary(
  fc
    .oneof(
      fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/),
      fc.constantFrom('Country', 'type_', 'toString', 'valueOf', 'x y'),
    )
    .filter((k) => !BUILTIN.has(k)),
  fc.oneof(
    line,
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.boolean(),
  ),
  { maxKeys: 3 },
);
const positionArb = fc
  .record({
    x: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    y: fc.integer({ min: -1000, max: 1000 }),
  })
  .map(({ x, y }) => ({ x: Object.is(x, -0) ? 0 : x, y }));

const entityArb = fc.record({
  id: idArb,
  label: line,
  type: fc.nat(),
  // null stands for the label itself, small pool for repeats: merging must leave such aliases alone.
  aliases: opt(
    fc.array(fc.oneof(line, fc.constant(null), fc.constantFrom('KH', 'حزب الله', 'Ḥizb')), { maxLength: 4 }),
    2,
  ),
  description: opt(fc.oneof(text, fc.constant('')), 1, 2),
  date: opt(dateArb, 1, 2),
  attributes: opt(attrsArb, 1, 4),
  position: opt(positionArb, 1, 3),
});

const sourceArb = fc.record({
  id: idArb,
  title: line,
  publisher: opt(line),
  published: opt(dayArb),
  url: opt(fc.webUrl()),
  path: opt(fc.stringMatching(/^sources\/[a-z0-9-]{1,12}\.txt$/), 1, 2),
  filler: fc.array(text, { maxLength: 2 }),
  reliability: opt(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F' as const), 1, 2),
});

/** How to place a group of triples: one, several predicates between one pair, or one s|p|o repeated. */
const groupArb = fc.record({
  kind: fc.constantFrom('single', 'pair', 'pair', 'repeat'),
  p: fc.nat(),
  s: fc.nat(),
  o: fc.nat(),
  count: fc.integer({ min: 2, max: 5 }),
  items: fc.array(
    fc.record({
      evidence: text,
      source: fc.nat(),
      id: opt(idArb, 1, 2),
      date: opt(dateArb, 1, 2),
      confidence: opt(fc.double({ min: 0, max: 1, noNaN: true }), 1, 2),
      attributedTo: opt(fc.nat(), 1, 3),
      qualifier: opt(fc.oneof(fc.constantFrom('reportedly', 'likely', 'suspected', ''), line), 1, 3),
      unsourced: fc.integer({ min: 0, max: 7 }),
      status: opt(fc.constantFrom('asserted', 'attributed', 'hedged', 'unsourced' as const), 1, 4),
      credibility: opt(fc.constantFrom(1, 2, 3, 4, 5, 6 as const), 1, 2),
      attributes: opt(attrsArb, 1, 6),
    }),
    { minLength: 5, maxLength: 5 },
  ),
});

interface Generated {
  dataset: Dataset;
  schema: Schema;
}

const datasetArb: fc.Arbitrary<Generated> = fc
  .record({
    schema: schemaArb,
    entities: fc.uniqueArray(entityArb, { minLength: 1, maxLength: 10, selector: (e) => e.id }),
    sources: fc.uniqueArray(sourceArb, { minLength: 1, maxLength: 3, selector: (s) => s.id }),
    groups: fc.array(groupArb, { maxLength: 8 }),
    order: fc.array(fc.nat({ max: 100 }), { maxLength: 40 }),
    title: opt(fc.oneof(line, fc.constant(''))),
    embed: fc.boolean(),
    shadow: fc.boolean(),
    collide: fc.constantFrom('none', 'none', 'hash', 'pipe'),
    collideAt: fc.nat(),
  })
  .map(
    ({
      schema,
      entities: rawEntities,
      sources: rawSources,
      groups,
      order,
      title,
      embed,
      shadow,
      collide,
      collideAt,
    }) => {
      const types = schema.entityTypes;
      const parent = new Map(types.map((t) => [t.id, t.parent]));
      const isA = (t: string, anc: string) => {
        for (let cur: string | undefined = t; cur !== undefined; cur = parent.get(cur)) if (cur === anc) return true;
        return false;
      };
      // The first entities take each type in turn, so most predicates have a subject and an object.
      const entities: Entity[] = rawEntities.map((e, i) =>
        compact({
          id: e.id,
          label: e.label,
          type: types[i < types.length ? i : e.type % types.length]!.id,
          aliases: e.aliases?.map((a) => a ?? e.label),
          description: e.description,
          date: e.date,
          attributes: e.attributes,
          position: e.position,
        }),
      );
      const fits = (e: Entity, allowed: string[]) => allowed.some((a) => isA(e.type, a));
      const preds = schema.predicates;

      const triples: Triple[] = [];
      const usedIds = new Set<string>();
      const emit = (s: Entity, p: Predicate, o: Entity, item: (typeof groups)[number]['items'][number]) => {
        const id = item.id !== undefined && !usedIds.has(item.id) ? item.id : undefined;
        if (id !== undefined) usedIds.add(id);
        const attributedTo =
          item.attributedTo !== undefined ? entities[item.attributedTo % entities.length]!.id : undefined;
        // About one in eight unsourced; an explicit status only where it does not contradict the rest.
        const unsourced = item.unsourced === 0;
        const status =
          item.status === 'attributed' && attributedTo === undefined
            ? undefined
            : item.status === 'unsourced' && !unsourced
              ? undefined
              : item.status;
        triples.push(
          compact({
            id,
            subject: s.id,
            predicate: p.id,
            object: o.id,
            source: rawSources[item.source % rawSources.length]!.id,
            evidence: unsourced ? undefined : item.evidence,
            date: item.date,
            confidence: item.confidence,
            attributedTo,
            qualifier: item.qualifier,
            status,
            credibility: item.credibility,
            attributes: item.attributes,
          }),
        );
      };
      for (const g of groups) {
        if (g.kind === 'pair') {
          const s = entities[g.s % entities.length]!;
          const o = entities[g.o % entities.length]!;
          const ok = preds.filter((p) => fits(s, p.domain) && fits(o, p.range));
          if (!ok.length) continue;
          for (let k = 0; k < g.count; k++) emit(s, ok[(g.p + k) % ok.length]!, o, g.items[k]!);
        } else {
          const p = preds[g.p % preds.length]!;
          const subjects = entities.filter((e) => fits(e, p.domain));
          const objects = entities.filter((e) => fits(e, p.range));
          if (!subjects.length || !objects.length) continue;
          const s = subjects[g.s % subjects.length]!;
          const o = objects[g.o % objects.length]!;
          const n = g.kind === 'repeat' ? g.count : 1;
          // Repeats are id-less, so that derived ids get their `#2`, `#3`.
          for (let k = 0; k < n; k++)
            emit(s, p, o, g.kind === 'repeat' && k > 0 ? { ...g.items[k]!, id: undefined } : g.items[k]!);
        }
      }
      // Entities whose ids make two triples derive the same id: x -p-> 'p|y' and 'x|p' -p-> y,
      // or the 2nd x|p|a next to x -p-> 'a#2'.
      const base = triples[collideAt % Math.max(1, triples.length)];
      if (collide !== 'none' && base) {
        const byId = new Map(entities.map((e) => [e.id, e]));
        const s = byId.get(base.subject)!,
          o = byId.get(base.object)!,
          p = base.predicate;
        const twin = (id: string, like: Entity) => {
          if (byId.has(id) || id.length > 200) return undefined;
          const e: Entity = { id, label: like.label, type: like.type };
          byId.set(id, e);
          entities.push(e);
          return e;
        };
        const add = (subject: string, object: string, evidence: string | undefined) =>
          triples.push({ subject, predicate: p, object, source: base.source, evidence });
        if (collide === 'hash') {
          const o2 = twin(`${o.id}#2`, o);
          if (o2) {
            add(s.id, o.id, `${base.evidence} again`);
            add(s.id, o.id, `${base.evidence} and again`);
            add(s.id, o2.id, base.evidence);
          }
        } else {
          const sp = twin(`${s.id}|${p}`, s),
            po = twin(`${p}|${o.id}`, o);
          if (sp && po) {
            add(s.id, po.id, base.evidence);
            add(sp.id, o.id, base.evidence);
          }
        }
      }
      // Interleave the groups (a stable sort on random keys), so repeats are not always adjacent.
      const keyed = triples.map((t, i) => ({ t, k: order[i] ?? i }));
      keyed.sort((a, b) => a.k - b.k);
      const sorted = keyed.map((x) => x.t);
      // Sometimes a given id spelled like another triple's derived id: the store must keep both ids distinct.
      if (shadow) {
        const victim = sorted.find((t) => t.id === undefined);
        const host = sorted.find((t) => t !== victim);
        if (victim && host && host.id === undefined) {
          const id = `${victim.subject}|${victim.predicate}|${victim.object}`;
          if (!usedIds.has(id) && id.length <= 200) {
            host.id = id;
            usedIds.add(id);
          }
        }
      }

      // Each source's text holds every evidence quote that cites it, so evidence checks pass.
      const sources: Source[] = rawSources.map((s) =>
        compact({
          id: s.id,
          title: s.title,
          publisher: s.publisher,
          published: s.published,
          url: s.url,
          path: s.path,
          text: [
            ...s.filler,
            ...sorted.filter((t) => t.source === s.id).flatMap((t) => (t.evidence !== undefined ? [t.evidence] : [])),
          ].join('\n'),
          reliability: s.reliability,
        }),
      );
      const dataset: Dataset = compact({
        format: 'actorgraph/dataset' as const,
        version: 1 as const,
        title,
        schema: embed ? schema : undefined,
        sources,
        entities,
        triples: sorted,
      });
      return { dataset, schema };
    },
  );

// ---- helpers ---------------------------------------------------------------

const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Validates the generator itself: every generated dataset is valid. */
function checkValid(g: Generated): ParseResult {
  const r = validateDataset(json(g.dataset), { file: 'generated.json', defaultSchema: g.schema });
  expect(errorsOf(r.problems)).toEqual([]);
  expect(r.ok).toBe(true);
  return r;
}

function load(text: string, file: string, defaultSchema?: Schema): TripleStore {
  const r = parseDataset(text, defaultSchema ? { file, defaultSchema } : { file });
  expect(errorsOf(r.problems)).toEqual([]);
  expect(r.problems.map((p) => p.code)).not.toContain('evidence-not-checked');
  return TripleStore.build(r.dataset!, r.schema!);
}

/**
 * The documented id of every triple: the given one, else s|p|o with #n for the nth id-less repeat
 * of the same three parts; a derived id already taken (by a given id, or by an earlier triple when
 * ids hold '|' or end in #n) gets ~2, ~3….
 */
function expectedIds(triples: Triple[]): string[] {
  const taken = new Set(triples.flatMap((t) => (t.id !== undefined ? [t.id] : [])));
  const seen = new Map<string, number>();
  return triples.map((t) => {
    if (t.id !== undefined) return t.id;
    const key = JSON.stringify([t.subject, t.predicate, t.object]);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const id = `${t.subject}|${t.predicate}|${t.object}${n >= 2 ? `#${n}` : ''}`;
    let k = 1;
    while (taken.has(k === 1 ? id : `${id}~${k}`)) k++;
    const out = k === 1 ? id : `${id}~${k}`;
    taken.add(out);
    return out;
  });
}

/** Every triple has its documented id, all distinct, each found again by tripleIndexOf. */
function checkTripleIds(store: TripleStore, file: Triple[]): string[] {
  const ids = Array.from({ length: store.tripleCount }, (_, t) => store.tripleAt(t).id!);
  expect(ids).toEqual(expectedIds(file));
  expect(new Set(ids).size).toBe(ids.length);
  ids.forEach((id, t) => {
    expect(store.tripleIndexOf(id)).toBe(t);
  });
  return ids;
}

const NUM_RUNS = 150;
/** FC_SEED=n replays a failure fast-check reported. */
const SEED = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {};
const run = <T>(arb: fc.Arbitrary<T>, body: (v: T) => void) =>
  fc.assert(fc.property(arb, body), { numRuns: NUM_RUNS, ...SEED });

/** A chosen subset of entity ids, by a random mask. */
const withSubset = fc.tuple(datasetArb, fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }));
const chosenIds = (ds: Dataset, mask: boolean[]) => ds.entities.filter((_, i) => mask[i]!).map((e) => e.id);

// ---- properties --------------------------------------------------------------

describe('round trips of random valid datasets', () => {
  it('1. dataset JSON → parse → store → toDataset gives the input back', () => {
    run(datasetArb, (g) => {
      checkValid(g);
      const input = json(g.dataset);
      const store = load(JSON.stringify(g.dataset), 'dataset.json', g.dataset.schema ? undefined : g.schema);
      // toDataset: "as it went in: given ids kept, missing ids left missing".
      expect(json(store.toDataset())).toEqual(input);
      checkTripleIds(store, input.triples);
      expect(store.entityCount).toBe(input.entities.length);
      input.entities.forEach((e, i) => {
        expect(store.indexOf(e.id)).toBe(i);
      });
    });
  });

  it('2. a full standalone export is a fixed point and keeps entities and triples', () => {
    run(datasetArb, (g) => {
      checkValid(g);
      const input = json(g.dataset);
      const store = load(JSON.stringify(g.dataset), 'dataset.json', g.schema);
      const ids = checkTripleIds(store, input.triples);
      const opts = { entities: input.entities.map((e) => e.id), includeTriples: true };
      const first = exportDataset(store, opts);
      const text1 = JSON.stringify(first);
      const again = load(text1, 'export.json');
      const second = exportDataset(again, opts);
      expect(JSON.stringify(second)).toBe(text1);

      expect(json(first.entities)).toEqual(input.entities);
      // The only change a triple may get is its id written out, when loading the export would not derive it again.
      expect(first.triples.length).toBe(input.triples.length);
      first.triples.forEach((t, k) => {
        const orig = input.triples[k]!;
        if (orig.id === undefined && t.id !== undefined) expect(json(t)).toEqual({ ...orig, id: ids[k] });
        else expect(json(t)).toEqual(orig);
      });
      expect(Array.from({ length: again.tripleCount }, (_, t) => again.tripleAt(t).id)).toEqual(ids);
      expect(first.title).toBe(input.title);
      // Cited sources, text inline, no path.
      const cited = new Set(input.triples.map((t) => t.source));
      expect(json(first.sources)).toEqual(input.sources.filter((s) => cited.has(s.id)).map(({ path: _p, ...s }) => s));
      // Schema items are the original ones, unchanged.
      for (const t of first.schema!.entityTypes) expect(t).toEqual(g.schema.entityTypes.find((x) => x.id === t.id));
      for (const p of first.schema!.predicates) expect(p).toEqual(g.schema.predicates.find((x) => x.id === p.id));
    });
  });

  it('3. a sub-export holds exactly the chosen entities, the triples among them and the schema they use', () => {
    run(withSubset, ([g, mask]) => {
      checkValid(g);
      const input = json(g.dataset);
      const store = load(JSON.stringify(g.dataset), 'dataset.json', g.schema);
      const ids = checkTripleIds(store, input.triples);
      const chosen = chosenIds(input, mask);
      const ds = exportDataset(store, { entities: chosen });

      const inSet = new Set(chosen);
      const among = input.triples
        .map((t, k) => ({ t, k }))
        .filter(({ t }) => inSet.has(t.subject) && inSet.has(t.object));
      // Entities: the chosen ones in file order, then those the triples are attributed to (they would dangle otherwise).
      const attributed = [
        ...new Set(
          among.flatMap(({ t }) =>
            t.attributedTo !== undefined && !inSet.has(t.attributedTo) ? [t.attributedTo] : [],
          ),
        ),
      ];
      expect(ds.entities.map((e) => e.id)).toEqual([
        ...input.entities.filter((e) => inSet.has(e.id)).map((e) => e.id),
        ...attributed,
      ]);
      expect(json(ds.entities)).toEqual(ds.entities.map((e) => input.entities.find((x) => x.id === e.id)));
      // Triples: exactly those among them, in file order, with the ids they had.
      expect(ds.triples.length).toBe(among.length);
      ds.triples.forEach((t, j) => {
        const { t: orig, k } = among[j]!;
        expect(json({ ...t, id: undefined })).toEqual(json({ ...orig, id: undefined }));
        if (orig.id !== undefined) expect(t.id).toBe(orig.id);
        else if (t.id !== undefined) expect(t.id).toBe(ids[k]);
      });
      // Schema: the types of the entities and those the used predicates name, with their ancestors; only used predicates.
      const usedPreds = new Set(among.map(({ t }) => t.predicate));
      const wantTypes = new Set<string>();
      const parent = new Map(g.schema.entityTypes.map((t) => [t.id, t.parent]));
      const addType = (t: string | undefined) => {
        for (; t !== undefined && !wantTypes.has(t); t = parent.get(t)) wantTypes.add(t);
      };
      for (const e of ds.entities) addType(e.type);
      for (const p of g.schema.predicates) if (usedPreds.has(p.id)) [...p.domain, ...p.range].forEach(addType);
      expect(ds.schema!.entityTypes).toEqual(g.schema.entityTypes.filter((t) => wantTypes.has(t.id)));
      expect(ds.schema!.predicates).toEqual(g.schema.predicates.filter((p) => usedPreds.has(p.id)));
      const cited = new Set(among.map(({ t }) => t.source));
      expect(ds.sources.map((s) => s.id)).toEqual(input.sources.filter((s) => cited.has(s.id)).map((s) => s.id));

      // Loads back alone, with the same triple ids.
      const back = load(JSON.stringify(ds), 'sub.json');
      expect(Array.from({ length: back.tripleCount }, (_, t) => back.tripleAt(t).id)).toEqual(
        among.map(({ k }) => ids[k]),
      );
      expect(json(back.toDataset())).toEqual(json(ds));
    });
  });

  it('4. the graphology export round-trips and graphology reads it', () => {
    run(withSubset, ([g, mask]) => {
      checkValid(g);
      const input = json(g.dataset);
      const store = load(JSON.stringify(g.dataset), 'dataset.json', g.schema);
      const chosen = chosenIds(input, mask);
      const inSet = new Set(chosen);
      // As queries return it (every triple with its id) and as in the file (ids missing).
      const fromStore = subgraphOf(store, chosen);
      const fromFile: Subgraph = {
        entities: input.entities.filter((e) => inSet.has(e.id)),
        triples: input.triples.filter((t) => inSet.has(t.subject) && inSet.has(t.object)),
      };
      for (const sub of [fromStore, fromFile]) {
        const exported = JSON.parse(JSON.stringify(toGraphologyExport(sub, store.schema)));
        expect(fromGraphologyExport(exported)).toEqual(json(sub));
        const graph = MultiDirectedGraph.from(exported);
        expect(graph.order).toBe(sub.entities.length);
        expect(graph.size).toBe(sub.triples.length);
        exported.edges.forEach((e: { key: string }, k: number) => {
          expect(graph.source(e.key)).toBe(sub.triples[k]!.subject);
          expect(graph.target(e.key)).toBe(sub.triples[k]!.object);
        });
        expect(fromGraphologyExport(graph.export())).toEqual(json(sub));
        const built = buildGraph(sub, store.schema);
        expect([built.order, built.size]).toEqual([sub.entities.length, sub.triples.length]);
      }
    });
  });

  /** The same dataset with every id (entities, types, predicates, sources, triples) prefixed. */
  function renamed({ dataset: d, schema: s }: Generated, pre: string): Generated {
    const r = (x: string) => pre + x;
    const schema: Schema = {
      entityTypes: s.entityTypes.map((t) => compact({ ...t, id: r(t.id), parent: t.parent && r(t.parent) })),
      predicates: s.predicates.map((p) => ({ ...p, id: r(p.id), domain: p.domain.map(r), range: p.range.map(r) })),
    };
    const dataset: Dataset = {
      ...d,
      schema,
      sources: d.sources.map((x) => ({ ...x, id: r(x.id) })),
      entities: d.entities.map((e) => ({ ...e, id: r(e.id), type: r(e.type) })),
      triples: d.triples.map((t) =>
        compact({
          ...t,
          id: t.id && r(t.id),
          subject: r(t.subject),
          predicate: r(t.predicate),
          object: r(t.object),
          source: r(t.source),
          attributedTo: t.attributedTo && r(t.attributedTo),
        }),
      ),
    };
    return { dataset, schema };
  }

  it('5. merging a dataset with itself changes nothing; disjoint datasets add up', () => {
    run(fc.tuple(datasetArb, datasetArb), ([a, b0]) => {
      checkValid(a);
      const same = mergeDatasets(json(a.dataset), json(a.dataset));
      expect(same.problems).toEqual([]);
      expect(json(same.dataset)).toEqual(json(a.dataset));

      const b = renamed(b0, 'β:');
      checkValid(b);
      const merged = mergeDatasets(json(a.dataset), json(b.dataset), { defaultSchema: a.schema });
      expect(merged.problems).toEqual([]);
      const m = merged.dataset;
      expect(m.entities.length).toBe(a.dataset.entities.length + b.dataset.entities.length);
      expect(m.triples.length).toBe(a.dataset.triples.length + b.dataset.triples.length);
      expect(m.sources.length).toBe(a.dataset.sources.length + b.dataset.sources.length);
      const store = load(JSON.stringify(m), 'merged.json');
      expect(json(store.toDataset())).toEqual(json(m));
    });
  });
});

// ---- regressions: the smallest counterexamples the properties found ----------

describe('round-trip regressions', () => {
  const schema: Schema = {
    entityTypes: [{ id: 'node', label: 'Node', color: '#000000' }],
    predicates: [{ id: 'p', label: 'p', inverseLabel: 'p of', domain: ['node'], range: ['node'] }],
  };
  const tiny = (entityIds: string[], triples: Omit<Triple, 'source' | 'predicate'>[]): Dataset => ({
    format: 'actorgraph/dataset',
    version: 1,
    schema,
    sources: [{ id: 's', title: 'S', text: triples.map((t) => t.evidence).join('\n') }],
    entities: entityIds.map((id) => ({ id, label: id, type: 'node' })),
    triples: triples.map((t) => ({ ...t, predicate: 'p', source: 's' })),
  });
  const idsOfStore = (s: TripleStore) => Array.from({ length: s.tripleCount }, (_, t) => s.tripleAt(t).id);

  // A given id spelled like a derived one, between two id-less repeats of that triple.
  const shadowed = tiny(
    ['a'],
    [
      { subject: 'a', object: 'a', evidence: 'one' },
      { id: 'a|p|a', subject: 'a', object: 'a', evidence: 'two' },
      { subject: 'a', object: 'a', evidence: 'three' },
    ],
  );

  it('a full export keeps the derived id of a repeat that follows a given id', () => {
    const store = load(JSON.stringify(shadowed), 'shadowed.json');
    expect(idsOfStore(store)).toEqual(['a|p|a~2', 'a|p|a', 'a|p|a#2']);
    const ds = exportDataset(store, { entities: ['a'] });
    expect(idsOfStore(load(JSON.stringify(ds), 'export.json'))).toEqual(['a|p|a~2', 'a|p|a', 'a|p|a#2']);
  });

  it('the graphology export keys a derived id shadowed by a given one as the store does', () => {
    const store = load(JSON.stringify(shadowed), 'shadowed.json');
    const exported = JSON.parse(JSON.stringify(toGraphologyExport(shadowed, store.schema)));
    expect(exported.edges.map((e: { key: string }) => e.key)).toEqual(idsOfStore(store));
    expect(MultiDirectedGraph.from(exported).size).toBe(3);
    expect(buildGraph(shadowed, store.schema).edges()).toEqual(idsOfStore(store));
  });

  it('finds a derived id whose object id ends in #n', () => {
    const store = load(
      JSON.stringify(tiny(['a#2', 'a'], [{ subject: 'a#2', object: 'a#2', evidence: 'one' }])),
      'hash.json',
    );
    expect(store.tripleIndexOf('a#2|p|a#2')).toBe(0);
  });
  // Ids holding '|' or ending in #n let two different triples derive the same id.
  const colliding = [
    tiny(
      ['x', 'x|p', 'p|y', 'y'],
      [
        { subject: 'x', object: 'p|y', evidence: 'one' },
        { subject: 'x|p', object: 'y', evidence: 'two' },
      ],
    ),
    tiny(
      ['x', 'a', 'a#2'],
      [
        { subject: 'x', object: 'a', evidence: 'one' },
        { subject: 'x', object: 'a', evidence: 'two' },
        { subject: 'x', object: 'a#2', evidence: 'three' },
      ],
    ),
  ];
  it.each([
    [0, ['x|p|p|y', 'x|p|p|y~2']],
    [1, ['x|p|a', 'x|p|a#2', 'x|p|a#2~2']],
  ] as const)('keeps derived ids distinct when they would collide (case %i)', (i, want) => {
    const ds = colliding[i]!;
    const store = load(JSON.stringify(ds), 'collide.json');
    expect(idsOfStore(store)).toEqual(want);
    want.forEach((id, t) => {
      expect(store.tripleIndexOf(id)).toBe(t);
    });
    expect(tripleIds(ds.triples)).toEqual(want);
    const exported = JSON.parse(JSON.stringify(toGraphologyExport(ds, store.schema)));
    expect(MultiDirectedGraph.from(exported).size).toBe(want.length);
    const back = load(JSON.stringify(exportDataset(store, { entities: ds.entities.map((e) => e.id) })), 'export.json');
    expect(idsOfStore(back)).toEqual(want);
  });
  it('merging a dataset with itself leaves its aliases alone (repeats, or one equal to the label)', () => {
    const ds: Dataset = {
      ...tiny(['kh'], [{ subject: 'kh', object: 'kh', evidence: 'one' }]),
      entities: [{ id: 'kh', label: 'KH', type: 'node', aliases: ['حزب الله', 'حزب الله', 'KH'] }],
    };
    const { dataset, problems } = mergeDatasets(ds, ds);
    expect(problems).toEqual([]);
    expect(dataset.entities).toEqual(ds.entities);
  });

  // Two identical id-less triples in one dataset (derived ids #2) are two repeats: a merge keeps both.
  it('a merge keeps repeats within a dataset, and adds nothing when merged with itself', () => {
    const ds = tiny(
      ['a', 'b'],
      [
        { subject: 'a', object: 'b', evidence: 'one' },
        { subject: 'a', object: 'b', evidence: 'one' },
      ],
    );
    const empty = tiny(['a', 'b'], []);
    expect(mergeDatasets(empty, ds).dataset.triples).toHaveLength(2);
    expect(mergeDatasets(ds, ds).dataset.triples).toHaveLength(2);
  });
});
