// The loader worker: reads a file with progress (its reader chosen by the
// registry, whatever the format), validates it, builds the
// store, then keeps it and answers Explorer calls, so big data never blocks
// the page. One worker per load: cancelling a load is terminating its worker.
// The page speaks to it through Comlink (rpc.ts).
import type { Problem } from '../../core/problems.ts';
import { ExplorerError } from '../../core/errors.ts';
import { MemoryExplorer } from '../../core/memory-explorer.ts';
import type { Schema } from '../../core/model.ts';
import { parseSchema } from '../../core/validate.ts';
import {
  buildFromBytes,
  buildFromText,
  type BuildOutcome,
  type CurrentData,
  type Phase,
  type ReaderChoice,
} from './pipeline.ts';
import { loadReader } from '../../core/readers/lazy.ts';
import { SNIFF_BYTES } from '../../core/readers/pick.ts';
import { readText } from '../../core/readers/read-text.ts';
import { bytesInput, readWhole, streamInput, type ByteInput } from './utf8.ts';
import { columnsTransfer, type GraphColumns } from './columns.ts';
import { isEntitiesTable, isSchemaFile, type Progress, type ReadChoices, type RemoteFile } from './protocol.ts';
import {
  Comlink,
  REMOTE_METHODS,
  type LoadAnswer,
  type LoadRequest,
  type RemoteMethod,
  type WorkerApi,
} from './rpc.ts';
import { keepSnapshot, restore } from './worker-snapshot.ts';

let explorer: MemoryExplorer | undefined;
/** The loaded data's validation warnings, kept with its snapshot. */
let warnings: Problem[] = [];

/** Every registered format: a file's reader is chosen by its name and first bytes, its code loaded then. */
const readers: ReaderChoice = { pick: loadReader, readText, sniffBytes: SNIFF_BYTES };

const PROGRESS_EVERY_MS = 500;

/**
 * Progress at most every 500 ms (phase changes at once): each step shown repaints and re-composites the page, which
 * where rendering is in software costs the core the loader needs (five steps a second cost the 10k/50k bench view
 * about 6% of its first frame).
 * Progress travels on the callback's own port and the answer on the worker's: no order holds between two ports, so
 * `settled` lets the answer wait until the page has taken the last step (else "Indexing" can come after the answer).
 */
function progressReporter(onProgress: ((p: Progress) => void) | undefined) {
  let last = 0;
  let sent: unknown;
  const report = (phase: Phase, done: number, total: number, force = false): void => {
    if (!onProgress) return;
    const now = performance.now();
    if (!force && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    sent = onProgress({ phase, done, total });
  };
  return Object.assign(report, { settled: () => Promise.resolve(sent).catch(() => undefined) });
}

/** The bytes of the file, openable again (the rare whole-text reads, locating a bad byte), and their count when known. */
async function byteInput(input: Blob | ArrayBuffer | RemoteFile): Promise<{ bytes: ByteInput; total: number }> {
  if (input instanceof Blob) return { bytes: streamInput(() => input.stream()), total: input.size };
  if (input instanceof ArrayBuffer) return { bytes: bytesInput(input), total: input.byteLength };
  const res = await fetchData(input.url);
  // Compressed responses give the compressed length: then the bar shows no fraction.
  const total = res.headers.get('content-encoding') ? 0 : Number(res.headers.get('content-length') ?? 0);
  // The first read takes this response; any later one fetches again.
  let first: Response | undefined = res;
  return {
    total,
    bytes: streamInput(async () => {
      const r = first ?? (await fetchData(input.url));
      first = undefined;
      if (!r.body) throw new FetchProblem(`could not fetch ${input.url}: the response has no body`);
      return r.body;
    }),
  };
}

async function fetchData(url: string): Promise<Response> {
  const res = await fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
  if (!res.ok) throw new FetchProblem(`could not fetch ${url}: HTTP ${res.status} ${res.statusText}`.trim());
  // Servers that answer every unknown path with the app's page (as single-page hosts do).
  if (/text\/html/i.test(res.headers.get('content-type') ?? ''))
    throw new FetchProblem(`${url} is not there: the server answered with an HTML page, not a JSON file`);
  return res;
}

/** The open data from another worker (or the page), through the port it was given. */
function receive(port: MessagePort): Promise<CurrentData> {
  return new Promise((resolve, reject) => {
    port.onmessage = (e: MessageEvent<CurrentData | null>) => {
      port.close();
      if (e.data) resolve(e.data);
      else reject(new Error('the data already open could not be read for the merge'));
    };
    port.start();
  });
}

async function load(m: LoadRequest, onProgress?: (p: Progress) => void): Promise<LoadAnswer> {
  const progress = progressReporter(onProgress);
  // The schema and source texts opened alongside: small, read first and whole.
  let schema: Schema | undefined;
  let read: ReadChoices | undefined = m.read;
  const sourceFiles = new Map<string, string>();
  for (const x of m.extras ?? []) {
    // Decoded strictly like the dataset: a bad byte is located in the file that has it.
    const whole = await readWhole(
      streamInput(() => x.file.stream()),
      x.name,
    );
    if ('problem' in whole) return { ok: false, problems: [whole.problem] };
    const text = whole.text;
    if (isEntitiesTable(x.name)) {
      read = { ...read, csvEntities: { name: x.name, text } };
      continue;
    }
    // A source text's BOM is not part of what evidence quotes.
    if (!isSchemaFile(x.name)) {
      sourceFiles.set(x.name, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      continue;
    }
    const r = parseSchema(text, x.name, true);
    if (!r.schema) return { ok: false, problems: r.problems };
    schema = r.schema;
  }
  const { bytes, total } = await byteInput(m.file);
  const t1 = performance.now();
  let t2: number | undefined;
  const onBytes = (done: number) => progress('reading', done, total);
  const onPhase = (phase: Phase) => {
    if (phase === 'indexing') t2 ??= performance.now();
    progress(phase, 0, 1, true);
  };
  progress('reading', 0, total, true);
  const merge = m.merge;
  let r: BuildOutcome;
  if (merge) {
    // A merge needs both datasets as objects: the text is read whole.
    const all = await readWhole(bytes, m.name, onBytes);
    if ('problem' in all) return { ok: false, problems: [all.problem] };
    r = await buildFromText(all.text, m.name, {
      schema,
      sourceFiles,
      decodedStrictly: true,
      read,
      readers,
      current: () => receive(merge),
      onPhase,
    });
  } else {
    // Reading and checking go together: the bar shows the bytes read.
    r = await buildFromBytes(bytes, m.name, { schema, sourceFiles, read, readers, onBytes, onPhase });
  }
  if (!r.ok) return { ok: false, problems: r.problems };
  explorer = new MemoryExplorer(r.store, r.file);
  warnings = r.warnings;
  const t3 = performance.now();
  progress('indexing', 1, 1, true);
  await progress.settled();
  return {
    ok: true,
    took: { read: (t2 ?? t3) - t1, index: t3 - (t2 ?? t3) },
    file: r.file,
    title: r.store.title,
    sources: r.store.sources.map(({ text: _t, ...s }) => s),
    warnings: r.warnings,
  };
}

/** A fetch that failed: its message is the whole story. */
class FetchProblem extends Error {}

function failure(e: unknown, name: string): Problem {
  if (e instanceof FetchProblem)
    return {
      severity: 'error',
      code: 'load-failed',
      file: name,
      path: '',
      message: e.message,
      hint: 'check the path in the data parameter (a .json dataset served by this site); the bundled data is shown instead',
    };
  return {
    severity: 'error',
    code: 'load-failed',
    file: name,
    path: '',
    message: `could not load the file: ${e instanceof Error ? e.message : String(e)}`,
    hint: 'check that it is a dataset in a format actorgraph reads (see the file picker) and that the browser has memory to spare, then try again',
  };
}

const api: WorkerApi = {
  load: (m, onProgress) =>
    load(m, onProgress)
      .catch((err: unknown): LoadAnswer => ({ ok: false, problems: [failure(err, m.name)] }))
      // The progress callback is a proxy holding a port open: free it.
      .finally(() => (onProgress as Partial<Comlink.ProxyMethods> | undefined)?.[Comlink.releaseProxy]?.()),
  async restore(hash) {
    const r = await restore(hash);
    if (!r.ok) return r;
    ({ explorer, warnings } = r);
    return { ok: true, took: r.took, ...r.meta };
  },
  keepSnapshot: (hash) => (explorer ? keepSnapshot(hash, explorer, warnings) : Promise.resolve(false)),
  share(port) {
    if (explorer) explorer.shareCurrent(port);
    else {
      port.postMessage(null);
      port.close();
    }
  },
  async call(method: RemoteMethod, args: unknown[]) {
    if (!explorer) throw new ExplorerError({ code: 'not-loaded', message: 'no data is loaded in this worker' });
    if (!REMOTE_METHODS.includes(method))
      throw new ExplorerError({ code: 'bad-request', message: `unknown method ${String(method)}` });
    const fn = explorer[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(explorer, args);
    // The whole graph's arrays move to the page instead of being copied.
    return method === 'columns' ? Comlink.transfer(value, columnsTransfer(value as GraphColumns)) : value;
  },
};

Comlink.expose(api);
