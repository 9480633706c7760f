// Which relation labels are drawn: never a pile around a hub. Candidates are
// the labels the highlight asks for (the hovered or chosen relation, the
// path's steps, the selected entity's relations, the hovered node's); each
// node gets at most a few of them, the ones with the most room on screen
// (longest on-screen edges, no label over another).
import type Sigma from 'sigma';
import type { Highlight } from './highlight.ts';

export interface EdgeLabelCandidate {
  edge: string;
  source: string;
  target: string;
  /** Higher first: the path's steps, then the selection's relations, then the hovered node's. */
  priority: number;
  /** Always drawn (the hovered relation, the one chosen in a panel). */
  must: boolean;
  /** The edge's ends in viewport pixels. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The label's width in pixels. */
  w: number;
}

/** Most labels drawn around one node. */
export const EDGE_LABELS_PER_NODE = 4;
/** An edge shorter than this on screen has no room for a label. */
const MIN_LENGTH = 40;
const PLACE_MS = 120;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The labels to draw: greedy, by priority then on-screen length, at most `perNode` per node. Pure, for tests. */
export function pickEdgeLabels(
  cands: readonly EdgeLabelCandidate[],
  opts: { width: number; height: number; h: number; perNode?: number },
): Set<string> {
  const perNode = opts.perNode ?? EDGE_LABELS_PER_NODE;
  const len = (c: EdgeLabelCandidate) => Math.hypot(c.x2 - c.x1, c.y2 - c.y1);
  const sorted = [...cands].sort(
    (a, b) =>
      Number(b.must) - Number(a.must) ||
      b.priority - a.priority ||
      len(b) - len(a) ||
      (a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0),
  );
  const out = new Set<string>();
  const count = new Map<string, number>();
  const boxes: Box[] = [];
  for (const c of sorted) {
    if (out.has(c.edge)) continue;
    const mx = (c.x1 + c.x2) / 2,
      my = (c.y1 + c.y2) / 2;
    // Roughly where sigma writes it: along the edge, centred on its middle.
    const w = Math.min(c.w, len(c));
    const box = { x: mx - w / 2, y: my - opts.h / 2, w, h: opts.h };
    if (!c.must) {
      if (mx < 0 || my < 0 || mx > opts.width || my > opts.height) continue;
      if (len(c) < MIN_LENGTH) continue;
      if ((count.get(c.source) ?? 0) >= perNode || (count.get(c.target) ?? 0) >= perNode) continue;
      if (boxes.some((b) => overlaps(b, box))) continue;
    }
    out.add(c.edge);
    boxes.push(box);
    count.set(c.source, (count.get(c.source) ?? 0) + 1);
    if (c.target !== c.source) count.set(c.target, (count.get(c.target) ?? 0) + 1);
  }
  return out;
}

/** Picks the labels for the current highlight and camera; the edge reducer asks it. */
export class EdgeLabelPicker {
  private shown = new Set<string>();
  private key = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private sigmaOf: () => Sigma) {}

  shows(edge: string): boolean {
    return this.shown.has(edge);
  }

  /** Picks again; true when that changed what is drawn. */
  place(h: Highlight): boolean {
    const s = this.sigmaOf(),
      g = s.getGraph();
    const prio = new Map<string, number>();
    const add = (e: string, p: number) => {
      if (g.hasEdge(e) && (prio.get(e) ?? -1) < p) prio.set(e, p);
    };
    for (const e of h.hoverEdges ?? []) add(e, 1);
    if (h.selected && g.hasNode(h.selected)) for (const e of g.edges(h.selected)) add(e, 2);
    for (const e of h.pathEdges ?? []) add(e, 3);
    for (const e of h.labelledEdges) add(e, 0);
    const must = (e: string) => e === h.hoveredEdge || e === h.relation;
    if (h.hoveredEdge) add(h.hoveredEdge, 4);
    if (h.relation) add(h.relation, 4);
    const cands: EdgeLabelCandidate[] = [];
    const size = s.getSetting('edgeLabelSize');
    for (const [edge, priority] of prio) {
      const [source, target] = g.extremities(edge);
      const a = s.getNodeDisplayData(source),
        b = s.getNodeDisplayData(target);
      if (!a || !b || a.hidden || b.hidden) continue;
      const p = s.framedGraphToViewport(a),
        q = s.framedGraphToViewport(b);
      const label = (g.getEdgeAttribute(edge, 'label') as string | undefined) ?? '';
      cands.push({
        edge,
        source,
        target,
        priority,
        must: must(edge),
        x1: p.x,
        y1: p.y,
        x2: q.x,
        y2: q.y,
        w: label.length * size * 0.55,
      });
    }
    const { width, height } = s.getDimensions();
    const next = pickEdgeLabels(cands, { width, height, h: size + 4 });
    const key = [...next].sort().join('|');
    if (key === this.key) return false;
    this.key = key;
    this.shown = next;
    return true;
  }

  /** After a frame (the camera may have moved): picks again, at most every PLACE_MS, and redraws if that changed. */
  schedule(h: () => Highlight, redraw: () => void): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.place(h())) redraw();
    }, PLACE_MS);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
