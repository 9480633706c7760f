// The page's side of the loader worker: start a load (with progress and
// cancel), then speak to the loaded data through the Explorer interface.
// Calls travel by Comlink; errors arrive as ExplorerError.
import type {
  Capabilities,
  CallOptions,
  DetailsOptions,
  Explorer,
  ExportOptions,
  PageOptions,
  SourcesQuery,
  SourcesResult,
  SubgraphResult,
} from '../../core/explorer.ts';
import { aborted, ExplorerError } from '../../core/errors.ts';
import type {
  Dataset,
  Entity,
  EntityDetails,
  NeighbourhoodQuery,
  NeighbourhoodResult,
  PathQuery,
  PathResult,
  RelationsQuery,
  RelationsResult,
  Schema,
  SearchHit,
  SearchOptions,
  Source,
  Stats,
} from '../../core/model.ts';
import type { Problem } from '../../core/problems.ts';
import type { GraphColumns } from './columns.ts';
import type { ExtraFile, LoadedMeta, Progress, ReadChoices, RemoteFile } from './protocol.ts';
import { Comlink, type RemoteMethod, type WorkerApi } from './rpc.ts';

/** An options object without its signal and progress callback (functions cannot cross to a worker; the page side honours the signal). */
function local<T extends CallOptions | undefined>(
  options: T,
): { rest: Omit<NonNullable<T>, 'signal' | 'onProgress'> | undefined; signal?: AbortSignal } {
  if (!options) return { rest: undefined };
  const { signal, onProgress: _p, ...rest } = options;
  return { rest: rest as Omit<NonNullable<T>, 'signal' | 'onProgress'>, signal };
}

/** Explorer calls answered by a worker; its errors and its death arrive as ExplorerError rejections. */
export class WorkerExplorer implements Explorer {
  private closed = false;
  private readonly dead: Promise<never>;

  constructor(
    private readonly worker: Worker,
    private readonly remote: Comlink.Remote<WorkerApi>,
  ) {
    this.dead = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) =>
        reject(
          new ExplorerError({
            code: 'worker-failed',
            message: `the data worker failed: ${e.message || 'unknown error'}`,
            hint: 'open the file again; it may be too large for this browser tab',
          }),
        ),
      );
    });
    this.dead.catch(() => {});
  }

  private call<T>(method: RemoteMethod, args: unknown[], signal?: AbortSignal): Promise<T> {
    if (this.closed) return Promise.reject(new ExplorerError({ code: 'closed', message: 'this data was closed' }));
    if (signal?.aborted) return Promise.reject(aborted());
    const answer = Promise.race([this.remote.call(method, args) as Promise<T>, this.dead]);
    if (!signal) return answer;
    // The worker finishes the call (its work is synchronous); the page stops waiting for it.
    let onAbort!: () => void;
    const stop = new Promise<never>((_, reject) => {
      onAbort = () => reject(aborted());
    });
    signal.addEventListener('abort', onAbort, { once: true });
    return Promise.race([answer, stop]).finally(() => signal.removeEventListener('abort', onAbort));
  }

  /** Hands this worker's data to another worker (for a merge there), without passing through the page. */
  shareCurrent(port: MessagePort): void {
    void this.remote.share(Comlink.transfer(port, [port]));
  }

  /** Same as shareCurrent (the name the UI used before). */
  share(port: MessagePort): void {
    this.shareCurrent(port);
  }

  /** Keeps a snapshot of this data under `hash` (the worker encodes and stores it); false when it could not. */
  keepSnapshot(hash: string): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return Promise.race([this.remote.keepSnapshot(hash), this.dead]).catch(() => false);
  }

  /** Ends the worker. Calls still waiting never settle: their answers were for data no longer shown. */
  terminate(): void {
    this.closed = true;
    this.worker.terminate();
  }

  capabilities(o?: CallOptions): Promise<Capabilities> {
    return this.call('capabilities', [], o?.signal);
  }
  schema(o?: CallOptions): Promise<Schema> {
    return this.call('schema', [], o?.signal);
  }
  stats(o?: CallOptions): Promise<Stats> {
    return this.call('stats', [], o?.signal);
  }
  search(text: string, o?: SearchOptions & CallOptions): Promise<SearchHit[]> {
    const { rest, signal } = local(o);
    return this.call('search', [text, rest], signal);
  }
  entity(id: string, o?: CallOptions): Promise<Entity | undefined> {
    return this.call('entity', [id], o?.signal);
  }
  entities(ids: string[], o?: { limit?: number } & CallOptions): Promise<(Entity | undefined)[]> {
    const { rest, signal } = local(o);
    return this.call('entities', [ids, rest], signal);
  }
  details(id: string, o?: DetailsOptions): Promise<EntityDetails | undefined> {
    const { rest, signal } = local(o);
    return this.call('details', [id, rest], signal);
  }
  source(id: string, o?: CallOptions): Promise<Source | undefined> {
    return this.call('source', [id], o?.signal);
  }
  sources(q?: SourcesQuery, o?: CallOptions): Promise<SourcesResult> {
    return this.call('sources', [q], o?.signal);
  }
  neighbourhood(q: NeighbourhoodQuery, o?: CallOptions): Promise<NeighbourhoodResult> {
    return this.call('neighbourhood', [q], o?.signal);
  }
  paths(q: PathQuery, o?: CallOptions): Promise<PathResult> {
    return this.call('paths', [q], o?.signal);
  }
  relations(q: RelationsQuery, o?: CallOptions): Promise<RelationsResult> {
    return this.call('relations', [q], o?.signal);
  }
  subgraph(ids: string[], o?: PageOptions & CallOptions): Promise<SubgraphResult> {
    const { rest, signal } = local(o);
    return this.call('subgraph', [ids, rest], signal);
  }
  topEntities(n: number, o?: CallOptions): Promise<Entity[]> {
    return this.call('topEntities', [n], o?.signal);
  }
  exportDataset(options: ExportOptions, o?: CallOptions): Promise<Dataset> {
    return this.call('exportDataset', [options], o?.signal);
  }
  /** The whole graph, compact (see core/columns.ts); its arrays are transferred. */
  columns(o?: CallOptions): Promise<GraphColumns> {
    return this.call('columns', [], o?.signal);
  }
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
  /** Merge: called with a port on which the open data must be posted (a DataSnapshot). */
  shareCurrent?(port: MessagePort): void;
  onProgress?(p: Progress): void;
  /** Schema and source texts opened with the dataset. */
  extras?: ExtraFile[];
  /** How to read the file (the CSV mapping step). */
  read?: ReadChoices;
}

/** A new loader worker, and the settling of its one load (errors, death and cancel included). */
function spawn(name: string) {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'actorgraph-loader' });
  const remote = Comlink.wrap<WorkerApi>(worker);
  let settle!: (o: WorkerLoadOutcome) => void;
  const done = new Promise<WorkerLoadOutcome>((r) => {
    settle = r;
  });
  let finished = false;
  const finish = (o: WorkerLoadOutcome) => {
    if (finished) return;
    finished = true;
    if (!o.ok) worker.terminate();
    settle(o);
  };
  const problem = (message: string): Problem[] => [
    {
      severity: 'error',
      code: 'load-failed',
      file: name,
      path: '',
      message,
      hint: 'try again; if it happens again, the file may be too large for this browser tab',
    },
  ];
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    finish({
      ok: false,
      problems: problem(`could not load the file: ${e.message || 'the loader stopped (out of memory?)'}`),
    });
  });
  worker.addEventListener('messageerror', () =>
    finish({ ok: false, problems: problem('could not load the file: a message from the loader could not be read') }),
  );
  const failed = (err: unknown) =>
    finish({
      ok: false,
      problems: problem(`could not load the file: ${err instanceof Error ? err.message : String(err)}`),
    });
  const opened = (meta: LoadedMeta) => finish({ ok: true, explorer: new WorkerExplorer(worker, remote), meta });
  return { remote, done, finish, failed, opened, isFinished: () => finished };
}

/** Loads `file` in a new worker. The File is passed as a handle (no copy of its text on the page). */
export function loadInWorker(
  file: Blob | ArrayBuffer | RemoteFile,
  name: string,
  opts: WorkerLoadOptions = {},
): WorkerLoad {
  const w = spawn(name);
  let merge: MessagePort | undefined;
  if (opts.shareCurrent) {
    const ch = new MessageChannel();
    opts.shareCurrent(ch.port1);
    merge = ch.port2;
  }
  const transfer: Transferable[] = [];
  if (merge) transfer.push(merge);
  if (file instanceof ArrayBuffer) transfer.push(file);
  const onProgress = opts.onProgress;
  const progress = onProgress
    ? Comlink.proxy((p: Progress) => {
        if (!w.isFinished()) onProgress(p);
      })
    : undefined;
  w.remote
    .load(Comlink.transfer({ file, name, merge, extras: opts.extras, read: opts.read }, transfer), progress)
    .then((answer) => {
      if (!answer.ok) {
        w.finish({ ok: false, problems: answer.problems });
        return;
      }
      const { ok: _ok, took, ...meta } = answer;
      // Read by the benchmark: where a first open's time went in the worker (ending now).
      if (took) {
        const end = performance.now();
        performance.measure('actorgraph:worker-index', { start: end - took.index, end });
        performance.measure('actorgraph:worker-read', { start: end - took.index - took.read, duration: took.read });
      }
      w.opened(meta);
    }, w.failed);
  return { done: w.done, cancel: () => w.finish({ ok: false, cancelled: true, problems: [] }) };
}

/**
 * Reopens the data kept under `hash` from its snapshot, in a new worker (which reads and decodes it there).
 * Fails with no problems when there is no usable snapshot: the caller then replays the kept steps.
 */
export function restoreInWorker(hash: string, name: string): WorkerLoad {
  const w = spawn(name);
  const t0 = performance.now();
  w.remote.restore(hash).then((answer) => {
    if (!answer.ok) {
      // Why the steps are replayed instead, for the benchmark and the devtools.
      performance.mark('actorgraph:restore-failed', { detail: answer.reason });
      w.finish({ ok: false, problems: [] });
      return;
    }
    const { ok: _ok, took, ...meta } = answer;
    // Read by the benchmark: where a reopen's time went.
    performance.measure('actorgraph:snapshot-restore', { start: t0 });
    performance.measure('actorgraph:snapshot-read', { start: t0, duration: took.read });
    performance.measure('actorgraph:snapshot-decode', { start: t0 + took.read, duration: took.decode });
    w.opened(meta);
  }, w.failed);
  return { done: w.done, cancel: () => w.finish({ ok: false, cancelled: true, problems: [] }) };
}
