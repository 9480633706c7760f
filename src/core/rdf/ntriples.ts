// One line of N-Triples or N-Quads, read by hand: the line-based syntaxes are
// regular, and a direct scan is several times faster than a general Turtle
// parser (the bench's N-Triples import depends on it). Strings come out flat
// (JSON.parse of the literal, never a slice of the chunk), so a large file's
// chunks are not kept alive by the values read from them. A line it cannot
// read is handed back with the column of the fault; the reader then asks n3
// for its wording.
import type { Term } from './terms.ts';
import { XSD_STRING } from './vocab.ts';

export interface NtQuad { subject: string; blank: boolean; predicate: string; object: Term }
export type NtLine = NtQuad | { error: number } | null;

const interned = new Map<string, string>();
/** Predicates and datatypes repeat: one flat copy each. */
function intern(s: string): string {
  let v = interned.get(s);
  if (v === undefined) {
    v = flat(s);
    if (interned.size < 10_000) interned.set(v, v);
  }
  return v;
}

/** A fresh flat string of `s`, with N-Triples escapes decoded (JSON's, plus \U and \'). */
function flat(s: string): string {
  if (s.includes('\\')) {
    s = s.replace(/\\U([0-9A-Fa-f]{8})/g, (_, h: string) => {
      const c = parseInt(h, 16);
      return c <= 0x10ffff ? `\\u${String.fromCodePoint(c).split('').map((u) => u.charCodeAt(0).toString(16).padStart(4, '0')).join('\\u')}` : '\ufffd';
    }).replace(/\\'/g, "'");
  }
  return JSON.parse(`"${s}"`) as string;
}

const WS = (c: number) => c === 32 || c === 9;
const IRI_BAD = /[\u0000-\u0020<>"{}|^`]/;

/** Reads one line (no line break); null for a blank or comment line. */
export function parseNtLine(line: string, quads: boolean): NtLine {
  let i = 0;
  const n = line.length;
  const skip = () => { while (i < n && WS(line.charCodeAt(i))) i++; };
  const iri = (): string | undefined => {
    if (line.charCodeAt(i) !== 60) return undefined;
    const end = line.indexOf('>', i + 1);
    if (end < 0) return undefined;
    const v = line.slice(i + 1, end);
    if (IRI_BAD.test(v) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(v)) return undefined;
    i = end + 1;
    return v;
  };
  const blank = (): string | undefined => {
    if (line.charCodeAt(i) !== 95 || line.charCodeAt(i + 1) !== 58) return undefined;
    let j = i + 2;
    while (j < n && !WS(line.charCodeAt(j)) && line.charCodeAt(j) !== 60 && line.charCodeAt(j) !== 34) j++;
    while (j > i + 2 && line.charCodeAt(j - 1) === 46) j--; // a label never ends with '.'
    if (j === i + 2) return undefined;
    const v = line.slice(i + 2, j);
    i = j;
    return v;
  };
  skip();
  if (i >= n || line.charCodeAt(i) === 35) return null;
  const start = i;
  let subject: string | undefined, isBlank = false;
  if ((subject = iri()) === undefined) {
    i = start;
    if ((subject = blank()) === undefined) return { error: i + 1 };
    isBlank = true;
  }
  skip();
  const pAt = i;
  const p = iri();
  if (p === undefined) return { error: pAt + 1 };
  skip();
  const oAt = i;
  let object: Term;
  const c = line.charCodeAt(i);
  if (c === 60) {
    const v = iri();
    if (v === undefined) return { error: oAt + 1 };
    object = { kind: 'iri', value: intern(v) };
  } else if (c === 95) {
    const v = blank();
    if (v === undefined) return { error: oAt + 1 };
    object = { kind: 'blank', value: v };
  } else if (c === 34) {
    let j = i + 1;
    for (;;) {
      j = line.indexOf('"', j);
      if (j < 0) return { error: oAt + 1 };
      let k = j - 1;
      while (line.charCodeAt(k) === 92) k--;
      if ((j - 1 - k) % 2 === 0) break;
      j++;
    }
    const raw = line.slice(i + 1, j);
    i = j + 1;
    let value: string;
    try { value = flat(raw); } catch { return { error: oAt + 1 }; }
    if (line.charCodeAt(i) === 64) {
      const m = /^@([A-Za-z]+(?:-[A-Za-z0-9]+)*)/.exec(line.slice(i, i + 64));
      if (!m) return { error: i + 1 };
      i += m[0].length;
      object = { kind: 'literal', value, language: intern(m[1]!.toLowerCase()) };
    } else if (line.charCodeAt(i) === 94 && line.charCodeAt(i + 1) === 94) {
      i += 2;
      const dtAt = i;
      const dt = iri();
      if (dt === undefined) return { error: dtAt + 1 };
      object = dt === XSD_STRING ? { kind: 'literal', value } : { kind: 'literal', value, datatype: intern(dt) };
    } else object = { kind: 'literal', value };
  } else return { error: oAt + 1 };
  skip();
  if (quads && line.charCodeAt(i) !== 46) {
    const gAt = i;
    if (iri() === undefined) { i = gAt; if (blank() === undefined) return { error: gAt + 1 }; }
    skip();
  }
  if (line.charCodeAt(i) !== 46) return { error: i + 1 };
  i++;
  skip();
  if (i < n && line.charCodeAt(i) !== 35) return { error: i + 1 };
  return { subject: isBlank ? subject : flat(subject), blank: isBlank, predicate: intern(p), object };
}
