// The dataset as FollowTheMoney entities, one JSON object per line: each
// entity as the thing schema its type stands for (an FtM origin kept in its
// `schema` attribute wins), each relation as an interval entity: the FtM
// link it was read from, else UnknownLink with the predicate as its role.
import type { Dataset, Source } from '../model.ts';
import { tripleIds } from '../store.ts';
import { FTM_EDGES, FTM_THINGS, THING_PROPERTIES, TYPE_TO_FTM } from '../readers/ftm-model.ts';
import type { DatasetWriter } from './writer.ts';

const ABSTRACT = new Set(['Thing', 'Value', 'Analyzable', 'Interval', 'Interest']);
const BY_PREDICATE = new Map(Object.entries(FTM_EDGES).map(([schema, e]) => [e.predicate, { schema, ...e }]));

// Values written back only where the FtM schema has the property.
const INTERVAL_PROPERTIES = new Set(['summary', 'description', 'recordId']);
const INTEREST = ['role', 'status'];
const EDGE_PROPERTIES: Record<string, string[]> = {
  Membership: INTEREST,
  Directorship: INTEREST,
  Employment: INTEREST,
  Representation: INTEREST,
  UnknownLink: INTEREST,
  Succession: INTEREST,
  Ownership: [
    ...INTEREST,
    'percentage',
    'sharesCount',
    'sharesValue',
    'sharesCurrency',
    'sharesType',
    'legalBasis',
    'ownershipType',
  ],
  Family: ['relationship'],
  Associate: ['relationship'],
  Payment: ['amount', 'currency', 'purpose', 'programme'],
  Debt: ['amount', 'currency'],
  Occupancy: ['status'],
};

function add(props: Record<string, string[]>, key: string, value: string | undefined): void {
  if (value === undefined || value === '') return;
  const list = props[key] ?? (props[key] = []);
  if (!list.includes(value)) list.push(value);
}

/** The FtM schema of an entity: its origin, else its type's or the nearest ancestor's. */
function schemaOf(type: string, origin: unknown, parents: Map<string, string | undefined>): string {
  if (typeof origin === 'string' && FTM_THINGS.has(origin) && !ABSTRACT.has(origin)) return origin;
  for (let t: string | undefined = type, i = 0; t !== undefined && i < 100; t = parents.get(t), i++) {
    const s = TYPE_TO_FTM[t];
    if (s) return s;
  }
  return 'LegalEntity';
}

export function writeFtm(dataset: Dataset): string {
  const parents = new Map((dataset.schema?.entityTypes ?? []).map((t) => [t.id, t.parent]));
  const preds = new Map((dataset.schema?.predicates ?? []).map((p) => [p.id, p]));
  const sources = new Map<string, Source>(dataset.sources.map((s) => [s.id, s]));
  const lines: string[] = [];
  for (const e of dataset.entities) {
    const props: Record<string, string[]> = {};
    add(props, 'name', e.label);
    for (const a of e.aliases ?? []) if (a !== e.label) add(props, 'alias', a);
    add(props, 'description', e.description);
    const schema = schemaOf(e.type, e.attributes?.schema, parents);
    const notes: string[] = [];
    if (e.date !== undefined) {
      if (schema === 'Event') {
        const [start, end] = e.date.split('/');
        if (e.date.includes('/')) {
          add(props, 'startDate', start);
          add(props, 'endDate', end);
        } else add(props, 'date', e.date);
      } else notes.push(`date: ${e.date}`);
    }
    for (const [key, v] of Object.entries(e.attributes ?? {})) {
      const k = key.startsWith('ftm:') ? key.slice(4) : key;
      if (k === 'schema') continue;
      // Thing's own properties go back as they came (split where the reader joined them); others into notes.
      if (THING_PROPERTIES.has(k)) for (const x of String(v).split('; ')) add(props, k, x);
      else notes.push(`${k}: ${String(v)}`);
    }
    if (notes.length) add(props, 'notes', notes.join('\n'));
    lines.push(JSON.stringify({ id: e.id, schema, properties: props }));
  }
  const ids = tripleIds(dataset.triples);
  // FtM ids are one namespace: a relation whose id is an entity's gets a suffix.
  const entityIds = new Set(dataset.entities.map((e) => e.id));
  dataset.triples.forEach((t, i) => {
    const edge = BY_PREDICATE.get(t.predicate) ?? { schema: 'UnknownLink', ...FTM_EDGES.UnknownLink! };
    const props: Record<string, string[]> = {};
    add(props, edge.subject, t.subject);
    add(props, edge.object, t.object);
    if (edge.schema === 'UnknownLink' && !BY_PREDICATE.has(t.predicate))
      add(props, 'role', preds.get(t.predicate)?.label ?? t.predicate);
    if (t.date !== undefined) {
      if (t.date.includes('/')) {
        const [start, end] = t.date.split('/');
        add(props, 'startDate', start);
        add(props, 'endDate', end);
      } else add(props, 'date', t.date);
    }
    const src = sources.get(t.source);
    add(props, 'publisher', src?.publisher ?? src?.title);
    add(props, 'sourceUrl', src?.url);
    const ev = (t as { evidence?: string }).evidence;
    add(props, 'summary', ev);
    for (const [key, v] of Object.entries(t.attributes ?? {})) {
      const k = key.startsWith('ftm:') ? key.slice(4) : key;
      if (INTERVAL_PROPERTIES.has(k) || EDGE_PROPERTIES[edge.schema]?.includes(k))
        for (const x of String(v).split('; ')) add(props, k, x);
    }
    const id = entityIds.has(ids[i]!) ? `${ids[i]!}#link` : ids[i]!;
    lines.push(JSON.stringify({ id, schema: edge.schema, properties: props }));
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export const ftmWriter: DatasetWriter = {
  id: 'ftm',
  label: 'FollowTheMoney entities (JSON lines)',
  extension: '.ftm.json',
  keeps: ['entities', 'aliases', 'types', 'predicates', 'evidence', 'sources', 'dates'],
  lossless: false,
  write: (d) => [{ suffix: '', extension: '.ftm.json', mediaType: 'application/json', text: writeFtm(d) }],
};
