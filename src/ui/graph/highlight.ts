// What the reducers read. Computed once per change of hover, selection or
// query; the node and edge reducers only look things up in it.
import type Graph from 'graphology';

export interface FocusInput {
  hovered?: string;
  hoveredEdge?: string;
  selected?: string;
  /** Query result: entities and triples in view (undefined: no query). */
  focusNodes?: ReadonlySet<string>;
  focusEdges?: ReadonlySet<string>;
  /** The chosen path, drawn strongest. */
  pathNodes?: ReadonlySet<string>;
  pathEdges?: ReadonlySet<string>;
  hiddenTypes: ReadonlySet<string>;
  outside: 'dim' | 'hide';
  /** Relations outside the trust and time filters: dimmed or hidden like entities outside a query. */
  filteredEdges?: ReadonlySet<string>;
  /** A relation chosen (in the table or a panel): drawn strong, with its label. */
  relation?: string;
}

export interface Highlight extends FocusInput {
  /** Hovered node and its neighbours. */
  hoverNodes?: Set<string>;
  hoverEdges?: Set<string>;
  /** Edges whose predicate label is always wanted (the hovered and the chosen relation, the path's steps); edge-labels.ts picks what is drawn. */
  labelledEdges: Set<string>;
}

export function computeHighlight(graph: Graph, input: FocusInput): Highlight {
  const h: Highlight = { ...input, labelledEdges: new Set() };
  if (input.hovered && graph.hasNode(input.hovered)) {
    h.hoverNodes = new Set([input.hovered, ...graph.neighbors(input.hovered)]);
    h.hoverEdges = new Set(graph.edges(input.hovered));
  }
  if (input.hoveredEdge && graph.hasEdge(input.hoveredEdge)) h.labelledEdges.add(input.hoveredEdge);
  for (const e of input.pathEdges ?? []) h.labelledEdges.add(e);
  if (input.relation && graph.hasEdge(input.relation)) h.labelledEdges.add(input.relation);
  return h;
}

/** The drawn edges a filter leaves out (`keep` reads an edge's attributes); undefined when it keeps them all. */
export function edgesOutside(graph: Graph, keep: (attrs: Record<string, unknown>) => boolean): Set<string> | undefined {
  const out = new Set<string>();
  graph.forEachEdge((e, a) => {
    // Edges drawn without their trust fields (compact columns) are kept.
    if (a.status !== undefined && !keep(a)) out.add(e);
  });
  return out.size ? out : undefined;
}

export const DIM_NODE = '#d5d9df';
export const DIM_EDGE = '#e8ebef';
export const EDGE = '#b3bac4';
export const EDGE_STRONG = '#4a5563';
export const PATH = '#d97706';
/** A relation chosen in the table or a panel. */
export const RELATION = '#1d4ed8';
