// The fuzzer, briefly (npm run fuzz runs it at length): a few hundred hostile
// inputs over every reader in the registry and schema files, in a worker
// thread with a time box per input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostileBytes } from '../fuzz/arbitraries.ts';
import { READERS, readText } from '../../src/core/readers/registry.ts';
import { MAX_ROW_CHARS } from '../../src/core/readers/csv.ts';
import { MAX_GRAPHOLOGY_DEPTH } from '../../src/core/readers/graphology-json.ts';
import { localName } from '../../src/core/rdf/foreign.ts';
import { loadSchemaFile } from '../../src/node/load.ts';
import { check } from '../fuzz/oracle.ts';
import { makeInput, runFuzz, targets } from '../fuzz/run.ts';
import { BRIEF, mutate, rng, STRING_MUTATIONS } from '../fuzz/mutate.ts';
import { Pool } from '../fuzz/pool.ts';

// A fixed seed by default, so a failure is stable; FUZZ_SEED=random (or a number) for a new one.
const SEED =
  process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20261201);

const RUNS = 500;

describe('fuzzing the readers', () => {
  it('covers every reader of the registry and schema files', () => {
    expect(targets()).toEqual([...READERS.map((r) => r.id), 'schema-json']);
    const seen = new Set(Array.from({ length: targets().length * 3 }, (_, i) => makeInput(SEED, i, BRIEF).target));
    expect([...seen].sort()).toEqual([...targets()].sort());
  });

  it('inputs are a pure function of the seed and index', () => {
    const a = makeInput(7, 123, BRIEF),
      b = makeInput(7, 123, BRIEF);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.recipe).toEqual(b.recipe);
  });

  it('the oracle catches what it is meant to catch', async () => {
    // A polluted prototype is reported, then cleaned up.
    (Object.prototype as Record<string, unknown>).polluted = 1;
    try {
      const v = await check('actorgraph-json', new TextEncoder().encode('{}'), 'fixtures', 1);
      expect(v.failures.join('\n')).toMatch(/Object.prototype/);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    // A file that must be refused (an entity bomb) and is accepted is reported.
    const valid = readFileSync(resolve(import.meta.dirname, '../fixtures/bad/valid.json'));
    expect((await check('actorgraph-json', valid, 'fixtures', 1)).failures).toEqual([]);
    expect((await check('actorgraph-json', valid, 'fixtures', 1, true)).failures.join('\n')).toMatch(/entity bomb/);
    // Every mutation runs on an empty and a small text without throwing.
    for (const [name, m] of Object.entries(STRING_MUTATIONS)) {
      for (const s of ['', '{"a":[1,"x"]}']) expect(typeof m(rng(1), s, '[]', BRIEF), name).toBe('string');
    }
    expect(mutate(rng(3), { bytes: new Uint8Array(0), text: '' }, '', BRIEF).bytes).toBeInstanceOf(Uint8Array);
  });

  it('an input that hangs is ended by the time box and reported; the pool goes on', async () => {
    const pool = new Pool(1, 3_000);
    try {
      const hung = await pool.run({ target: '__hang__', bytes: new Uint8Array(0), schema: 'fixtures', seed: 1 });
      expect(hung.failures[0]).toMatch(/time box exceeded: no answer in 3000 ms/);
      // A time box of its own for one input (the second try of a slow one).
      const again = await pool.run({ target: '__hang__', bytes: new Uint8Array(0), schema: 'fixtures', seed: 1 }, 500);
      expect(again.failures[0]).toMatch(/no answer in 500 ms/);
      const next = await pool.run({
        target: 'actorgraph-json',
        bytes: new TextEncoder().encode('{}'),
        schema: 'fixtures',
        seed: 1,
      });
      expect(next.failures).toEqual([]);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it(`${RUNS} hostile inputs: no exception, no hang, every problem placed, readers agree (seed ${SEED})`, async () => {
    const lines: string[] = [];
    const report = await runFuzz({ runs: RUNS, seed: SEED, brief: true, timeoutMs: 15_000, log: (l) => lines.push(l) });
    expect(report.inputs).toBe(RUNS);
    expect(
      report.failures.map((f) => `index ${f.index} (${f.target}, ${f.recipe.join('+')}): ${f.failures.join(' / ')}`),
      `seed ${SEED}`,
    ).toEqual([]);
    expect(report.slowest!.ms).toBeLessThan(10_000);
    for (const t of targets()) expect(report.perTarget[t]!.inputs).toBeGreaterThan(0);
  }, 60_000);

  it.each(targets())(
    'fast-check generated hostile inputs for %s: the same checks',
    async (target) => {
      let valid = 0;
      await fc.assert(
        fc.asyncProperty(hostileBytes, async (bytes) => {
          const v = await check(target, bytes, 'fixtures', 1);
          if (v.valid) valid++;
          expect(v.failures).toEqual([]);
          expect(v.ms).toBeLessThan(10_000);
        }),
        { numRuns: 150, seed: SEED },
      );
      // Some of them are valid: the Explorer is asked questions on those.
      if (target === 'actorgraph-json') expect(valid).toBeGreaterThan(10);
    },
    60_000,
  );
});

// Inputs `npm run fuzz` found, minimised: each read whole and in chunks of every given size.
describe('inputs the fuzzer found', () => {
  const schema = loadSchemaFile(resolve(import.meta.dirname, '../fixtures/schema.json')).schema!;
  const opts = { file: 'x', defaultSchema: schema, decodedStrictly: true };
  const read = (id: string, text: string, sizes: number[]) => {
    const reader = READERS.find((r) => r.id === id)!;
    const whole = readText(reader, text, opts);
    for (const size of sizes) {
      const session = reader.open(opts);
      for (let i = 0; i < text.length && !session.finished; i += size) session.push(text.slice(i, i + size));
      expect(session.end().problems, `chunks of ${size}`).toEqual(whole.problems);
    }
    return whole.problems;
  };
  const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it('TriG: n3 trips over a prefix IRI it cannot resolve; a located rdf-syntax error (seed 7, index 345)', () => {
    const text = '@prefix:<\u{1F600}:>\u00e4\u0780';
    const problems = read('trig', text, upTo(text.length));
    expect(problems).toMatchObject([{ code: 'rdf-syntax', line: 1, column: 9 }]);
    expect(problems[0]!.message).toMatch(/Invalid IRI/);
    expect(read('turtle', '@prefix : <\u{1F600}:> .\n', [1, 5])).toMatchObject([{ code: 'rdf-syntax' }]);
  });

  it('RDF: a NUL after a chunk boundary is placed in its line, not in its chunk (seed 7, index 630 and 2257)', () => {
    expect(read('n-quads', 'ty\u0000', upTo(3))).toMatchObject([{ code: 'not-utf8', line: 1, column: 3 }]);
    expect(read('turtle', 'n\\n\\n\u0000', upTo(6))).toMatchObject([{ code: 'not-utf8', line: 1, column: 6 }]);
    expect(read('n-triples', '<u:a> <u:b> <u:c> .\n<u:a> <u:b> "x\u0000', upTo(8))).toMatchObject([
      { code: 'not-utf8', line: 2, column: 15 },
    ]);
  });

  it('CSV: a row longer than the limit is refused whole or in chunks, before its cells are read (seed 7, index 611 and 1040)', () => {
    const long = 'x'.repeat(MAX_ROW_CHARS + 1);
    // A header row that long: not a missing column.
    expect(read('csv', `${long}\n`, [1 << 16, 1_000_003])).toMatchObject([{ code: 'csv-row-too-long', line: 1 }]);
    // A data row, after good rows, and one at the limit that is read.
    const ok = 'x'.repeat(MAX_ROW_CHARS - 4);
    const rows = `subject,object\na,b\n"${ok}",b\n${long},b\n`;
    expect(read('csv', rows, [1 << 16, 1_000_003])).toMatchObject([{ code: 'csv-row-too-long', line: 4 }]);
  });

  it('RDF: a long prefix IRI of brackets is read in linear time (seed 2026, index 3369)', () => {
    const iri = `https:${'['.repeat(50_000)}${']'.repeat(50_000)}//schema.org/`;
    let t0 = performance.now();
    expect(localName(iri)).toBe(iri);
    expect(localName(`${iri}name`)).toBe('name');
    expect(localName('http://a/b#c%20d')).toBe('c d');
    expect(performance.now() - t0).toBeLessThan(1000);
    t0 = performance.now();
    const text = `@prefix s: <${iri}> .\ns:a s:name "A" ; s:knows s:b .\ns:b s:name "B" .\n`;
    expect(read('turtle', text, [1 << 16]).filter((p) => p.severity === 'error')).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('N-Triples and N-Quads: a backslash in an IRI that is no \\u escape is a located rdf-syntax error (seed 2026, index 11244)', () => {
    for (const id of ['n-triples', 'n-quads'])
      expect(read(id, '<p:\\>', upTo(5)), id).toMatchObject([{ code: 'rdf-syntax', line: 1, column: 1 }]);
    for (const bad of ['\\x', '\\u12', '\\U0001F60', '\\'])
      expect(read('n-triples', `<u:a> <u:b> <u:c${bad}> .`, [3]), bad).toMatchObject([
        { code: 'rdf-syntax', column: 13 },
      ]);
    expect(read('n-triples', '<u:a> <u:b> <u:c\\u0041\\U0001F600> .', [3])).toMatchObject([
      { code: 'unused-source' },
      { code: 'rdf-not-mapped' },
    ]);
  });

  it('graphology: values nested past the limit are refused, located, not a stack overflow (seed 2026, index 4596)', () => {
    const nest = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
    const graph = (v: string) => `{"nodes":[{"key":"a"}],"edges":[{"source":${v},"target":"a"}]}`;
    expect(read('graphology', graph(nest(50_000)), [4096])).toMatchObject([
      { code: 'json-too-deep', line: 1, column: 42 + MAX_GRAPHOLOGY_DEPTH - 2 },
    ]);
    // Brackets inside strings do not count; at the limit, the file is read.
    const within = graph(nest(MAX_GRAPHOLOGY_DEPTH - 3)).replace(
      '"target":"a"',
      `"target":"a","x":"${'['.repeat(999)}"`,
    );
    expect(read('graphology', within, [4096]).map((p) => p.code)).not.toContain('json-too-deep');
  });
});
