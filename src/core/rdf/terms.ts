// RDF terms as the mapping makes them, and their text in N-Triples and
// Turtle. Written by hand (not n3's Writer) so that every string is escaped
// one way, lone surrogates included (they have no UTF-8 form: U+FFFD).
import { NS, XSD_STRING } from './vocab.ts';

export type Term =
  | { readonly kind: 'iri'; readonly value: string }
  | { readonly kind: 'blank'; readonly value: string }
  | { readonly kind: 'literal'; readonly value: string; readonly datatype?: string; readonly language?: string };

export const iri = (value: string): Term => ({ kind: 'iri', value });
export const str = (value: string): Term => ({ kind: 'literal', value });
export const typed = (value: string, datatype: string): Term => ({ kind: 'literal', value, datatype });

/** A number as the literal that gives it back exactly: xsd:integer when whole, else xsd:double (-0 is 0, as in JSON). */
export function num(n: number): Term {
  return Number.isInteger(n) && Math.abs(n) < 1e21
    ? typed(String(n), `${NS.xsd}integer`)
    : typed(String(n), `${NS.xsd}double`);
}
export const bool = (b: boolean): Term => typed(String(b), `${NS.xsd}boolean`);

/** A subject and what is said of it, in order: one Turtle block. */
export interface Block {
  subject: string;
  pairs: [predicate: string, object: Term][];
}

const ESC: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
// Quote, backslash, controls, and any surrogate (checked for pairing below).
const NEEDS = /["\\\u0000-\u001f\u007f\ud800-\udfff]/;

export function quoteLiteral(s: string): string {
  if (!NEEDS.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const c = s.charCodeAt(i);
    if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < s.length &&
      s.charCodeAt(i + 1) >= 0xdc00 &&
      s.charCodeAt(i + 1) <= 0xdfff
    ) {
      out += ch + s[i + 1]!;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += '\\uFFFD';
    else if (ESC[ch] !== undefined) out += ESC[ch];
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

// IRIs the mapping makes are ASCII; foreign ones are escaped where N-Triples forbids a character.
const IRI_BAD = /[\u0000-\u0020<>"{}|^`\\]/g;
const IRI_BAD_ONE = /[\u0000-\u0020<>"{}|^`\\]/;
export function ntIri(value: string): string {
  return `<${IRI_BAD_ONE.test(value) ? value.replace(IRI_BAD, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`) : value}>`;
}

export function ntTerm(t: Term): string {
  if (t.kind === 'iri') return ntIri(t.value);
  if (t.kind === 'blank') return `_:${t.value}`;
  const q = quoteLiteral(t.value);
  if (t.language) return `${q}@${t.language}`;
  return t.datatype && t.datatype !== XSD_STRING ? `${q}^^${ntIri(t.datatype)}` : q;
}

/** Prefixes for Turtle and TriG, and the prefixed name of an IRI where one is safe. */
export class Prefixes {
  private readonly list: [string, string][];
  constructor(prefixes: Record<string, string>) {
    // Longest namespace first, so `agt:` wins over a shorter one it starts with.
    this.list = Object.entries(prefixes).sort((a, b) => b[1].length - a[1].length);
  }

  header(): string {
    return [...this.list]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([p, ns]) => `@prefix ${p}: <${ns}> .\n`)
      .join('');
  }

  iri(value: string): string {
    for (const [p, ns] of this.list) {
      if (value.startsWith(ns)) {
        const local = value.slice(ns.length);
        // A conservative PN_LOCAL: letters, digits, _, -, %XX; no leading '-', no '.'.
        if (/^(?:[A-Za-z0-9_]|%[0-9A-F]{2})(?:[A-Za-z0-9_-]|%[0-9A-F]{2})*$/.test(local) || local === '')
          return `${p}:${local}`;
      }
    }
    return ntIri(value);
  }

  term(t: Term): string {
    if (t.kind === 'iri') return this.iri(t.value);
    if (t.kind === 'literal' && !t.language && t.datatype && t.datatype !== XSD_STRING)
      return `${quoteLiteral(t.value)}^^${this.iri(t.datatype)}`;
    return ntTerm(t);
  }
}
