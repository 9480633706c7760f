// Drawing a large dataset whole: the graph is built from the worker's compact
// columns in slices (the page stays responsive between them), given the
// spiral placement, and laid out afterwards by ForceAtlas2 in the worker.
import { MultiDirectedGraph } from 'graphology';
import type { SchemaIndex } from '../../core/schema.ts';
import { EDGE_COLOR, nodeAttributes } from '../../core/graphology.ts';
import type { GraphColumns } from '../data/columns.ts';
import { edgeWidth, nodeScale, styleEdges } from './build.ts';
import { stableLayout } from './layout.ts';

/** Above this many relations every edge is a straight arrow: curving parallel edges costs more than it shows at that density. */
export const STRAIGHT_EDGES_ABOVE = 5000;
/** Above this many, edges are drawn 0.4 px wide (edgeWidth): too thin for an arrowhead to be seen. */
export const LINES_ABOVE = 20_000;
const SLICE = 10_000;

const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

export async function buildWholeGraph(
  cols: GraphColumns,
  schema: SchemaIndex,
  live: () => boolean = () => true,
): Promise<{ graph: MultiDirectedGraph; needsWorkerLayout: boolean } | undefined> {
  const { entities, subject, object, predicate, predicateIds, tripleIds } = cols;
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  const degree = new Uint32Array(entities.length);
  for (let t = 0; t < subject.length; t++) {
    degree[subject[t]!]!++;
    degree[object[t]!]!++;
  }
  // Thousands of nodes at the sizes of a small view would cover each other: smaller as there are more.
  const scale = nodeScale(entities.length);
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    if (graph.hasNode(e.id)) continue;
    const attrs = nodeAttributes(e, schema, degree[i]!);
    attrs.size *= scale;
    graph.addNode(e.id, attrs);
  }
  const labels = predicateIds.map((p) => schema.predicates.get(p)?.label ?? p);
  const straight = subject.length > STRAIGHT_EDGES_ABOVE;
  // Above LINES_ABOVE, one program per edge instead of two (line and head): half the work of every layout frame.
  const type = subject.length > LINES_ABOVE ? 'line' : 'arrow';
  const width = edgeWidth(subject.length);
  for (let from = 0; from < subject.length; from += SLICE) {
    if (from) {
      await yieldToPage();
      if (!live()) return undefined;
    }
    const to = Math.min(subject.length, from + SLICE);
    for (let t = from; t < to; t++) {
      const key = tripleIds[t]!;
      const p = predicate[t]!;
      // One object per edge (a spread copy for the type was a second one, 50k of them for the GC).
      const attrs = straight
        ? { predicate: predicateIds[p]!, label: labels[p]!, tripleId: key, color: EDGE_COLOR, size: width, type }
        : { predicate: predicateIds[p]!, label: labels[p]!, tripleId: key, color: EDGE_COLOR, size: width };
      // The store's triple ids are unique; a repeat would be drawn once (graphology refuses the second key).
      try {
        graph.addDirectedEdgeWithKey(key, entities[subject[t]!]!.id, entities[object[t]!]!.id, attrs);
      } catch {
        /* already drawn */
      }
    }
  }
  if (!straight) styleEdges(graph);
  await yieldToPage();
  if (!live()) return undefined;
  return { graph, ...stableLayout(graph) };
}
