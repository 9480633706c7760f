// The page's side of the loader worker: start a load (with progress and
// cancel), then speak to the loaded data through the Explorer interface.
import type { Explorer, ExportOptions } from '../../core/explorer.ts';
import type {
  Dataset, Entity, EntityDetails, NeighbourhoodQuery, NeighbourhoodResult, PathQuery, PathResult,
  Schema, SearchHit, SearchOptions, Source, Stats, Subgraph,
} from '../../core/model.ts';
import type { Problem } from '../../core/problems.ts';
import type { GraphColumns } from './columns.ts';
import type { RemoteFile } from './protocol.ts';
import type { ExplorerMethod, ExtraFile, FromWorker, LoadedMeta, Progress, ToWorker } from './protocol.ts';

/** Explorer calls answered by a worker: request ids, a promise per call, the worker's errors as rejections. */
export class WorkerExplorer implements Explorer {
  private nextId = 1;
  private pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private closed = false;

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type !== 'result') return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value); else p.reject(new Error(m.error));
    });
    worker.addEventListener('error', (e) => this.failAll(`the data worker failed: ${e.message || 'unknown error'}`));
  }

  private failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  private call<T>(method: ExplorerMethod, ...args: unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new Error('this data was closed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ type: 'call', id, method, args } satisfies ToWorker);
    });
  }

  /** The whole graph, compact (see columns.ts). */
  columns(): Promise<GraphColumns> {
    if (this.closed) return Promise.reject(new Error('this data was closed'));
    const id = this.nextId++;
    return new Promise<GraphColumns>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ type: 'columns', id } satisfies ToWorker);
    });
  }

  /** Hands this worker's data to another worker (for a merge there), without passing through the page. */
  share(port: MessagePort): void {
    this.worker.postMessage({ type: 'share', port } satisfies ToWorker, [port]);
  }

  /** Ends the worker. Calls still waiting never settle: their answers were for data no longer shown. */
  terminate(): void {
    this.closed = true;
    this.pending.clear();
    this.worker.terminate();
  }

  schema(): Promise<Schema> { return this.call('schema'); }
  stats(): Promise<Stats> { return this.call('stats'); }
  search(text: string, options?: SearchOptions): Promise<SearchHit[]> { return this.call('search', text, options); }
  entity(id: string): Promise<Entity | undefined> { return this.call('entity', id); }
  details(id: string): Promise<EntityDetails | undefined> { return this.call('details', id); }
  source(id: string): Promise<Source | undefined> { return this.call('source', id); }
  neighbourhood(query: NeighbourhoodQuery): Promise<NeighbourhoodResult> { return this.call('neighbourhood', query); }
  paths(query: PathQuery): Promise<PathResult> { return this.call('paths', query); }
  subgraph(entityIds: string[]): Promise<Subgraph> { return this.call('subgraph', entityIds); }
  topEntities(n: number): Promise<Entity[]> { return this.call('topEntities', n); }
  exportDataset(options: ExportOptions): Promise<Dataset> { return this.call('exportDataset', options); }
}

export type WorkerLoadOutcome =
  | { ok: true; explorer: WorkerExplorer; meta: LoadedMeta }
  | { ok: false; problems: Problem[] }
  | { ok: false; cancelled: true; problems: [] };

export interface WorkerLoad {
  done: Promise<WorkerLoadOutcome>;
  /** Stops the load: the worker ends, nothing that was open changes. */
  cancel(): void;
}

export interface WorkerLoadOptions {
  /** Merge: called with a port on which the open data must be posted (a CurrentData). */
  shareCurrent?(port: MessagePort): void;
  onProgress?(p: Progress): void;
  /** Schema and source texts opened with the dataset. */
  extras?: ExtraFile[];
}

/** Loads `file` in a new worker. The File is passed as a handle (no copy of its text on the page). */
export function loadInWorker(file: Blob | ArrayBuffer | RemoteFile, name: string, opts: WorkerLoadOptions = {}): WorkerLoad {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'actorgraph-loader' });
  let settle!: (o: WorkerLoadOutcome) => void;
  const done = new Promise<WorkerLoadOutcome>((r) => { settle = r; });
  let finished = false;
  const finish = (o: WorkerLoadOutcome) => {
    if (finished) return;
    finished = true;
    worker.removeEventListener('message', onMessage);
    if (!o.ok) worker.terminate();
    settle(o);
  };
  const problem = (message: string): Problem[] => [{ severity: 'error', code: 'load-failed', file: name, path: '', message, hint: 'try again; if it happens again, the file may be too large for this browser tab' }];
  const onMessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'progress') opts.onProgress?.({ phase: m.phase, done: m.done, total: m.total });
    else if (m.type === 'failed') finish({ ok: false, problems: m.problems });
    else if (m.type === 'loaded') {
      const { type: _t, ...meta } = m;
      finish({ ok: true, explorer: new WorkerExplorer(worker), meta });
    }
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', (e) => { e.preventDefault(); finish({ ok: false, problems: problem(`could not load the file: ${e.message || 'the loader stopped (out of memory?)'}`) }); });
  worker.addEventListener('messageerror', () => finish({ ok: false, problems: problem('could not load the file: a message from the loader could not be read') }));

  let merge: MessagePort | undefined;
  if (opts.shareCurrent) {
    const ch = new MessageChannel();
    opts.shareCurrent(ch.port1);
    merge = ch.port2;
  }
  const msg: ToWorker = { type: 'load', file, name, merge, extras: opts.extras };
  const transfer: Transferable[] = [];
  if (merge) transfer.push(merge);
  if (file instanceof ArrayBuffer) transfer.push(file);
  worker.postMessage(msg, transfer);
  return { done, cancel: () => finish({ ok: false, cancelled: true, problems: [] }) };
}
