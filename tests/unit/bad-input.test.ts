import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDatasetFile } from '../../src/node/load.ts';
import { parseDataset } from '../../src/core/validate.ts';
import { TripleStore } from '../../src/core/store.ts';
import type { Problem } from '../../src/core/problems.ts';
import type { Schema } from '../../src/core/model.ts';
import { writeHugeLabelDataset } from '../fixtures/generate-large.ts';

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../fixtures/schema.json', import.meta.url));
const SOURCE = readFileSync(join(BAD, 'source.txt'), 'utf8');

const EXPECT: Record<string, { ok: boolean; codes: string[] }> = {
  'valid.json': { ok: true, codes: [] },
  'truncated.json': { ok: false, codes: ['json-syntax'] },
  'trailing-comma.json': { ok: false, codes: ['json-syntax'] },
  'missing-comma.json': { ok: false, codes: ['json-syntax'] },
  'unterminated-string.json': { ok: false, codes: ['json-syntax'] },
  'utf16.json': { ok: false, codes: ['not-utf8'] },
  'utf16-no-bom.json': { ok: false, codes: ['not-utf8'] },
  'bom.json': { ok: true, codes: ['bom'] },
  'empty.json': { ok: false, codes: ['empty-file'] },
  'top-array.json': { ok: false, codes: ['not-an-object'] },
  'top-string.json': { ok: false, codes: ['not-an-object'] },
  'top-null.json': { ok: false, codes: ['not-an-object'] },
  'not-a-dataset.json': { ok: false, codes: ['not-a-dataset'] },
  'no-format.json': { ok: true, codes: ['missing-format', 'missing-version'] },
  'wrong-version.json': { ok: false, codes: ['unsupported-version'] },
  'missing-fields.json': { ok: false, codes: ['missing-field', 'unsourced-relation'] },
  'wrong-types.json': { ok: false, codes: ['wrong-type'] },
  'bad-ids.json': { ok: false, codes: ['bad-id'] },
  'unknown-entity.json': { ok: false, codes: ['unknown-entity'] },
  'unknown-predicate.json': { ok: false, codes: ['unknown-predicate'] },
  'unknown-type.json': { ok: false, codes: ['unknown-type'] },
  'unknown-source.json': { ok: false, codes: ['unknown-source'] },
  'domain-range.json': { ok: false, codes: ['domain-violation', 'range-violation'] },
  'duplicate-ids.json': { ok: false, codes: ['duplicate-id'] },
  'duplicate-triples.json': { ok: true, codes: ['duplicate-triple'] },
  'self-loop.json': { ok: true, codes: ['self-loop'] },
  'prototype-ids.json': { ok: true, codes: ['unknown-field'] },
  'control-chars.json': { ok: false, codes: ['control-character'] },
  'rtl.json': { ok: true, codes: [] },
  'bidi-override.json': { ok: true, codes: ['bidi-control'] },
  'html-payloads.json': { ok: true, codes: [] },
  'bad-dates.json': { ok: false, codes: ['bad-date'] },
  'evidence-not-found.json': { ok: false, codes: ['evidence-not-found'] },
  'schema-cycle.json': { ok: false, codes: ['type-cycle'] },
  'schema-problems.json': {
    ok: false,
    codes: ['bad-color', 'duplicate-id', 'empty-label', 'unknown-parent-type', 'unknown-type'],
  },
  'bad-confidence.json': { ok: false, codes: ['bad-confidence'] },
  'missing-source-file.json': { ok: false, codes: ['source-file-missing'] },
  'bad-source-path.json': { ok: false, codes: ['bad-path'] },
  'javascript-url.json': { ok: false, codes: ['bad-url'] },
  'unused.json': { ok: true, codes: ['unused-entity', 'unused-source'] },
  'no-source-text.json': { ok: true, codes: ['evidence-not-checked'] },
  'unknown-fields.json': { ok: true, codes: ['unknown-field'] },
  'deep-nesting.json': { ok: false, codes: ['json-syntax'] },
  'deep-in-entity.json': { ok: false, codes: ['json-syntax'] },
  'deep-valid.json': { ok: true, codes: ['unknown-field'] },
  'deep-not-an-object.json': { ok: false, codes: ['not-an-object'] },
  'whitespace-flood.json': { ok: false, codes: ['not-a-dataset'] },
  'prototype-keys.json': { ok: true, codes: ['unknown-field'] },
};

const load = (name: string) => loadDatasetFile(join(BAD, name), { schemaPath: SCHEMA });
const codes = (ps: Problem[]) => [...new Set(ps.map((p) => p.code))].sort();
const STACK = /\n\s+at |\bat .*\.(ts|js):\d+|Error:|node:internal/;

function checkWellFormed(p: Problem, file: string): void {
  expect(p.file).toBe(file);
  expect(typeof p.path).toBe('string');
  expect(p.message.length).toBeGreaterThan(5);
  expect(p.hint.length).toBeGreaterThan(5);
  expect(p.message).not.toMatch(STACK);
  expect(p.hint).not.toMatch(STACK);
  expect(['error', 'warning']).toContain(p.severity);
}

describe('bad-input corpus', () => {
  it('every corpus file has an expectation and a README line', () => {
    const files = readdirSync(BAD)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual(Object.keys(EXPECT).sort());
    const readme = readFileSync(join(BAD, 'README.md'), 'utf8');
    for (const f of files) expect(readme, f).toContain(`\`${f}\``);
  });

  for (const [name, want] of Object.entries(EXPECT)) {
    it(`${name}: ${want.ok ? 'accepted' : 'rejected'} with ${want.codes.join(', ') || 'no problems'}`, () => {
      const file = join(BAD, name);
      const r = load(name);
      expect(codes(r.problems), JSON.stringify(r.problems, null, 1)).toEqual([...want.codes].sort());
      expect(r.ok).toBe(want.ok);
      expect(r.dataset !== undefined).toBe(want.ok);
      for (const p of r.problems) {
        checkWellFormed(p, file);
        // Every problem is located by line and column (1:1 for the file as a whole).
        expect(p.line, `${p.code} at ${p.path}`).toBeGreaterThanOrEqual(1);
        expect(p.column).toBeGreaterThanOrEqual(1);
      }
      if (!want.ok) expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
      else expect(r.problems.every((p) => p.severity === 'warning')).toBe(true);
    });
  }

  it('locates syntax errors at the right line', () => {
    const trailing = load('trailing-comma.json').problems[0]!;
    const text = readFileSync(join(BAD, 'trailing-comma.json'), 'utf8');
    const commaLine = text.split('\n').findIndex((l) => l.includes('"confidence": 0.9,')) + 1;
    expect(trailing.line).toBe(commaLine + 1); // the '}' after the comma
    expect(trailing.hint).toMatch(/remove the comma/);
    expect(load('truncated.json').problems[0]!.hint).toMatch(/truncated/);
    expect(load('missing-comma.json').problems[0]!.hint).toMatch(/missing comma/);
  });

  it('suggests the closest id for unknown references', () => {
    const ps = load('unknown-entity.json').problems;
    expect(ps.find((p) => p.path === 'triples[0].subject')!.hint).toContain("did you mean 'kataib-hezbollah'?");
    expect(ps.find((p) => p.path === 'triples[3].object')!.hint).toContain("did you mean 'kataib-sayyid-al-shuhada'?");
    expect(ps.some((p) => p.path === 'triples[3].attributedTo')).toBe(true);
    expect(load('unknown-predicate.json').problems[0]!.hint).toContain("did you mean 'backed-by'?");
    expect(load('unknown-type.json').problems[0]!.hint).toContain("did you mean 'state'?");
    expect(load('unknown-source.json').problems[0]!.hint).toContain("did you mean 'note'?");
  });

  it('accepts __proto__, constructor and toString as ids without polluting anything', () => {
    const r = load('prototype-ids.json');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    const ids = r.dataset!.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString', 'hasOwnProperty']));
    const proto = r.dataset!.entities.find((e) => e.id === '__proto__')!;
    expect(proto.type).toBe('__proto__');
    expect(proto.aliases).toEqual(['constructor', 'prototype']);
    const t = r.dataset!.triples.find((x) => x.id === '__proto__')!;
    expect(Object.getPrototypeOf(t)).toBe(Object.prototype);
    expect(Object.keys(t)).not.toContain('__proto__');
    expect((t as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.schema!.predicates.map((p) => p.id)).toContain('toString');
    // The store built from it finds these ids and nothing inherited.
    const store = TripleStore.build(r.dataset!, r.schema!);
    expect(store.indexOf('constructor')).toBeGreaterThanOrEqual(0);
    expect(store.entity('__proto__')!.label).toBe('__proto__');
    expect(store.indexOf('valueOf')).toBe(-1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('passes HTML and script payloads through unchanged, as plain strings', () => {
    const r = load('html-payloads.json');
    const kh = r.dataset!.entities.find((e) => e.id === 'kataib-hezbollah')!;
    expect(kh.label).toBe('<img src=x onerror=alert(1)>');
    expect(kh.aliases).toEqual(['<script>alert("x")</script>']);
    expect(kh.description).toBe('<a href="javascript:alert(1)">click</a>');
    expect(r.dataset!.triples[0]!.evidence).toBe('<img src=x onerror=alert(1)> and <script>alert("x")</script>');
    expect(r.dataset!.triples[0]!.qualifier).toBe('<b>reportedly</b>');
  });

  it('accepts right-to-left text as data', () => {
    const r = load('rtl.json');
    expect(r.dataset!.entities[0]!.label).toBe('كتائب حزب الله');
    expect(r.dataset!.entities[0]!.aliases).toContain('حزب الله');
  });

  it('rejects control characters but keeps tabs in evidence', () => {
    const ps = load('control-chars.json').problems;
    expect(ps.map((p) => p.path).sort()).toEqual(['entities[0].aliases[0]', 'entities[0].label']);
    expect(ps.find((p) => p.path === 'entities[0].label')!.message).toContain('U+0007');
  });

  it('rejects a 1 MiB label, giving its length', () => {
    const text = readFileSync(join(BAD, 'valid.json'), 'utf8').replace(
      '"label": "Iran"',
      `"label": "${'x'.repeat(1024 * 1024)}"`,
    );
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Schema;
    const r = parseDataset(text, { file: 'big-label.json', defaultSchema: schema, sourceText: () => SOURCE });
    expect(r.ok).toBe(false);
    expect(codes(r.problems)).toEqual(['too-long']);
    expect(r.problems[0]!.path).toBe('entities[2].label');
    expect(r.problems[0]!.message).toContain('1,048,576 characters');
    expect(r.problems[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('"label": "xxx')) + 1);
  });

  it('rejects a 200 MiB file without exhausting memory', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'actorgraph-large-'));
    try {
      const file = writeHugeLabelDataset(dir, 200 * 1024 * 1024);
      const before = process.memoryUsage().rss;
      let peak = before;
      const r = loadDatasetFile(file, { schemaPath: SCHEMA });
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(r.ok).toBe(false);
      expect(codes(r.problems)).toEqual(['too-long']);
      expect(r.problems[0]!.message).toContain('209,715,200 characters');
      expect(r.problems[0]!.path).toBe('entities[1].label');
      expect(peak - before).toBeLessThan(2 * 1024 ** 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
