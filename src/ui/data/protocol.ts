// Messages between the UI and the loader worker. Everything here is
// structured-cloneable: plain objects, Blobs, ArrayBuffers, MessagePorts.
import type { Source } from '../../core/model.ts';
import type { Problem } from '../../core/problems.ts';
import type { Explorer } from '../../core/explorer.ts';
import type { Phase } from './pipeline.ts';

export type ExplorerMethod = keyof Explorer;
export const EXPLORER_METHODS: readonly ExplorerMethod[] = [
  'schema', 'stats', 'search', 'entity', 'details', 'source', 'neighbourhood', 'paths', 'subgraph', 'topEntities', 'exportDataset',
];

/** A same-site dataset the worker fetches itself (`?data=`): the text never passes through the page. */
export interface RemoteFile { url: string }

/** Files opened with the dataset: its schema (a name ending in schema.json) and source texts. */
export interface ExtraFile { name: string; file: Blob }

export const isSchemaFile = (name: string) => /(^|[._-])schema\.json$/i.test(name);

export type ToWorker =
  /** Read, validate and index `file`; with `merge`, the open data arrives on that port (a CurrentData). */
  | { type: 'load'; file: Blob | ArrayBuffer | RemoteFile; name: string; merge?: MessagePort; extras?: ExtraFile[] }
  /** Post this worker's data (a CurrentData) on `port`, for a merge in another worker. */
  | { type: 'share'; port: MessagePort }
  | { type: 'call'; id: number; method: ExplorerMethod; args: unknown[] }
  /** The whole graph as GraphColumns (answered as a 'result'). */
  | { type: 'columns'; id: number };

export interface Progress { phase: Phase; done: number; total: number }

/** What the UI shows of loaded data besides the Explorer. */
export interface LoadedMeta { file: string; title?: string; sources: Source[]; warnings: Problem[] }

export type FromWorker =
  | ({ type: 'progress' } & Progress)
  | ({ type: 'loaded' } & LoadedMeta)
  | { type: 'failed'; problems: Problem[] }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string };
