// Property-based round trips: random valid datasets (random schema forests,
// unicode text, many triples between one pair, id-less repeats) go through
// JSON, validation, the store, exports, the graphology format and merging, and
// must come back as they went in.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { exportDataset, fromGraphologyExport, mergeDatasets, toGraphologyExport } from '../../src/core/export.ts';
import { buildGraph } from '../../src/core/graphology.ts';
import { subgraphOf } from '../../src/core/memory-explorer.ts';
import type { Dataset, Schema, Subgraph, Triple } from '../../src/core/model.ts';
import type { Problem } from '../../src/core/problems.ts';
import { TripleStore, tripleIds } from '../../src/core/store.ts';
import { parseDataset, validateDataset, type ParseResult } from '../../src/core/validate.ts';
import { compact, datasetArb, type Generated } from './dataset-arbitrary.ts';

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
