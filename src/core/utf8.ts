// Locating the first byte that is not UTF-8, by the rules of a fatal
// TextDecoder: overlong forms, surrogates and code points past U+10FFFF are
// bad too, and a bad sequence is reported at its first byte. Fed in chunks,
// so readers locate a bad byte without holding the file. StrictUtf8Decoder
// is the one way bytes become text, in Node and in the browser.
import type { Problem } from './problems.ts';
import { notUtf8, UTF8_HINT } from './check/problems.ts';

export { UTF8_HINT };

/** A UTF-16 byte order mark at the start: said so plainly rather than as a bad byte. `name` says which file in the message. */
export function utf16Problem(bytes: Uint8Array, file: string, name = file): Problem | undefined {
  if (bytes.length < 2) return undefined;
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!le && !(bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  return notUtf8(file, { kind: 'utf16', name, endian: le ? 'LE' : 'BE' });
}

/** Feed the file's bytes from the start with `push` until it returns true, then `problem`. */
export class Utf8Locator {
  private pos = 0;
  private line = 1;
  private col = 0;
  // The sequence under way: continuation bytes still needed, the range of the next one, where it began.
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;
  private units = 0;
  private leadPos = 0;
  private leadCol = 0;
  private at: { pos: number; col: number } | undefined;

  /** true once the first bad byte is found. */
  push(bytes: Uint8Array): boolean {
    for (let i = 0; i < bytes.length; i++, this.pos++) {
      const b = bytes[i]!;
      if (this.need > 0) {
        if (b < this.lo || b > this.hi) {
          this.at = { pos: this.leadPos, col: this.leadCol };
          return true;
        }
        this.lo = 0x80;
        this.hi = 0xbf;
        if (--this.need === 0) this.col += this.units;
        continue;
      }
      if (b < 0x80) {
        if (b === 10) {
          this.line++;
          this.col = 0;
        } else this.col++;
        continue;
      }
      if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        this.need = 2;
        if (b === 0xe0) this.lo = 0xa0;
        else if (b === 0xed) this.hi = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        this.need = 3;
        if (b === 0xf0) this.lo = 0x90;
        else if (b === 0xf4) this.hi = 0x8f;
      } else {
        this.at = { pos: this.pos, col: this.col };
        return true;
      }
      // Column counts UTF-16 units, as editors and the JSON locations do.
      this.units = this.need === 3 ? 2 : 1;
      this.leadPos = this.pos;
      this.leadCol = this.col;
    }
    return false;
  }

  /** The located problem; at the end of the input, a sequence cut off there. */
  problem(file: string): Problem {
    const at = this.at ?? (this.need > 0 ? { pos: this.leadPos, col: this.leadCol } : { pos: this.pos, col: this.col });
    return notUtf8(file, { kind: 'bad-byte-at', byte: at.pos }, { line: this.line, column: at.col + 1 });
  }
}

/**
 * Bytes → text with a fatal decoder, chunk by chunk (or all at once). The
 * first bytes are checked for a UTF-16 byte order mark; a byte that is not
 * UTF-8 stops decoding, to be located by a Utf8Locator over the bytes again
 * from the start (only then are lines counted).
 */
export class StrictUtf8Decoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private first = true;
  /** `name` says which file in a UTF-16 message. */
  constructor(
    private readonly file: string,
    private readonly name = file,
  ) {}

  /** The text of `bytes` (`last` for the final call); a UTF-16 problem; or 'bad' for a byte that is not UTF-8. */
  decode(bytes: Uint8Array, last = false): { text: string } | { problem: Problem } | 'bad' {
    if (this.first && bytes.length > 0) {
      this.first = false;
      const wide = utf16Problem(bytes, this.file, this.name);
      if (wide) return { problem: wide };
    }
    try {
      return { text: last ? this.decoder.decode(bytes) : this.decoder.decode(bytes, { stream: true }) };
    } catch (e) {
      // Anything else (a string too long for the engine) is the caller's to word.
      if (e instanceof TypeError) return 'bad';
      throw e;
    }
  }
}
