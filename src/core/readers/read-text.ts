// A whole text through any reader: its own whole-text path, else a session.
import type { ParseResult, ValidateOptions } from '../check/options.ts';
import type { DatasetReader } from './reader.ts';

/** The whole text through a reader: its own whole-text path, else a session keeping the dataset. */
export function readText(reader: DatasetReader, text: string, opts: ValidateOptions): ParseResult {
  if (reader.readText) return reader.readText(text, opts);
  const session = reader.open({ ...opts, keepDataset: true, wholeText: () => text });
  session.push(text);
  const { store: _store, timings: _t, fallback: _f, ...result } = session.end();
  return result;
}
