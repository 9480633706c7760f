// The writer seam: how a dataset leaves actorgraph in a format other tools read.
//
// A format is one DatasetWriter (registered in registry.ts). It takes a whole,
// valid Dataset (what Explorer.exportDataset gives, sources' texts inline) and
// returns one or more files: most formats are one file; a relations table and
// an entities table (CSV) are two. The first file is the main one; the others
// are named by their `suffix` next to it (`graph.csv` → `graph.entities.csv`).
//
// `keeps` says what survives the trip, for the README's table and the UI's
// export menu; a lossless writer is paired with a reader that gives the same
// dataset back (round-trip property tests hold it to that).
import type { Dataset } from '../model.ts';

export type Kept =
  | 'entities'
  | 'aliases'
  | 'types'
  | 'predicates'
  | 'evidence'
  | 'sources'
  | 'dates'
  | 'attributes'
  | 'positions'
  | 'trust';

/** Everything: what a lossless writer keeps. */
export const KEEPS_ALL: readonly Kept[] = [
  'entities',
  'aliases',
  'types',
  'predicates',
  'evidence',
  'sources',
  'dates',
  'attributes',
  'positions',
  'trust',
];

export interface WrittenFile {
  /** '' for the main file; else what goes between the base name and the extension ('.entities'). */
  suffix: string;
  /** File name ending with the dot: '.csv'. */
  extension: string;
  mediaType: string;
  text: string;
  /** The same text in pieces, where it can exceed one string's limit (N-Triples of a million relations): write these. */
  chunks?: () => Iterable<string>;
}

export interface WriteOptions {
  /** Base name without extension, for formats that name their parts or their graph ('iran'). */
  name?: string;
}

export interface DatasetWriter {
  /** What `--format` takes: 'dataset', 'graphology', 'csv', 'gexf', 'graphml', 'nt', 'nq', 'ttl', 'trig', 'ftm'. */
  readonly id: string;
  /** For people: 'GEXF (Gephi)'. */
  readonly label: string;
  /** The main file's ending with the dot. */
  readonly extension: string;
  readonly keeps: readonly Kept[];
  /** Whether its reader gives the same dataset back. */
  readonly lossless: boolean;
  write(dataset: Dataset, options?: WriteOptions): WrittenFile[];
}

/** Small strings (a file's `chunks`) gathered into writes of about a megabyte, each ending where a chunk ends. */
export function* pieces(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let buf: string[] = [],
    n = 0;
  for (const c of chunks) {
    buf.push(c);
    n += c.length;
    if (n >= size) {
      yield buf.join('');
      buf = [];
      n = 0;
    }
  }
  if (buf.length) yield buf.join('');
}
