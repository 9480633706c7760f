// HTML reduced to its text without a DOM (the CLI; the browser uses DOMParser):
// scripts, styles and comments dropped, block elements end lines, entities
// decoded. Nothing is interpreted or fetched: the output is plain text.

const BLOCK =
  /^(?:p|div|br|hr|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|blockquote|pre|title|dd|dt|figcaption)$/i;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  hellip: '\u2026',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  copy: '©',
  shy: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (all, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD';
    }
    return NAMED[body.toLowerCase()] ?? all;
  });
}

/** Tidies extracted text: trailing blanks and runs of blank lines go, lines stay. */
export function tidyText(s: string): string {
  return s
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function htmlToText(html: string): string {
  const body = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<!?\/?([a-zA-Z][a-zA-Z0-9-]*)?(?:[^>"']|"[^"]*"|'[^']*')*>?/g, (_m, tag: string | undefined) =>
      tag && BLOCK.test(tag) ? '\n' : '',
    )
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/[ \t]+/g, ' ');
  return tidyText(decodeEntities(body));
}
