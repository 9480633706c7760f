// Strict UTF-8 reading of a dataset's bytes in the browser: a fatal decoder,
// and when it refuses the bytes, the first bad byte located by line and
// column (counted only then, by reading the bytes again from the start).
import type { Problem } from '../../core/problems.ts';

/** The bytes of a file from the start, in chunks; `open` may be called again. */
export interface ByteInput {
  open(): AsyncIterable<Uint8Array>;
}

const HINT = 'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)';

/** A UTF-16 byte order mark at the start: said so plainly rather than as a bad byte. */
export function utf16Problem(bytes: Uint8Array, file: string): Problem | undefined {
  if (bytes.length < 2) return undefined;
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!le && !(bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  return { severity: 'error', code: 'not-utf8', file, path: '', line: 1, column: 1, message: `file is not UTF-8: ${file} is UTF-16 ${le ? 'LE' : 'BE'}`, hint: HINT };
}

/**
 * Where the first byte that is not UTF-8 stands (by the rules of a fatal
 * TextDecoder: overlong forms, surrogates and code points past U+10FFFF are
 * bad too; a bad sequence is reported at its first byte). Column counts
 * UTF-16 units, as editors and the JSON locations do.
 */
export async function locateBadUtf8(input: ByteInput, file: string): Promise<Problem> {
  let pos = 0, line = 1, col = 0;
  // The sequence under way: continuation bytes still needed, the range of the next one, where it began.
  let need = 0, lo = 0x80, hi = 0xbf, units = 0, leadPos = 0, leadCol = 0;
  let at: { pos: number; col: number } | undefined;
  outer: for await (const bytes of input.open()) {
    for (let i = 0; i < bytes.length; i++, pos++) {
      const b = bytes[i]!;
      if (need > 0) {
        if (b < lo || b > hi) { at = { pos: leadPos, col: leadCol }; break outer; }
        lo = 0x80; hi = 0xbf;
        if (--need === 0) col += units;
        continue;
      }
      if (b < 0x80) {
        if (b === 10) { line++; col = 0; } else col++;
        continue;
      }
      if (b >= 0xc2 && b <= 0xdf) { need = 1; }
      else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; else if (b === 0xed) hi = 0x9f; }
      else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; else if (b === 0xf4) hi = 0x8f; }
      else { at = { pos, col }; break outer; }
      units = need === 3 ? 2 : 1;
      leadPos = pos; leadCol = col;
    }
  }
  // A sequence cut off by the end of the file.
  at ??= need > 0 ? { pos: leadPos, col: leadCol } : { pos, col };
  return {
    severity: 'error', code: 'not-utf8', file, path: '', line, column: at.col + 1,
    message: `file is not UTF-8: ${file} has a byte that is not UTF-8 at byte ${at.pos}`, hint: HINT,
  };
}

/** Most characters handed on at once: a chunk's parsed records then stay small (see core/ingest.ts). */
const SLICE = 1 << 16;

/**
 * Decodes `input` strictly and hands the text on in slices; `sink` returns
 * false to stop reading. A problem when the bytes are not UTF-8.
 */
export async function decodeStrictly(input: ByteInput, file: string, sink: (text: string) => boolean, onBytes?: (done: number) => void): Promise<Problem | undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let done = 0;
  let first = true;
  const give = (text: string): boolean => {
    if (text.length <= SLICE) return sink(text);
    for (let i = 0; i < text.length; i += SLICE) if (!sink(text.slice(i, i + SLICE))) return false;
    return true;
  };
  for await (const bytes of input.open()) {
    if (first && bytes.length > 0) {
      first = false;
      const wide = utf16Problem(bytes, file);
      if (wide) return wide;
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      return locateBadUtf8(input, file);
    }
    done += bytes.length;
    onBytes?.(done);
    if (!give(text)) return undefined;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    return locateBadUtf8(input, file);
  }
  give(tail);
  return undefined;
}

/** The whole text, strictly decoded, or why it is not UTF-8. */
export async function readWhole(input: ByteInput, file: string, onBytes?: (done: number) => void): Promise<{ text: string } | { problem: Problem }> {
  const parts: string[] = [];
  const problem = await decodeStrictly(input, file, (t) => { parts.push(t); return true; }, onBytes);
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
