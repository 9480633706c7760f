// Evidence against its source text: verbatim first, then with quotes, dashes
// and white space normalised; each source's text fetched (and normalised) once.
import type { Source } from '../model.ts';
import { normaliseQuotes } from '../text.ts';
import type { JsonPath } from '../json-location.ts';
import type { Report } from './report.ts';
import { quote } from './fields.ts';

// Evidence in normal form: no quote or dash variants, no white space but single inner spaces.
const NOT_NORMAL =
  /[\u2018\u2019\u201A\u201B\u2032\u00B4`\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2212\u2010\u2011\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

export class EvidenceCheck {
  private readonly texts = new Map<string, { text: string; norm?: string } | null>(); // null when unavailable
  constructor(private readonly sourceText?: (s: Source) => string | undefined) {}

  /**
   * Reports evidence that does not occur in its source (at `p`, the triple's
   * path); `clear`: the evidence is known to be in normal form. Gives the
   * evidence back, as a slice of an inline source text when found there.
   */
  check(
    r: Report,
    evidence: string,
    clear: boolean,
    src: Source,
    p: JsonPath,
    sourceFileIndex: number,
    unreadable: boolean,
  ): string {
    let st = this.texts.get(src.id);
    if (st === undefined) {
      const text = this.sourceText?.(src) ?? src.text;
      st = typeof text === 'string' ? { text } : null;
      this.texts.set(src.id, st);
      if (st === null && !unreadable) {
        r.add(
          'warning',
          'evidence-not-checked',
          ['sources', sourceFileIndex],
          `evidence not checked: the text of source ${quote(src.id)} is unavailable`,
          src.path !== undefined
            ? `make sure ${quote(src.path)} exists next to the dataset file`
            : 'add "path" (a text file next to the dataset) or "text" to the source',
        );
      }
    }
    // Most quotes are in normal form and occur verbatim: then neither text is normalised.
    // (A normal-form quote found verbatim is also found in the normalised text.)
    const plain = clear || !NOT_NORMAL.test(evidence);
    const at = st !== null && plain ? st.text.indexOf(evidence) : -1;
    // A quote found verbatim in an inline text (which the store keeps anyway) is kept as a
    // slice of it: V8 then stores a reference, not a second copy of the characters.
    if (at >= 0 && src.text !== undefined && evidence.length >= 16) evidence = st!.text.slice(at, at + evidence.length);
    if (
      st !== null &&
      at < 0 &&
      !(st.norm ??= normaliseQuotes(st.text)).includes(plain ? evidence : normaliseQuotes(evidence))
    ) {
      r.add(
        'error',
        'evidence-not-found',
        [...p, 'evidence'],
        `the evidence ${quote(evidence, 80)} does not occur in source ${quote(src.id)}`,
        'quote the source verbatim (quotes, dashes and white space may differ), or fix the source id',
      );
    }
    return evidence;
  }
}
