// Strict UTF-8 reading of a dataset's bytes in the browser: a fatal decoder,
// and when it refuses the bytes, the first bad byte located by line and
// column (counted only then, by reading the bytes again from the start).
import type { Problem } from '../../core/problems.ts';
import { StrictUtf8Decoder, Utf8Locator, utf16Problem } from '../../core/utf8.ts';

/** The bytes of a file from the start, in chunks; `open` may be called again. */
export interface ByteInput {
  open(): AsyncIterable<Uint8Array>;
}

export { utf16Problem };

/** Where the first byte that is not UTF-8 stands (see core/utf8.ts). */
export async function locateBadUtf8(input: ByteInput, file: string): Promise<Problem> {
  const locator = new Utf8Locator();
  for await (const bytes of input.open()) if (locator.push(bytes)) break;
  return locator.problem(file);
}

/** Most characters handed on at once: a chunk's parsed records then stay small (see core/ingest.ts). */
const SLICE = 1 << 16;

/**
 * Decodes `input` strictly and hands the text on in slices; `sink` returns
 * false to stop reading. A problem when the bytes are not UTF-8.
 */
export async function decodeStrictly(
  input: ByteInput,
  file: string,
  sink: (text: string) => boolean,
  onBytes?: (done: number) => void,
): Promise<Problem | undefined> {
  const decoder = new StrictUtf8Decoder(file);
  let done = 0;
  const give = (text: string): boolean => {
    if (text.length <= SLICE) return sink(text);
    for (let i = 0; i < text.length; i += SLICE) if (!sink(text.slice(i, i + SLICE))) return false;
    return true;
  };
  for await (const bytes of input.open()) {
    const decoded = decoder.decode(bytes);
    if (decoded === 'bad') return locateBadUtf8(input, file);
    if ('problem' in decoded) return decoded.problem;
    done += bytes.length;
    onBytes?.(done);
    if (!give(decoded.text)) return undefined;
  }
  const tail = decoder.decode(new Uint8Array(0), true);
  if (tail === 'bad') return locateBadUtf8(input, file);
  if ('text' in tail) give(tail.text);
  return undefined;
}

/** The whole text, strictly decoded, or why it is not UTF-8. */
export async function readWhole(
  input: ByteInput,
  file: string,
  onBytes?: (done: number) => void,
): Promise<{ text: string } | { problem: Problem }> {
  const parts: string[] = [];
  const problem = await decodeStrictly(
    input,
    file,
    (t) => {
      parts.push(t);
      return true;
    },
    onBytes,
  );
  return problem ? { problem } : { text: parts.join('') };
}

/** A ByteInput over bytes already in memory (64 KiB views, no copies). */
export function bytesInput(buf: ArrayBuffer | Uint8Array, chunk = 1 << 16): ByteInput {
  const all = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  return {
    async *open() {
      for (let at = 0; at < all.length; at += chunk) yield all.subarray(at, Math.min(all.length, at + chunk));
    },
  };
}

/** A ByteInput over a stream opened afresh each time (a Blob's, a new fetch's). */
export function streamInput(stream: () => ReadableStream<Uint8Array> | Promise<ReadableStream<Uint8Array>>): ByteInput {
  return {
    async *open() {
      const reader = (await stream()).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        // Stopped early (a problem found, the text handed back): let the rest go.
        reader.cancel().catch(() => {});
      }
    },
  };
}
