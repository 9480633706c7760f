// Text normalisation shared by evidence matching, search and highlighting.

const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
};

/** Folds quote and dash variants to ASCII and runs of white space to one space. */
export function normaliseQuotes(s: string): string {
  return s
    .replace(
      /[\u2018\u2019\u201A\u201B\u2032\u00B4`\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2212\u2010\u2011]/g,
      (c) => QUOTES[c] ?? c,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case, no diacritics, no punctuation: the form search compares. */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['\u2018\u2019`\u00B4]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Where `quote` stands in `text`, comparing with quotes and white space
 * normalised; offsets are into the original `text`. undefined when absent.
 */
export function findEvidence(text: string, quote: string): { start: number; end: number } | undefined {
  const needle = normaliseQuotes(quote);
  if (!needle) return undefined;
  // Build the normalised text with a map back to original offsets.
  const map: number[] = [];
  let norm = '';
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (!lastSpace) {
        norm += ' ';
        map.push(i);
        lastSpace = true;
      }
      continue;
    }
    norm += QUOTES[c] ?? c;
    map.push(i);
    lastSpace = false;
  }
  const at = norm.indexOf(needle);
  if (at < 0) return undefined;
  return { start: map[at]!, end: map[at + needle.length - 1]! + 1 };
}
