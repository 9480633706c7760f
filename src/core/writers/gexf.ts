// GEXF 1.3 (Gephi, networkx, graphology-gexf): nodes with label, declared
// attributes and viz colour/size/position; edges with the predicate's label.
// Every field actorgraph needs to read the file back unchanged is written as
// a declared `ag:` attribute (the schema, sources and title in one
// <ag:dataset> element of <meta>), so the trip through readers/gexf.ts is
// lossless (but for characters XML cannot hold: lone surrogates and C0
// controls other than tab and line breaks become U+FFFD).
import type { Attributes, Dataset, Entity, Triple } from '../model.ts';
import { DATASET_FORMAT, DATASET_VERSION } from '../model.ts';
import { indexSchema } from '../schema.ts';
import { nodeSize, typeColor } from '../drawing.ts';
import { tripleIds } from '../store.ts';
import { AG_DATASET, isReserved, put } from '../readers/graphology-map.ts';
import { KEEPS_ALL, type DatasetWriter } from './writer.ts';

// Characters XML 1.0 cannot hold, and those its parsers rewrite (line ends, NEL, LS, PS) unless written as references.
const INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPECIAL = /[&<>"\t\n\r\u0085\u2028\u2029]/g;
const REF: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\u0085': '&#x85;',
  '\u2028': '&#x2028;',
  '\u2029': '&#x2029;',
};

/** Text for an XML attribute value or element content: escaped, line breaks and tabs as references. */
export function xmlEscape(s: string): string {
  return s.replace(INVALID, '\ufffd').replace(SPECIAL, (c) => REF[c]!);
}

export type AttrType = 'string' | 'double' | 'boolean';
const typeOf = (v: string | number | boolean): AttrType =>
  typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'boolean' : 'string';

/** Attribute keys written as declared columns (one type throughout, not a name the writer uses); the rest go in `ag:attributes`. */
export function attributeColumns(records: readonly { attributes?: Attributes }[]): Map<string, AttrType> {
  const types = new Map<string, AttrType | null>();
  for (const r of records) {
    if (!r.attributes) continue;
    for (const [k, v] of Object.entries(r.attributes)) {
      const t = typeOf(v);
      const prev = types.get(k);
      if (prev === undefined) types.set(k, isReserved(k) ? null : t);
      else if (prev !== null && prev !== t) types.set(k, null);
    }
  }
  const out = new Map<string, AttrType>();
  for (const [k, t] of types) if (t !== null) out.set(k, t);
  return out;
}

/** An entity's or triple's attributes split into declared columns and the JSON of the others. */
export function splitAttributes(
  a: Attributes | undefined,
  columns: Map<string, AttrType>,
): { plain: [string, string | number | boolean][]; json?: string } {
  const plain: [string, string | number | boolean][] = [];
  let rest: Attributes | undefined;
  for (const [k, v] of Object.entries(a ?? {})) {
    if (columns.has(k)) plain.push([k, v]);
    else put((rest ??= {}), k, v);
  }
  return rest ? { plain, json: JSON.stringify(rest) } : { plain };
}

export const NODE_AG: [string, AttrType][] = [
  ['ag:type', 'string'],
  ['ag:aliases', 'string'],
  ['ag:description', 'string'],
  ['ag:date', 'string'],
  ['ag:attributes', 'string'],
];
export const EDGE_AG: [string, AttrType][] = [
  ['ag:id', 'string'],
  ['ag:predicate', 'string'],
  ['ag:source', 'string'],
  ['ag:evidence', 'string'],
  ['ag:date', 'string'],
  ['ag:confidence', 'double'],
  ['ag:attributedTo', 'string'],
  ['ag:qualifier', 'string'],
  ['ag:status', 'string'],
  ['ag:credibility', 'double'],
  ['ag:attributes', 'string'],
];

/** The `ag:` values of an entity, by name. */
export function entityFields(e: Entity, json: string | undefined): Map<string, string | number> {
  const m = new Map<string, string | number>([['ag:type', e.type]]);
  if (e.aliases !== undefined) m.set('ag:aliases', JSON.stringify(e.aliases));
  if (e.description !== undefined) m.set('ag:description', e.description);
  if (e.date !== undefined) m.set('ag:date', e.date);
  if (json !== undefined) m.set('ag:attributes', json);
  return m;
}

export function tripleFields(t: Triple, json: string | undefined): Map<string, string | number> {
  const m = new Map<string, string | number>();
  if (t.id !== undefined) m.set('ag:id', t.id);
  m.set('ag:predicate', t.predicate);
  m.set('ag:source', t.source);
  if (t.evidence !== undefined) m.set('ag:evidence', t.evidence);
  if (t.date !== undefined) m.set('ag:date', t.date);
  if (t.confidence !== undefined) m.set('ag:confidence', t.confidence);
  if (t.attributedTo !== undefined) m.set('ag:attributedTo', t.attributedTo);
  if (t.qualifier !== undefined) m.set('ag:qualifier', t.qualifier);
  if (t.status !== undefined) m.set('ag:status', t.status);
  if (t.credibility !== undefined) m.set('ag:credibility', t.credibility);
  if (json !== undefined) m.set('ag:attributes', json);
  return m;
}

/** What a graph format has no place for: title, schema and sources, as one JSON value. */
export function datasetBlob(d: Dataset): string {
  const blob: Record<string, unknown> = { format: DATASET_FORMAT, version: DATASET_VERSION };
  if (d.title !== undefined) blob.title = d.title;
  if (d.schema !== undefined) blob.schema = d.schema;
  blob.sources = d.sources;
  return JSON.stringify(blob);
}

const num = (n: number) => String(n);
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) || 0);

function declare(
  out: string[],
  cls: 'node' | 'edge',
  cols: [string, AttrType][],
  ids: Map<string, string>,
  prefix: string,
): void {
  out.push(`    <attributes class="${cls}" mode="static">`);
  cols.forEach(([name, type], i) => {
    ids.set(name, `${prefix}${i}`);
    out.push(`      <attribute id="${prefix}${i}" title="${xmlEscape(name)}" type="${type}" />`);
  });
  out.push('    </attributes>');
}

function attvalues(out: string[], ids: Map<string, string>, values: [string, string | number | boolean][]): void {
  if (!values.length) return;
  out.push('        <attvalues>');
  for (const [k, v] of values)
    out.push(`          <attvalue for="${ids.get(k)}" value="${typeof v === 'string' ? xmlEscape(v) : String(v)}" />`);
  out.push('        </attvalues>');
}

export function writeGexf(d: Dataset): string {
  const schema = d.schema ? indexSchema(d.schema) : undefined;
  const nodeCols = attributeColumns(d.entities);
  const edgeCols = attributeColumns(d.triples);
  const degree = new Map<string, number>();
  for (const t of d.triples) {
    degree.set(t.subject, (degree.get(t.subject) ?? 0) + 1);
    degree.set(t.object, (degree.get(t.object) ?? 0) + 1);
  }
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>actorgraph</creator>',
  ];
  if (d.title !== undefined) out.push(`    <description>${xmlEscape(d.title)}</description>`);
  out.push(
    `    <ag:${AG_DATASET.slice(3)} xmlns:ag="https://github.com/actorgraph/actorgraph#">${xmlEscape(datasetBlob(d))}</ag:${AG_DATASET.slice(3)}>`,
  );
  out.push('  </meta>', '  <graph defaultedgetype="directed" mode="static">');
  const nodeIds = new Map<string, string>();
  const edgeIds = new Map<string, string>();
  declare(out, 'node', [...NODE_AG, ...nodeCols], nodeIds, 'n');
  declare(out, 'edge', [...EDGE_AG, ...edgeCols], edgeIds, 'e');
  out.push('    <nodes>');
  for (const e of d.entities) {
    const { plain, json } = splitAttributes(e.attributes, nodeCols);
    out.push(`      <node id="${xmlEscape(e.id)}" label="${xmlEscape(e.label)}">`);
    attvalues(out, nodeIds, [...entityFields(e, json), ...plain]);
    const [r, g, b] = rgb(schema ? typeColor(schema, e.type) : '#888888');
    out.push(
      `        <viz:color r="${r}" g="${g}" b="${b}" />`,
      `        <viz:size value="${nodeSize(degree.get(e.id) ?? 0)}" />`,
    );
    if (e.position) out.push(`        <viz:position x="${num(e.position.x)}" y="${num(e.position.y)}" z="0.0" />`);
    out.push('      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  const ids = tripleIds(d.triples);
  d.triples.forEach((t, i) => {
    const { plain, json } = splitAttributes(t.attributes, edgeCols);
    const label = schema?.predicates.get(t.predicate)?.label ?? t.predicate;
    out.push(
      `      <edge id="${xmlEscape(ids[i]!)}" source="${xmlEscape(t.subject)}" target="${xmlEscape(t.object)}" label="${xmlEscape(label)}">`,
    );
    attvalues(out, edgeIds, [...tripleFields(t, json), ...plain]);
    out.push('      </edge>');
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

export const gexfWriter: DatasetWriter = {
  id: 'gexf',
  label: 'GEXF (Gephi)',
  extension: '.gexf',
  keeps: KEEPS_ALL,
  lossless: true,
  write: (dataset) => [{ suffix: '', extension: '.gexf', mediaType: 'application/gexf+xml', text: writeGexf(dataset) }],
};
