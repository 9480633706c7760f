// The explorer's streaming load (src/ui/data: bytes → strict decoder → core
// Ingest → store) gives what the whole-text load gives, for every file of the
// bad-input corpus and any chunking, and locates bytes that are not UTF-8
// where the Node loader does.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFromBytes, buildFromText, type BuildOutcome } from '../../src/ui/data/pipeline.ts';
import { bytesInput, locateBadUtf8, readWhole, type ByteInput } from '../../src/ui/data/utf8.ts';
import { parseSchema } from '../../src/core/validate.ts';
import { loadStoreFile } from '../../src/node/load.ts';
import { generateDataset, loadSchema, mulberry32, serialiseDataset } from '../../bench/generate.ts';
import type { Schema } from '../../src/core/model.ts';

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const schema = parseSchema(
  readFileSync(fileURLToPath(new URL('../fixtures/schema.json', import.meta.url)), 'utf8'),
  'schema.json',
).schema as Schema;
const sourceFiles = new Map([['source.txt', readFileSync(join(BAD, 'source.txt'), 'utf8')]]);

/** Bytes in random chunks (1 … max bytes), so cuts fall inside multi-byte characters. */
function randomChunks(buf: Uint8Array, seed: number, max: number): ByteInput {
  return {
    async *open() {
      const rnd = mulberry32(seed);
      for (let at = 0; at < buf.length; ) {
        const n = 1 + Math.floor(rnd() * max);
        yield buf.subarray(at, at + n);
        at += n;
      }
    },
  };
}

const outcome = (r: BuildOutcome) =>
  r.ok ? { ok: true, problems: r.warnings, data: r.store.toDataset() } : { ok: false, problems: r.problems };

describe('streaming load in the explorer', () => {
  const files = readdirSync(BAD)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it("gives the whole-text load's outcome for every corpus file, in any chunking", async () => {
    for (const name of files) {
      const buf = new Uint8Array(readFileSync(join(BAD, name)));
      const read = await readWhole(bytesInput(buf), name);
      if ('problem' in read) {
        // Not UTF-8: both loads stop at the decoder, with the same located problem.
        expect([name, read.problem.code]).toEqual([name, 'not-utf8']);
        const streamed = await buildFromBytes(bytesInput(buf), name, { schema, sourceFiles });
        expect([name, streamed]).toEqual([name, { ok: false, problems: [read.problem] }]);
        continue;
      }
      const whole = outcome(await buildFromText(read.text, name, { schema, sourceFiles, decodedStrictly: true }));
      for (const [seed, max] of [
        [1, 1 << 16],
        [2, 7],
        [3, 300],
      ] as const) {
        const streamed = outcome(await buildFromBytes(randomChunks(buf, seed, max), name, { schema, sourceFiles }));
        expect([name, seed, streamed]).toEqual([name, seed, whole]);
      }
    }
  });

  it('reports UTF-16 files as not UTF-8 at line 1', async () => {
    const r = await buildFromBytes(bytesInput(readFileSync(join(BAD, 'utf16.json'))), 'utf16.json', {
      schema,
      sourceFiles,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => [p.code, p.line, p.column, p.message])).toEqual([
      ['not-utf8', 1, 1, 'file is not UTF-8: utf16.json is UTF-16 LE'],
    ]);
  });

  it('reads a file whose schema comes after the triples (a layout read whole) and keeps the texts opened alongside', async () => {
    const ds = JSON.parse(readFileSync(join(BAD, 'valid.json'), 'utf8')) as Record<string, unknown>;
    const { format, version, ...rest } = ds;
    const late = JSON.stringify({ format, version, ...rest, schema }, null, 2);
    const buf = new TextEncoder().encode(late);
    const r = await buildFromBytes(randomChunks(buf, 4, 1000), 'late.json', { sourceFiles });
    const whole = await buildFromText(late, 'late.json', { sourceFiles, decodedStrictly: true });
    expect(outcome(r)).toEqual(outcome(whole));
    expect(r.ok).toBe(true);
    if (r.ok)
      for (const s of r.store.sources) if (s.path) expect(r.store.sourceText(s.id)).toBe(sourceFiles.get('source.txt'));
  });

  it('keeps path-named source texts on the store it streamed', async () => {
    const r = await buildFromBytes(bytesInput(readFileSync(join(BAD, 'valid.json'))), 'valid.json', {
      schema,
      sourceFiles,
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const named = r.store.sources.filter((s) => s.path);
      expect(named.length).toBeGreaterThan(0);
      for (const s of named) expect(r.store.sourceText(s.id)).toBe(sourceFiles.get('source.txt'));
    }
  });

  it('takes a real U+FFFD as data, and locates each kind of bad byte by line and column', async () => {
    const ds = generateDataset({ triples: 300, entities: 60, seed: 5, schema: loadSchema() });
    ds.entities[7]!.label = 'Ré\uFFFDsumé 𝒜 Ω';
    const text = serialiseDataset(ds);
    const good = new TextEncoder().encode(text);
    const ok = await buildFromBytes(randomChunks(good, 9, 500), 'fffd.json');
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.store.entity(ds.entities[7]!.id)?.label).toBe('Ré\uFFFDsumé 𝒜 Ω');

    const dir = mkdtempSync(join(tmpdir(), 'actorgraph-utf8-'));
    try {
      // Each kind of bad sequence, placed after multi-byte characters on a later line.
      const at = good.indexOf(0xf0) + 4; // just after the 𝒜
      const lines = new TextDecoder().decode(good.subarray(0, at)).split('\n');
      const want = { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
      expect(want.line).toBeGreaterThan(1);
      const cases: [string, number[]][] = [
        ['lone continuation', [0x80]],
        ['bad lead', [0xff]],
        ['overlong', [0xc0, 0xaf]],
        ['overlong 3-byte', [0xe0, 0x80, 0x80]],
        ['surrogate', [0xed, 0xa0, 0x80]],
        ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
        ['cut sequence', [0xe2, 0x82]],
      ];
      for (const [what, seq] of cases) {
        const buf = new Uint8Array(good.length + seq.length);
        buf.set(good.subarray(0, at));
        buf.set(seq, at);
        buf.set(good.subarray(at), at + seq.length);
        const path = join(dir, 'bad.json');
        writeFileSync(path, buf);
        const node = loadStoreFile(path).problems[0]!;
        for (const [seed, max] of [
          [1, 1 << 16],
          [2, 3],
        ] as const) {
          const r = await buildFromBytes(randomChunks(buf, seed, max), 'bad.json');
          expect([what, !r.ok && r.problems.map((p) => [p.code, p.line, p.column])]).toEqual([
            what,
            [['not-utf8', want.line, want.column]],
          ]);
          expect(!r.ok && r.problems[0]!.message).toBe(
            `file is not UTF-8: bad.json has a byte that is not UTF-8 at byte ${at}`,
          );
          expect([what, !r.ok && r.problems[0]!.hint]).toEqual([what, node.hint]);
        }
        // The fatal TextDecoder refuses every one of them.
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(buf), what).toThrow();
      }
      // Cut at the very end of the file.
      const cut = new Uint8Array([...good, 0xe2, 0x82]);
      const p = await locateBadUtf8(bytesInput(cut), 'cut.json');
      expect([p.line, p.message]).toEqual([
        text.split('\n').length,
        `file is not UTF-8: cut.json has a byte that is not UTF-8 at byte ${good.length}`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
