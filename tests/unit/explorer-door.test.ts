// The Explorer's contract beyond the queries: bounded answers that say when
// they were cut, abort signals, capabilities, typed errors (also across the
// worker boundary), and stated caps on paths.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryExplorer } from '../../src/core/memory-explorer.ts';
import { TripleStore } from '../../src/core/store.ts';
import { ExplorerError } from '../../src/core/errors.ts';
import { findPaths, MAX_ALL_SHORTEST, MAX_K } from '../../src/core/paths.ts';
import { pathCapText } from '../../src/core/format.ts';
import { openExplorer } from '../../src/node/open-explorer.ts';
import { main } from '../../src/cli/main.ts';
import { Comlink } from '../../src/ui/data/rpc.ts';
import type { Dataset, Schema } from '../../src/core/model.ts';

const schema: Schema = {
  entityTypes: [{ id: 'person', label: 'Person', color: '#112233' }],
  predicates: [{ id: 'knows', label: 'knows', inverseLabel: 'known by', domain: ['person'], range: ['person'] }],
};

/** An n×n lattice: from the corner n0_0 to n{n-1}_{n-1} there are C(2n-2, n-1) shortest paths. */
function grid(n: number): Dataset {
  const id = (r: number, c: number) => `n${r}_${c}`;
  const entities = [],
    triples = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      entities.push({ id: id(r, c), label: `Node ${r},${c}`, type: 'person' });
      if (c + 1 < n)
        triples.push({ subject: id(r, c), predicate: 'knows', object: id(r, c + 1), source: 's', evidence: 'x' });
      if (r + 1 < n)
        triples.push({ subject: id(r, c), predicate: 'knows', object: id(r + 1, c), source: 's', evidence: 'x' });
    }
  }
  return {
    format: 'actorgraph/dataset',
    version: 1,
    title: 'Grid',
    schema,
    sources: [{ id: 's', title: 'S', text: 'x' }],
    entities,
    triples,
  };
}

/** A hub with many neighbours. */
function star(n: number): Dataset {
  const entities = [{ id: 'hub', label: 'Hub', type: 'person' }];
  const triples = [];
  for (let i = 0; i < n; i++) {
    entities.push({ id: `p${i}`, label: `P ${i}`, type: 'person' });
    triples.push({ subject: 'hub', predicate: 'knows', object: `p${i}`, source: 's', evidence: 'x' });
  }
  return {
    format: 'actorgraph/dataset',
    version: 1,
    schema,
    sources: [{ id: 's', title: 'S', text: 'x' }],
    entities,
    triples,
  };
}

const explorerOf = (ds: Dataset) => new MemoryExplorer(TripleStore.build(ds, ds.schema!));

describe('paths: caps are stated', () => {
  it('a 6×6 lattice corner to corner has 252 shortest paths: 100 listed, 252 counted', () => {
    const ds = grid(6);
    const store = TripleStore.build(ds, schema);
    const r = findPaths(store, { from: 'n0_0', to: 'n5_5', mode: 'all-shortest' });
    expect(r.paths).toHaveLength(MAX_ALL_SHORTEST);
    expect(r.truncated).toBe(true);
    expect(r.total).toBe(252);
    expect(pathCapText(r, 'all-shortest')).toBe('showing 100 of 252 shortest paths');
    // Not cut: no flag, no count.
    const small = findPaths(store, { from: 'n0_0', to: 'n2_2', mode: 'all-shortest' });
    expect(small.paths).toHaveLength(6);
    expect(small.truncated).toBeUndefined();
    // A smaller limit is honoured and counted the same way.
    const ten = findPaths(store, { from: 'n0_0', to: 'n5_5', mode: 'all-shortest', limit: 10 });
    expect(ten.paths).toHaveLength(10);
    expect(ten.total).toBe(252);
  });

  it('the CLI says so in text and JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'actorgraph-grid-'));
    try {
      const file = join(dir, 'grid.json');
      writeFileSync(file, JSON.stringify(grid(6)));
      const out: string[] = [];
      const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
      expect(await main(['--data', file, 'path', 'n0_0', 'n5_5', '--all'], io)).toBe(0);
      expect(out.join('\n')).toMatch(/\nshowing 100 of 252 shortest paths$/);
      expect(out.filter((l) => /^\d+\. /.test(l))).toHaveLength(100);
      out.length = 0;
      expect(await main(['--data', file, 'path', 'n0_0', 'n5_5', '--all', '--json'], io)).toBe(0);
      const json = JSON.parse(out.join('\n'));
      expect(json.paths).toHaveLength(100);
      expect(json).toMatchObject({ truncated: true, total: 252, note: 'showing 100 of 252 shortest paths' });
      // --k and the core agree on the largest k.
      out.length = 0;
      expect(await main(['--data', file, 'path', 'n0_0', 'n5_5', '--k', String(MAX_K + 1)], io)).toBe(2);
      expect(out.join('\n')).toMatch(new RegExp(`--k must be a whole number from 1 to ${MAX_K}`));
      out.length = 0;
      expect(await main(['--data', file, 'path', 'n0_0', 'n5_5', '--k', String(MAX_K), '--json'], io)).toBe(0);
      expect(JSON.parse(out.join('\n')).paths).toHaveLength(MAX_K);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bounded answers', () => {
  const ex = explorerOf(star(30));

  it('details of a hub are cut at the limit and say by how much', async () => {
    const d = (await ex.details('hub', { limit: 10, offset: 5 }))!;
    expect(d.outgoing.map((t) => t.object)).toEqual(Array.from({ length: 10 }, (_, i) => `p${i + 5}`));
    expect(d).toMatchObject({ truncated: true, totalOutgoing: 30, totalIncoming: 0 });
    expect((await ex.details('hub'))!.truncated).toBeUndefined();
  });

  it('the CLI states a cut show', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'actorgraph-star-'));
    try {
      const file = join(dir, 'star.json');
      writeFileSync(file, JSON.stringify(star(30)));
      const out: string[] = [];
      const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
      expect(await main(['--data', file, 'show', 'hub', '--limit', '4'], io)).toBe(0);
      expect(out.filter((l) => /^ {4}P \d+ \(p\d+\)$/.test(l))).toHaveLength(4);
      expect(out.join('\n')).toMatch(/showing 4 of 30 outgoing and 0 of 0 incoming relations$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('subgraph, sources and neighbourhood say when they were cut', async () => {
    const ids = ['hub', ...Array.from({ length: 30 }, (_, i) => `p${i}`)];
    const s = await ex.subgraph(ids, { limit: 7 });
    expect(s.triples).toHaveLength(7);
    expect(s).toMatchObject({ truncated: true, totalTriples: 30 });
    expect((await ex.subgraph(ids)).truncated).toBe(false);
    const n = await ex.neighbourhood({ from: ['hub'], depth: 1, limit: 5 });
    expect(n.entities).toHaveLength(5);
    expect(n.truncated).toBe(true);
    expect(await ex.sources({ limit: 0 })).toEqual({ sources: [], total: 1, truncated: true });
    expect((await ex.sources({ ids: ['s'] })).sources[0]).not.toHaveProperty('text');
  });

  it('entities in batch, in the order asked', async () => {
    expect((await ex.entities(['p3', 'ghost', 'hub'])).map((e) => e?.id)).toEqual(['p3', undefined, 'hub']);
    await expect(ex.entities(['hub', 'p1'], { limit: 1 })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('export of all, and a refused export rather than a cut one', async () => {
    expect((await ex.exportDataset({ all: true })).entities).toHaveLength(31);
    await expect(ex.exportDataset({ all: true, maxTriples: 10 })).rejects.toMatchObject({ code: 'too-large' });
  });
});

describe('signals, capabilities, errors', () => {
  const ex = explorerOf(star(3));

  it('an aborted signal rejects every method with code aborted', async () => {
    const signal = AbortSignal.abort();
    const calls = [
      ex.capabilities({ signal }),
      ex.schema({ signal }),
      ex.stats({ signal }),
      ex.search('hub', { signal }),
      ex.entity('hub', { signal }),
      ex.entities(['hub'], { signal }),
      ex.details('hub', { signal }),
      ex.source('s', { signal }),
      ex.sources({}, { signal }),
      ex.neighbourhood({ from: ['hub'], depth: 1 }, { signal }),
      ex.paths({ from: 'hub', to: 'p1' }, { signal }),
      ex.subgraph(['hub'], { signal }),
      ex.topEntities(1, { signal }),
      ex.exportDataset({ all: true }, { signal }),
      ex.columns({ signal }),
    ];
    for (const c of calls) await expect(c).rejects.toMatchObject({ name: 'ExplorerError', code: 'aborted' });
  });

  it('capabilities say what the in-memory Explorer can do', async () => {
    const c = await ex.capabilities();
    expect(c).toMatchObject({
      backend: 'memory',
      columns: true,
      shareCurrent: true,
      typoTolerantSearch: true,
      limits: { maxK: MAX_K, maxAllShortest: MAX_ALL_SHORTEST },
    });
    expect(typeof ex.columns).toBe('function');
    expect(typeof ex.shareCurrent).toBe('function');
  });

  it('errors are typed: unknown entity on export, bad requests, unreachable endpoints, invalid data', async () => {
    await expect(ex.exportDataset({ entities: ['ghost'] })).rejects.toMatchObject({ code: 'unknown-entity' });
    await expect(ex.details('hub', { limit: -1 })).rejects.toMatchObject({ code: 'bad-request' });
    // An endpoint opens a SparqlExplorer (no request yet); a dead one is `unreachable`, with a hint.
    const remote = await openExplorer({ endpoint: 'http://127.0.0.1:9/sparql' });
    expect((await remote.capabilities()).backend).toBe('sparql');
    await expect(remote.stats()).rejects.toMatchObject({ code: 'unreachable', hint: expect.any(String) });
    await expect(openExplorer('/nonexistent/dataset.json')).rejects.toMatchObject({
      code: 'invalid-data',
      problems: [expect.objectContaining({ severity: 'error' })],
    });
  });

  it('cross the worker boundary as ExplorerError, not strings', () => {
    const handler = Comlink.transferHandlers.get('throw')!;
    const roundTrip = (value: unknown) => {
      const [wire] = handler.serialize({ value });
      try {
        handler.deserialize(structuredClone(wire));
      } catch (e) {
        return e;
      }
      throw new Error('deserialize did not throw');
    };
    const e = roundTrip(
      new ExplorerError({ code: 'unknown-entity', message: 'no such entity', hint: 'search for it' }),
    );
    expect(e).toBeInstanceOf(ExplorerError);
    expect(e).toMatchObject({ code: 'unknown-entity', message: 'no such entity', hint: 'search for it' });
    expect(roundTrip(new Error('boom'))).toMatchObject({ name: 'ExplorerError', code: 'internal', message: 'boom' });
  });
});
