// Streaming ingest of a dataset into a store: the dataset JSON reader's
// session (readers/json-stream.ts), under the names callers know.
import { JsonStreamSession } from './readers/json-stream.ts';
import type { ReaderOptions, ReadResult } from './readers/reader.ts';

export type IngestOptions = ReaderOptions;
export type IngestResult = ReadResult;
export { JsonStreamSession as Ingest };

/** Streams a dataset from chunks of text (any sizes; split anywhere) into a store. */
export async function ingestDataset(
  chunks: AsyncIterable<string> | Iterable<string>,
  opts: IngestOptions,
): Promise<IngestResult> {
  const ing = new JsonStreamSession(opts);
  for await (const c of chunks) {
    ing.push(c);
    if (ing.finished) break;
  }
  return ing.end();
}

/** The synchronous form for text already in memory (fed in slices, so the parse stays incremental). */
export function ingestText(text: string, opts: IngestOptions, chunkSize = 1 << 16): IngestResult {
  const ing = new JsonStreamSession({ ...opts, wholeText: opts.wholeText ?? (() => text) });
  for (let i = 0; i < text.length && !ing.finished; i += chunkSize) ing.push(text.slice(i, i + chunkSize));
  return ing.end();
}
