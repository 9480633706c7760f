// The graphology graph sigma draws: built by the core, then given sizes by
// degree, curved edges for parallel relations, and stable positions.
import type { MultiDirectedGraph } from 'graphology';
import { indexParallelEdgesIndex, DEFAULT_EDGE_CURVATURE } from '@sigma/edge-curve';
import type { Subgraph } from '../../core/model.ts';
import { edgeLook, markTrust } from './edge-style.ts';
import type { SchemaIndex } from '../../core/schema.ts';
import { buildGraph } from '../../core/graphology.ts';
import { stableLayout } from './layout.ts';

/** Curvature for the index-th of several edges between one pair: spread evenly, bounded. */
function curvature(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (maxCurvature * index) / maxIndex;
}

/** Many nodes at a small view's sizes cover each other: smaller as there are more (1 up to 200, a quarter from 3,200). */
export const nodeScale = (order: number): number => Math.min(1, Math.max(0.25, Math.sqrt(200 / Math.max(1, order))));
/** Edges thin as they grow in number, so that nodes and highlights stay readable. */
export const edgeWidth = (size: number): number => (size > 20_000 ? 0.4 : size > 2_000 ? 0.6 : 1);

export function prepareGraph(
  sub: Subgraph,
  schema: SchemaIndex,
): { graph: MultiDirectedGraph; needsWorkerLayout: boolean } {
  // Sizes (by degree), colours and labels come from the core; sigma's own attributes are added here.
  const graph = buildGraph(sub, schema) as unknown as MultiDirectedGraph;
  markTrust(graph, sub.triples);
  styleEdges(graph);
  scaleForCount(graph);
  return { graph, ...stableLayout(graph) };
}

/** Node sizes and edge widths for how many there are. */
export function scaleForCount(graph: MultiDirectedGraph): void {
  const k = nodeScale(graph.order),
    w = edgeWidth(graph.size);
  if (k < 1)
    graph.forEachNode((_, a) => {
      a.size = (a.size as number) * k;
    });
  if (w < 1)
    graph.forEachEdge((_, a) => {
      a.size = ((a.size as number | undefined) ?? 1) * w;
    });
}

/** Straight arrows, or evenly spread curves where several relations join one pair; dashed or dotted by status. */
export function styleEdges(graph: MultiDirectedGraph): void {
  indexParallelEdgesIndex(graph, {
    edgeIndexAttribute: 'parallelIndex',
    edgeMinIndexAttribute: 'parallelMinIndex',
    edgeMaxIndexAttribute: 'parallelMaxIndex',
  });
  graph.forEachEdge((edge, attrs) => {
    const index = attrs.parallelIndex as number | null | undefined;
    const min = attrs.parallelMinIndex as number | null | undefined;
    const max = attrs.parallelMaxIndex as number | null | undefined;
    let bend: number | undefined;
    if (typeof index !== 'number') bend = undefined;
    // Edges in both directions between the pair: indices run min..max around 0.
    else if (typeof min === 'number') bend = index === 0 ? 0.0001 : curvature(index, Math.max(max ?? 1, -(min ?? 0)));
    else bend = curvature(index, max ?? 1);
    graph.mergeEdgeAttributes(edge, edgeLook(attrs.status, bend));
  });
}
