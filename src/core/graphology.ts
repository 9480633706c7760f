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
import { fnv1a } from './hash.ts';

export interface NodeAttributes {
  label: string;
  entityType: string;
  color: string;
  size: number;
  aliases: string[];
  x: number;
  y: number;
}

export interface EdgeAttributes {
  predicate: string;
  label: string;
  tripleId: string;
  color: string;
  size: number;
}

export const DEFAULT_NODE_COLOR = '#888888';
export const EDGE_COLOR = '#b0b0b0';
export const MIN_NODE_SIZE = 4;
export const MAX_NODE_SIZE = 30;

/** The colour of a type, or of its nearest ancestor that has one. */
export function typeColor(schema: SchemaIndex, type: string): string {
  let cur: string | undefined = type;
  for (let i = 0; cur !== undefined && i <= schema.types.size; i++) {
    const t = schema.types.get(cur);
    if (!t) break;
    if (t.color) return t.color;
    cur = t.parent;
  }
  return DEFAULT_NODE_COLOR;
}

/** Node size from degree: grows with its square root, bounded. */
export function nodeSize(degree: number): number {
  return Math.min(MAX_NODE_SIZE, MIN_NODE_SIZE + 3 * Math.sqrt(Math.max(0, degree)));
}

/** A stable 32-bit hash of a string (kept under this name for the UI). */
export const hashString = fnv1a;

/** A deterministic point in [-100, 100]² for an id. */
export function initialPosition(id: string): { x: number; y: number } {
  const a = hashString(id) / 0xffffffff;
  const b = hashString(id, 0x9747b28c) / 0xffffffff;
  return { x: (a * 2 - 1) * 100, y: (b * 2 - 1) * 100 };
}

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
