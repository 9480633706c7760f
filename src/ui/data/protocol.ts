// What the UI and the loader worker exchange besides Explorer calls (see rpc.ts).
// Everything here is structured-cloneable: plain objects, Blobs, ArrayBuffers, MessagePorts.
import type { Source } from '../../core/model.ts';
import type { Problem } from '../../core/problems.ts';
import type { Phase } from './pipeline.ts';

/** A same-site dataset the worker fetches itself (`?data=`): the text never passes through the page. */
export interface RemoteFile {
  url: string;
}

/** Files opened with the dataset: its schema (a name ending in schema.json) and source texts. */
export interface ExtraFile {
  name: string;
  file: Blob;
}

export const isSchemaFile = (name: string) => /(^|[._-])schema\.json$/i.test(name);

/** The entities table beside a CSV/TSV relations table, as the CSV export names it (`graph.entities.csv`). */
export const isEntitiesTable = (name: string) => /[._-]entities\.(csv|tsv|tab)$/i.test(name);

export interface Progress {
  phase: Phase;
  done: number;
  total: number;
}

/** What the UI shows of loaded data besides the Explorer. */
export interface LoadedMeta {
  file: string;
  title?: string;
  sources: Source[];
  warnings: Problem[];
}

/** What the user chose about how to read the file (the CSV mapping step): passed to its reader as options. */
export interface ReadChoices {
  /** Which column (0-based) holds each field of a CSV/TSV table (see core/readers/csv-columns.ts). */
  csvMapping?: Partial<Record<string, number>>;
  /** The entities table opened with a relations table (read whole, first). */
  csvEntities?: { name: string; text: string };
}
