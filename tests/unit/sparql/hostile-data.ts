// Labels, ids and texts that try to break out of a query or of N-Triples.
import type { Dataset } from '../../../src/core/model.ts';

export const HOSTILE = [
  'say "hi"} . DROP ALL #',
  'back\\slash \\u0022 \\U00000022',
  'two\nlines\r\tand tab',
  '# not a comment',
  '}}} ) ] > <',
  'ab\u0001c lone',
  'Émile Zoé',
];

export const hostileDataset: Dataset = {
  format: 'actorgraph/dataset',
  version: 1,
  title: 'a "title"} #',
  schema: {
    entityTypes: [{ id: 'person', label: 'Person "p"', color: '#000000' }],
    predicates: [
      { id: 'knows', label: 'knows } #', inverseLabel: 'known by\n', domain: ['person'], range: ['person'] },
    ],
  },
  sources: [{ id: 's"1', title: 'T\\u0022', text: HOSTILE.join(' ') }],
  entities: HOSTILE.map((label, i) => ({ id: `p${i}"}#`, label, type: 'person', aliases: [`${label} alias`] })),
  triples: HOSTILE.slice(1).map((ev, i) => ({
    subject: `p${i}"}#`,
    predicate: 'knows',
    object: `p${i + 1}"}#`,
    source: 's"1',
    evidence: ev,
  })),
};
