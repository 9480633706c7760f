import { describe, expect, it } from 'vitest';
import { EntitySearch, searchTokens } from '../../src/core/search.ts';
import { storyStore } from './core-fixtures.ts';
import { TripleStore } from '../../src/core/store.ts';

const search = new EntitySearch(storyStore());
const ids = (q: string, opts = {}) => search.search(q, opts).map((h) => h.id);

describe('entity search', () => {
  it('finds by prefix, every entity once', () => {
    expect(ids('kataib')).toEqual(['kataib-hezbollah', 'kataib-sayyid-al-shuhada']);
    expect(ids('kat')).toEqual(['kataib-hezbollah', 'kataib-sayyid-al-shuhada']);
    expect(ids('Kataib Hez')).toEqual(['kataib-hezbollah']);
  });

  it('ignores case, punctuation and diacritics', () => {
    expect(ids("Kata'ib")[0]).toBe('kataib-hezbollah');
    expect(ids('KATAIB HEZBOLLAH')[0]).toBe('kataib-hezbollah');
    expect(ids('Qāsem')).toEqual(['qasem-soleimani', 'soleimani-killing']);
    expect(ids('soleimani')).toEqual(['qasem-soleimani', 'soleimani-killing']);
  });

  it('matches aliases and says which', () => {
    const kh = search.search('KH');
    expect(kh[0]).toMatchObject({ id: 'kataib-hezbollah', matchedAlias: 'KH' });
    expect(search.search('hizballah')[0]).toMatchObject({ id: 'kataib-hezbollah', matchedAlias: "Kata'ib Hizballah" });
    expect(search.search('Suleimani')[0]).toMatchObject({ id: 'qasem-soleimani', matchedAlias: 'Suleimani' });
    expect(search.search('Kataib Hezbollah')[0]!.matchedAlias).toBeUndefined();
    expect(search.search('U.S.')[0]).toMatchObject({ id: 'united-states', matchedAlias: 'US' });
    expect(search.search('us')[0]!.id).toBe('united-states');
  });

  it('tolerates typos in longer words only', () => {
    expect(ids('hezbolah')).toEqual(['kataib-hezbollah']);
    expect(ids('soleimany')[0]).toBe('qasem-soleimani');
    expect(ids('Jeo Biden')).toEqual([]); // 3-letter words must be exact or prefix
    expect(ids('Joe Bidem')).toEqual(['joe-biden']);
  });

  it('ranks exact label, then exact alias, then prefix, then fuzzy', () => {
    // "iran" is Iran's label, a prefix of "Iran's government" (irans) and a word of Iran's alias.
    const iran = search.search('iran');
    expect(iran.map((h) => h.id)).toEqual(['iran', 'iran-gov']);
    expect(iran[0]!.matchedAlias).toBeUndefined();
    expect(iran[0]!.score).toBeGreaterThan(iran[1]!.score);
    // Exact alias "US" beats a prefix of "US airstrike …".
    expect(ids('US')).toEqual(['united-states', 'us-strike']);
    // Prefix before fuzzy: "border" is a word of the place; nothing fuzzy ranks above it.
    expect(ids('border')[0]).toBe('border-point');
  });

  it('filters by type, subtypes included', () => {
    expect(ids('soleimani', { types: ['event'] })).toEqual(['soleimani-killing']);
    expect(ids('kataib', { types: ['organization'] })).toEqual(['kataib-hezbollah', 'kataib-sayyid-al-shuhada']);
    expect(ids('kataib', { types: ['state'] })).toEqual([]);
  });

  it('limits results and handles empty queries', () => {
    expect(ids('kataib', { limit: 1 })).toEqual(['kataib-hezbollah']);
    expect(ids('')).toEqual([]);
    expect(ids(' -- ')).toEqual([]);
  });

  it('tokenises acronyms as one word', () => {
    expect(searchTokens('U.S.')).toEqual(['us']);
    expect(searchTokens("Kata'ib Ḥizballāh")).toEqual(['kataib', 'hizballah']);
  });
});

describe('entity search over attributes', () => {
  it('finds text attribute values, below every name match, and says which attribute matched', () => {
    const schema = { entityTypes: [{ id: 'actor', label: 'Actor', color: '#777777' }], predicates: [] };
    const store = TripleStore.build(
      {
        format: 'actorgraph/dataset',
        version: 1,
        sources: [],
        triples: [],
        entities: [
          {
            id: 'x',
            label: 'Xylo',
            type: 'actor',
            attributes: { country: 'Iraq', founded: 2003, note: 'Baghdad office' },
          },
          { id: 'iraq', label: 'Iraq', type: 'actor' },
          { id: 'y', label: 'Yonder', type: 'actor', attributes: { hq: 'Baghdad' } },
        ],
      },
      schema,
    );
    const s = new EntitySearch(store);
    expect(s.search('iraq').map((h) => h.id)).toEqual(['iraq', 'x']);
    expect(s.search('iraq')[1]).toMatchObject({ id: 'x', matchedAttribute: 'country' });
    expect(s.search('baghdad office')).toEqual([expect.objectContaining({ id: 'x', matchedAttribute: 'note' })]);
    expect(s.search('2003')).toEqual([]); // numbers are values, not text
    expect(
      s
        .search('baghdad')
        .map((h) => h.id)
        .sort(),
    ).toEqual(['x', 'y']);
  });
});
