import { describe, expect, it } from 'vitest';
import { findEvidence, foldForSearch, normaliseQuotes } from '../../src/core/text.ts';

describe('text normalisation', () => {
  it('folds curly quotes, dashes and white space', () => {
    expect(normaliseQuotes('a \u201Cborder\n  control point\u201D \u2014 x')).toBe('a "border control point" - x');
  });
  it('folds diacritics, case and punctuation for search', () => {
    expect(foldForSearch("Kata'ib Hezbollah")).toBe('kataib hezbollah');
    expect(foldForSearch('Qāsem Soleimānī')).toBe('qasem soleimani');
  });
  it('finds evidence across quote styles and maps back to original offsets', () => {
    const text = 'The strikes destroyed a \u201Cborder  control point\u201D used by KH.';
    const hit = findEvidence(text, 'a "border control point" used');
    expect(hit).toBeDefined();
    expect(text.slice(hit!.start, hit!.end)).toBe('a \u201Cborder  control point\u201D used');
    expect(findEvidence(text, 'not there')).toBeUndefined();
  });
});
