// Lines of N-Triples or N-Quads, read by hand: the line-based syntaxes are
// regular, and a direct scan is several times faster than a general Turtle
// parser (the bench's N-Triples import depends on it). It reads in place in
// the chunk (no string per line), reuses the subject of the line before (the
// writers group lines by subject), and makes values strings of their own
// (never a slice of the chunk), so a large file's chunks are not kept alive
// by the values read from them. IRIs repeat (predicates, classes, the
// entities every relation names): one seen before is found by its length and
// last characters and compared whole, with no checks again and no new
// term. A line it cannot read is handed back with
// the column of the fault; the reader asks n3 for wording.
import type { Term } from './terms.ts';
import { XSD_STRING } from './vocab.ts';
import { detach } from '../detach.ts';

/**
 * A string of its own of `s`, with N-Triples escapes decoded (JSON's, plus \U
 * and \'). A raw carriage return is refused (N-Triples has none inside a
 * term); other raw control characters are text, with or without escapes.
 */
function flat(s: string): string {
  if (s.indexOf('\r') >= 0) throw new SyntaxError('a carriage return inside a term');
  if (s.indexOf('\\') < 0) return detach(s);
  // Raw control characters are text: escaped for JSON.parse, which refuses them.
  s = s
    .replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\\U([0-9A-Fa-f]{8})/g, (_, h: string) => {
      const c = parseInt(h, 16);
      return c <= 0x10ffff
        ? String.fromCodePoint(c)
            .split('')
            .map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`)
            .join('')
        : '\\ufffd';
    })
    .replace(/\\'/g, "'");
  return JSON.parse(`"${s}"`) as string;
}

const IRI_BAD = /[\u0000-\u0020<>"{}|^`]/;
const HEX = /^[0-9A-Fa-f]*$/;

/** In an IRI, a backslash only starts \uXXXX or \UXXXXXXXX (a loop: a long IRI would overflow a regular expression's stack). */
function escapesOk(v: string): boolean {
  for (let i = v.indexOf('\\'); i >= 0; i = v.indexOf('\\', i)) {
    const n = v[i + 1] === 'u' ? 4 : v[i + 1] === 'U' ? 8 : 0;
    if (n === 0 || !HEX.test(v.slice(i + 2, i + 2 + n)) || i + 2 + n > v.length) return false;
    i += 2 + n;
  }
  return true;
}
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const LANG = /^@([A-Za-z]+(?:-[A-Za-z0-9]+)*)/;

/** An IRI read before: its text (flat, no escapes) and its term. */
interface Known {
  readonly raw: string;
  readonly term: Term;
}
/** Known IRIs at most (a new IRI then only takes over the entry of its fingerprint). */
const MAX_KNOWN = 1 << 17;

export class NtScanner {
  // What the last line said (valid after line() returned true).
  subject = '';
  blank = false;
  predicate = '';
  object: Term = { kind: 'literal', value: '' };
  /** 1-based column of the fault when line() returned false. */
  errorColumn = 0;

  private s = '';
  private i = 0;
  private end = 0;
  private lineStart = 0;
  private lastSubjectRaw = '';
  /** Lines so far with the current subject. */
  private run = 0;
  private readonly interned = new Map<string, string>();
  // A miss costs only the full read; the table holds the IRIs of the recent past.
  private readonly known = new Map<number, Known>();

  constructor(private readonly quads: boolean) {}

  /** Language tags repeat: one flat copy each (a bounded table). */
  private intern(raw: string): string {
    let v = this.interned.get(raw);
    if (v === undefined) {
      v = flat(raw);
      if (this.interned.size < 50_000) this.interned.set(v, v);
    }
    return v;
  }

  /** The IRI at i as a term, from the known ones when it was read before (`learn`: kept for later). */
  private iriTerm(learn = true): Term | undefined {
    const s = this.s;
    const at = this.i;
    if (s.charCodeAt(at) !== 60) return undefined;
    const close = s.indexOf('>', at + 1);
    if (close < 0 || close >= this.end) return undefined;
    const len = close - at - 1;
    // The fingerprint: the length and the last 16 characters (IRIs of one kind differ at their ends).
    let key = len;
    for (let j = Math.max(at + 1, close - 16); j < close; j++) key = Math.imul(key ^ s.charCodeAt(j), 0x01000193);
    key &= 0x3fffffff;
    const k = this.known.get(key);
    // A slice and === (a memory compare): several times faster than startsWith at a position.
    if (k !== undefined && k.raw.length === len && s.slice(at + 1, close) === k.raw) {
      this.i = close + 1;
      return k.term;
    }
    const raw = this.iri();
    if (raw === undefined) return undefined;
    const term: Term = { kind: 'iri', value: flat(raw) };
    if (learn && !raw.includes('\\') && (k !== undefined || this.known.size < MAX_KNOWN))
      this.known.set(key, { raw: term.value, term });
    return term;
  }

  private ws(): void {
    const s = this.s;
    while (this.i < this.end) {
      const c = s.charCodeAt(this.i);
      if (c !== 32 && c !== 9) break;
      this.i++;
    }
  }

  /** The raw text of an IRI at i (without <>), or undefined. */
  private iri(): string | undefined {
    const s = this.s;
    if (s.charCodeAt(this.i) !== 60) return undefined;
    const close = s.indexOf('>', this.i + 1);
    if (close < 0 || close >= this.end) return undefined;
    const v = s.slice(this.i + 1, close);
    if (IRI_BAD.test(v) || !SCHEME.test(v) || !escapesOk(v)) return undefined;
    this.i = close + 1;
    return v;
  }

  private blankLabel(): string | undefined {
    const s = this.s;
    if (s.charCodeAt(this.i) !== 95 || s.charCodeAt(this.i + 1) !== 58) return undefined;
    let j = this.i + 2;
    while (j < this.end) {
      const c = s.charCodeAt(j);
      if (c === 32 || c === 9 || c === 60 || c === 34) break;
      j++;
    }
    while (j > this.i + 2 && s.charCodeAt(j - 1) === 46) j--; // a label never ends with '.'
    if (j === this.i + 2) return undefined;
    const v = s.slice(this.i + 2, j);
    this.i = j;
    return v;
  }

  private fail(at: number): false {
    this.errorColumn = at - this.lineStart + 1;
    return false;
  }

  /**
   * Reads s[start, end) (one line, no line break). Returns null for a blank
   * or comment line, true with the fields set, false with errorColumn set.
   */
  line(s: string, start: number, end: number): boolean | null {
    this.s = s;
    this.i = start;
    this.end = end;
    this.lineStart = start;
    if (end > start && s.charCodeAt(end - 1) === 13) this.end = --end;
    this.ws();
    if (this.i >= end || s.charCodeAt(this.i) === 35) return null;
    // Subject: the same as the line before costs one comparison.
    const at = this.i;
    if (s.charCodeAt(at) === 60) {
      const prev = this.lastSubjectRaw;
      if (
        prev !== '' &&
        !this.blank &&
        s.charCodeAt(at + 1 + prev.length) === 62 &&
        s.slice(at + 1, at + 1 + prev.length) === prev
      ) {
        this.i = at + 2 + prev.length;
      } else {
        // Grouped by subject (runs of lines), a file names each subject once: not worth keeping.
        const t = this.iriTerm(this.run < 3);
        this.run = 0;
        if (t === undefined) return this.fail(at);
        this.subject = t.value;
        // A subject with escapes is never taken for the next line's: it is compared as written.
        this.lastSubjectRaw = this.i - at - 2 === t.value.length ? t.value : '';
        this.blank = false;
      }
    } else {
      const label = this.blankLabel();
      if (label === undefined) return this.fail(at);
      this.subject = label;
      this.blank = true;
      this.run = 0;
      this.lastSubjectRaw = '';
    }
    this.run++;
    this.ws();
    const pAt = this.i;
    const p = this.iriTerm();
    if (p === undefined) return this.fail(pAt);
    this.predicate = p.value;
    this.ws();
    const oAt = this.i;
    const c = s.charCodeAt(oAt);
    if (c === 60) {
      const v = this.iriTerm();
      if (v === undefined) return this.fail(oAt);
      this.object = v;
    } else if (c === 95) {
      const v = this.blankLabel();
      if (v === undefined) return this.fail(oAt);
      this.object = { kind: 'blank', value: v };
    } else if (c === 34) {
      let j = oAt + 1;
      for (;;) {
        j = s.indexOf('"', j);
        if (j < 0 || j >= end) return this.fail(oAt);
        let k = j - 1;
        while (s.charCodeAt(k) === 92) k--;
        if ((j - 1 - k) % 2 === 0) break;
        j++;
      }
      let value: string;
      try {
        value = flat(s.slice(oAt + 1, j));
      } catch {
        return this.fail(oAt);
      }
      this.i = j + 1;
      const after = s.charCodeAt(this.i);
      if (after === 64) {
        const m = LANG.exec(s.slice(this.i, Math.min(end, this.i + 64)));
        if (!m) return this.fail(this.i);
        this.i += m[0].length;
        this.object = { kind: 'literal', value, language: this.intern(m[1]!.toLowerCase()) };
      } else if (after === 94 && s.charCodeAt(this.i + 1) === 94) {
        this.i += 2;
        const dtAt = this.i;
        const dt = this.iriTerm();
        if (dt === undefined) return this.fail(dtAt);
        const datatype = dt.value;
        this.object = datatype === XSD_STRING ? { kind: 'literal', value } : { kind: 'literal', value, datatype };
      } else this.object = { kind: 'literal', value };
    } else return this.fail(oAt);
    this.ws();
    if (this.quads && s.charCodeAt(this.i) !== 46) {
      const gAt = this.i;
      if (this.iri() === undefined) {
        this.i = gAt;
        if (this.blankLabel() === undefined) return this.fail(gAt);
      }
      this.ws();
    }
    if (s.charCodeAt(this.i) !== 46 || this.i >= end) return this.fail(this.i);
    this.i++;
    this.ws();
    if (this.i < end && s.charCodeAt(this.i) !== 35) return this.fail(this.i);
    return true;
  }
}
