// push: the Graph Store Protocol where the store offers it, INSERT DATA
// otherwise, a few requests in flight, the same triples either way.
import { describe, expect, it } from 'vitest';
import type { MemoryExplorer } from '../../../src/core/memory-explorer.ts';
import { SparqlClient } from '../../../src/core/sparql/client.ts';
import { batchesOf, graphStoreCandidates, graphStoreUrl, push } from '../../../src/core/sparql/push.ts';
import { DEFAULT_DATASET, openExplorer } from '../../../src/node/open-explorer.ts';
import { writeNTriples } from '../../../src/core/writers/rdf.ts';
import type { Dataset } from '../../../src/core/model.ts';
import { oxigraphEndpoint } from './oxigraph-fetch.ts';

const Q = 'http://store.test/sparql';
const G = 'https://example.org/g/desk';
let cached: Dataset | undefined;
const dataset = async () =>
  (cached ??= await ((await openExplorer(DEFAULT_DATASET)) as MemoryExplorer).exportDataset({ all: true }));
const sorted = (nt: string) => nt.split('\n').filter(Boolean).sort();

describe('push', () => {
  it('POSTs N-Triples to the Graph Store when the store offers one: the same triples as INSERT DATA', async () => {
    const ds = await dataset();
    const gsp = oxigraphEndpoint({ graphStore: true }),
      ins = oxigraphEndpoint({ graphStore: true });
    const progress: number[] = [];
    const a = await push(new SparqlClient({ query: Q, fetch: gsp.fetch }), ds, {
      graph: G,
      progress: (n) => progress.push(n),
    });
    const b = await push(new SparqlClient({ query: Q, fetch: ins.fetch }), ds, { graph: G, graphStore: false });
    expect(a).toMatchObject({ method: 'graph-store', graphStore: 'http://store.test/sparql-graph-crud' });
    expect(b.method).toBe('insert-data');
    expect(a.stored).toBe(b.stored);
    expect(a.triples).toBe(sorted(writeNTriples(ds)).length);
    expect(gsp.seen.filter((s) => s.startsWith('GSP'))).toContain(`GSP ${G}`);
    expect(gsp.seen.some((s) => s.startsWith('INSERT DATA'))).toBe(false);
    const dump = (ep: typeof gsp) => sorted(ep.store.dump({ format: 'application/n-quads' }));
    expect(dump(gsp)).toEqual(dump(ins));
    expect(progress.at(-1)).toBe(a.triples);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);
  });

  it('falls back to INSERT DATA where there is no Graph Store, or one that keeps nothing', async () => {
    const ds = await dataset();
    const none = oxigraphEndpoint();
    const r = await push(new SparqlClient({ query: Q, fetch: none.fetch }), ds, { graph: G });
    expect(r.method).toBe('insert-data');
    expect(r.stored).toBe(r.triples);
    // A server that says 201 to anything at that URL is not taken for a Graph Store.
    const liar = oxigraphEndpoint();
    const f = ((url: string, init?: RequestInit) =>
      String(url).includes('graph-crud')
        ? Promise.resolve(new Response('', { status: 201 }))
        : liar.fetch(url, init)) as typeof fetch;
    const l = await push(new SparqlClient({ query: Q, fetch: f }), ds, { graph: G });
    expect(l).toMatchObject({ method: 'insert-data', stored: r.triples });
  });

  it('is safe to re-run, and --replace clears first', async () => {
    const ds = await dataset();
    const ep = oxigraphEndpoint({ graphStore: true });
    const c = new SparqlClient({ query: Q, fetch: ep.fetch });
    const first = await push(c, ds, { graph: G });
    const again = await push(c, ds, { graph: G });
    expect(again.stored).toBe(first.stored);
    const replaced = await push(c, ds, { graph: G, replace: true, graphStore: false });
    expect(replaced.stored).toBe(first.triples);
  });

  it('keeps at most `concurrency` requests in flight, and a failure stops the rest', async () => {
    const ds = await dataset();
    const ep = oxigraphEndpoint();
    let now = 0,
      most = 0,
      updates = 0;
    const slow = (async (url: string, init?: RequestInit) => {
      now++;
      most = Math.max(most, now);
      await new Promise((r) => setTimeout(r, 5));
      try {
        return await ep.fetch(url, init);
      } finally {
        now--;
      }
    }) as typeof fetch;
    const r = await push(new SparqlClient({ query: Q, fetch: slow }), ds, { batch: 200, concurrency: 3 });
    expect(r.requests).toBeGreaterThan(6);
    expect(most).toBe(3);
    const failing = (async (url: string, init?: RequestInit) => {
      const body = String(init?.body ?? '');
      if (body.startsWith('update=') && ++updates === 2) return new Response('boom', { status: 500 });
      return ep.fetch(url, init);
    }) as typeof fetch;
    await expect(
      push(new SparqlClient({ query: Q, fetch: failing }), ds, { batch: 200, graphStore: false }),
    ).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('500') });
  });

  it('stops when the caller cancels', async () => {
    const ds = await dataset();
    const ep = oxigraphEndpoint();
    const ac = new AbortController();
    const p = push(new SparqlClient({ query: Q, fetch: ep.fetch }), ds, {
      batch: 100,
      signal: ac.signal,
      progress: () => ac.abort(),
    });
    await expect(p).rejects.toMatchObject({ code: 'aborted' });
  });

  it('batches by count and by size, never empty', () => {
    const lines = ['aaaa', 'bb', 'cccccc', 'd', 'ee'];
    expect(batchesOf(lines, 2, 100)).toEqual([['aaaa', 'bb'], ['cccccc', 'd'], ['ee']]);
    expect(batchesOf(lines, 100, 6)).toEqual([['aaaa', 'bb'], ['cccccc'], ['d', 'ee']]);
    expect(batchesOf(['x'.repeat(50)], 10, 6)).toEqual([['x'.repeat(50)]]);
    expect(batchesOf([], 10, 6)).toEqual([]);
  });

  it('looks for a Graph Store where stores keep one', () => {
    expect(graphStoreCandidates('http://localhost:8890/sparql')).toEqual([
      'http://localhost:8890/sparql-graph-crud',
      'http://localhost:8890/data',
    ]);
    expect(graphStoreCandidates('http://f:3030/ds/query')).toEqual(['http://f:3030/ds/data', 'http://f:3030/ds/store']);
    expect(graphStoreCandidates('http://x/api/endpoint')).toEqual([]);
    expect(graphStoreUrl('http://f/ds/data', 'https://g/1?a=b')).toBe(
      'http://f/ds/data?graph=https%3A%2F%2Fg%2F1%3Fa%3Db',
    );
    expect(graphStoreUrl('http://f/ds/data', undefined)).toBe('http://f/ds/data?default');
  });
});
