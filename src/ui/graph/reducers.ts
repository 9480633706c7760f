// sigma's node and edge reducers: what each node and edge looks like under the
// current highlight (hover, selection, query focus, hidden types, path).
import type { MultiDirectedGraph } from 'graphology';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { type Highlight, DIM_EDGE, DIM_NODE, EDGE_STRONG, PATH, RELATION } from './highlight.ts';
import { trustLabel } from './edge-style.ts';
import type { LabelPlacer } from './labels.ts';
import type { NodeLook } from './look.ts';

/** A focus (neighbourhood) this small shows every label; a larger one leaves the choice to sigma's label grid. */
const FORCED_LABELS_MAX = 15;

/** Nothing hovered, selected, queried or hidden: the reducers leave sigma's data as it is. */
export function isPlain(h: Highlight): boolean {
  return (
    !h.hiddenTypes.size &&
    h.focusNodes === undefined &&
    h.focusEdges === undefined &&
    h.hoverNodes === undefined &&
    h.pathNodes === undefined &&
    h.pathEdges === undefined &&
    h.filteredEdges === undefined &&
    !h.relation &&
    !h.selected &&
    !h.hovered &&
    !h.hoveredEdge &&
    !h.labelledEdges.size
  );
}

// sigma hands the reducers its own shallow copy of the attributes, so they write into it.
export function reduceNode(
  h: Highlight,
  plain: boolean,
  labels: LabelPlacer,
  look: NodeLook,
  node: string,
  data: Record<string, unknown>,
): Partial<NodeDisplayData> {
  const res = data as Partial<NodeDisplayData> & Record<string, unknown>;
  // Colour by community, size by a metric: the node's own look, before any highlight.
  if (look.colors) res.color = look.colors.get(node) ?? res.color;
  if (look.sizes) res.size = look.sizes.get(node) ?? res.size;
  if (plain) {
    labels.apply(node, res, true, false);
    return res;
  }
  const color = res.color as string,
    label = data.label as string;
  if (h.hiddenTypes.has(data.entityType as string)) return { ...res, hidden: true };
  const outsideFocus = h.focusNodes !== undefined && !h.focusNodes.has(node);
  if (outsideFocus && h.outside === 'hide') return { ...res, hidden: true };
  const outsideHover = h.hoverNodes !== undefined && !h.hoverNodes.has(node);
  if (outsideFocus || outsideHover) {
    res.color = DIM_NODE;
    res.label = '';
    res.zIndex = 0;
  } else {
    res.zIndex = 1;
    // A small query result is read in full: all its labels.
    if (h.focusNodes !== undefined && h.focusNodes.size <= FORCED_LABELS_MAX && h.hoverNodes === undefined)
      res.forceLabel = true;
  }
  if (h.hoverNodes?.has(node)) {
    res.forceLabel = true;
    res.zIndex = 2;
  }
  if (h.pathNodes?.has(node)) {
    res.forceLabel = true;
    res.zIndex = 3;
    res.color = color;
    res.size = Math.max(res.size ?? 0, 6);
  }
  if (node === h.hovered) res.highlighted = true;
  if (node === h.selected) {
    res.highlighted = true;
    res.forceLabel = true;
    res.zIndex = 4;
    res.color = color;
    res.label = label;
  }
  labels.apply(node, res, !!res.label, !!res.forceLabel);
  return res;
}

export function reduceEdge(
  h: Highlight,
  plain: boolean,
  g: MultiDirectedGraph,
  edgeLabels: { shows(edge: string): boolean },
  edge: string,
  data: Record<string, unknown>,
): Partial<EdgeDisplayData> {
  const res = data as Partial<EdgeDisplayData> & Record<string, unknown>;
  if (plain) {
    res.label = '';
    return res;
  }
  const label = data.label as string;
  const needEnds = h.hiddenTypes.size > 0 || h.selected !== undefined;
  const [s, t] = needEnds ? g.extremities(edge) : ['', ''];
  if (
    h.hiddenTypes.size &&
    (h.hiddenTypes.has(g.getNodeAttribute(s, 'entityType')) || h.hiddenTypes.has(g.getNodeAttribute(t, 'entityType')))
  )
    return { ...res, hidden: true };
  const filtered = h.filteredEdges?.has(edge) ?? false;
  if (filtered && h.outside === 'hide' && edge !== h.relation) return { ...res, hidden: true };
  const outsideFocus = filtered || (h.focusEdges !== undefined && !h.focusEdges.has(edge));
  if (outsideFocus && h.outside === 'hide') return { ...res, hidden: true };
  // Only the labels picked (a few per node, where there is room): none pile up on a hub.
  const labelled = edgeLabels.shows(edge) && (!outsideFocus || edge === h.hoveredEdge || !!h.hoverEdges?.has(edge));
  res.label = labelled ? label : '';
  res.forceLabel = labelled;
  if (h.hoverEdges !== undefined) {
    if (h.hoverEdges.has(edge)) {
      res.color = EDGE_STRONG;
      res.zIndex = 2;
    } else {
      res.color = DIM_EDGE;
      res.zIndex = 0;
    }
  } else if (outsideFocus) {
    res.color = DIM_EDGE;
    res.zIndex = 0;
  }
  if (h.selected && (s === h.selected || t === h.selected) && h.hoverEdges === undefined && !outsideFocus) {
    res.color = EDGE_STRONG;
    res.zIndex = 2;
  }
  if (h.pathEdges?.has(edge)) {
    res.color = PATH;
    res.size = 3.5;
    res.zIndex = 3;
  }
  if (edge === h.hoveredEdge || edge === h.relation) {
    res.color = edge === h.relation ? RELATION : EDGE_STRONG;
    res.size = 3;
    res.zIndex = 3;
    res.forceLabel = true;
    res.label = trustLabel(label, data, (id) => (g.hasNode(id) ? (g.getNodeAttribute(id, 'label') as string) : id));
  }
  // A big view draws plain lines (arrowheads on 0.4 px edges cannot be seen); a highlighted edge shows its direction.
  if (res.type === 'line' && (res.zIndex ?? 0) >= 2) res.type = 'arrow';
  return res;
}
