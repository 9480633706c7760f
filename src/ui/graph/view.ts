// Large data: the graphology graph holds what is shown, not everything. It
// starts from the most connected entities and grows as the person expands
// nodes, searches, or runs queries.
import type { MultiDirectedGraph } from 'graphology';
import type { Entity, Subgraph } from '../../core/model.ts';
import type { SchemaIndex } from '../../core/schema.ts';
import { edgeAttributes, hashString, nodeAttributes, nodeSize } from '../../core/graphology.ts';
import { styleEdges } from './build.ts';
import { markTrust } from './edge-style.ts';

/** Above this many entities the view does not draw everything. */
export const LARGE_DATASET_ENTITIES = 2000;
/** How many of the most connected entities a large view starts with. */
export const START_ENTITIES = 50;
export { WHOLE_VIEW_MAX_ENTITIES, WHOLE_VIEW_MAX_TRIPLES, canShowWhole } from './limits.ts';
/** Most new nodes one "Expand neighbours" adds. */
export const EXPAND_LIMIT = 200;
/** Most entities a neighbourhood query may add to a large view. */
export const QUERY_LIMIT = 500;

export interface AddResult {
  /** Entity ids newly drawn. */
  added: string[];
  /** Every entity read on the way (drawn or not): for labels. */
  entities: Entity[];
}

/**
 * Draws `ids` (those not drawn yet) and every relation between them and what
 * is drawn. New nodes start beside their drawn neighbours (or beside `near`),
 * so a short layout run only has to settle them.
 */
export async function addToView(
  graph: MultiDirectedGraph,
  subgraph: (ids: string[]) => Promise<Subgraph>,
  schema: SchemaIndex,
  ids: Iterable<string>,
  near?: string,
): Promise<AddResult> {
  const fresh = [...new Set(ids)].filter((id) => !graph.hasNode(id));
  if (!fresh.length) return { added: [], entities: [] };
  const shown = graph.nodes();
  const sub = await subgraph([...shown, ...fresh]);
  const freshSet = new Set(fresh);
  const added: string[] = [];
  for (const e of sub.entities) {
    if (!freshSet.has(e.id) || graph.hasNode(e.id)) continue;
    graph.addNode(e.id, nodeAttributes(e, schema, 0));
    added.push(e.id);
  }
  const entities = sub.entities;
  if (!added.length) return { added, entities };
  for (const t of sub.triples) {
    const key = t.id!;
    if (graph.hasEdge(key) || !graph.hasNode(t.subject) || !graph.hasNode(t.object)) continue;
    graph.addDirectedEdgeWithKey(key, t.subject, t.object, edgeAttributes(t, key, schema));
  }
  markTrust(graph, sub.triples);
  place(graph, added, near);
  graph.forEachNode((n) => graph.setNodeAttribute(n, 'size', nodeSize(graph.degree(n))));
  styleEdges(graph);
  return { added, entities };
}

/** Each new node at the centre of its old neighbours, else around `near`, else around the drawing's centre; a small deterministic offset apart. */
function place(graph: MultiDirectedGraph, added: string[], near?: string): void {
  const isNew = new Set(added);
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity,
    cx = 0,
    cy = 0,
    old = 0;
  graph.forEachNode((n, a) => {
    if (isNew.has(n)) return;
    const x = a.x as number,
      y = a.y as number;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    cx += x;
    cy += y;
    old++;
  });
  const extent = old > 1 ? Math.max(maxX - minX, maxY - minY, 1) : 100;
  const centre = old ? { x: cx / old, y: cy / old } : { x: 0, y: 0 };
  const anchor =
    near && graph.hasNode(near) && !isNew.has(near)
      ? { x: graph.getNodeAttribute(near, 'x') as number, y: graph.getNodeAttribute(near, 'y') as number }
      : centre;
  const spread = extent * 0.06;
  for (const n of added) {
    let sx = 0,
      sy = 0,
      k = 0;
    for (const m of graph.neighbors(n)) {
      if (isNew.has(m)) continue;
      sx += graph.getNodeAttribute(m, 'x') as number;
      sy += graph.getNodeAttribute(m, 'y') as number;
      k++;
    }
    const base = k ? { x: sx / k, y: sy / k } : anchor;
    const a = (hashString(n) / 0xffffffff) * Math.PI * 2;
    const d = spread * (0.4 + 0.6 * (hashString(n, 0x9e3779b9) / 0xffffffff));
    graph.mergeNodeAttributes(n, { x: base.x + Math.cos(a) * d, y: base.y + Math.sin(a) * d });
  }
}
