// XML for the graph formats (GEXF, GraphML): @xmldom/xmldom in Node and in
// the browser alike (pure JS, and it gives each element's line and column).
// Before parsing, a document type declaration is refused: it is the door to
// entity expansion ("billion laughs") and external entities, and graph files
// never need one. The text is read whole (a DOM), so its size is bounded.
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import type { Problem } from '../problems.ts';
import type { TextLocation } from '../json-location.ts';
import { offsetToLocation } from '../json-location.ts';
import { fileProblem } from '../check/problems.ts';

export type { XmlElement };

/** Largest XML text parsed (a DOM takes several times the text in memory). */
export const MAX_XML_CHARS = 256 * 1024 * 1024;

/** The first `<!DOCTYPE` or `<!ENTITY` before the root element, if any (comments and processing instructions skipped). */
export function findDoctype(text: string): number {
  let i = 0;
  for (;;) {
    i = text.indexOf('<', i);
    if (i < 0) return -1;
    if (text.startsWith('<?', i)) {
      const e = text.indexOf('?>', i + 2);
      if (e < 0) return -1;
      i = e + 2;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i + 4);
      if (e < 0) return -1;
      i = e + 3;
      continue;
    }
    if (/^<!(?:DOCTYPE|ENTITY)/i.test(text.slice(i, i + 9))) return i;
    return -1; // the root element: no declaration may follow it
  }
}

/** xmldom's locator as a location (it gives line 0 for text before the root element). */
function placed(l: { lineNumber?: number; columnNumber?: number } | undefined): TextLocation {
  return { line: Math.max(1, l?.lineNumber ?? 1), column: Math.max(1, l?.columnNumber ?? 1) };
}

/** Deepest element nesting read: graph files nest a few levels; the XML parser slows down with the square of depth. */
export const MAX_XML_DEPTH = 1000;

/** Where the first element deeper than `max` starts, or -1: a linear scan of the tags (quotes, comments, CDATA skipped). */
export function tooDeep(text: string, max = MAX_XML_DEPTH): number {
  const n = text.length;
  let depth = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i)) {
    const c = text.charCodeAt(i + 1);
    if (c === 33) {
      // <! : comment, CDATA or declaration
      const end = text.startsWith('<!--', i)
        ? text.indexOf('-->', i + 4) + 3
        : text.startsWith('<![CDATA[', i)
          ? text.indexOf(']]>', i + 9) + 3
          : i + 2;
      if (end < i) return -1;
      i = end;
      continue;
    }
    if (c === 63) {
      const e = text.indexOf('?>', i + 2);
      if (e < 0) return -1;
      i = e + 2;
      continue;
    }
    if (c === 47) {
      depth--;
      i += 2;
      continue;
    }
    let j = i + 1;
    for (let q = 0; j < n; j++) {
      const d = text.charCodeAt(j);
      if (q) {
        if (d === q) q = 0;
      } else if (d === 34 || d === 39) q = d;
      else if (d === 62) break;
    }
    if (text.charCodeAt(j - 1) !== 47 && ++depth > max) return i;
    i = j + 1;
  }
  return -1;
}

export type XmlParse = { root: XmlElement } | { problem: Problem };

/** The document's root element, or the first problem, located, with a hint. */
export function parseXml(text: string, file: string, what: string): XmlParse {
  if (text.length > MAX_XML_CHARS) {
    return {
      problem: fileProblem(
        'file-too-large',
        file,
        `the ${what} file has ${text.length} characters; at most ${MAX_XML_CHARS} are read as XML`,
        'split the graph, or export it as CSV, which is read as a stream',
        { line: 1, column: 1 },
      ),
    };
  }
  const dt = findDoctype(text);
  if (dt >= 0) {
    return {
      problem: fileProblem(
        'xml-doctype',
        file,
        'the file has a document type declaration (<!DOCTYPE …> or <!ENTITY …>): refused, since entity declarations can expand without bound or read other files',
        `remove the <!DOCTYPE …> declaration; ${what} files need none`,
        offsetToLocation(text, dt),
      ),
    };
  }
  const deep = tooDeep(text);
  if (deep >= 0) {
    return {
      problem: fileProblem(
        'xml-too-deep',
        file,
        `elements are nested more than ${MAX_XML_DEPTH} levels deep here`,
        `a ${what} file nests a few levels; check that the tags close`,
        offsetToLocation(text, deep),
      ),
    };
  }
  let first: { message: string; loc: TextLocation } | undefined;
  const onError = (level: string, message: string, ctx: unknown): void => {
    if (level === 'warning') return;
    const loc = (ctx as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
    first ??= { message: message.split('\n')[0]!, loc: placed(loc) };
    throw new Error(message);
  };
  let root: XmlElement | null = null;
  try {
    const doc = new DOMParser({ onError }).parseFromString(text, 'text/xml');
    root = doc.documentElement;
  } catch (e) {
    const l = (e as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    if (!first) first = { message: (e as Error).message.split('\n')[0]!, loc: placed(l) };
    else if (l?.lineNumber !== undefined) first.loc = placed(l);
  }
  if (first || !root) {
    return {
      problem: fileProblem(
        'xml-syntax',
        file,
        `invalid XML: ${first?.message ?? 'no root element'}`,
        `fix the ${what} file at that place (a tag not closed, an & not written &amp;, text after the root element)`,
        first?.loc ?? { line: 1, column: 1 },
      ),
    };
  }
  return { root };
}

/** Where an element starts. */
export function at(el: XmlElement): TextLocation {
  return placed(el);
}

/** The element children of `el`, optionally only those of a local name. */
export function* children(el: XmlElement, name?: string): Generator<XmlElement> {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (name === undefined || (c as XmlElement).localName === name)) yield c as XmlElement;
  }
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of children(el, name)) return c;
  return undefined;
}

/** An attribute's value, or undefined when absent. */
export function attr(el: XmlElement, name: string): string | undefined {
  return el.hasAttribute(name) ? el.getAttribute(name)! : undefined;
}
