// GraphML (networkx, yEd, Gephi, graphology-graphml): every attribute
// declared as a <key> with its type; label, colour and position as the keys
// networkx and Gephi use (label, color, x, y); actorgraph's own fields as
// `ag:` keys and the schema, sources and title in the graph's `ag:dataset`,
// so readers/graphml.ts reads the file back unchanged (XML's limits aside:
// see gexf.ts).
import type { Dataset } from '../model.ts';
import { indexSchema } from '../schema.ts';
import { typeColor } from '../drawing.ts';
import { tripleIds } from '../store.ts';
import { AG_DATASET } from '../readers/graphology-map.ts';
import {
  attributeColumns,
  datasetBlob,
  EDGE_AG,
  entityFields,
  NODE_AG,
  splitAttributes,
  tripleFields,
  xmlEscape,
  type AttrType,
} from './gexf.ts';
import { KEEPS_ALL, type DatasetWriter } from './writer.ts';

function keys(
  out: string[],
  cls: 'node' | 'edge',
  cols: [string, AttrType][],
  ids: Map<string, string>,
  prefix: string,
): void {
  cols.forEach(([name, type], i) => {
    ids.set(name, `${prefix}${i}`);
    out.push(`  <key id="${prefix}${i}" for="${cls}" attr.name="${xmlEscape(name)}" attr.type="${type}" />`);
  });
}

function data(out: string[], ids: Map<string, string>, values: Iterable<[string, string | number | boolean]>): void {
  for (const [k, v] of values)
    out.push(`      <data key="${ids.get(k)}">${typeof v === 'string' ? xmlEscape(v) : String(v)}</data>`);
}

export function writeGraphml(d: Dataset): string {
  const schema = d.schema ? indexSchema(d.schema) : undefined;
  const nodeCols = attributeColumns(d.entities);
  const edgeCols = attributeColumns(d.triples);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <key id="g0" for="graph" attr.name="${AG_DATASET}" attr.type="string" />`,
  ];
  const nodeIds = new Map<string, string>();
  const edgeIds = new Map<string, string>();
  keys(
    out,
    'node',
    [['label', 'string'], ['color', 'string'], ['x', 'double'], ['y', 'double'], ...NODE_AG, ...nodeCols],
    nodeIds,
    'n',
  );
  keys(out, 'edge', [['label', 'string'], ...EDGE_AG, ...edgeCols], edgeIds, 'e');
  out.push('  <graph id="G" edgedefault="directed">', `    <data key="g0">${xmlEscape(datasetBlob(d))}</data>`);
  for (const e of d.entities) {
    const { plain, json } = splitAttributes(e.attributes, nodeCols);
    out.push(`    <node id="${xmlEscape(e.id)}">`);
    const values: [string, string | number | boolean][] = [
      ['label', e.label],
      ['color', schema ? typeColor(schema, e.type) : '#888888'],
    ];
    if (e.position) values.push(['x', e.position.x], ['y', e.position.y]);
    data(out, nodeIds, [...values, ...entityFields(e, json), ...plain]);
    out.push('    </node>');
  }
  const ids = tripleIds(d.triples);
  d.triples.forEach((t, i) => {
    const { plain, json } = splitAttributes(t.attributes, edgeCols);
    out.push(`    <edge id="${xmlEscape(ids[i]!)}" source="${xmlEscape(t.subject)}" target="${xmlEscape(t.object)}">`);
    data(out, edgeIds, [
      ['label', schema?.predicates.get(t.predicate)?.label ?? t.predicate],
      ...tripleFields(t, json),
      ...plain,
    ]);
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

export const graphmlWriter: DatasetWriter = {
  id: 'graphml',
  label: 'GraphML',
  extension: '.graphml',
  keeps: KEEPS_ALL,
  lossless: true,
  write: (dataset) => [
    { suffix: '', extension: '.graphml', mediaType: 'application/graphml+xml', text: writeGraphml(dataset) },
  ],
};
