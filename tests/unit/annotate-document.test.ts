// Documents as sources, and candidate new entities from the NLP library.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Schema } from '../../src/core/model.ts';
import { documentKind, documentSource, guessTitle } from '../../src/core/annotate/document.ts';
import { findCandidates, typeForKind } from '../../src/core/annotate/candidates.ts';
import { MentionFinder } from '../../src/core/annotate/mentions.ts';

const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../graph-data/schema.json'), 'utf8')) as Schema;

describe('documents', () => {
  it('become sources with their text inline and an id not taken', () => {
    const taken = new Set(['src-strike-on-the-border']);
    const s = documentSource(
      '# Strike on the border\n\nText.',
      { publisher: ' Wire ', published: '2021-02-26', url: 'https://example.org/a' },
      (id) => taken.has(id),
    );
    expect(s).toEqual({
      id: 'src-strike-on-the-border-2',
      title: 'Strike on the border',
      publisher: 'Wire',
      published: '2021-02-26',
      url: 'https://example.org/a',
      text: '# Strike on the border\n\nText.',
    });
    expect(guessTitle('\n\n  ')).toBe('Untitled document');
    expect(documentKind('x.bin', '<!DOCTYPE html><p>')).toBe('html');
    expect(documentKind('x.md', '<html>')).toBe('markdown');
  });
});

describe('candidates', () => {
  const text =
    'Pentagon spokesman John Kirby met Maria Gonzalez of the Red Crescent Society in Madrid. Maria Gonzalez left Madrid on Friday.';
  const mentions = new MentionFinder([
    { id: 'john-kirby', label: 'John Kirby', type: 'person' },
    { id: 'pentagon', label: 'Pentagon', type: 'government-body' },
  ]).find(text);

  it('names people, organisations and places not known yet, with a guessed type of the schema', () => {
    const cs = findCandidates(text, { mentions, schema });
    for (const c of cs) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(cs.map((c) => c.text)).not.toContain('John Kirby');
    expect(cs.find((c) => c.text === 'Maria Gonzalez')).toMatchObject({ kind: 'person', type: 'person', count: 2 });
    expect(cs.find((c) => c.text === 'Madrid')).toMatchObject({ kind: 'place', type: 'place' });
    // Without the mentions the known name is a candidate too: the filter is what leaves it out.
    expect(findCandidates(text, { schema }).map((c) => c.text)).toContain('John Kirby');
  });

  it('maps a kind onto any schema: by id, by label, else the first type', () => {
    const s = (ids: [string, string][]): Schema => ({
      entityTypes: ids.map(([id, label]) => ({ id, label, color: '#000' })),
      predicates: [],
    });
    expect(
      typeForKind(
        'person',
        s([
          ['thing', 'Thing'],
          ['person', 'Person'],
        ]),
      ),
    ).toBe('person');
    expect(
      typeForKind(
        'organization',
        s([
          ['thing', 'Thing'],
          ['org', 'Organisation'],
        ]),
      ),
    ).toBe('org');
    expect(
      typeForKind(
        'place',
        s([
          ['thing', 'Thing'],
          ['org', 'Organisation'],
        ]),
      ),
    ).toBe('thing');
  });
});
