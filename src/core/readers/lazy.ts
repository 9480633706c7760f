// A file's reader with its parsing code loaded only when a file needs it: the
// dataset JSON reader is at hand, the other formats' code (XML, RDF and CSV
// parsers, a third of the loader worker) comes with the registry the first
// time one of them is opened. The choice is the registry's (same formats, same
// sniffs), made from formats.ts's descriptors.
import { FORMATS } from './formats.ts';
import { jsonDatasetReader } from './json-dataset.ts';
import { pickFormat } from './pick.ts';
import type { DatasetReader } from './reader.ts';

export async function loadReader(file: { name?: string; head?: Uint8Array | string }): Promise<DatasetReader> {
  const format = pickFormat(file, FORMATS);
  if (format.id === jsonDatasetReader.id) return jsonDatasetReader;
  const { READERS } = await import('./registry.ts');
  const reader = READERS.find((r) => r.id === format.id);
  if (!reader) throw new Error(`no reader is registered for the format ${format.id}`);
  return reader;
}
