// Issue 13's findings, one regression test each: deep nesting, special files
// and links, unbounded reads, slow white space, problems without a place.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDatasetFile, loadSchemaFile, loadStoreFile } from '../../src/node/load.ts';
import { checkFile, openExplorer } from '../../src/node/open-explorer.ts';
import { openRegular, readChunks } from '../../src/node/read-file.ts';
import { ExplorerError } from '../../src/core/errors.ts';
import type { Problem } from '../../src/core/problems.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIX = fileURLToPath(new URL('../fixtures/', import.meta.url));
const SCHEMA = join(FIX, 'schema.json');
const VALID = readFileSync(join(FIX, 'bad/valid.json'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'actorgraph-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const posix = process.platform !== 'win32';

let n = 0;
function folder(data: string = VALID): { dir: string; file: string } {
  const dir = join(tmp, `d${n++}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(FIX, 'bad/source.txt'), join(dir, 'source.txt'));
  const file = join(dir, 'data.json');
  writeFileSync(file, data);
  return { dir, file };
}

/** Both loaders, timed: the codes they report (identical) and the problems. */
function both(file: string): { codes: string[]; problems: Problem[] } {
  const whole = loadDatasetFile(file, { schemaPath: SCHEMA });
  const stream = loadStoreFile(file, { schemaPath: SCHEMA });
  expect(stream.problems.map((p) => p.code)).toEqual(whole.problems.map((p) => p.code));
  for (const p of [...whole.problems, ...stream.problems]) expectPlaced(p);
  return { codes: whole.problems.map((p) => p.code), problems: whole.problems };
}

function expectPlaced(p: Problem): void {
  expect(p.file, JSON.stringify(p)).toBeTruthy();
  expect(p.line, JSON.stringify(p)).toBeGreaterThanOrEqual(1);
  expect(p.column, JSON.stringify(p)).toBeGreaterThanOrEqual(1);
  expect(p.message).toBeTruthy();
  expect(p.hint).toBeTruthy();
}

const withSourcePath = (path: string) => VALID.replace('"path": "source.txt"', `"path": ${JSON.stringify(path)}`);

describe('1-2. deep nesting: located syntax errors, no stack overflow', () => {
  it('5,000 open brackets: the CLI gives the located json-syntax error', () => {
    const { file } = folder('['.repeat(5000));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/actorgraph.mjs'), 'validate', file], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr + r.stdout).not.toMatch(/internal error|call stack/);
    expect(r.stdout + r.stderr).toMatch(/:1:5001: error: invalid JSON/);
    expect(checkFile(file).problems.map((p) => p.code)).toEqual(['json-syntax']);
  });

  it('a 100k-deep value one bracket short inside an entity: json-syntax with its place, from both readers and the Explorer', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(99_999);
    const { file } = folder(VALID.replace('"label": "Iran"', `"label": "Iran", "x": ${deep}`));
    const { codes, problems } = both(file);
    expect(codes).toEqual(['json-syntax']);
    // Where the missing bracket shows: the end of the entity, on its line or the next.
    const line = VALID.split('\n').findIndex((l) => l.includes('"label": "Iran"')) + 1;
    expect([line, line + 1]).toContain(problems[0]!.line);
    const err = await openExplorer(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExplorerError);
    expect((err as ExplorerError).problems?.map((p) => p.code)).toEqual(['json-syntax']);
  });

  it('a valid 100k-deep value in an unknown field loads (the field is dropped)', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const { file } = folder(VALID.replace('{', `{ "deep": ${deep},`));
    const { codes } = both(file);
    expect(codes).toEqual(['unknown-field']);
  });

  it('not-an-object and not-a-dataset on very deep files are located', () => {
    const arr = folder('['.repeat(50_000) + ']'.repeat(50_000));
    expect(both(arr.file).codes).toEqual(['not-an-object']);
    const obj = folder(`{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
    expect(both(obj.file).codes).toEqual(['not-a-dataset']);
  });
});

describe.runIf(posix)('3-4. only regular files are read, inside the folder, bounded while read', () => {
  it('a source path linking to /dev/zero is refused at the source, without reading it', () => {
    const { dir, file } = folder(withSourcePath('zero.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    const t0 = performance.now();
    const { codes, problems } = both(file);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(codes).toContain('file-unreadable');
    const p = problems.find((q) => q.code === 'file-unreadable')!;
    expect(p.path).toBe('sources[0].path');
    expect(p.message).toMatch(/device, not a regular file/);
  });

  it('a source path linking out of the dataset folder is bad-path', () => {
    const outside = join(tmp, 'outside.txt');
    copyFileSync(join(FIX, 'bad/source.txt'), outside);
    const { dir, file } = folder(withSourcePath('link.txt'));
    symlinkSync(outside, join(dir, 'link.txt'));
    const { codes, problems } = both(file);
    expect(codes).toContain('bad-path');
    expect(problems.find((q) => q.code === 'bad-path')!.message).toMatch(/outside the dataset's folder/);
  });

  it('a link inside the folder to a file inside it is read', () => {
    const { dir, file } = folder(withSourcePath('alias.txt'));
    symlinkSync(join(dir, 'source.txt'), join(dir, 'alias.txt'));
    expect(both(file).codes).toEqual([]);
  });

  it('a source path naming a FIFO is refused before it is opened (no hang)', () => {
    const { dir, file } = folder(withSourcePath('pipe.txt'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status).toBe(0);
    const { codes, problems } = both(file);
    expect(codes).toContain('file-unreadable');
    expect(problems.find((q) => q.code === 'file-unreadable')!.message).toMatch(/named pipe \(FIFO\)/);
  });

  it('the dataset file itself: a FIFO, a link to /dev/zero and a directory are refused with a place', () => {
    const { dir } = folder();
    spawnSync('mkfifo', [join(dir, 'fifo.json')]);
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    mkdirSync(join(dir, 'sub.json'));
    for (const name of ['fifo.json', 'zero.json', 'sub.json']) {
      const path = join(dir, name);
      for (const r of [loadDatasetFile(path, { schemaPath: SCHEMA }), loadStoreFile(path, { schemaPath: SCHEMA })]) {
        expect(r.problems.map((p) => p.code)).toEqual(['file-unreadable']);
        expectPlaced(r.problems[0]!);
        expect(r.problems[0]!).toMatchObject({ line: 1, column: 1 });
      }
    }
  });

  it('a read stops at the limit while reading, whatever the size seen before', () => {
    const { file } = folder();
    const open = openRegular(file, 'dataset file', 1 << 20);
    if ('problem' in open) throw new Error(open.problem.message);
    let seen = 0;
    const failed = readChunks(open, file, 'dataset file', 100, 16, (b) => {
      seen += b.length;
    });
    expect(failed?.problem.code).toBe('file-too-large');
    expect(seen).toBeLessThanOrEqual(112);
  });
});

describe('5. white space', () => {
  it('30 MB of spaces then {}: located, and as fast as the same amount of newlines', () => {
    // Relative to newlines (always fast), so a busy machine does not decide; spaces took 40 times longer.
    const time = (ws: string) => {
      const { file } = folder(`${ws.repeat(30_000_000)}{}`);
      const t0 = performance.now();
      const { codes, problems } = both(file);
      expect(codes).toEqual(['not-a-dataset']);
      return { ms: performance.now() - t0, p: problems[0]! };
    };
    const newlines = time('\n');
    const spaces = time(' ');
    expect(spaces.p).toMatchObject({ line: 1, column: 30_000_001 });
    expect(newlines.p).toMatchObject({ line: 30_000_001, column: 1 });
    expect(spaces.ms).toBeLessThan(2 * newlines.ms + 1_000);
  }, 60_000);
});

describe('6. every problem has a place', () => {
  it('an unusable schema file: invalid-schema located in the dataset, with a path', () => {
    const { dir, file } = folder();
    const schema = join(dir, 'schema.json');
    writeFileSync(schema, '{ "entityTypes": 3 }');
    const r = loadDatasetFile(file, { schemaPath: schema });
    const p = r.problems.find((q) => q.code === 'invalid-schema')!;
    expect(p).toMatchObject({ file, line: 1, column: 1, path: 'schema' });
    for (const q of r.problems) expectPlaced(q);
    const s = loadSchemaFile(join(dir, 'nope.json'));
    expect(s.problems[0]).toMatchObject({ code: 'file-not-found', line: 1, column: 1 });
  });
});
