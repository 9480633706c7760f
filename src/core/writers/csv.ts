// CSV: a relations table (one row per relation, subject and object by entity
// id) and an entities table beside it (`NAME.entities.csv`), as spreadsheets
// and Gephi's data laboratory take them; readers/csv.ts reads the pair back.
// Not lossless: the schema is not written (only the ids of types and
// predicates), nor the sources' texts (only their titles and URLs).
import Papa from 'papaparse';
import type { Attributes, Dataset } from '../model.ts';
import type { DatasetWriter } from './writer.ts';

function attributeKeys(records: readonly { attributes?: Attributes }[], taken: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.attributes ?? {})) keys.add(k);
  return [...keys].filter((k) => !taken.includes(k));
}

const cell = (v: unknown): string => (v === undefined ? '' : String(v));

export function writeCsv(d: Dataset): { relations: string; entities: string } {
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  const relCols = [
    'id',
    'subject',
    'predicate',
    'object',
    'evidence',
    'source',
    'url',
    'date',
    'confidence',
    'attributedTo',
    'qualifier',
    'status',
    'credibility',
  ];
  const relAttrs = attributeKeys(d.triples, relCols);
  const relations = Papa.unparse({
    fields: [...relCols, ...relAttrs],
    data: d.triples.map((t) => {
      const s = sources.get(t.source);
      return [
        t.id,
        t.subject,
        t.predicate,
        t.object,
        t.evidence,
        s?.title ?? t.source,
        s?.url,
        t.date,
        t.confidence,
        t.attributedTo,
        t.qualifier,
        t.status,
        t.credibility,
        ...relAttrs.map((k) => t.attributes?.[k]),
      ].map(cell);
    }),
  });
  const entCols = ['id', 'label', 'type', 'aliases', 'description', 'date', 'x', 'y'];
  const entAttrs = attributeKeys(d.entities, entCols);
  const entities = Papa.unparse({
    fields: [...entCols, ...entAttrs],
    data: d.entities.map((e) =>
      [
        e.id,
        e.label,
        e.type,
        e.aliases?.join(' | '),
        e.description,
        e.date,
        e.position?.x,
        e.position?.y,
        ...entAttrs.map((k) => e.attributes?.[k]),
      ].map(cell),
    ),
  });
  return { relations: `${relations}\r\n`, entities: `${entities}\r\n` };
}

export const csvWriter: DatasetWriter = {
  id: 'csv',
  label: 'CSV (relations and entities tables)',
  extension: '.csv',
  keeps: ['entities', 'aliases', 'types', 'predicates', 'evidence', 'dates', 'attributes', 'positions', 'trust'],
  lossless: false,
  write: (dataset) => {
    const { relations, entities } = writeCsv(dataset);
    return [
      { suffix: '', extension: '.csv', mediaType: 'text/csv', text: relations },
      { suffix: '.entities', extension: '.csv', mediaType: 'text/csv', text: entities },
    ];
  },
};
