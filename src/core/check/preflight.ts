// The checks before any structure, shared by every reader: a byte order
// mark, UTF-16 read as UTF-8, an empty file, NUL or undecodable bytes. The
// whole-text form (preflightText) and the streaming form (TextPreflight, fed
// chunk by chunk) apply the same rules and build the same problems.
import type { Problem } from '../problems.ts';
import { offsetToLocation, type TextLocation } from '../json-location.ts';
import { bomWarning, emptyFile, notUtf8 } from './problems.ts';

/** Where the first NUL (or, without a strict decoder, U+FFFD) is in `s`, and which; undefined when none. */
export function encodingFault(s: string, decodedStrictly: boolean): { at: number; nul: boolean } | undefined {
  const nul = s.indexOf('\u0000');
  // Without a strict decoder, U+FFFD is the mark a lenient one left on bad bytes.
  const bad = decodedStrictly ? -1 : s.indexOf('\ufffd');
  if (nul < 0 && bad < 0) return undefined;
  const at = nul >= 0 && (bad < 0 || nul < bad) ? nul : bad;
  return { at, nul: at === nul };
}

export function encodingProblem(file: string, fault: { nul: boolean }, loc: TextLocation): Problem {
  return notUtf8(file, { kind: fault.nul ? 'nul' : 'bad-bytes' }, loc);
}

/** UTF-16 text decoded as UTF-8: a U+FFFE first, or two replacement characters a lenient decoder made of a BOM. */
function looksUtf16(s: string, decodedStrictly: boolean): boolean {
  return s.charCodeAt(0) === 0xfffe || (!decodedStrictly && s.charCodeAt(0) === 0xfffd && s.charCodeAt(1) === 0xfffd);
}

export interface PreflightResult {
  /** The text without its BOM. */
  text: string;
  /** The BOM warning, then the error that stops reading (if any). */
  problems: Problem[];
  /** An error was found: the text is not worth parsing. */
  failed: boolean;
}

/** The whole text's preflight. */
export function preflightText(input: string, file: string, decodedStrictly = false): PreflightResult {
  const problems: Problem[] = [];
  let text = input;
  const fail = (p: Problem): PreflightResult => {
    problems.push(p);
    return { text, problems, failed: true };
  };
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    problems.push(bomWarning(file));
  }
  // The lenient check only: a strict decoder never yields U+FFFD for bad bytes.
  if (looksUtf16(text, decodedStrictly)) return fail(notUtf8(file, { kind: 'utf16-bom' }));
  if (text.trim() === '') return fail(emptyFile(file, input.length > 0));
  const fault = encodingFault(text, decodedStrictly);
  if (fault) return fail(encodingProblem(file, fault, offsetToLocation(text, fault.at)));
  return { text, problems, failed: false };
}

/**
 * The same checks on text arriving in chunks. `first` strips the BOM and
 * says when the text looks like UTF-16 (the whole-text preflight then words
 * it); `fault` finds NUL or bad bytes in any chunk.
 */
export class TextPreflight {
  bom = false;
  constructor(
    readonly file: string,
    readonly decodedStrictly = false,
  ) {}

  /** The first chunk without its BOM, or undefined when the text looks like UTF-16. */
  first(chunk: string): string | undefined {
    if (chunk.charCodeAt(0) === 0xfeff) {
      this.bom = true;
      chunk = chunk.slice(1);
    }
    return looksUtf16(chunk, this.decodedStrictly) ? undefined : chunk;
  }

  // Lines before the chunk at hand, and the characters of its last line so far.
  private line = 1;
  private col = 0;

  /**
   * NUL or a bad character in `chunk`, with its place in the whole text (lines counted over every chunk checked).
   * A chunk with a fault is not counted: its text before the fault may be checked again, as a chunk of its own.
   */
  fault(chunk: string): { at: number; nul: boolean; loc: TextLocation } | undefined {
    const f = encodingFault(chunk, this.decodedStrictly);
    if (!f) {
      this.advance(chunk);
      return undefined;
    }
    const before = chunk.slice(0, f.at);
    const nl = before.lastIndexOf('\n');
    const loc =
      nl < 0
        ? { line: this.line, column: this.col + f.at + 1 }
        : { line: this.line + countNewlines(before), column: f.at - nl };
    return { ...f, loc };
  }

  private advance(chunk: string): void {
    const nl = chunk.lastIndexOf('\n');
    if (nl < 0) this.col += chunk.length;
    else {
      this.line += countNewlines(chunk);
      this.col = chunk.length - nl - 1;
    }
  }

  /** The BOM warning in front of a result's problems, when there was a BOM. */
  withBom<R extends { problems: Problem[] }>(res: R): R {
    if (this.bom) res.problems.unshift(bomWarning(this.file));
    return res;
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
