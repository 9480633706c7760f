// The loader worker chooses a file's format from formats.ts's descriptors and
// loads that reader's code then (lazy.ts): the choice must be the registry's.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS } from '../../src/core/readers/formats.ts';
import { loadReader } from '../../src/core/readers/lazy.ts';
import { pickReader, READERS, SNIFF_BYTES } from '../../src/core/readers/registry.ts';

const DIRS = ['tests/fixtures/formats', 'tests/fixtures/bad', 'graph-data'];
const enc = (s: string) => new TextEncoder().encode(s);
const files = DIRS.flatMap((d) =>
  readdirSync(d, { withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => ({
      path: join(d, f.name),
      head: new Uint8Array(readFileSync(join(d, f.name)).subarray(0, SNIFF_BYTES)),
    })),
).concat(
  // Formats the fixtures have no file of.
  [
    ['g.nq', '<http://e/a> <http://e/b> <http://e/c> <http://e/g> .\n'],
    ['g.trig', '@prefix ex: <http://e/> .\nex:g { ex:a ex:b ex:c . }\n'],
    ['g.graphology.json', '{"options":{"type":"directed","multi":true},"nodes":[{"key":"a"}],"edges":[]}'],
  ].map(([path, text]) => ({ path: path!, head: enc(text!) })),
);

describe('formats and the lazy choice of a reader', () => {
  it('describes every registered reader, in the registry order, with its own sniff', () => {
    expect(FORMATS.map((f) => f.id)).toEqual(READERS.map((r) => r.id));
    FORMATS.forEach((f, i) => {
      const r = READERS[i]!;
      expect([f.label, f.extensions, f.sniff]).toEqual([r.label, r.extensions, r.sniff]);
    });
  });

  it('loads the reader the registry picks, for every fixture, by name and by content alone', async () => {
    expect(files.length).toBeGreaterThan(40);
    const heads = new Set<string>();
    for (const { path, head } of files) {
      for (const file of [{ name: path, head }, { name: 'upload', head }, { name: path }]) {
        const reader = await loadReader(file);
        expect(reader, `${file.name} ${file.head ? 'with' : 'without'} its bytes`).toBe(pickReader(file));
        heads.add(reader.id);
      }
    }
    // The fixtures reach every format: the test covers each lazy load.
    expect([...heads].sort()).toEqual(READERS.map((r) => r.id).sort());
  });
});
