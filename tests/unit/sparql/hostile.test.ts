// Values that try to break out of a query, and endpoints that misbehave.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryExplorer } from '../../../src/core/memory-explorer.ts';
import { TripleStore } from '../../../src/core/store.ts';
import { SparqlClient } from '../../../src/core/sparql/client.ts';
import { iriRef, literal, safeLiteral } from '../../../src/core/sparql/escape.ts';
import { SparqlExplorer } from '../../../src/core/sparql/explorer.ts';
import { push, sparqlSafe } from '../../../src/core/sparql/push.ts';
import { oxigraphEndpoint } from './oxigraph-fetch.ts';
import { HOSTILE, hostileDataset } from './hostile-data.ts';

describe('escaping', () => {
  it('quotes literals so that nothing ends them early', () => {
    expect(literal('a"b')).toBe('"a\\"b"');
    expect(literal('a\\b')).toBe('"a\\\\b"');
    expect(literal('a\nb')).toBe('"a\\nb"');
    expect(literal('\uD800')).toBe('"\uFFFD"');
    expect(safeLiteral('x\\u0022')).toBe('CONCAT("x\\\\", "u0022")');
    expect(sparqlSafe('<a> <b> "x\\\\u0022" .\n')).toBe('<a> <b> "x\\\\\\u00750022" .\n');
  });

  it('refuses IRIs that could end early or are not absolute', () => {
    for (const bad of [
      'http://a/b> } DROP ALL',
      'http://a/b c',
      'relative/x',
      'http://a/"x',
      'http://a/{x}',
      'http://a/\\x',
    ]) {
      expect(() => iriRef(bad)).toThrow(expect.objectContaining({ code: 'bad-request' }));
    }
    expect(iriRef('https://actorgraph.org/id/p0%22%7D%23')).toBe('<https://actorgraph.org/id/p0%22%7D%23>');
  });

  it.each([
    ['INSERT DATA', false],
    ['the Graph Store Protocol', true],
  ])('hostile labels survive push (by %s) and every query unchanged, on Oxigraph', async (_how, graphStore) => {
    const ep = oxigraphEndpoint({ graphStore });
    const mem = new MemoryExplorer(TripleStore.build(hostileDataset, hostileDataset.schema!));
    const ds = await mem.exportDataset({ all: true });
    const pushed = await push(new SparqlClient({ query: 'http://h/sparql', fetch: ep.fetch }), ds);
    expect(pushed.method).toBe(graphStore ? 'graph-store' : 'insert-data');
    const sp = new SparqlExplorer({ query: 'http://h/sparql', fetch: ep.fetch });
    for (const e of ds.entities) expect(await sp.entity(e.id)).toEqual(await mem.entity(e.id));
    expect((await sp.stats()).title).toBe('a "title"} #');
    const back = await sp.exportDataset({ all: true });
    expect(back.triples.map((t) => t.evidence).sort()).toEqual(ds.triples.map((t) => t.evidence).sort());
    expect(back.sources).toEqual(ds.sources);
    for (const label of HOSTILE) {
      const hits = await sp.search(label);
      expect(hits.map((h) => h.id)).toEqual((await mem.search(label)).map((h) => h.id));
    }
    const p = await sp.paths({ from: 'p0"}#', to: 'p6"}#' });
    expect(p.paths[0]!.nodes).toEqual((await mem.paths({ from: 'p0"}#', to: 'p6"}#' })).paths[0]!.nodes);
    const r = await sp.relations({ text: 'DROP', limit: 100 });
    expect(r.total).toBe((await mem.relations({ text: 'DROP', limit: 100 })).total);
  });
});

describe('endpoints that misbehave', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow') {
        setTimeout(() => res.end('{}'), 5000).unref();
        return;
      }
      if (req.url === '/garbage') {
        res.setHeader('content-type', 'text/html');
        res.end('<html>hello</html>');
        return;
      }
      if (req.url === '/half') {
        res.end('{"head":{}}');
        return;
      }
      if (req.url === '/auth') {
        res.statusCode = 401;
        res.end('no');
        return;
      }
      res.statusCode = 500;
      res.end('boom');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('a dead endpoint is unreachable', async () => {
    await expect(new SparqlExplorer({ query: 'http://127.0.0.1:9/sparql' }).stats()).rejects.toMatchObject({
      code: 'unreachable',
      hint: expect.any(String),
    });
  });
  it('a slow one times out', async () => {
    await expect(new SparqlExplorer({ query: `${base}/slow`, timeoutMs: 200 }).stats()).rejects.toMatchObject({
      code: 'timeout',
    });
  });
  it('the caller can cancel', async () => {
    const c = new AbortController();
    const p = new SparqlExplorer({ query: `${base}/slow` }).stats({ signal: c.signal });
    setTimeout(() => c.abort(), 50);
    await expect(p).rejects.toMatchObject({ code: 'aborted' });
  });
  it('garbage is not SPARQL', async () => {
    await expect(new SparqlExplorer({ query: `${base}/garbage` }).stats()).rejects.toMatchObject({
      code: 'bad-answer',
    });
    await expect(new SparqlExplorer({ query: `${base}/half` }).stats()).rejects.toMatchObject({ code: 'bad-answer' });
  });
  it('a refused password, a server error', async () => {
    await expect(
      new SparqlExplorer({ query: `${base}/auth`, authorization: 'Bearer x' }).stats(),
    ).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(new SparqlExplorer({ query: `${base}/err` }).stats()).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining('500'),
    });
  });
});
