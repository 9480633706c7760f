import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/model.ts';
import { MentionFinder } from '../../src/core/annotate/mentions.ts';
import { tokenize } from '../../src/core/annotate/tokens.ts';

const E = (id: string, label: string, aliases?: string[], type = 'actor'): Entity =>
  aliases ? { id, label, type, aliases } : { id, label, type };
const spans = (f: MentionFinder, text: string) => f.find(text).map((m) => [m.entity, text.slice(m.start, m.end)]);

describe('tokenize', () => {
  it('folds case, diacritics and punctuation and keeps original offsets', () => {
    const text = 'Ça va, O\u2019Brien? Déir-ez-Zór!';
    const toks = tokenize(text);
    expect(toks.map((t) => t.key)).toEqual(['ca', 'va', 'obrien', 'deir', 'ez', 'zor']);
    for (const t of toks) expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
    expect(text.slice(toks[2]!.start, toks[2]!.end)).toBe('O\u2019Brien');
  });
  it('keeps combining marks with their letter and steps over astral characters', () => {
    const text = '😀 Dei\u0301r 𝒜bc';
    const toks = tokenize(text);
    expect(toks.map((t) => t.key)).toEqual(['deir', 'abc']);
    expect(text.slice(toks[0]!.start, toks[0]!.end)).toBe('Dei\u0301r');
    expect(text.slice(toks[1]!.start, toks[1]!.end)).toBe('𝒜bc');
  });
});

describe('MentionFinder', () => {
  const finder = new MentionFinder([
    E('iran', 'Iran', ['Islamic Republic of Iran']),
    E('kh', 'Kataib Hezbollah', ['Kata\u2019ib Hizballah', 'KH']),
    E('us', 'United States', ['US', 'U.S.']),
    E('us-mil', 'US military', ['US forces']),
    E('deir', 'Deir ez-Zor', ['Dayr az Zawr']),
    E('austin-p', 'Lloyd Austin', ['Austin'], 'person'),
    E('austin-c', 'Austin', [], 'settlement'),
    E('iranian', 'Iranian government', ['Tehran']),
  ]);

  it('finds labels and aliases, case, diacritic and punctuation aside', () => {
    expect(spans(finder, 'KATAIB HEZBOLLAH and Kataʼib Hizballah; kata’ib hizballah.')).toEqual([
      ['kh', 'KATAIB HEZBOLLAH'],
      ['kh', 'Kataʼib Hizballah'],
      ['kh', 'kata’ib hizballah'],
    ]);
    expect(spans(finder, 'in Deïr ez Zôr, also Dayr-az-Zawr')).toEqual([
      ['deir', 'Deïr ez Zôr'],
      ['deir', 'Dayr-az-Zawr'],
    ]);
    const m = finder.find('the Islamic Republic of Iran said')[0]!;
    expect(m).toMatchObject({
      entity: 'iran',
      label: 'Iran',
      alias: 'Islamic Republic of Iran',
      mention: 'Islamic Republic of Iran',
      start: 4,
      end: 28,
    });
  });

  it('matches on word boundaries: Iran in Iran-backed, not in Iranian', () => {
    expect(spans(finder, 'Iran-backed militias and Iranian officials; Irans')).toEqual([['iran', 'Iran']]);
  });

  it('takes the longest name first and never overlaps', () => {
    expect(spans(finder, 'US forces and the US military struck, the US said')).toEqual([
      ['us-mil', 'US forces'],
      ['us-mil', 'US military'],
      ['us', 'US'],
    ]);
    expect(spans(finder, 'the Iranian government')).toEqual([['iranian', 'Iranian government']]);
  });

  it('reads a dotted acronym and does not take the pronoun "us" for the US', () => {
    expect(spans(finder, 'The U.S. told us; KH and kh')).toEqual([
      ['us', 'U.S.'],
      ['kh', 'KH'],
    ]);
  });

  it('flags a name that fits several entities, with the candidates', () => {
    const [m] = finder.find('Austin spoke');
    expect(m!.candidates?.map((c) => c.entity)).toEqual(['austin-c', 'austin-p']);
    expect(m!.entity).toBe('austin-c'); // a label match goes before an alias match
    expect(finder.find('Lloyd Austin spoke')[0]!.candidates).toBeUndefined();
  });

  it('gives JavaScript string offsets into the original non-ASCII text, astral characters included', () => {
    const text = '🇺🇸 𝐔𝐒 and 😀 Kataib\u00a0Hezbollah — «Déir ez-Zor» ŞİMŞEK Tehran';
    const ms = finder.find(text);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.mention);
    expect(ms.map((m) => [m.entity, m.mention])).toEqual([
      ['us', '𝐔𝐒'],
      ['kh', 'Kataib\u00a0Hezbollah'],
      ['deir', 'Déir ez-Zor'],
      ['iranian', 'Tehran'],
    ]);
  });

  it('keeps names added later and is not fooled by prefixes of names', () => {
    const f = new MentionFinder([E('a', 'Abu Mahdi al-Muhandis')]);
    expect(f.find('Abu Mahdi met Abu Mahdi al Muhandis')).toHaveLength(1);
    f.add(E('b', 'Abu Mahdi'));
    expect(f.find('Abu Mahdi met Abu Mahdi al Muhandis').map((m) => m.entity)).toEqual(['b', 'a']);
  });
});
