// The loader worker's RPC, carried by Comlink: what the worker exposes, and
// errors that cross the boundary as ExplorerError ({code, message, hint}),
// not as strings. Both sides import this module (it installs the handler).
import * as Comlink from 'comlink';
import { ExplorerError, isExplorerErrorData, type ExplorerErrorData } from '../../core/errors.ts';
import type { Problem } from '../../core/problems.ts';
import type { Explorer } from '../../core/explorer.ts';
import type { ExtraFile, LoadedMeta, Progress, ReadChoices, RemoteFile } from './protocol.ts';

export interface LoadRequest {
  file: Blob | ArrayBuffer | RemoteFile;
  name: string;
  /** Merge: the open data arrives on this port (a DataSnapshot). */
  merge?: MessagePort;
  extras?: ExtraFile[];
  read?: ReadChoices;
}

export type LoadAnswer = ({ ok: true; took?: LoadTimes } & LoadedMeta) | { ok: false; problems: Problem[] };

/** Where a first open's time went in the worker (ms): reading with checking, indexing. */
export interface LoadTimes {
  read: number;
  index: number;
}

/** A reopen from a kept snapshot; `reason` says why not (none kept, refused as old or damaged). */
export type RestoreAnswer = ({ ok: true; took: SnapshotTimes } & LoadedMeta) | { ok: false; reason: string };

/** Where a reopen's time went in the worker (ms): reading the record from IndexedDB, decoding the store. */
export interface SnapshotTimes {
  read: number;
  decode: number;
}

/** What the loader worker exposes. */
export interface WorkerApi {
  /** Reads, validates and indexes the file; progress through the (proxied) callback. */
  load(request: LoadRequest, onProgress?: (p: Progress) => void): Promise<LoadAnswer>;
  /** Loads the snapshot kept under `hash` (read from IndexedDB here): no reading, checking or indexing. */
  restore(hash: string): Promise<RestoreAnswer>;
  /** Keeps a snapshot of the loaded data under `hash`; false when there is none or storage refused it. */
  keepSnapshot(hash: string): Promise<boolean>;
  /** Posts this worker's data (a DataSnapshot) on `port`, for a merge in another worker. */
  share(port: MessagePort): void;
  /** One Explorer method on the loaded data. */
  call(method: RemoteMethod, args: unknown[]): Promise<unknown>;
}

/** The Explorer methods a worker answers (columns with its arrays transferred). */
// `save` writes to a shared store; a worker's data is the page's own (merge or export instead).
export type RemoteMethod = Exclude<keyof Explorer, 'shareCurrent' | 'save'>;
export const REMOTE_METHODS: readonly RemoteMethod[] = [
  'capabilities',
  'schema',
  'stats',
  'search',
  'entity',
  'entities',
  'details',
  'source',
  'sources',
  'neighbourhood',
  'paths',
  'relations',
  'subgraph',
  'topEntities',
  'exportDataset',
  'columns',
];

interface Wire {
  isError: boolean;
  explorer?: ExplorerErrorData;
  value?: unknown;
}

const original = Comlink.transferHandlers.get('throw')!;
Comlink.transferHandlers.set('throw', {
  canHandle: original.canHandle,
  serialize(thrown: unknown): [Wire, Transferable[]] {
    const value = (thrown as { value: unknown }).value;
    if (value instanceof ExplorerError || isExplorerErrorData(value)) {
      return [{ isError: true, explorer: ExplorerError.from(value).toJSON() }, []];
    }
    const plain = value instanceof Error ? ExplorerError.from(value).toJSON() : undefined;
    return plain ? [{ isError: true, explorer: plain }, []] : (original.serialize(thrown) as [Wire, Transferable[]]);
  },
  deserialize(wire: unknown): never {
    const w = wire as Wire;
    if (w.explorer) throw new ExplorerError(w.explorer);
    return original.deserialize(wire) as never;
  },
} satisfies Comlink.TransferHandler<unknown, Wire>);

export { Comlink };
