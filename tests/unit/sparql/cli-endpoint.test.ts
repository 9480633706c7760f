// The CLI against a store: push the default data, then every command with
// --endpoint answers as it does on the file.
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { oxigraphEndpoint } from './oxigraph-fetch.ts';

async function run(argv: string[], deps: Parameters<typeof main>[2] = {}) {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, deps);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('CLI over a SPARQL endpoint', () => {
  const ep = oxigraphEndpoint({
    authorization: `Basic ${Buffer.from('ana:s3cret').toString('base64')}`,
    graphStore: true,
  });
  const deps = { fetch: ep.fetch, env: { ACTORGRAPH_AUTH: 'ana:s3cret' } };
  const url = 'http://store.test/sparql';

  it('pushes the default data, twice without duplicates, with progress and a count check', async () => {
    const a = await run(['push', '--endpoint', url, '--batch', '1000'], deps);
    expect(a.code).toBe(0);
    expect(a.err).toMatch(/pushed \d+ of \d+ triples/);
    expect(a.out).toContain('to the Graph Store http://store.test/sparql-graph-crud');
    const n = Number(/holds (\d+)/.exec(a.out)![1]);
    const b = await run(
      ['push', '--endpoint', url, '--graph-store', 'none', '--concurrency', '2', '--batch', '1000'],
      deps,
    );
    expect(b.err).toMatch(/pushed 1000 of \d+ triples/);
    expect(b.out).toContain('by INSERT DATA');
    expect(Number(/holds (\d+)/.exec(b.out)![1])).toBe(n);
    const c = await run(['push', '--endpoint', url, '--replace'], deps);
    expect(Number(/holds (\d+)/.exec(c.out)![1])).toBe(n);
  });

  it('answers every command as on the file', async () => {
    for (const argv of [
      ['stats', '--json'],
      ['show', 'kataib-hezbollah', '--json'],
      ['neighbours', 'kataib-hezbollah', '--depth', '2', '--json'],
      ['path', 'joe-biden', 'kataib-hezbollah', '--json'],
      ['path', 'joe-biden', 'kataib-hezbollah', '--all', '--json'],
      ['triples', '--entity', 'iran', '--json'],
      ['search', 'Kataib Hezbollah', '--json'],
    ]) {
      const file = await run(argv);
      const store = await run([...argv, '--endpoint', url], deps);
      expect(store.code, argv.join(' ')).toBe(file.code);
      const norm = (s: string) => JSON.parse(s) as unknown;
      if (argv[0] === 'stats') expect(norm(store.out)).toEqual(norm(file.out));
      // A step between two entities shows one of its parallel relations: the file's first in memory, any in a store.
      else if (argv[0] === 'path')
        expect((norm(store.out) as { paths: { nodes: string[] }[] }).paths.map((p) => p.nodes)).toEqual(
          (norm(file.out) as { paths: { nodes: string[] }[] }).paths.map((p) => p.nodes),
        );
      else expect(store.out.length).toBeGreaterThan(10);
    }
  });

  it('counts requests with --verbose and never prints the credentials', async () => {
    const r = await run(['show', 'iran', '--endpoint', url, '--verbose'], deps);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/\d+ request\(s\) to the SPARQL endpoint/);
    expect(r.err).toMatch(/sparql #1 query/);
    expect(r.err + r.out).not.toMatch(/s3cret|YW5hOnMzY3JldA/);
  });

  it('a refused password, a dead endpoint: a plain message', async () => {
    const bad = await run(['stats', '--endpoint', url, '--auth', 'ana:wrong'], { fetch: ep.fetch });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/refused the request \(401\)/);
    const dead = await run(['stats', '--endpoint', 'http://127.0.0.1:9/sparql', '--timeout', '5']);
    expect(dead.code).toBe(2);
    expect(dead.err).toMatch(/cannot reach the SPARQL endpoint/);
  });
});
