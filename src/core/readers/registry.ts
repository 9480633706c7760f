// The readers the project knows, and the choice of one for a file: a new
// format is one reader file added to READERS, its descriptor (name, endings,
// sniff) in formats.ts.
import { jsonDatasetReader } from './json-dataset.ts';
import { csvReader } from './csv.ts';
import { gexfReader } from './gexf.ts';
import { graphmlReader } from './graphml.ts';
import { graphologyJsonReader } from './graphology-json.ts';
import type { DatasetReader } from './reader.ts';
import { formatByName, pickFormat } from './pick.ts';
import { RDF_READERS } from './rdf.ts';
import { ftmReader } from './ftm.ts';

export const READERS: readonly DatasetReader[] = [
  jsonDatasetReader,
  ...RDF_READERS,
  ftmReader,
  csvReader,
  gexfReader,
  graphmlReader,
  graphologyJsonReader,
];

export { SNIFF_BYTES, sniffText } from './pick.ts';
export { readText } from './read-text.ts';

/** The reader claiming `name`'s longest matching ending, if any. */
export const readerByName = (name: string, readers: readonly DatasetReader[] = READERS): DatasetReader | undefined =>
  formatByName(name, readers);

/** The reader for a file, by its name and first bytes (see pick.ts). */
export const pickReader = (
  file: { name?: string; head?: Uint8Array | string },
  readers: readonly DatasetReader[] = READERS,
): DatasetReader => pickFormat(file, readers);
