// How a file's format is chosen: by its name's ending and a sniff of its first
// bytes, over any list of formats (the readers themselves, or formats.ts's
// descriptors when the parsing code is not loaded yet).
import type { ReaderFormat } from './reader.ts';

/** What the registry looks at of a file's start. */
export const SNIFF_BYTES = 4096;

/** At or above this, what the bytes say wins over the file name. */
const SURE = 0.8;

/** `bytes` (the first ones of a file) as text for sniffing: lenient, BOM removed. */
export function sniffText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes.subarray(0, SNIFF_BYTES));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The format claiming `name`'s longest matching ending, if any. */
export function formatByName<T extends ReaderFormat>(name: string, readers: readonly T[]): T | undefined {
  const lower = name.toLowerCase();
  let best: T | undefined;
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
export function pickFormat<T extends ReaderFormat>(
  file: { name?: string; head?: Uint8Array | string },
  readers: readonly T[],
): T {
  const head = file.head === undefined ? undefined : typeof file.head === 'string' ? file.head : sniffText(file.head);
  const byName = file.name === undefined ? undefined : formatByName(file.name, readers);
  if (head === undefined) return byName ?? readers[0]!;
  let best: T | undefined;
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
