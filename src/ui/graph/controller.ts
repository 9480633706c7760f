// Owns the sigma renderer: settings, reducers, events, camera and layout runs.
// sigma touches WebGL when imported, so only the UI imports this module.
import Sigma from 'sigma';
import type { MultiDirectedGraph } from 'graphology';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { EdgeArrowProgram } from 'sigma/rendering';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { computeHighlight, type FocusInput, type Highlight, DIM_EDGE, DIM_NODE, EDGE, EDGE_STRONG, PATH } from './highlight.ts';
import { runLayout, type LayoutRun } from './layout.ts';

export interface ControllerEvents {
  onSelect(id: string | undefined): void;
  onLayoutChange(running: boolean): void;
  onExpand?(id: string): void;
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms))]);

export class GraphController {
  readonly sigma: Sigma;
  private graph: MultiDirectedGraph;
  private input: FocusInput = { hiddenTypes: new Set(), outside: 'dim' };
  private hovered?: string;
  private hoveredEdge?: string;
  private h: Highlight = { hiddenTypes: new Set(), outside: 'dim', labelledEdges: new Set() };
  private layout?: LayoutRun;

  constructor(container: HTMLElement, graph: MultiDirectedGraph, private events: ControllerEvents) {
    this.graph = graph;
    this.sigma = new Sigma(graph, container, {
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      defaultEdgeType: 'arrow',
      edgeProgramClasses: { arrow: EdgeArrowProgram, curved: EdgeCurvedArrowProgram },
      labelDensity: 0.12,
      labelGridCellSize: 110,
      labelRenderedSizeThreshold: 7,
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      labelSize: 13,
      labelWeight: '500',
      labelColor: { color: '#1f2933' },
      edgeLabelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      edgeLabelSize: 11,
      edgeLabelColor: { color: '#3e4c59' },
      defaultEdgeColor: EDGE,
      zIndex: true,
      minCameraRatio: 0.05,
      maxCameraRatio: 10,
      stagePadding: 40,
      nodeReducer: (node, data) => this.nodeReducer(node, data),
      edgeReducer: (edge, data) => this.edgeReducer(edge, data),
    });
    const s = this.sigma;
    s.on('clickNode', ({ node }) => this.events.onSelect(node));
    s.on('doubleClickNode', (e) => { e.preventSigmaDefault(); this.events.onExpand?.(e.node); });
    s.on('enterNode', ({ node }) => { this.hovered = node; container.style.cursor = 'pointer'; this.recompute(); });
    s.on('leaveNode', () => { this.hovered = undefined; container.style.cursor = ''; this.recompute(); });
    s.on('enterEdge', ({ edge }) => { this.hoveredEdge = edge; this.recompute(); });
    s.on('leaveEdge', () => { this.hoveredEdge = undefined; this.recompute(); });
  }

  private nodeReducer(node: string, data: Record<string, unknown>): Partial<NodeDisplayData> {
    const h = this.h;
    const res = { ...data } as Partial<NodeDisplayData> & Record<string, unknown>;
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
      if (h.focusNodes !== undefined && h.focusNodes.size <= 40 && h.hoverNodes === undefined) res.forceLabel = true;
    }
    if (h.hoverNodes?.has(node)) { res.forceLabel = true; res.zIndex = 2; }
    if (h.pathNodes?.has(node)) { res.forceLabel = true; res.zIndex = 3; res.color = data.color as string; }
    if (node === h.hovered) res.highlighted = true;
    if (node === h.selected) { res.highlighted = true; res.forceLabel = true; res.zIndex = 4; res.color = data.color as string; res.label = data.label as string; }
    return res;
  }

  private edgeReducer(edge: string, data: Record<string, unknown>): Partial<EdgeDisplayData> {
    const h = this.h;
    const g = this.graph;
    const res = { ...data } as Partial<EdgeDisplayData> & Record<string, unknown>;
    const [s, t] = g.extremities(edge);
    if (h.hiddenTypes.has(g.getNodeAttribute(s, 'entityType')) || h.hiddenTypes.has(g.getNodeAttribute(t, 'entityType'))) return { ...res, hidden: true };
    const outsideFocus = h.focusEdges !== undefined && !h.focusEdges.has(edge);
    if (outsideFocus && h.outside === 'hide') return { ...res, hidden: true };
    const labelled = h.labelledEdges.has(edge) && (!outsideFocus || edge === h.hoveredEdge);
    res.label = labelled ? (data.label as string) : '';
    res.forceLabel = labelled;
    if (h.hoverEdges !== undefined) {
      if (h.hoverEdges.has(edge)) { res.color = EDGE_STRONG; res.zIndex = 2; res.label = data.label as string; res.forceLabel = true; }
      else { res.color = DIM_EDGE; res.zIndex = 0; }
    } else if (outsideFocus) {
      res.color = DIM_EDGE; res.zIndex = 0;
    }
    if (h.selected && (s === h.selected || t === h.selected) && h.hoverEdges === undefined && !outsideFocus) { res.color = EDGE_STRONG; res.zIndex = 2; }
    if (h.pathEdges?.has(edge)) { res.color = PATH; res.size = 3.5; res.zIndex = 3; }
    if (edge === h.hoveredEdge) { res.color = EDGE_STRONG; res.size = 3; }
    return res;
  }

  /** Recomputes the highlight sets and redraws (no re-indexing: positions did not change). */
  private recompute(): void {
    this.h = computeHighlight(this.graph, { ...this.input, hovered: this.hovered, hoveredEdge: this.hoveredEdge });
    this.sigma.refresh({ skipIndexation: true });
  }

  setFocus(input: FocusInput): void {
    this.input = input;
    this.recompute();
  }

  setGraph(graph: MultiDirectedGraph): void {
    this.stopLayout();
    this.graph = graph;
    this.hovered = undefined;
    this.hoveredEdge = undefined;
    this.sigma.setGraph(graph);
    this.h = computeHighlight(graph, this.input);
    this.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.sigma.refresh();
  }

  getGraph(): MultiDirectedGraph { return this.graph; }

  /** Moves the camera to a node; resolves even if sigma never reports the end. */
  async focusNode(id: string, ratio = 0.45): Promise<void> {
    const d = this.sigma.getNodeDisplayData(id);
    if (!d) return;
    await withTimeout(this.sigma.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 450 }), 1200);
  }

  async fitNodes(ids: Iterable<string>): Promise<void> {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity, n = 0;
    for (const id of ids) {
      const d = this.sigma.getNodeDisplayData(id);
      if (!d) continue;
      n++;
      minX = Math.min(minX, d.x); maxX = Math.max(maxX, d.x); minY = Math.min(minY, d.y); maxY = Math.max(maxY, d.y);
    }
    if (!n) return;
    const ratio = Math.min(1, Math.max(0.15, Math.max(maxX - minX, maxY - minY) * 1.4));
    await withTimeout(this.sigma.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 450 }), 1200);
  }

  async resetCamera(): Promise<void> {
    await withTimeout(this.sigma.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 }), 1000);
  }

  zoom(factor: number): void {
    const cam = this.sigma.getCamera();
    void withTimeout(cam.animate({ ratio: cam.getState().ratio / factor }, { duration: 200 }), 800);
  }

  get layoutRunning(): boolean { return this.layout?.running ?? false; }

  startLayout(): void {
    this.stopLayout();
    this.events.onLayoutChange(true);
    this.layout = runLayout(this.graph, () => { this.sigma.refresh(); this.events.onLayoutChange(false); });
  }

  /** A short layout run that moves only `added`: what was drawn before stays where the person saw it. */
  settleNew(added: string[], budgetMs = 1500): void {
    if (!added.length) return;
    this.stopLayout();
    const graph = this.graph;
    const isNew = new Set(added);
    graph.forEachNode((n) => { if (!isNew.has(n)) graph.setNodeAttribute(n, 'fixed', true); });
    this.events.onLayoutChange(true);
    this.layout = runLayout(graph, () => {
      graph.forEachNode((n) => graph.removeNodeAttribute(n, 'fixed'));
      this.sigma.refresh();
      this.events.onLayoutChange(false);
    }, budgetMs);
  }

  stopLayout(): void {
    if (this.layout?.running) this.layout.stop();
  }

  kill(): void {
    this.stopLayout();
    this.sigma.kill();
  }
}
