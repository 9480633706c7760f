import { describe, expect, it, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE, MANIFEST, isFresh } from '../../bin/cli-bundle.mjs';

const dir = mkdtempSync(join(tmpdir(), 'actorgraph-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const url = (name: string) => pathToFileURL(join(dir, name));
const root = pathToFileURL(`${dir}/`);

describe('compiled CLI', () => {
  it('the tests run a bundle built from the current sources, main.ts among them', () => {
    expect(isFresh()).toBe(true);
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    expect(manifest.inputs).toContain('src/cli/main.ts');
    expect(manifest.inputs).toContain('src/core/store.ts');
    expect(readFileSync(BUNDLE, 'utf8')).toMatch(/export \{[^}]*\bmain\b/);
  });

  it('a bundle is stale when an input is newer than its build, or gone, or the manifest is missing', () => {
    writeFileSync(join(dir, 'bundle.mjs'), '');
    writeFileSync(join(dir, 'a.ts'), '');
    const builtAt = Date.now();
    const past = new Date(builtAt - 60_000);
    utimesSync(join(dir, 'a.ts'), past, past);
    writeFileSync(join(dir, 'inputs.json'), JSON.stringify({ builtAt, inputs: ['a.ts'] }));
    expect(isFresh(url('bundle.mjs'), url('inputs.json'), root)).toBe(true);

    const later = new Date(builtAt + 1_000);
    utimesSync(join(dir, 'a.ts'), later, later);
    expect(isFresh(url('bundle.mjs'), url('inputs.json'), root)).toBe(false);

    utimesSync(join(dir, 'a.ts'), past, past);
    writeFileSync(join(dir, 'inputs.json'), JSON.stringify({ builtAt, inputs: ['a.ts', 'gone.ts'] }));
    expect(isFresh(url('bundle.mjs'), url('inputs.json'), root)).toBe(false);

    expect(isFresh(url('bundle.mjs'), url('none.json'), root)).toBe(false);
    expect(isFresh(url('none.mjs'), url('inputs.json'), root)).toBe(false);
  });
});
