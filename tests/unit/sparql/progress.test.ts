// A long call over a store says how far it has gone: requests answered, the
// frontier of the hop under way, the relations gathered.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallProgress } from '../../../src/core/explorer.ts';
import type { MemoryExplorer } from '../../../src/core/memory-explorer.ts';
import { SparqlClient } from '../../../src/core/sparql/client.ts';
import { SparqlExplorer } from '../../../src/core/sparql/explorer.ts';
import { push } from '../../../src/core/sparql/push.ts';
import { DEFAULT_DATASET, openExplorer } from '../../../src/node/open-explorer.ts';
import { oxigraphEndpoint } from './oxigraph-fetch.ts';

describe('progress of calls over a store', () => {
  let sp: SparqlExplorer;
  beforeAll(async () => {
    const ep = oxigraphEndpoint();
    const ds = await ((await openExplorer(DEFAULT_DATASET)) as MemoryExplorer).exportDataset({ all: true });
    await push(new SparqlClient({ query: 'http://s.test/sparql', fetch: ep.fetch }), ds);
    sp = new SparqlExplorer({ query: 'http://s.test/sparql', fetch: ep.fetch });
    await sp.schema();
  }, 60_000);

  it('reports each request of a path search, with the frontier and the relations gathered', async () => {
    const seen: CallProgress[] = [];
    const before = sp.requests;
    const r = await sp.paths({ from: 'joe-biden', to: 'kataib-hezbollah' }, { onProgress: (p) => seen.push(p) });
    expect(r.paths.length).toBeGreaterThan(0);
    expect(seen.map((p) => p.requests)).toEqual(seen.map((_, i) => i + 1));
    expect(seen.length).toBe(sp.requests - before);
    expect(seen.some((p) => (p.frontier ?? 0) >= 1 && (p.relations ?? 0) > 0)).toBe(true);
  });

  it('each call counts its own requests; a signal still cancels', async () => {
    const a: number[] = [],
      b: number[] = [];
    await Promise.all([
      sp.neighbourhood({ from: ['kataib-hezbollah'], depth: 2 }, { onProgress: (p) => a.push(p.requests) }),
      sp.details('joe-biden', { onProgress: (p) => b.push(p.requests) }),
    ]);
    expect(a[0]).toBe(1);
    expect(b[0]).toBe(1);
    const ac = new AbortController();
    const p = sp.neighbourhood(
      { from: ['kataib-hezbollah'], depth: 3 },
      { signal: ac.signal, onProgress: () => ac.abort() },
    );
    await expect(p).rejects.toMatchObject({ code: 'aborted' });
  });
});
