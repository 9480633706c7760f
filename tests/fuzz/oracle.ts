// What every input must satisfy, whatever its bytes: no exception escapes;
// every problem has a file, a line and column, a message and a hint; the
// whole-text read and streaming reads (one chunk, random byte chunks) agree;
// a file reported valid loads into an Explorer that answers stats, search and
// a path; Object.prototype stays clean.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../src/core/problems.ts';
import type { Schema } from '../../src/core/model.ts';
import type { ReadResult, ReaderOptions } from '../../src/core/readers/reader.ts';
import { READERS, readText } from '../../src/core/readers/registry.ts';
import { StrictUtf8Decoder, Utf8Locator } from '../../src/core/utf8.ts';
import { parseSchema } from '../../src/core/validate.ts';
import { MemoryExplorer } from '../../src/core/memory-explorer.ts';
import { ROOT, SCHEMA_TARGET, type SchemaName } from './corpus.ts';
import { rng, type Rng } from './mutate.ts';

export interface Verdict {
  failures: string[];
  /** Whether the input was read as valid. */
  valid: boolean;
  ms: number;
}

const FILE = 'fuzz-input';

interface World {
  schema: Schema;
  texts: Map<string, string>;
}
const worlds = new Map<SchemaName, World>();

function world(name: SchemaName): World {
  let w = worlds.get(name);
  if (w) return w;
  const texts = new Map<string, string>();
  let schemaPath: string;
  if (name === 'graph') {
    schemaPath = join(ROOT, 'graph-data/schema.json');
    for (const f of readdirSync(join(ROOT, 'graph-data/sources')))
      texts.set(`sources/${f}`, readFileSync(join(ROOT, 'graph-data/sources', f), 'utf8'));
  } else {
    schemaPath = join(ROOT, 'tests/fixtures/schema.json');
    texts.set('source.txt', readFileSync(join(ROOT, 'tests/fixtures/bad/source.txt'), 'utf8'));
  }
  const parsed = parseSchema(readFileSync(schemaPath, 'utf8'), schemaPath);
  if (!parsed.schema) throw new Error(`fuzz: ${schemaPath} is not a valid schema`);
  w = { schema: parsed.schema, texts };
  worlds.set(name, w);
  return w;
}

function options(w: World, decodedStrictly: boolean): ReaderOptions {
  return {
    file: FILE,
    decodedStrictly,
    defaultSchema: w.schema,
    sourceText: (s) => (s.path !== undefined ? w.texts.get(s.path) : s.text),
    sourceError: (s) =>
      s.path !== undefined && !w.texts.has(s.path)
        ? { code: 'source-file-missing', message: `no file ${s.path}`, hint: 'fix the path' }
        : undefined,
  };
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join();
const ARRAY_PROTO_NAMES = Object.getOwnPropertyNames(Array.prototype).sort().join();

function prototypeProblems(): string[] {
  const out: string[] = [];
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTO_NAMES)
    out.push('Object.prototype gained or lost a property');
  if (Object.getOwnPropertyNames(Array.prototype).sort().join() !== ARRAY_PROTO_NAMES)
    out.push('Array.prototype gained or lost a property');
  for (const k in {}) out.push(`Object.prototype has an enumerable '${k}'`);
  return out;
}

function placed(p: Problem, where: string, out: string[]): void {
  const bad =
    !p ||
    typeof p !== 'object' ||
    p.file !== FILE ||
    !(Number.isInteger(p.line) && p.line! >= 1) ||
    !(Number.isInteger(p.column) && p.column! >= 1) ||
    typeof p.message !== 'string' ||
    !p.message ||
    typeof p.hint !== 'string' ||
    !p.hint ||
    (p.severity !== 'error' && p.severity !== 'warning') ||
    typeof p.code !== 'string';
  if (bad) out.push(`unplaced problem (${where}): ${JSON.stringify(p).slice(0, 300)}`);
}

const sig = (p: Problem) => `${p.severity} ${p.code} ${p.path} ${p.line}:${p.column}`;

function compare(
  a: { ok: boolean; problems: Problem[] },
  b: { ok: boolean; problems: Problem[] },
  what: string,
  out: string[],
): void {
  if (a.ok !== b.ok) {
    out.push(`${what}: ok ${a.ok} vs ${b.ok}`);
    return;
  }
  const x = a.problems.map(sig),
    y = b.problems.map(sig);
  const i = x.findIndex((s, k) => s !== y[k]);
  if (i >= 0 || x.length !== y.length)
    out.push(
      `${what}: problems differ at #${i < 0 ? Math.min(x.length, y.length) : i}: ${x[i] ?? '(none)'} | ${y[i] ?? '(none)'}`,
    );
}

/** Bytes in chunks of random sizes, decoded as the loaders do. */
function decodeChunks(bytes: Uint8Array, r: Rng): { texts: string[] } | 'bad' | { problem: Problem } {
  const d = new StrictUtf8Decoder(FILE);
  const texts: string[] = [];
  for (let i = 0; ; ) {
    const n = Math.min(bytes.length - i, 1 + Math.floor(r() * (r() < 0.5 ? 8 : 70_000)));
    const part = d.decode(bytes.subarray(i, i + n), i + n >= bytes.length);
    if (part === 'bad' || 'problem' in part) return part;
    texts.push(part.text);
    i += n;
    if (i >= bytes.length) return { texts };
  }
}

async function answers(
  result: ReadResult,
  whole: { ok: boolean; dataset?: { entities: unknown[]; triples: unknown[] } },
  out: string[],
): Promise<void> {
  const store = result.store;
  if (!store) {
    out.push('valid, but the session gave no store');
    return;
  }
  const ex = new MemoryExplorer(store, FILE);
  const stats = await ex.stats();
  if (
    whole.dataset &&
    (stats.entities !== whole.dataset.entities.length || stats.triples !== whole.dataset.triples.length)
  ) {
    out.push(
      `stats ${stats.entities}/${stats.triples} differ from the whole read ${whole.dataset.entities.length}/${whole.dataset.triples.length}`,
    );
  }
  if (store.entityCount > 0) {
    const e = store.entityAt(0);
    const hits = await ex.search(e.label.slice(0, 40) || e.id, { limit: 5 });
    if (!Array.isArray(hits)) out.push('search gave no list');
  }
  if (store.tripleCount > 0) {
    const t = store.toDataset().triples[0]!;
    if (t.subject !== t.object) {
      const res = await ex.paths({ from: t.subject, to: t.object });
      if (!res.paths.length)
        out.push(`no path between the ends of triple ${t.id} (${t.subject} → ${t.object}): ${res.reason ?? ''}`);
    }
  }
}

/** A line of /etc/passwd: an external entity was read. */
const LEAK = /root:[^:\n]*:0:0:/;

/** Checks one input of one target; never throws. `mustRefuse`: an entity bomb or external entity, which no reader may accept. */
export async function check(
  target: string,
  bytes: Uint8Array,
  schemaName: SchemaName,
  seed: number,
  mustRefuse = false,
): Promise<Verdict> {
  const t0 = performance.now();
  const out: string[] = [];
  let valid = false;
  try {
    const w = world(schemaName);
    const r = rng(seed ^ 0x5bd1e995);
    const whole = new StrictUtf8Decoder(FILE).decode(bytes, true);
    if (whole === 'bad') {
      const loc = new Utf8Locator();
      loc.push(bytes);
      placed(loc.problem(FILE), 'utf-8', out);
    } else if ('problem' in whole) {
      placed(whole.problem, 'utf-16', out);
    } else if (target === SCHEMA_TARGET) {
      const res = parseSchema(whole.text, FILE, true);
      for (const p of res.problems) placed(p, 'schema', out);
      valid = res.schema !== undefined;
    } else {
      const reader = READERS.find((x) => x.id === target);
      if (!reader) throw new Error(`no reader '${target}'`);
      const text = whole.text;
      const opts = options(w, true);
      const base = readText(reader, text, opts);
      for (const p of base.problems) placed(p, 'whole text', out);
      // One chunk, the text at hand for a fallback.
      const one = reader.open({ ...opts, wholeText: () => text });
      one.push(text);
      const oneRes = one.end();
      for (const p of oneRes.problems) placed(p, 'stream', out);
      compare(base, oneRes, 'whole vs stream', out);
      // Random byte chunks through the decoder, nothing at hand but what the session keeps.
      const parts = decodeChunks(bytes, r);
      if (parts === 'bad' || 'problem' in parts) out.push('the chunked decoder failed where the whole decoder did not');
      else {
        if (parts.texts.join('') !== text) out.push('chunked decoding gave another text');
        const many = reader.open(opts);
        for (const s of parts.texts) {
          if (many.finished) break;
          many.push(s);
        }
        const manyRes = many.end();
        for (const p of manyRes.problems) placed(p, 'chunked stream', out);
        compare(base, manyRes, 'whole vs chunked stream', out);
      }
      // A lenient decoder (what a page may use): no exception, every problem placed.
      const lenient = readText(reader, new TextDecoder().decode(bytes), { ...opts, decodedStrictly: false });
      for (const p of lenient.problems) placed(p, 'lenient', out);
      valid = base.ok;
      if (base.ok) await answers(oneRes, base, out);
      if (mustRefuse && base.ok) out.push('accepted an XML entity bomb or external entity');
      const seen = JSON.stringify(base.problems) + (oneRes.store ? JSON.stringify(oneRes.store.toDataset()) : '');
      if (LEAK.test(seen)) out.push('the content of /etc/passwd shows in the result: an external entity was read');
    }
  } catch (e) {
    out.push(
      `exception: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join(' | ') : String(e)}`,
    );
  }
  out.push(...prototypeProblems());
  return { failures: out, valid, ms: performance.now() - t0 };
}
