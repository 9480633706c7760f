// Words of a text, folded as search folds them (case, diacritics and
// punctuation aside), each with its JavaScript string offsets into the
// ORIGINAL text: the mention finder matches folded words and reports
// original spans. Names and texts go through the same function, so they fold
// alike (no context-dependent lower-casing such as a final sigma).

export interface Token {
  /** The folded word. */
  key: string;
  /** UTF-16 offsets into the original text: [start, end). */
  start: number;
  end: number;
  /** The word as written has no lower-case letter (acronyms). */
  upper: boolean;
}

// Modifier-letter apostrophes and half rings (ʼ ʻ ʾ ʿ) mark hamza and ayn in transliterated Arabic: dropped like apostrophes.
const APOSTROPHES = new Set(["'", '\u2018', '\u2019', '`', '\u00B4', '\u02BC', '\u02BB', '\u02BE', '\u02BF']);
// Per code point: its folded letters and digits ('' when it has none), kept so each character folds once.
const cache = new Map<string, string>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /^\p{M}+$/u;

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 128) {
    if (code >= 97 && code <= 122) return c;
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    if (code >= 48 && code <= 57) return c;
    return '';
  }
  if (APOSTROPHES.has(c)) return '';
  let f = cache.get(c);
  if (f === undefined) {
    f = '';
    for (const p of c.normalize('NFKD').toLowerCase()) if (LETTER_OR_DIGIT.test(p)) f += p === '\u03C2' ? '\u03C3' : p;
    if (cache.size < 10_000) cache.set(c, f);
  }
  return f;
}

function isUpperLetter(c: string): boolean {
  return c !== c.toLowerCase();
}

function isLowerLetter(c: string): boolean {
  return c !== c.toUpperCase();
}

/** The folded words of `text` with their original offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let key = '';
  let start = -1;
  let end = -1;
  let lower = false;
  const close = () => {
    if (start >= 0 && key) out.push({ key, start, end, upper: !lower });
    key = '';
    start = -1;
    lower = false;
  };
  const n = text.length;
  for (let i = 0; i < n; ) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      // ASCII without allocating: letters, digits, an inner apostrophe, else a break.
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        if (start < 0) start = i;
        key += text[i];
        end = i + 1;
        if (code >= 97) lower = true;
      } else if (code >= 65 && code <= 90) {
        if (start < 0) start = i;
        key += String.fromCharCode(code + 32);
        end = i + 1;
      } else if (!(start >= 0 && (code === 39 || code === 96) && i + 1 < n && foldChar(text[i + 1]!) !== '')) {
        close();
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const c = w === 2 ? text.slice(i, i + 2) : text[i]!;
    const f = foldChar(c);
    if (f) {
      if (start < 0) start = i;
      key += f;
      end = i + w;
      if (!lower && (isLowerLetter(c) || (!isUpperLetter(c) && !LETTER_OR_DIGIT.test(c)))) lower = true;
    } else if (start >= 0 && APOSTROPHES.has(c) && i + 1 < n && foldChar(text[i + 1]!) !== '') {
      // An apostrophe inside a word (O'Brien) is dropped, as search drops it.
    } else if (start >= 0 && MARK.test(c)) {
      end = i + w; // a combining mark belongs to its letter
    } else {
      close();
    }
    i += w;
  }
  close();
  return out;
}
