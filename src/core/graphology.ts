// A subgraph as a graphology MultiDirectedGraph, with the attributes sigma
// draws: nodes keyed by entity id, edges keyed by triple id.
//
// Nodes get deterministic initial x/y from a hash of their id (sigma needs
// coordinates on every node; ForceAtlas2 in the UI starts from them, and the
// same data always starts from the same picture).
import { MultiDirectedGraph } from 'graphology';
import type { Entity, Subgraph, Triple } from './model.ts';
import type { SchemaIndex } from './schema.ts';
import { tripleIds } from './store.ts';
import {
  EDGE_COLOR,
  initialPosition,
  nodeSize,
  typeColor,
  type EdgeAttributes,
  type NodeAttributes,
} from './drawing.ts';

export * from './drawing.ts';

export interface BuildGraphOptions {
  /** Degree used for node size; default: the degree within the subgraph. */
  degreeOf?: (id: string) => number;
}

export function nodeAttributes(e: Entity, schema: SchemaIndex, degree: number): NodeAttributes {
  return {
    label: e.label,
    entityType: e.type,
    color: typeColor(schema, e.type),
    size: nodeSize(degree),
    aliases: e.aliases ?? [],
    ...initialPosition(e.id),
  };
}

export function edgeAttributes(t: Triple, tripleId: string, schema: SchemaIndex): EdgeAttributes {
  return {
    predicate: t.predicate,
    label: schema.predicates.get(t.predicate)?.label ?? t.predicate,
    tripleId,
    color: EDGE_COLOR,
    size: 1,
  };
}

export function buildGraph(
  sub: Subgraph,
  schema: SchemaIndex,
  opts: BuildGraphOptions = {},
): MultiDirectedGraph<NodeAttributes, EdgeAttributes> {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: true });
  const present = new Set(sub.entities.map((e) => e.id));
  const local = new Map<string, number>();
  if (!opts.degreeOf) {
    for (const t of sub.triples) {
      if (!present.has(t.subject) || !present.has(t.object)) continue;
      local.set(t.subject, (local.get(t.subject) ?? 0) + 1);
      local.set(t.object, (local.get(t.object) ?? 0) + 1);
    }
  }
  const degreeOf = opts.degreeOf ?? ((id: string) => local.get(id) ?? 0);
  for (const e of sub.entities) {
    if (graph.hasNode(e.id)) continue;
    graph.addNode(e.id, nodeAttributes(e, schema, degreeOf(e.id)));
  }
  const ids = tripleIds(sub.triples);
  sub.triples.forEach((t, i) => {
    const key = ids[i]!;
    // Triples reaching outside the subgraph, and repeated ids, have no edge.
    if (!graph.hasNode(t.subject) || !graph.hasNode(t.object) || graph.hasEdge(key)) return;
    graph.addDirectedEdgeWithKey(key, t.subject, t.object, edgeAttributes(t, key, schema));
  });
  return graph;
}
