// The binary snapshot of a store: decode(encode(store)) answers every query as
// the store did, over random valid datasets and the default data; a damaged,
// truncated or older snapshot is refused with a SnapshotError, never a crash.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { graphColumns } from '../../src/core/columns.ts';
import { MemoryExplorer } from '../../src/core/memory-explorer.ts';
import type { Dataset, PathMode } from '../../src/core/model.ts';
import {
  decodeSnapshot,
  decodeSnapshotAndStats,
  encodeSnapshot,
  SnapshotError,
  SNAPSHOT_VERSION,
} from '../../src/core/snapshot/snapshot.ts';
import { TripleStore } from '../../src/core/store.ts';
import { loadDefault, loadStoreFile } from '../../src/node/load.ts';
import { datasetArb } from './dataset-arbitrary.ts';
import { schema, story } from './core-fixtures.ts';

const SEED = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {};

/** Every answer of the Explorer over `a` and over `b` is the same (a few queries per entity and pair). */
async function sameAnswers(a: TripleStore, b: TripleStore, pairs = Infinity): Promise<void> {
  const x = new MemoryExplorer(a, 'x'),
    y = new MemoryExplorer(b, 'x');
  // The stats kept in the snapshot are the store's.
  expect(decodeSnapshotAndStats(encodeSnapshot(b)).stats).toEqual(await x.stats());
  expect(await y.stats()).toEqual(await x.stats());
  expect(await y.schema()).toEqual(await x.schema());
  expect(b.toDataset()).toEqual(a.toDataset());
  expect(await y.exportDataset({ all: true })).toEqual(await x.exportDataset({ all: true }));
  expect(graphColumns(b)).toEqual(graphColumns(a));
  expect(await y.topEntities(10)).toEqual(await x.topEntities(10));
  // Most connected first, ties in file order.
  const byDegree = Array.from({ length: a.entityCount }, (_, i) => i).sort(
    (i, j) => a.degree(j) - a.degree(i) || i - j,
  );
  expect((await x.topEntities(a.entityCount)).map((e) => a.indexOf(e.id))).toEqual(byDegree);
  expect(await y.sources({ limit: 1e6 })).toEqual(await x.sources({ limit: 1e6 }));
  for (const s of a.sources) expect(await y.source(s.id)).toEqual(await x.source(s.id));
  for (let t = 0; t < a.tripleCount; t++) {
    const tr = a.tripleAt(t);
    expect(b.tripleAt(t)).toEqual(tr);
    expect(b.tripleIndexOf(tr.id!)).toBe(a.tripleIndexOf(tr.id!));
    expect(b.statusAt(t)).toBe(a.statusAt(t));
  }
  const ids = Array.from({ length: a.entityCount }, (_, i) => a.entityAt(i).id);
  for (const id of ids) {
    const e = a.entity(id)!;
    expect(await y.details(id)).toEqual(await x.details(id));
    expect(await y.search(e.label)).toEqual(await x.search(e.label));
    expect(await y.search(e.label.slice(0, 3))).toEqual(await x.search(e.label.slice(0, 3)));
    for (const al of e.aliases ?? []) expect(await y.search(al)).toEqual(await x.search(al));
    const q = { from: [id], depth: 2 };
    expect(await y.neighbourhood(q)).toEqual(await x.neighbourhood(q));
    expect(await y.exportDataset({ entities: [id], includeNeighbours: true })).toEqual(
      await x.exportDataset({ entities: [id], includeNeighbours: true }),
    );
  }
  let n = 0;
  for (const from of ids)
    for (const to of ids) {
      if (n++ >= pairs) return;
      for (const mode of ['shortest', 'all-shortest', 'k-shortest'] as PathMode[]) {
        const q = { from, to, mode, k: 3 };
        expect(await y.paths(q)).toEqual(await x.paths(q));
      }
    }
}

const roundTrip = (s: TripleStore) => decodeSnapshot(encodeSnapshot(s));

describe('store snapshots', () => {
  it('decode(encode(store)) answers as the store, and encodes to the same bytes, over random datasets', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, async (g) => {
        const store = TripleStore.build(g.dataset, g.schema);
        const bytes = encodeSnapshot(store);
        // Entities one by one, before any call parses them all (toDataset does).
        const lazy = decodeSnapshot(bytes.slice(0));
        for (let i = store.entityCount - 1; i >= 0; i--) {
          expect(lazy.entityAt(i)).toEqual(store.entityAt(i));
          expect(lazy.indexOf(store.entityAt(i).id)).toBe(i);
        }
        const back = decodeSnapshot(bytes.slice(0));
        await sameAnswers(store, back);
        expect(new Uint8Array(encodeSnapshot(back))).toEqual(new Uint8Array(bytes));
      }),
      { numRuns: 60, ...SEED },
    );
  }, 180_000);

  it('keeps the default data, read whole or streamed into columns', async () => {
    const whole = loadDefault().store;
    await sameAnswers(whole, roundTrip(whole), 400);
    const streamed = loadStoreFile('graph-data/dataset.json').store!;
    await sameAnswers(streamed, roundTrip(streamed), 400);
  }, 120_000);

  it('keeps evidence found in its source as a slice, and evidence that is not in the table', () => {
    const ds: Dataset = structuredClone(story);
    ds.sources = ds.sources.map((s) => ({ ...s, text: undefined, path: 'x.txt' }));
    ds.triples[0]!.evidence = 'not in the text';
    const texts = new Map(ds.sources.map((s) => [s.id, `head ${ds.triples.map((t) => t.evidence).join(' … ')}`]));
    const store = TripleStore.build(ds, schema, { sourceText: (s) => texts.get(s.id) });
    const back = roundTrip(store);
    expect(back.toDataset()).toEqual(store.toDataset());
    expect(back.sourceText(ds.sources[0]!.id)).toBe(store.sourceText(ds.sources[0]!.id));
    for (let t = 0; t < store.tripleCount; t++) expect(back.tripleAt(t)).toEqual(store.tripleAt(t));
    // Found quotes take 8 bytes each, not their text: the snapshot holds the text once.
    const longer = structuredClone(ds);
    for (const t of longer.triples) t.evidence = `${t.evidence} (not quoted)`;
    const other = TripleStore.build(longer, schema, { sourceText: (s) => texts.get(s.id) });
    const quoted = ds.triples.reduce((n, t) => n + (t.evidence?.length ?? 0), 0);
    expect(encodeSnapshot(other).byteLength).toBeGreaterThan(encodeSnapshot(store).byteLength + quoted);
  });

  it('keeps lone surrogates (the strings go as UTF-16 then)', () => {
    const ds: Dataset = structuredClone(story);
    ds.entities[0]!.label = 'bad \ud800 half';
    ds.triples[0]!.date = '2020';
    ds.triples[0]!.qualifier = 'x\udc00';
    const store = TripleStore.build(ds, schema);
    const back = roundTrip(store);
    expect(back.entityAt(0).label).toBe('bad \ud800 half');
    expect(back.tripleAt(0)).toEqual(store.tripleAt(0));
  });

  it('refuses a damaged, truncated, foreign or older snapshot with a SnapshotError', () => {
    const bytes = encodeSnapshot(loadDefault().store);
    const refused = (buf: ArrayBuffer): SnapshotError => {
      try {
        decodeSnapshot(buf);
      } catch (e) {
        expect(e).toBeInstanceOf(SnapshotError);
        return e as SnapshotError;
      }
      throw new Error('a damaged snapshot was accepted');
    };
    fc.assert(
      fc.property(fc.nat({ max: bytes.byteLength - 1 }), fc.integer({ min: 1, max: 255 }), (at, x) => {
        const b = bytes.slice(0);
        new Uint8Array(b)[at]! ^= x;
        refused(b);
      }),
      { numRuns: 300, ...SEED },
    );
    // Each header byte, the reserved ones too (a run of 300 random flips may miss them).
    for (let at = 0; at < 32; at++) {
      const b = bytes.slice(0);
      new Uint8Array(b)[at]! ^= 2;
      refused(b);
    }
    for (const n of [0, 7, 31, 100, bytes.byteLength - 8]) refused(bytes.slice(0, n));
    expect(refused(new TextEncoder().encode('{"format":"actorgraph/dataset"}').buffer as ArrayBuffer).reason).toBe(
      'not-a-snapshot',
    );
    const old = bytes.slice(0);
    new DataView(old).setUint32(8, SNAPSHOT_VERSION - 1, true);
    expect(refused(old).reason).toBe('version');
  });
});
