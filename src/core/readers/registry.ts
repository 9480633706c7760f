// The readers the project knows, and the choice of one for a file: a new
// format is one reader file added to READERS.
import type { ParseResult, ValidateOptions } from '../check/options.ts';
import { jsonDatasetReader } from './json-dataset.ts';
import { csvReader } from './csv.ts';
import { gexfReader } from './gexf.ts';
import { graphmlReader } from './graphml.ts';
import { graphologyJsonReader } from './graphology-json.ts';
import type { DatasetReader } from './reader.ts';
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

/** What the registry looks at of a file's start. */
export const SNIFF_BYTES = 4096;

/** At or above this, what the bytes say wins over the file name. */
const SURE = 0.8;

/** `bytes` (the first ones of a file) as text for sniffing: lenient, BOM removed. */
export function sniffText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes.subarray(0, SNIFF_BYTES));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The reader claiming `name`'s longest matching ending, if any. */
export function readerByName(name: string, readers: readonly DatasetReader[] = READERS): DatasetReader | undefined {
  const lower = name.toLowerCase();
  let best: DatasetReader | undefined;
  let bestLength = 0;
  for (const r of readers) {
    for (const ext of r.extensions)
      if (ext.length > bestLength && lower.endsWith(ext)) {
        best = r;
        bestLength = ext.length;
      }
  }
  return best;
}

/**
 * The reader for a file, by its name and its first bytes: a reader sure of
 * the content wins; else the one the name's ending claims (unless its sniff
 * says the content is not its format); else the likeliest by content; else
 * the first registered (the dataset JSON reader, which explains what is wrong).
 */
export function pickReader(
  file: { name?: string; head?: Uint8Array | string },
  readers: readonly DatasetReader[] = READERS,
): DatasetReader {
  const head = file.head === undefined ? undefined : typeof file.head === 'string' ? file.head : sniffText(file.head);
  const byName = file.name === undefined ? undefined : readerByName(file.name, readers);
  if (head === undefined) return byName ?? readers[0]!;
  let best: DatasetReader | undefined;
  let bestScore = 0;
  for (const r of readers) {
    const score = r.sniff(head);
    // Ties go to the reader the name claims, then to the earlier registered.
    if (score > bestScore || (score === bestScore && score > 0 && r === byName)) {
      best = r;
      bestScore = score;
    }
  }
  if (best && bestScore >= SURE) return best;
  if (byName && byName.sniff(head) > 0) return byName;
  return best ?? readers[0]!;
}

/** The whole text through a reader: its own whole-text path, else a session keeping the dataset. */
export function readText(reader: DatasetReader, text: string, opts: ValidateOptions): ParseResult {
  if (reader.readText) return reader.readText(text, opts);
  const session = reader.open({ ...opts, keepDataset: true, wholeText: () => text });
  session.push(text);
  const { store: _store, timings: _t, fallback: _f, ...result } = session.end();
  return result;
}
