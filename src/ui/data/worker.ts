// The loader worker: reads a file with progress, validates it, builds the
// store, then keeps it and answers Explorer calls, so big data never blocks
// the page. One worker per load: cancelling a load is terminating its worker.
import type { Explorer } from '../../core/explorer.ts';
import type { Problem } from '../../core/problems.ts';
import { MemoryExplorer } from '../../core/memory-explorer.ts';
import type { TripleStore } from '../../core/store.ts';
import type { Schema } from '../../core/model.ts';
import { parseSchema } from '../../core/validate.ts';
import { buildFromText, shareable, type CurrentData, type Phase } from './pipeline.ts';
import { graphColumns, columnsTransfer } from './columns.ts';
import { EXPLORER_METHODS, isSchemaFile, type FromWorker, type RemoteFile, type ToWorker } from './protocol.ts';

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

let store: TripleStore | undefined;
let explorer: MemoryExplorer | undefined;
let file = '';

/** Progress at most every 50 ms: enough for a smooth bar, few messages. */
function progress(phase: Phase, done: number, total: number, force = false): void {
  const now = performance.now();
  if (!force && now - lastProgress < 50) return;
  lastProgress = now;
  post({ type: 'progress', phase, done, total });
}
let lastProgress = 0;

/** UTF-8 text of the file in chunks, with the BOM kept (the validator reports it). */
async function readText(input: Blob | ArrayBuffer | RemoteFile): Promise<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const parts: string[] = [];
  let stream: ReadableStream<Uint8Array> | undefined;
  let total: number;
  if (input instanceof Blob) { stream = input.stream(); total = input.size; }
  else if (input instanceof ArrayBuffer) total = input.byteLength;
  else {
    const res = await fetch(input.url, { credentials: 'same-origin', cache: 'no-cache' });
    if (!res.ok) throw new FetchProblem(`could not fetch ${input.url}: HTTP ${res.status} ${res.statusText}`.trim());
    // Servers that answer every unknown path with the app's page (as single-page hosts do).
    if (/text\/html/i.test(res.headers.get('content-type') ?? '')) throw new FetchProblem(`${input.url} is not there: the server answered with an HTML page, not a JSON file`);
    // Compressed responses give the compressed length: then the bar shows no fraction.
    const encoded = !!res.headers.get('content-encoding');
    total = encoded ? 0 : Number(res.headers.get('content-length') ?? 0);
    stream = res.body ?? undefined;
    if (!stream) throw new FetchProblem(`could not fetch ${input.url}: the response has no body`);
  }
  let done = 0;
  progress('reading', 0, total, true);
  if (stream) {
    const reader = stream.getReader();
    for (;;) {
      const { done: end, value } = await reader.read();
      if (end) break;
      parts.push(decoder.decode(value, { stream: true }));
      done += value.byteLength;
      progress('reading', done, total);
    }
  } else if (input instanceof ArrayBuffer) {
    const CHUNK = 4 << 20;
    for (let at = 0; at < total; at += CHUNK) {
      parts.push(decoder.decode(new Uint8Array(input, at, Math.min(CHUNK, total - at)), { stream: true }));
      done = Math.min(total, at + CHUNK);
      progress('reading', done, total);
    }
  }
  parts.push(decoder.decode());
  if (!total) total = done;
  progress('reading', total, total, true);
  return parts.join('');
}

/** The open data from another worker (or the page), through the port it was given. */
function receive(port: MessagePort): Promise<CurrentData> {
  return new Promise((resolve, reject) => {
    port.onmessage = (e: MessageEvent<CurrentData | null>) => {
      port.close();
      if (e.data) resolve(e.data); else reject(new Error('the data already open could not be read for the merge'));
    };
    port.start();
  });
}

async function load(m: Extract<ToWorker, { type: 'load' }>): Promise<void> {
  // The schema and source texts opened alongside: small, read first and whole.
  let schema: Schema | undefined;
  const sourceFiles = new Map<string, string>();
  for (const x of m.extras ?? []) {
    const text = await x.file.text();
    if (!isSchemaFile(x.name)) { sourceFiles.set(x.name, text); continue; }
    const r = parseSchema(text, x.name);
    if (!r.schema) { post({ type: 'failed', problems: r.problems }); return; }
    schema = r.schema;
  }
  const text = await readText(m.file);
  const merge = m.merge;
  const r = await buildFromText(text, m.name, {
    schema, sourceFiles,
    current: merge ? () => receive(merge) : undefined,
    onPhase: (phase) => progress(phase, 0, 1, true),
  });
  if (!r.ok) { post({ type: 'failed', problems: r.problems }); return; }
  store = r.store;
  explorer = new MemoryExplorer(r.store);
  file = r.file;
  progress('indexing', 1, 1, true);
  post({ type: 'loaded', file: r.file, title: r.store.title, sources: r.store.sources.map(({ text: _t, ...s }) => s), warnings: r.warnings });
}

/** A fetch that failed: its message is the whole story. */
class FetchProblem extends Error {}

function failure(e: unknown, name: string): Problem {
  if (e instanceof FetchProblem) return { severity: 'error', code: 'load-failed', file: name, path: '', message: e.message, hint: 'check the path in the data parameter (a .json dataset served by this site); the bundled data is shown instead' };
  return { severity: 'error', code: 'load-failed', file: name, path: '', message: `could not load the file: ${e instanceof Error ? e.message : String(e)}`, hint: 'check that it is an actorgraph dataset (JSON) and that the browser has memory to spare, then try again' };
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'load') {
    load(m).catch((err: unknown) => post({ type: 'failed', problems: [failure(err, m.name)] }));
  } else if (m.type === 'share') {
    m.port.postMessage(store ? shareable(store, file) : null);
    m.port.close();
  } else if (m.type === 'columns') {
    if (!store) { post({ type: 'result', id: m.id, ok: false, error: 'no data is loaded in this worker' }); return; }
    const value = graphColumns(store);
    (self as unknown as Worker).postMessage({ type: 'result', id: m.id, ok: true, value } satisfies FromWorker, columnsTransfer(value));
  } else if (m.type === 'call') {
    const ex = explorer;
    if (!ex || !EXPLORER_METHODS.includes(m.method)) {
      post({ type: 'result', id: m.id, ok: false, error: ex ? `unknown method ${String(m.method)}` : 'no data is loaded in this worker' });
      return;
    }
    const fn = ex[m.method] as (...a: unknown[]) => Promise<unknown>;
    Promise.resolve().then(() => fn.apply(ex as Explorer, m.args)).then(
      (value) => post({ type: 'result', id: m.id, ok: true, value }),
      (err: unknown) => post({ type: 'result', id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  }
};
