// GEXF (Gephi, networkx, graphology-gexf), versions 1.1 to 1.3: nodes and
// edges with their declared attributes (attvalues), label, and the viz
// position and colour. The DOM is walked element by element (no recursion
// on the input's depth); each record is located at its element.
import type { Problem } from '../problems.ts';
import { fileProblem } from '../check/problems.ts';
import { at, attr, child, children, parseXml, type XmlElement } from './xml.ts';
import { agDataset, mapEdge, mapNode, put, type RawEdge, type RawNode, type Value } from './graphology-map.ts';
import { GraphFileSession } from './xml-session.ts';
import type { Given } from './graphology-records.ts';
import type { DatasetReader } from './reader.ts';
import { GEXF_FORMAT } from './formats.ts';

interface Column {
  title: string;
  type: string;
  def?: string;
}

/** An attribute value as its declared type says. */
export function typedValue(type: string, v: string): Value {
  const t = type.toLowerCase();
  if (t === 'boolean') return v.trim().toLowerCase() === 'true' || v.trim() === '1';
  if (
    t === 'integer' ||
    t === 'long' ||
    t === 'float' ||
    t === 'double' ||
    t === 'int' ||
    t === 'short' ||
    t === 'byte' ||
    t === 'bigdecimal' ||
    t === 'biginteger'
  ) {
    const n = Number(v);
    return v.trim() !== '' && Number.isFinite(n) ? n : v;
  }
  return v;
}

function columns(graph: XmlElement, cls: string): Map<string, Column> {
  const out = new Map<string, Column>();
  for (const block of children(graph, 'attributes')) {
    if ((attr(block, 'class') ?? 'node') !== cls) continue;
    for (const a of children(block, 'attribute')) {
      const id = attr(a, 'id') ?? attr(a, 'for');
      if (id === undefined) continue;
      const def = child(a, 'default');
      const col: Column = { title: attr(a, 'title') ?? id, type: attr(a, 'type') ?? 'string' };
      if (def) col.def = def.textContent ?? '';
      out.set(id, col);
    }
  }
  return out;
}

function values(el: XmlElement, cols: Map<string, Column>): Record<string, Value> {
  const out: Record<string, Value> = Object.create(null) as Record<string, Value>;
  for (const [, c] of cols) if (c.def !== undefined) put(out, c.title, typedValue(c.type, c.def));
  const list = child(el, 'attvalues');
  if (list) {
    for (const v of children(list, 'attvalue')) {
      const id = attr(v, 'for') ?? attr(v, 'id');
      if (id === undefined) continue;
      const c = cols.get(id);
      const raw = attr(v, 'value') ?? '';
      const title = c?.title ?? id;
      if (title === 'networkx_key') continue; // networkx's multigraph edge key: not data
      put(out, title, c ? typedValue(c.type, raw) : raw);
    }
  }
  return { ...out };
}

function vizColor(el: XmlElement): string | undefined {
  const hex = attr(el, 'hex');
  if (hex) return hex;
  const [r, g, b] = ['r', 'g', 'b'].map((k) => Number(attr(el, k) ?? 0));
  return `#${[r, g, b].map((n) => Math.max(0, Math.min(255, n!)).toString(16).padStart(2, '0')).join('')}`;
}

export function readGexf(text: string, file: string, session: GraphFileSession): Problem | undefined {
  const parsed = parseXml(text, file, 'GEXF');
  if ('problem' in parsed) return parsed.problem;
  const root = parsed.root;
  if (root.localName !== 'gexf')
    return fileProblem(
      'not-gexf',
      file,
      `the root element is <${root.tagName}>, not <gexf>`,
      'give a GEXF file (Gephi: File → Export → Graph file → .gexf)',
      at(root),
    );
  const graph = child(root, 'graph');
  if (!graph)
    return fileProblem(
      'not-gexf',
      file,
      'the GEXF file has no <graph> element',
      'export the graph again from its tool',
      at(root),
    );
  const meta = child(root, 'meta');
  let given: Given | undefined;
  const agEl = meta && child(meta, 'dataset');
  if (agEl && agEl.prefix === 'ag') {
    try {
      given = agDataset(agEl.textContent ?? '');
    } catch {
      return fileProblem(
        'bad-ag-field',
        file,
        `the <ag:dataset> element is not valid JSON`,
        'export the file again from actorgraph',
        at(agEl),
      );
    }
  } else if (meta) {
    const title = child(meta, 'title') ?? child(meta, 'description');
    if (title?.textContent?.trim()) given = { title: title.textContent.trim().slice(0, 1000) };
  }
  const ag = given?.schema !== undefined || agEl !== undefined;
  session.begin(given, ag);
  const nodeCols = columns(graph, 'node');
  const edgeCols = columns(graph, 'edge');
  for (const list of children(graph, 'nodes')) {
    for (const el of children(list, 'node')) {
      const id = attr(el, 'id');
      if (id === undefined)
        return fileProblem('gexf-missing-id', file, 'a <node> has no id', 'give every node an id="…"', at(el));
      const raw: RawNode = { id, attrs: values(el, nodeCols) };
      const label = attr(el, 'label');
      if (label !== undefined) raw.label = label;
      const pos = child(el, 'position');
      if (pos) {
        raw.x = Number(attr(pos, 'x'));
        raw.y = Number(attr(pos, 'y'));
      }
      const color = child(el, 'color');
      if (color) raw.color = vizColor(color);
      if (!ag) {
        const size = child(el, 'size');
        if (size && attr(size, 'value') !== undefined) raw.attrs.size = Number(attr(size, 'value'));
      }
      const problem = session.node(mapNode(raw, ag), at(el));
      if (problem) return problem;
    }
  }
  for (const list of children(graph, 'edges')) {
    for (const el of children(list, 'edge')) {
      const source = attr(el, 'source'),
        target = attr(el, 'target');
      if (source === undefined || target === undefined)
        return fileProblem(
          'gexf-missing-end',
          file,
          'an <edge> lacks its source or target',
          'give every edge source="…" and target="…" (node ids)',
          at(el),
        );
      const raw: RawEdge = { source, target, attrs: values(el, edgeCols) };
      const label = attr(el, 'label') ?? attr(el, 'kind');
      if (label !== undefined) raw.label = label;
      const weight = attr(el, 'weight');
      if (weight !== undefined && !ag) raw.attrs.weight = Number(weight);
      session.edge(mapEdge(raw, ag), at(el));
    }
  }
  return undefined;
}

export const gexfReader: DatasetReader = { ...GEXF_FORMAT, open: (opts) => new GraphFileSession(opts, readGexf) };
