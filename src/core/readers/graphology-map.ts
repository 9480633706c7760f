// Nodes and edges of a graph file (GEXF, GraphML, graphology JSON), as their
// parsers give them (id, label, attributes, position), mapped to entities and
// relations. Files actorgraph wrote carry every field under an `ag:` name
// (and the schema and sources in one `ag:dataset` graph attribute): they are
// read back exactly. Other files are read by common names: a node attribute
// type/kind/category/class is the entity type, an edge's label (or a
// relation/predicate/type attribute) the relation, x/y the position; every
// other attribute is kept as an attribute.
import type { Attributes, Schema, Source } from '../model.ts';
import type { EdgeIn, Given, NodeIn, TripleRest } from './graphology-records.ts';

export type Value = string | number | boolean;

export interface RawNode {
  id: string;
  label?: string;
  attrs: Record<string, Value>;
  x?: number;
  y?: number;
  color?: string;
}

export interface RawEdge {
  id?: string;
  source: string;
  target: string;
  label?: string;
  attrs: Record<string, Value>;
}

/** The graph attribute holding what a graph format has no place for (title, schema, sources). */
export const AG_DATASET = 'ag:dataset';
/** Names a graph writer uses itself: an attribute of that name is written inside `ag:attributes`. */
export const STRUCTURAL = new Set(['label', 'x', 'y', 'z', 'color', 'size', 'weight']);
export const isReserved = (key: string) => STRUCTURAL.has(key) || key.startsWith('ag:');

export const NODE_FIELDS = ['ag:type', 'ag:aliases', 'ag:description', 'ag:date', 'ag:attributes'] as const;
export const EDGE_FIELDS = [
  'ag:id',
  'ag:predicate',
  'ag:source',
  'ag:evidence',
  'ag:date',
  'ag:confidence',
  'ag:attributedTo',
  'ag:qualifier',
  'ag:status',
  'ag:credibility',
  'ag:attributes',
] as const;

export interface AgDataset {
  format: string;
  version: number;
  title?: string;
  schema?: Schema;
  sources?: Source[];
}

/** What the `ag:dataset` graph attribute says, if the file has one. */
export function agDataset(value: unknown): Given | undefined {
  if (typeof value !== 'string') return undefined;
  const d = JSON.parse(value) as AgDataset;
  const g: Given = {};
  if (d.title !== undefined) g.title = d.title;
  if (d.schema !== undefined) g.schema = d.schema;
  if (d.sources !== undefined) g.sources = d.sources;
  return g;
}

const TYPE_NAMES = new Set(['type', 'kind', 'category', 'class', 'entitytype', 'entity type', 'entity_type']);
const PREDICATE_NAMES = new Set([
  'label',
  'type',
  'relation',
  'predicate',
  'relationship',
  'relation type',
  'relation_type',
]);
const EVIDENCE_NAMES = new Set(['evidence', 'quote', 'excerpt']);

const str = (v: Value | undefined) => (v === undefined ? undefined : String(v));

/** Sets an own property, even one named "__proto__". */
export function put<T>(o: Record<string, T>, k: string, v: T): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function restAttributes(attrs: Record<string, Value>, taken: Set<string>, ag: boolean): Attributes | undefined {
  let out: Attributes | undefined;
  for (const k of Object.keys(attrs)) {
    if (taken.has(k) || (ag && isReserved(k))) continue;
    put((out ??= {}), k, attrs[k]!);
  }
  if (ag && typeof attrs['ag:attributes'] === 'string') {
    // JSON.parse makes "__proto__" an own key; copied key by key to keep it one.
    const more = JSON.parse(attrs['ag:attributes']) as Attributes;
    for (const k of Object.keys(more)) put((out ??= {}), k, more[k]!);
  }
  return out;
}

export function mapNode(n: RawNode, ag: boolean): NodeIn {
  const a = n.attrs;
  const out: NodeIn = { id: n.id };
  const label = n.label ?? str(a.label);
  if (label !== undefined) out.label = label;
  if (n.x !== undefined && n.y !== undefined && Number.isFinite(n.x) && Number.isFinite(n.y))
    out.position = { x: n.x, y: n.y };
  if (ag) {
    if (a['ag:type'] !== undefined) out.typeId = String(a['ag:type']);
    if (typeof a['ag:aliases'] === 'string') out.aliases = JSON.parse(a['ag:aliases']) as string[];
    if (a['ag:description'] !== undefined) out.description = String(a['ag:description']);
    if (a['ag:date'] !== undefined) out.date = String(a['ag:date']);
    const attrs = restAttributes(a, new Set(), true);
    if (attrs) out.attributes = attrs;
    return out;
  }
  const taken = new Set<string>(['label']);
  for (const k of Object.keys(a)) {
    const lk = k.toLowerCase();
    if (out.typeName === undefined && TYPE_NAMES.has(lk) && String(a[k]).trim() !== '') {
      out.typeName = String(a[k]);
      taken.add(k);
    } else if (lk === 'description' && out.description === undefined) {
      out.description = String(a[k]);
      taken.add(k);
    } else if (lk === 'aliases' && out.aliases === undefined) {
      out.aliases = String(a[k])
        .split(/[;|]/)
        .map((x) => x.trim())
        .filter(Boolean);
      taken.add(k);
    } else if ((lk === 'x' || lk === 'y') && typeof a[k] === 'number') taken.add(k);
    else if (lk === 'color' && typeof a[k] === 'string') {
      out.color = a[k] as string;
      taken.add(k);
    }
  }
  if (out.position === undefined && typeof a.x === 'number' && typeof a.y === 'number')
    out.position = { x: a.x, y: a.y };
  out.color ??= n.color;
  const attrs = restAttributes(a, taken, false);
  if (attrs) out.attributes = attrs;
  return out;
}

export function mapEdge(e: RawEdge, ag: boolean): EdgeIn {
  const a = e.attrs;
  const out: EdgeIn = { subject: e.source, object: e.target };
  const rest: TripleRest = {};
  if (ag) {
    if (a['ag:predicate'] !== undefined) out.predicateId = String(a['ag:predicate']);
    else out.predicateName = e.label ?? str(a.label);
    if (a['ag:source'] !== undefined) out.sourceId = String(a['ag:source']);
    if (a['ag:evidence'] !== undefined) out.evidence = String(a['ag:evidence']);
    if (a['ag:id'] !== undefined) rest.id = String(a['ag:id']);
    if (a['ag:date'] !== undefined) rest.date = String(a['ag:date']);
    if (a['ag:confidence'] !== undefined) rest.confidence = Number(a['ag:confidence']);
    if (a['ag:attributedTo'] !== undefined) rest.attributedTo = String(a['ag:attributedTo']);
    if (a['ag:qualifier'] !== undefined) rest.qualifier = String(a['ag:qualifier']);
    if (a['ag:status'] !== undefined) rest.status = String(a['ag:status']) as TripleRest['status'];
    if (a['ag:credibility'] !== undefined) rest.credibility = Number(a['ag:credibility']) as TripleRest['credibility'];
    const attrs = restAttributes(a, new Set(), true);
    if (attrs) rest.attributes = attrs;
  } else {
    const taken = new Set<string>();
    if (e.label !== undefined && e.label.trim() !== '') out.predicateName = e.label;
    for (const k of Object.keys(a)) {
      const lk = k.toLowerCase();
      const v = a[k]!;
      if (out.predicateName === undefined && PREDICATE_NAMES.has(lk) && String(v).trim() !== '') {
        out.predicateName = String(v);
        taken.add(k);
      } else if (lk === 'label' && out.predicateName !== undefined) taken.add(k);
      else if (EVIDENCE_NAMES.has(lk) && out.evidence === undefined && String(v).trim() !== '') {
        out.evidence = String(v);
        taken.add(k);
      } else if ((lk === 'url' || lk === 'source url' || lk === 'sourceurl') && out.sourceUrl === undefined) {
        out.sourceUrl = String(v);
        taken.add(k);
      } else if ((lk === 'source document' || lk === 'document') && out.sourceName === undefined) {
        out.sourceName = String(v);
        taken.add(k);
      } else if (lk === 'date' && rest.date === undefined) {
        rest.date = String(v);
        taken.add(k);
      } else if (lk === 'confidence' && typeof v === 'number' && v >= 0 && v <= 1) {
        rest.confidence = v;
        taken.add(k);
      }
    }
    const attrs = restAttributes(a, taken, false);
    if (attrs) rest.attributes = attrs;
  }
  if (Object.keys(rest).length) out.rest = rest;
  return out;
}
