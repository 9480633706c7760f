// GraphML (networkx, yEd, Gephi, graphology-graphml): nodes and edges of the
// top <graph> with their <data> by declared <key>; a yEd node label is taken
// as the label. Each record is located at its element.
import type { Problem } from '../problems.ts';
import { fileProblem } from '../check/problems.ts';
import { at, attr, child, children, parseXml, type XmlElement } from './xml.ts';
import {
  AG_DATASET,
  agDataset,
  mapEdge,
  mapNode,
  put,
  type RawEdge,
  type RawNode,
  type Value,
} from './graphology-map.ts';
import { typedValue } from './gexf.ts';
import { GraphFileSession } from './xml-session.ts';
import type { Given } from './graphology-records.ts';
import type { DatasetReader } from './reader.ts';
import { GRAPHML_FORMAT } from './formats.ts';

interface Key {
  name: string;
  type: string;
  def?: string;
}

/** The text of the first yEd label (y:NodeLabel, y:EdgeLabel) under `el`, searched without recursion. */
function yedLabel(el: XmlElement): string | undefined {
  const stack: XmlElement[] = [el];
  for (let seen = 0; stack.length && seen < 200; seen++) {
    const cur = stack.pop()!;
    if (cur.localName === 'NodeLabel' || cur.localName === 'EdgeLabel') return cur.textContent?.trim() || undefined;
    for (const c of children(cur)) stack.push(c);
  }
  return undefined;
}

function dataOf(
  el: XmlElement,
  keys: Map<string, Key>,
  defaults: Record<string, Value>,
): { attrs: Record<string, Value>; label?: string } {
  const attrs: Record<string, Value> = Object.assign(Object.create(null) as Record<string, Value>, defaults);
  let label: string | undefined;
  for (const d of children(el, 'data')) {
    const id = attr(d, 'key');
    if (id === undefined) continue;
    if (!children(d).next().done) {
      label ??= yedLabel(d);
      continue;
    }
    const k = keys.get(id);
    put(attrs, k?.name ?? id, typedValue(k?.type ?? 'string', d.textContent ?? ''));
  }
  return label === undefined ? { attrs: { ...attrs } } : { attrs: { ...attrs }, label };
}

export function readGraphml(text: string, file: string, session: GraphFileSession): Problem | undefined {
  const parsed = parseXml(text, file, 'GraphML');
  if ('problem' in parsed) return parsed.problem;
  const root = parsed.root;
  if (root.localName !== 'graphml')
    return fileProblem(
      'not-graphml',
      file,
      `the root element is <${root.tagName}>, not <graphml>`,
      'give a GraphML file (networkx: write_graphml; yEd: Save as .graphml)',
      at(root),
    );
  const graph = child(root, 'graph');
  if (!graph)
    return fileProblem(
      'not-graphml',
      file,
      'the GraphML file has no <graph> element',
      'export the graph again from its tool',
      at(root),
    );
  const keys = new Map<string, Key>();
  const defaults = { node: {} as Record<string, Value>, edge: {} as Record<string, Value> };
  for (const k of children(root, 'key')) {
    const id = attr(k, 'id');
    if (id === undefined) continue;
    const key: Key = { name: attr(k, 'attr.name') ?? id, type: attr(k, 'attr.type') ?? 'string' };
    const def = child(k, 'default');
    keys.set(id, key);
    if (def) {
      const f = attr(k, 'for') ?? 'all';
      for (const cls of ['node', 'edge'] as const)
        if (f === cls || f === 'all') put(defaults[cls], key.name, typedValue(key.type, def.textContent ?? ''));
    }
  }
  const graphData = dataOf(graph, keys, {}).attrs;
  let given: Given | undefined;
  if (typeof graphData[AG_DATASET] === 'string') {
    try {
      given = agDataset(graphData[AG_DATASET]);
    } catch {
      return fileProblem(
        'bad-ag-field',
        file,
        `the graph's ${AG_DATASET} data is not valid JSON`,
        'export the file again from actorgraph',
        at(graph),
      );
    }
  } else {
    const title = graphData.name ?? graphData.title;
    if (typeof title === 'string' && title.trim()) given = { title: title.trim().slice(0, 1000) };
  }
  const ag = given?.schema !== undefined || graphData[AG_DATASET] !== undefined;
  session.begin(given, ag);
  for (const el of children(graph, 'node')) {
    const id = attr(el, 'id');
    if (id === undefined)
      return fileProblem('graphml-missing-id', file, 'a <node> has no id', 'give every node an id="…"', at(el));
    const { attrs, label } = dataOf(el, keys, defaults.node);
    const raw: RawNode = { id, attrs };
    if (label !== undefined) raw.label = label;
    if (typeof attrs.x === 'number' && typeof attrs.y === 'number') {
      raw.x = attrs.x;
      raw.y = attrs.y;
    }
    const problem = session.node(mapNode(raw, ag), at(el));
    if (problem) return problem;
  }
  for (const el of children(graph, 'edge')) {
    const source = attr(el, 'source'),
      target = attr(el, 'target');
    if (source === undefined || target === undefined)
      return fileProblem(
        'graphml-missing-end',
        file,
        'an <edge> lacks its source or target',
        'give every edge source="…" and target="…" (node ids)',
        at(el),
      );
    const { attrs, label } = dataOf(el, keys, defaults.edge);
    const raw: RawEdge = { source, target, attrs };
    if (label !== undefined) raw.label = label;
    session.edge(mapEdge(raw, ag), at(el));
  }
  return undefined;
}

export const graphmlReader: DatasetReader = {
  ...GRAPHML_FORMAT,
  open: (opts) => new GraphFileSession(opts, readGraphml),
};
