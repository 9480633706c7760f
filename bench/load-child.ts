// One cold load in a fresh process, so each run starts with an empty heap and
// no JIT warm-up from earlier runs. Spawned by run.ts as
//   node --expose-gc --trace-gc --import tsx bench/load-child.ts <mode> <file> [schema]
// and prints one line `RESULT {json}`; the parent reads peak heap from the
// --trace-gc lines (heap size before each collection) and from the
// heap sizes sampled here at phase boundaries.
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

const [mode, file, schemaFile] = process.argv.slice(2);
if (!mode || !file) throw new Error('usage: load-child.ts ours|json|n3|lines <file> [schema.json]');

const gc = (globalThis as { gc?: () => void }).gc;
const phases: Record<string, number> = {};
const heapAt: Record<string, number> = {};
const MB = 2 ** 20;
let keep: unknown[] = [];
const t0 = performance.now();
let last = t0;
const mark = (name: string) => {
  const now = performance.now();
  phases[name] = now - last;
  heapAt[name] = getHeapStatistics().used_heap_size / MB;
  last = now;
};

if (mode === 'json') {
  keep = [
    (() => {
      const text = readFileSync(file, 'utf8');
      mark('read');
      const parsed: unknown = JSON.parse(text);
      mark('parse');
      return parsed;
    })(),
  ];
} else if (mode === 'lines') {
  // A floor for line formats: read and decode as the loader does (64 KiB chunks, a fatal UTF-8 decoder) and find
  // each line break; no parsing, no checks.
  const { openSync, readSync, closeSync } = await import('node:fs');
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 16);
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lines = 0;
  for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) {
    const s = dec.decode(buf.subarray(0, n), { stream: true });
    for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) lines++;
  }
  closeSync(fd);
  mark('read+decode+lines');
  keep = [lines];
} else if (mode === 'n3') {
  const N3 = await import('n3');
  const { createReadStream } = await import('node:fs');
  // N3's streaming parser: its way to read files larger than one JS string.
  const store = new N3.Store();
  await new Promise<void>((resolveP, rejectP) => {
    const parser = new N3.StreamParser({ format: 'N-Triples' });
    createReadStream(file).pipe(parser);
    parser.on('data', (q) => store.addQuad(q));
    parser.on('error', rejectP);
    parser.on('end', () => resolveP());
  });
  mark('parse+store');
  keep = [store];
} else if (mode === 'ours') {
  const { loadStoreFile } = await import('../src/node/load.ts');
  last = performance.now();
  // Streaming: read, scan, parse and check interleave chunk by chunk, so the
  // phases are the loader's accumulated timers (read = the rest of the time).
  const loadStore = () => {
    const res = loadStoreFile(file, { schemaPath: schemaFile });
    const total = performance.now() - last;
    if (!res.ok || !res.store) {
      const errs = res.problems.filter((p) => p.severity === 'error').slice(0, 3);
      throw new Error(`${file}: does not validate: ${JSON.stringify(errs)}`);
    }
    const { scan, parse, check, build } = res.timings;
    Object.assign(phases, { 'read+decode': total - scan - parse - check - build, scan, parse, validate: check, build });
    heapAt.end = getHeapStatistics().used_heap_size / MB;
    return res.store;
  };
  keep = [loadStore()];
} else {
  throw new Error(`unknown mode ${mode}: use ours, json, n3 or lines`);
}

// What stays once the transient text and parse tree are gone.
let retained = NaN;
if (gc) {
  gc();
  retained = getHeapStatistics().used_heap_size / MB;
}
const sum = Object.values(phases).reduce((a, b) => a + b, 0);
console.log(
  `RESULT ${JSON.stringify({ mode, totalMs: sum, phases, heapAt, retainedMB: retained, kept: keep.length })}`,
);
