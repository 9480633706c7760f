// The ways data enters the UI. The small bundled dataset is built on the page
// (quickest first frame: no worker to start); files are read, validated and
// indexed in a worker (see worker.ts), which then answers the queries.
import datasetText from '../../../graph-data/dataset.json?raw';
import type { Source } from '../../core/model.ts';
import type { Problem } from '../../core/problems.ts';
import type { CallOptions, Explorer } from '../../core/explorer.ts';
import { ExplorerError } from '../../core/errors.ts';
import { MemoryExplorer } from '../../core/memory-explorer.ts';
import { buildFromText } from './pipeline.ts';
import { loadInWorker, restoreInWorker, type WorkerLoad } from './worker-explorer.ts';
import { loadDataUrl, takeEarlyRestore } from './early-fetch.ts';
import type { GraphColumns } from './columns.ts';
import { isEntitiesTable, isSchemaFile, type Progress, type ReadChoices, type RemoteFile } from './protocol.ts';

export { defaultSchema } from './pipeline.ts';
export type { Progress, ReadChoices } from './protocol.ts';

export const DEFAULT_FILE = 'graph-data/dataset.json';

export interface LoadedData {
  explorer: Explorer;
  /** The file name the data came from (for display and export names). */
  file: string;
  title?: string;
  /** Sources without their texts (those come from `explorer.source`). */
  sources: Source[];
  /** Warnings from validation (errors stop the load). */
  warnings: Problem[];
  /** Posts this data, source texts inline, on `port`: what a merge in a new worker starts from.
   *  Same as `explorer.shareCurrent` (kept for the UI; ask `explorer.capabilities()` first). */
  shareCurrent(port: MessagePort): void;
  /** The whole graph, compact, for drawing it all. Same as `explorer.columns`. */
  columns(): Promise<GraphColumns>;
  /** Frees what holds the data (ends its worker). */
  dispose(): void;
  /** How kept data came back (`?ds=`): from its snapshot, or by replaying its steps. */
  from?: 'snapshot' | 'steps';
  /** Keeps a snapshot of this data under `hash` for a quick reopen (worker data only); false when it could not. */
  keepSnapshot?(hash: string): Promise<boolean>;
  /** Whether that snapshot was kept (set once keepSnapshot settles). */
  snapshotKept?: boolean;
}

export type LoadOutcome = { ok: true; data: LoadedData } | { ok: false; problems: Problem[]; cancelled?: boolean };

async function loadDefault(): Promise<LoadOutcome> {
  const t0 = performance.now();
  const r = await buildFromText(datasetText, DEFAULT_FILE);
  // Read by the tests and benchmarks: what building the bundled data costs the page.
  performance.measure('actorgraph:default-data', { start: t0 });
  if (!r.ok) return r;
  const store = r.store;
  return {
    ok: true,
    data: loadedData(
      new MemoryExplorer(store, r.file),
      { file: r.file, title: store.title, sources: store.sources, warnings: r.warnings },
      () => {},
    ),
  };
}

/** The UI's loaded data around an Explorer; `columns` and `shareCurrent` need an Explorer that has them. */
export function loadedData(
  explorer: Explorer,
  meta: { file: string; title?: string; sources: Source[]; warnings: Problem[] },
  dispose: () => void,
): LoadedData {
  const unsupported = (what: string) =>
    new ExplorerError({
      code: 'not-supported',
      message: `this data cannot give ${what}`,
      hint: 'check explorer.capabilities() first',
    });
  return {
    explorer,
    ...meta,
    dispose,
    shareCurrent: (port) => {
      if (!explorer.shareCurrent) throw unsupported('a snapshot for a merge');
      explorer.shareCurrent(port);
    },
    columns: (options?: CallOptions) =>
      explorer.columns ? explorer.columns(options) : Promise.reject(unsupported('the whole graph at once')),
  };
}

export interface FileLoad {
  done: Promise<LoadOutcome>;
  cancel(): void;
}

/** Which of several files opened together is the dataset; the others are its schema, source texts, or entities table. */
export function pickDataset(files: File[]): { dataset: File; extras: File[] } | { problem: Problem } {
  let datasets = files.filter((f) => !isSchemaFile(f.name) && !/\.txt$/i.test(f.name));
  // A relations table with its entities table (as the CSV export writes them): the relations are the dataset.
  if (datasets.length === 2 && datasets.filter((f) => isEntitiesTable(f.name)).length === 1)
    datasets = datasets.filter((f) => !isEntitiesTable(f.name));
  if (datasets.length === 1) return { dataset: datasets[0]!, extras: files.filter((f) => f !== datasets[0]) };
  const names = files.map((f) => f.name).join(', ');
  return {
    problem: {
      severity: 'error',
      code: 'no-dataset-file',
      file: names,
      path: '',
      message: datasets.length
        ? `${datasets.length} dataset files were opened together (${datasets.map((f) => f.name).join(', ')})`
        : `none of the files opened is a dataset (${names})`,
      hint: 'open one dataset file, optionally with its schema (a file named …schema.json), the .txt source texts it names, or (for a CSV relations table) its entities table named ….entities.csv',
    },
  };
}

/** Opens `file` in a new worker; `merge` is the open data to merge it into. Nothing open changes until it succeeds. */
function openFile(
  file: Blob | RemoteFile,
  name: string,
  opts: { merge?: LoadedData; onProgress?(p: Progress): void; extras?: File[]; read?: ReadChoices } = {},
): FileLoad {
  const extras = opts.extras?.map((f) => ({ name: f.name, file: f }));
  return fromWorkerLoad(
    loadInWorker(file, name, {
      shareCurrent: opts.merge?.shareCurrent,
      onProgress: opts.onProgress,
      extras,
      read: opts.read,
    }),
  );
}

/** A worker's load as the UI's FileLoad (also for one started before the app, see early-fetch.ts). */
function fromWorkerLoad(load: WorkerLoad): FileLoad {
  const done = load.done.then((o): LoadOutcome => {
    if (!o.ok) return 'cancelled' in o ? { ok: false, problems: [], cancelled: true } : o;
    const ex = o.explorer;
    const data = loadedData(ex, o.meta, () => ex.terminate());
    data.keepSnapshot = (hash) =>
      ex.keepSnapshot(hash).then((kept) => {
        data.snapshotKept = kept;
        return kept;
      });
    return { ok: true, data };
  });
  return { done, cancel: load.cancel };
}

/** Where the UI's data is: the bundled dataset, files opened (one dataset, optionally its schema and source texts), or a same-site URL. */
export type DataSpec =
  | { bundled: true }
  | { files: File[]; read?: ReadChoices }
  | { url: string; name?: string }
  | { snapshot: string; name: string };

export interface OpenOptions {
  /** Merge the new data into this (files only); nothing open changes unless it succeeds. */
  merge?: LoadedData;
  onProgress?(p: Progress): void;
  /** Cancels the load (as `cancel()`). */
  signal?: AbortSignal;
}

/**
 * The UI's one door to data: every way data enters, as one call. The loaded
 * data's `explorer` is the Explorer; ask its capabilities() before columns()
 * or shareCurrent(). (A SPARQL endpoint will be one more DataSpec.)
 */
export function openExplorer(spec: DataSpec, opts: OpenOptions = {}): FileLoad {
  let load: FileLoad;
  if ('bundled' in spec) load = { done: loadDefault(), cancel: () => {} };
  else if ('snapshot' in spec)
    load = fromWorkerLoad(takeEarlyRestore(spec.snapshot) ?? restoreInWorker(spec.snapshot, spec.name));
  else if ('url' in spec)
    load = fromWorkerLoad(loadDataUrl(spec.url, spec.name ?? spec.url, (p) => opts.onProgress?.(p)));
  else {
    const picked = pickDataset(spec.files);
    if ('problem' in picked)
      return { done: Promise.resolve({ ok: false, problems: [picked.problem] }), cancel: () => {} };
    load = openFile(picked.dataset, picked.dataset.name, {
      extras: picked.extras,
      merge: opts.merge,
      onProgress: opts.onProgress,
      read: spec.read,
    });
  }
  if (opts.signal) {
    if (opts.signal.aborted) load.cancel();
    else opts.signal.addEventListener('abort', () => load.cancel(), { once: true });
  }
  return load;
}
