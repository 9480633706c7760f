import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDataset, loadSchema, serialiseDataset } from '../../bench/generate.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/actorgraph.mjs');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[]) {
  const r = cli(...args, '--json');
  expect(r.stderr, r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  return { ...r, data: r.stdout ? JSON.parse(r.stdout) : undefined };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'actorgraph-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cli', () => {
  it('search kataib lists both Kataib groups, Kataib Hezbollah first among exact-prefix matches', () => {
    const { code, data } = json(['search', 'kataib']);
    expect(code).toBe(0);
    const ids = data.map((h: { id: string }) => h.id);
    expect(ids).toContain('kataib-hezbollah');
    expect(ids).toContain('kataib-sayyid-al-shuhada');
    for (const h of data) expect(Object.keys(h)).toEqual(expect.arrayContaining(['id', 'label', 'type', 'score']));
  });

  it('search with no match exits 1 and says so on stderr', () => {
    const r = cli('search', 'zzzxqy');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no entity matches/);
  });

  it('path from Joe Biden to Kataib Hezbollah reads as a chain', () => {
    const { code, data } = json(['path', 'Joe Biden', 'Kataib Hezbollah']);
    expect(code).toBe(0);
    expect(data.paths.length).toBeGreaterThan(0);
    const p = data.paths[0];
    expect(p.length).toBe(p.triples.length);
    expect(p.triples[0].subject === 'joe-biden' || p.triples[0].object === 'joe-biden').toBe(true);
    expect(p.text).toMatch(/^Joe Biden —.+→ .*Kataib Hezbollah$/);
    // Each step joins the previous one.
    let at = 'joe-biden';
    for (const t of p.triples) {
      expect([t.subject, t.object]).toContain(at);
      at = t.subject === at ? t.object : t.subject;
    }
    expect(at).toBe('kataib-hezbollah');
  });

  it('path --k 3 gives up to three paths ordered by length', () => {
    const { code, data } = json(['path', 'joe-biden', 'kataib-hezbollah', '--k', '3']);
    expect(code).toBe(0);
    const lengths = data.paths.map((p: { length: number }) => p.length);
    expect(lengths.length).toBeGreaterThan(1);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  });

  it('path Trump to Soleimani exists', () => {
    const { code, data } = json(['path', 'Donald Trump', 'Soleimani']);
    expect(code).toBe(0);
    expect(data.paths[0].triples.length).toBeGreaterThan(0);
  });

  it('no path under too strict a filter exits 1 with a reason', () => {
    const { code, data } = json(['path', 'joe-biden', 'kataib-hezbollah', '--max-length', '1']);
    expect(code).toBe(1);
    expect(data.paths).toEqual([]);
    expect(data.reason).toMatch(/\w/);
  });

  it('neighbours Iran --depth 2 returns entities and triples', () => {
    const { code, data } = json(['neighbours', 'Iran', '--depth', '2']);
    expect(code).toBe(0);
    const ids = data.entities.map((e: { id: string }) => e.id);
    expect(ids).toContain('iran');
    expect(ids).toContain('kataib-hezbollah');
    for (const t of data.triples) {
      expect(ids).toContain(t.subject);
      expect(ids).toContain(t.object);
    }
  });

  it('neighbours --direction in only walks incoming triples', () => {
    const { data } = json(['neighbours', 'iran', '--direction', 'in']);
    for (const t of data.triples) if (t.subject === 'iran' || t.object === 'iran') expect(t.object).toBe('iran');
  });

  it('show gives aliases and relations', () => {
    const { code, data } = json(['show', 'KH']);
    expect(code).toBe(0);
    expect(data.id).toBe('kataib-hezbollah');
    expect(data.aliases).toContain("Kata'ib Hezbollah");
    expect(
      data.relations.some(
        (r: { predicate: string; entity: { id: string } }) => r.predicate === 'backed-by' && r.entity.id === 'iran',
      ),
    ).toBe(true);
  });

  it('an ambiguous name lists the candidates and exits 2', () => {
    const r = cli('show', 'Kataib');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ambiguous/);
    expect(r.stderr).toMatch(/kataib-hezbollah/);
    expect(r.stderr).toMatch(/kataib-sayyid-al-shuhada/);
  });

  it('stats counts entities, triples, types and predicates', () => {
    const { code, data } = json(['stats']);
    expect(code).toBe(0);
    const ds = JSON.parse(readFileSync(join(ROOT, 'graph-data/dataset.json'), 'utf8'));
    expect(data.entities).toBe(ds.entities.length);
    expect(data.triples).toBe(ds.triples.length);
    expect(data.types).toBeGreaterThan(5);
    expect(data.predicates).toBeGreaterThan(5);
  });

  it('export --entity Iran --depth 1 writes a dataset that loads back with --data', () => {
    const r = cli('export', '--entity', 'Iran', '--depth', '1');
    expect(r.code).toBe(0);
    const file = join(dir, 'sub.json');
    writeFileSync(file, r.stdout);
    const sub = JSON.parse(r.stdout);
    expect(sub.format).toBe('actorgraph/dataset');
    expect(sub.entities.map((e: { id: string }) => e.id)).toContain('iran');
    // Standalone: the article travels inline, so evidence is checked on reload.
    expect(sub.sources[0].text).toMatch(/Kataib Hezbollah/);
    expect(sub.sources[0].path).toBeUndefined();
    const v = cli('validate', file);
    expect(v.code, v.stderr).toBe(0);
    const report = json(['validate', file]).data.files[0];
    expect(report.problems).toEqual([]);
    const s = json(['--data', file, 'stats']);
    expect(s.code).toBe(0);
    expect(s.data.entities).toBe(sub.entities.length);
    expect(s.data.triples).toBe(sub.triples.length);
  });

  it('export --format graphology gives graph.export() JSON', () => {
    const r = cli('export', '--entity', 'kataib-hezbollah', '--format', 'graphology');
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout);
    expect(g.options).toMatchObject({ type: 'directed', multi: true });
    expect(g.nodes.map((n: { key: string }) => n.key)).toContain('kataib-hezbollah');
  });

  it('export --format nt streams its lines, to a file and to stdout alike, in full', () => {
    const big = join(dir, 'gen.json');
    writeFileSync(big, serialiseDataset(generateDataset({ triples: 3000, seed: 3, schema: loadSchema() })));
    const file = join(dir, 'all.nt');
    const toFile = cli('export', '--data', big, '--format', 'nt', '--out', file);
    expect(toFile.code, toFile.stderr).toBe(0);
    const written = readFileSync(file, 'utf8');
    const out = cli('export', '--data', big, '--format', 'nt');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(written);
    // Over a megabyte: written in several pieces, each cut at a line's end.
    expect(written.length).toBeGreaterThan(1 << 20);
    const lines = written.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.every((l) => / \.$/.test(l))).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
  }, 60_000);

  it('validate exits 0 on the default data', () => {
    const r = cli('validate');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/valid/);
  });

  it('validate reports a located error and exits 2 on a broken file', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          format: 'actorgraph/dataset',
          version: 1,
          sources: [{ id: 's', title: 'S', text: 'A backs B.' }],
          entities: [
            { id: 'a', label: 'A', type: 'person' },
            { id: 'b', label: 'B', type: 'person' },
          ],
          triples: [{ subject: 'a', predicate: 'no-such-predicate', object: 'b', source: 's', evidence: 'A backs B.' }],
        },
        null,
        2,
      ),
    );
    const r = cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/triples\[0\]\.predicate/);
    expect(r.stderr).toMatch(/no-such-predicate/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--data with invalid JSON exits 2 with the line', () => {
    const file = join(dir, 'truncated.json');
    writeFileSync(file, '{\n  "format": "actorgraph/dataset",\n  "entities": [\n');
    const r = cli('--data', file, 'stats');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/:\d+:\d+/);
  });

  it('bad usage exits 2 with a message', () => {
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('neighbours', 'iran', '--depth', 'two').stderr).toMatch(/--depth must be a whole number/);
    expect(cli('path', 'iran').code).toBe(2);
    expect(cli('neighbours', 'iran', '--predicate', 'nope').stderr).toMatch(/unknown predicate 'nope'/);
    expect(cli('search', 'x', '--bogus').code).toBe(2);
  });

  it('unknown entity exits 1', () => {
    const r = cli('show', 'qqqqzzzz');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no entity matches/);
  });
});
