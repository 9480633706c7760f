// Values put into SPARQL text: every literal escaped, every IRI checked.
// A label holding `"`, `}`, `\`, a newline or `#` must neither break a query
// nor change its meaning. SPARQL turns \uXXXX into characters before it
// parses (SPARQL 1.1 §19.2), so a backslash is written as \\ and nothing in a
// literal is left that a \u pass could turn into a quote.
import { ExplorerError } from '../errors.ts';

const ECHAR: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A string literal, quoted and escaped. Lone surrogates become U+FFFD (they have no UTF-8 form). */
export function literal(s: string): string {
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
    } else if (c >= 0xd800 && c <= 0xdfff) out += '\uFFFD';
    else if (ECHAR[ch] !== undefined) out += ECHAR[ch];
    // Other controls are allowed raw in a "…" literal; written raw, no \u pass can touch them.
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A literal safe from the \u pass too: where the text holds a backslash followed by `u` or `U`, the literal is
 * written as CONCAT of pieces that never put `\\` next to `u`.
 */
export function safeLiteral(s: string): string {
  if (!/\\[uU]/.test(s)) return literal(s);
  const parts = s.split(/(?<=\\)(?=[uU])/);
  return `CONCAT(${parts.map(literal).join(', ')})`;
}

// IRIREF: no controls, space, <>"{}|^`\ (SPARQL 1.1 grammar [139]).
const IRI_OK = /^[A-Za-z][A-Za-z0-9+.-]*:[^\u0000-\u0020<>"{}|^`\\]*$/;

/** An IRI in angle brackets; anything that could end it early or is not absolute is refused. */
export function iriRef(iri: string): string {
  if (!IRI_OK.test(iri))
    throw new ExplorerError({
      code: 'bad-request',
      message: `not a usable IRI: ${JSON.stringify(iri.slice(0, 200))}`,
      hint: 'an absolute IRI without spaces or any of <>"{}|^`\\',
    });
  return `<${iri}>`;
}

/** Whether `iri` can be written as an IRIREF. */
export function isIri(iri: string): boolean {
  return IRI_OK.test(iri);
}
