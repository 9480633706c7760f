import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDataset, loadSchema, mulberry32, serialiseDataset } from '../../bench/generate.ts';
import { Ingest, ingestDataset, ingestText, type IngestOptions, type IngestResult } from '../../src/core/ingest.ts';
import { parseDataset, type ParseResult } from '../../src/core/validate.ts';
import { TripleStore } from '../../src/core/store.ts';
import { DEFAULT_DATASET, loadDatasetFile, loadStoreFile } from '../../src/node/load.ts';
import type { Schema } from '../../src/core/model.ts';

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const SCHEMA_FILE = fileURLToPath(new URL('../fixtures/schema.json', import.meta.url));
const schema = loadSchema();

/** Feeds `text` in random slices (1 … max characters), so cuts fall inside strings, escapes, surrogate pairs and \r\n. */
function ingestRandom(text: string, opts: IngestOptions, seed: number, max: number): IngestResult {
  const rnd = mulberry32(seed);
  const ing = new Ingest({ ...opts, wholeText: () => text });
  for (let i = 0; i < text.length && !ing.finished; ) {
    const n = 1 + Math.floor(rnd() * max);
    ing.push(text.slice(i, i + n));
    i += n;
  }
  return ing.end();
}

/** The whole-text result's store as a dataset, for comparison. */
function storeOf(r: ParseResult): unknown {
  return r.ok ? TripleStore.build(r.dataset!, r.schema!).toDataset() : undefined;
}

function same(whole: ParseResult, streamed: IngestResult, what: string): void {
  expect(streamed.problems, what).toEqual(whole.problems);
  expect(streamed.ok, what).toBe(whole.ok);
  expect(streamed.schema, what).toEqual(whole.schema);
  expect(streamed.schemaFrom, what).toBe(whole.schemaFrom);
  expect(streamed.store?.toDataset(), what).toEqual(storeOf(whole));
}

describe('streaming ingest gives what the whole-text reader gives', () => {
  it('on every bad-input corpus file, read in chunks of a few bytes (multi-byte characters split)', () => {
    const files = readdirSync(BAD)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files.length).toBeGreaterThan(30);
    files.forEach((f, k) => {
      const file = join(BAD, f);
      const whole = loadDatasetFile(file, { schemaPath: SCHEMA_FILE });
      for (const chunkBytes of [1 + (k % 7), 64, 1 << 20]) {
        same(whole, loadStoreFile(file, { schemaPath: SCHEMA_FILE, chunkBytes }), `${f} in ${chunkBytes}-byte chunks`);
      }
    });
  });

  it('on the default data', () => {
    const whole = loadDatasetFile(DEFAULT_DATASET);
    expect(whole.ok).toBe(true);
    for (const chunkBytes of [1, 997, 1 << 20])
      same(whole, loadStoreFile(DEFAULT_DATASET, { chunkBytes }), `default data, ${chunkBytes}-byte chunks`);
    expect(loadStoreFile(DEFAULT_DATASET).fallback).toBeUndefined();
  });

  it('on a generated 10k-triple dataset, in random chunk sizes', () => {
    const text = serialiseDataset(generateDataset({ triples: 10_000, seed: 3, schema }));
    const opts = { file: 'gen.json', defaultSchema: schema };
    const whole = parseDataset(text, opts);
    expect(whole.ok).toBe(true);
    for (const [seed, max] of [
      [1, 50],
      [2, 5000],
      [3, 1 << 16],
    ] as const) {
      const r = ingestRandom(text, opts, seed, max);
      expect(r.fallback).toBeUndefined();
      same(whole, r, `chunks up to ${max}`);
    }
  });

  it('with CRLF line ends, escapes, surrogate pairs and problems to locate', () => {
    const ds = JSON.parse(readFileSync(join(BAD, 'valid.json'), 'utf8'));
    ds.sources[0].text = 'He said "no" \\ twice 🙂 — in Ḥāmizu.\nKataib Hezbollah is backed by Iran.';
    ds.triples.push(
      {
        subject: 'kataib-hezbollah',
        predicate: 'backed-by',
        object: 'iran',
        source: ds.sources[0].id,
        evidence: 'He said "no" \\ twice 🙂 — in Ḥāmizu.',
      },
      {
        subject: 'kataib-hezbolah',
        predicate: 'backed-by',
        object: 'iran',
        source: ds.sources[0].id,
        evidence: 'He said \u201cno\u201d \\ twice 🙂 - in Ḥāmizu.',
        date: '2021-02-30',
      },
    );
    ds.entities[0].aliases = ['🙂🙂', 'a\\"b'];
    delete ds.sources[0].path;
    const text = JSON.stringify(ds, null, 2).replace(/\n/g, '\r\n');
    const opts = { file: 'crlf.json', defaultSchema: JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Schema };
    const whole = parseDataset(text, opts);
    expect(whole.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['unknown-entity', 'bad-date']));
    expect(whole.problems.every((p) => p.line !== undefined)).toBe(true);
    for (let seed = 1; seed <= 20; seed++) same(whole, ingestRandom(text, opts, seed, 1 + seed * 3), `seed ${seed}`);
  });

  it('with the arrays in another order: triples first, schema embedded', async () => {
    const ds = JSON.parse(readFileSync(join(BAD, 'valid.json'), 'utf8'));
    ds.sources[0].text = readFileSync(join(BAD, 'source.txt'), 'utf8');
    delete ds.sources[0].path;
    ds.entities.push({ id: 'lonely', label: 'Lonely', type: 'state', date: '2021-13' });
    const reordered = {
      triples: ds.triples,
      schema: JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')),
      version: 1,
      entities: ds.entities,
      sources: ds.sources,
      extra: true,
      format: ds.format,
    };
    const text = JSON.stringify(reordered, null, 1);
    const opts = { file: 'order.json' };
    const whole = parseDataset(text, opts);
    expect(whole.problems.map((p) => p.code).sort()).toEqual(['bad-date', 'unknown-field', 'unused-entity']);
    const r = await ingestDataset([text.slice(0, 100), text.slice(100)], opts);
    expect(r.fallback).toBeUndefined();
    same(whole, r, 'reordered');
    for (let seed = 1; seed <= 5; seed++) same(whole, ingestRandom(text, opts, seed, 40), `reordered, seed ${seed}`);
  });

  it('lists the same problems when they are capped per code and the file order differs from the check order', () => {
    const ds = JSON.parse(readFileSync(join(BAD, 'valid.json'), 'utf8'));
    ds.sources[0].text = readFileSync(join(BAD, 'source.txt'), 'utf8');
    delete ds.sources[0].path;
    for (let i = 0; i < 30; i++) {
      ds.entities.push({ id: `x${i}`, label: `X ${i}`, type: i % 2 ? 'stat' : 'armed-grop', unknownKey: i });
      ds.triples.push({
        subject: `y${i}`,
        predicate: 'backed-by',
        object: 'iran',
        source: ds.sources[0].id,
        evidence: 'Iran',
        extra: 1,
      });
    }
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Schema;
    schema.entityTypes.push({ id: 'bad', label: 'Bad', color: 'red' } as never);
    const text = JSON.stringify(
      {
        triples: ds.triples,
        title: 7,
        sources: ds.sources,
        schema,
        entities: ds.entities,
        format: 'other',
        version: '1',
      },
      null,
      1,
    );
    const opts = { file: 'capped.json', maxPerCode: 10 };
    const whole = parseDataset(text, opts);
    const codes = new Set(whole.problems.map((p) => p.code));
    for (const c of [
      'unknown-entity',
      'unknown-type',
      'unknown-field',
      'bad-color',
      'wrong-format',
      'unsupported-version',
      'wrong-type',
    ])
      expect(codes, c).toContain(c);
    expect(whole.problems.some((p) => /more 'unknown-field' problems/.test(p.message))).toBe(true);
    for (let seed = 1; seed <= 4; seed++) {
      const r = ingestRandom(text, opts, seed, 300);
      expect(r.fallback).toBeUndefined();
      same(whole, r, `capped, seed ${seed}`);
    }
  });

  it('hands back to the whole-text reader what it cannot stream, with the same result', () => {
    const valid = readFileSync(join(BAD, 'valid.json'), 'utf8');
    const ds = JSON.parse(valid);
    const schemaText = readFileSync(SCHEMA_FILE, 'utf8');
    const late = `{"format":"actorgraph/dataset","version":1,"sources":${JSON.stringify(ds.sources)},"entities":${JSON.stringify(ds.entities)},"triples":${JSON.stringify(ds.triples)},"schema":${schemaText}}`;
    const repeated = `{"format":"actorgraph/dataset","version":1,"sources":[],"entities":[],"triples":[],"triples":[]}`;
    for (const [text, why] of [
      [late, 'late-schema'],
      [repeated, 'repeated-key'],
      ['[1,2]', 'not-an-object'],
      ['  \n', 'empty'],
      [`${valid.slice(0, -30)}`, 'json-syntax'],
    ] as const) {
      const opts = { file: 'x.json' };
      const r = ingestText(text, opts, 7);
      expect(r.fallback, why).toBe(why);
      expect(r.problems).toEqual(parseDataset(text, opts).problems);
    }
  });
});

describe('the scanner locates syntax errors itself when the text is not at hand', () => {
  const valid = readFileSync(join(BAD, 'valid.json'), 'utf8');
  const cases: [string, string, RegExp][] = [
    ['trailing comma after the last entity', valid.replace(/}(\s*\],\s*"triples")/, '},$1'), /remove the comma/],
    ['trailing comma inside an element', valid.replace(/("type": "state")/, '$1,'), /remove the comma/],
    ['missing comma', valid.replace(/},(\s*{\s*"id": "iran")/, '}$1'), /missing comma/],
    ['truncated', valid.slice(0, Math.floor(valid.length * 0.7)), /truncated/],
    [
      'unterminated string inside an element',
      valid.replace('"label": "Iran"', '"label": "Iran'),
      /close the string|truncated/,
    ],
  ];
  for (const [name, text, hint] of cases) {
    it(name, async () => {
      expect(text).not.toBe(valid);
      const whole = parseDataset(text, { file: 'x.json' }).problems;
      expect(whole.map((p) => p.code)).toEqual(['json-syntax']);
      const r = await ingestDataset(
        (function* () {
          for (let i = 0; i < text.length; i += 13) yield text.slice(i, i + 13);
        })(),
        { file: 'x.json', wholeText: () => undefined },
      );
      expect(r.fallback).toBeUndefined();
      expect(r.problems).toHaveLength(1);
      const p = r.problems[0]!;
      expect(p.code).toBe('json-syntax');
      expect(p.hint).toMatch(hint);
      expect(p.line).toBe(whole[0]!.line);
    });
  }
});
