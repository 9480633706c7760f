// Owns the sigma renderer: settings, reducers, events, camera and layout runs.
// sigma touches WebGL when imported, so only the UI imports this module.
import Sigma from 'sigma';
import type { MultiDirectedGraph } from 'graphology';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { EdgeArrowProgram } from 'sigma/rendering';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import {
  computeHighlight,
  type FocusInput,
  type Highlight,
  DIM_EDGE,
  DIM_NODE,
  EDGE,
  EDGE_STRONG,
  PATH,
  RELATION,
} from './highlight.ts';
import { runLayout, type LayoutRun } from './layout.ts';
import { trustLabel } from './edge-style.ts';
import { LINE_PROGRAMS } from './edge-programs.ts';
import { sameFocus, withTimeout } from './compare.ts';
import { drawLabel, LabelPlacer } from './labels.ts';
import { enableDrag } from './drag.ts';

/** A focus (neighbourhood) this small shows every label; a larger one leaves the choice to sigma's label grid. */
const FORCED_LABELS_MAX = 15;

export interface ControllerEvents {
  onSelect(id: string | undefined): void;
  onLayoutChange(running: boolean): void;
  onExpand?(id: string): void;
}

/** Above this many edges, edges are not hoverable: picking them means drawing every edge a second time each frame. */
export const EDGE_EVENTS_MAX = 20_000;

export class GraphController {
  readonly sigma: Sigma;
  private graph: MultiDirectedGraph;
  private input: FocusInput = { hiddenTypes: new Set(), outside: 'dim' };
  private hovered?: string;
  private hoveredEdge?: string;
  private h: Highlight = { hiddenTypes: new Set(), outside: 'dim', labelledEdges: new Set() };
  private layout?: LayoutRun;
  /** Which labels are drawn (no overlaps, none cut at the edges). */
  labels: LabelPlacer;
  /** Views set so far (constructor, setGraph); the benchmarks wait for a new one. */
  viewSeq = 0;
  /** performance.now() of the first render of the current view (sigma's afterRender). */
  firstFrame?: number;

  constructor(
    container: HTMLElement,
    graph: MultiDirectedGraph,
    private events: ControllerEvents,
  ) {
    this.graph = graph;
    this.labels = new LabelPlacer(() => this.sigma);
    this.sigma = new Sigma(graph, container, {
      renderEdgeLabels: true,
      enableEdgeEvents: graph.size <= EDGE_EVENTS_MAX,
      defaultEdgeType: 'arrow',
      edgeProgramClasses: { arrow: EdgeArrowProgram, curved: EdgeCurvedArrowProgram, ...LINE_PROGRAMS },
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
      // A hidden or collapsed container (a phone's drawer, a shrinking window) waits for a size instead of throwing.
      allowInvalidContainer: true,
      defaultDrawNodeLabel: drawLabel as never,
      nodeReducer: (node, data) => this.nodeReducer(node, data),
      edgeReducer: (edge, data) => this.edgeReducer(edge, data),
    });
    this.viewSeq = 1; // sigma's constructor renders synchronously: it has drawn by the time it returns.
    this.firstFrame = performance.now();
    const s = this.sigma;
    s.on('afterRender', () => {
      this.labels.schedule(() => this.sigma.refresh({ skipIndexation: true }));
      if (!this.afterDrawQueue.length) return;
      const q = this.afterDrawQueue;
      this.afterDrawQueue = [];
      for (const cb of q) cb();
    });
    if (this.labels.place()) s.refresh({ skipIndexation: true }); // the first frame came before the listener
    // The container changes size without the window doing so (the dock under the graph opens or grows).
    this.resizeObserver = new ResizeObserver(() => {
      if (container.offsetWidth > 0 && container.offsetHeight > 0) this.sigma.refresh({ skipIndexation: true });
    });
    this.resizeObserver.observe(container);
    const dragged = enableDrag(s);
    s.on('clickNode', ({ node }) => {
      if (!dragged()) this.events.onSelect(node);
    });
    s.on('clickStage', () => this.events.onSelect(undefined));
    s.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      this.events.onExpand?.(e.node);
    });
    s.on('enterNode', ({ node }) => {
      this.hovered = node;
      container.style.cursor = 'pointer';
      this.recompute();
    });
    s.on('leaveNode', () => {
      this.hovered = undefined;
      container.style.cursor = '';
      this.recompute();
    });
    s.on('enterEdge', ({ edge }) => {
      this.hoveredEdge = edge;
      this.recompute();
    });
    s.on('leaveEdge', () => {
      this.hoveredEdge = undefined;
      this.recompute();
    });
  }

  /** Nothing hovered, selected, queried or hidden: the reducers leave sigma's data as it is. */
  private plain = true;

  // sigma hands the reducers its own shallow copy of the attributes, so they write into it.
  private nodeReducer(node: string, data: Record<string, unknown>): Partial<NodeDisplayData> {
    const h = this.h;
    const res = data as Partial<NodeDisplayData> & Record<string, unknown>;
    if (this.plain) {
      this.labels.apply(node, res, true, false);
      return res;
    }
    const color = data.color as string,
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
    this.labels.apply(node, res, !!res.label, !!res.forceLabel);
    return res;
  }

  private edgeReducer(edge: string, data: Record<string, unknown>): Partial<EdgeDisplayData> {
    const h = this.h;
    const g = this.graph;
    const res = data as Partial<EdgeDisplayData> & Record<string, unknown>;
    if (this.plain) {
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
    const labelled = h.labelledEdges.has(edge) && (!outsideFocus || edge === h.hoveredEdge);
    res.label = labelled ? label : '';
    res.forceLabel = labelled;
    if (h.hoverEdges !== undefined) {
      if (h.hoverEdges.has(edge)) {
        res.color = EDGE_STRONG;
        res.zIndex = 2;
        res.label = label;
        res.forceLabel = true;
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
    return res;
  }

  /** Recomputes the highlight sets and redraws (no re-indexing: positions did not change). */
  private recompute(): void {
    this.setHighlight(
      computeHighlight(this.graph, { ...this.input, hovered: this.hovered, hoveredEdge: this.hoveredEdge }),
    );
    this.sigma.refresh({ skipIndexation: true });
  }

  private setHighlight(h: Highlight): void {
    this.h = h;
    this.plain =
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
      !h.labelledEdges.size;
  }

  setFocus(input: FocusInput): void {
    // The same focus again (a re-render, a new view): nothing to redo for 60k items.
    if (sameFocus(input, this.input)) return;
    this.input = input;
    this.recompute();
  }

  setGraph(graph: MultiDirectedGraph): void {
    this.stopLayout();
    // Layout figures belong to a view: a new one starts with none.
    this.layout = undefined;
    this.layoutStart = undefined;
    this.layoutEnd = undefined;
    this.graph = graph;
    this.labels.reset();
    this.hovered = undefined;
    this.hoveredEdge = undefined;
    // The highlight and camera first: sigma draws the new graph once, in setGraph.
    this.setHighlight(computeHighlight(graph, this.input));
    this.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.firstFrame = undefined;
    this.viewSeq++;
    if (this.sigma.getSetting('enableEdgeEvents') !== graph.size <= EDGE_EVENTS_MAX)
      this.sigma.setSetting('enableEdgeEvents', graph.size <= EDGE_EVENTS_MAX);
    const seq = this.viewSeq;
    this.sigma.once('afterRender', () => {
      if (this.viewSeq === seq) this.firstFrame = performance.now();
    });
    this.sigma.setGraph(graph);
  }

  getGraph(): MultiDirectedGraph {
    return this.graph;
  }

  /** Moves the camera to a node; resolves even if sigma never reports the end. */
  async focusNode(id: string, ratio = 0.45): Promise<void> {
    const d = this.framed(id);
    if (!d) return;
    await withTimeout(this.sigma.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 450 }), 1200);
  }

  async fitNodes(ids: Iterable<string>): Promise<void> {
    let minX = Infinity,
      maxX = -Infinity,
      minY = Infinity,
      maxY = -Infinity,
      n = 0;
    for (const id of ids) {
      const d = this.framed(id);
      if (!d) continue;
      n++;
      minX = Math.min(minX, d.x);
      maxX = Math.max(maxX, d.x);
      minY = Math.min(minY, d.y);
      maxY = Math.max(maxY, d.y);
    }
    if (!n) return;
    const ratio = Math.min(1, Math.max(0.15, Math.max(maxX - minX, maxY - minY) * 1.4));
    await withTimeout(
      this.sigma.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 450 }),
      1200,
    );
  }

  /** A node's place in the camera's coordinates, from its position (sigma's cached display data can lag a graph just changed). */
  private framed(id: string): { x: number; y: number } | undefined {
    if (!this.graph.hasNode(id)) return undefined;
    const s = this.sigma;
    return s.viewportToFramedGraph(s.graphToViewport(this.graph.getNodeAttributes(id) as { x: number; y: number }));
  }

  async resetCamera(): Promise<void> {
    await withTimeout(this.sigma.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 }), 1000);
  }

  zoom(factor: number): void {
    const cam = this.sigma.getCamera();
    void withTimeout(cam.animate({ ratio: cam.getState().ratio / factor }, { duration: 200 }), 800);
  }

  get layoutRunning(): boolean {
    return this.layout?.running ?? false;
  }
  /** ForceAtlas2 iterations of the current (or last) layout run, as of the last positions drawn. */
  get layoutIterations(): number {
    return this.layout?.iterations ?? 0;
  }
  /** performance.now() when the current (or last) layout run started, and when it ended. */
  layoutStart?: number;
  layoutEnd?: number;

  /** Called after sigma's next render (one listener for all: a layout waits on it every frame). */
  private afterDrawQueue: (() => void)[] = [];

  private layoutOptions(budgetMs?: number) {
    return {
      budgetMs,
      afterDraw: (cb: () => void) => {
        this.afterDrawQueue.push(cb);
      },
      applyPositions: (keys: readonly string[], xy: Float32Array) => this.applyPositions(keys, xy),
    };
  }

  /**
   * Layout frames: positions written straight into the nodes' attribute
   * objects, then one re-indexation. Through graphology's update events sigma
   * would also re-run the node reducer on every node, twice, for a change the
   * reducers do not read (they never look at x or y).
   */
  private applyPositions(keys: readonly string[], xy: Float32Array): void {
    const g = this.graph;
    for (let i = 0; i < keys.length; i++) {
      if (!g.hasNode(keys[i]!)) continue;
      const a = g.getNodeAttributes(keys[i]!);
      a.x = xy[i * 2];
      a.y = xy[i * 2 + 1];
    }
    this.sigma.refresh({ partialGraph: { nodes: [] }, schedule: true });
  }

  startLayout(budgetMs = 8000): void {
    this.stopLayout();
    this.events.onLayoutChange(true);
    this.layoutStart = performance.now();
    this.layoutEnd = undefined;
    this.layout = runLayout(
      this.graph,
      () => {
        this.layoutEnd = performance.now();
        this.sigma.refresh();
        this.events.onLayoutChange(false);
      },
      this.layoutOptions(budgetMs),
    );
  }

  /** A short layout run that moves only `added`: what was drawn before stays where the person saw it. */
  settleNew(added: string[], budgetMs = 1500): void {
    if (!added.length) return;
    this.stopLayout();
    const graph = this.graph;
    const isNew = new Set(added);
    graph.forEachNode((n) => {
      if (!isNew.has(n)) graph.setNodeAttribute(n, 'fixed', true);
    });
    this.events.onLayoutChange(true);
    this.layoutStart = performance.now();
    this.layoutEnd = undefined;
    this.layout = runLayout(
      graph,
      () => {
        this.layoutEnd = performance.now();
        graph.forEachNode((n) => graph.removeNodeAttribute(n, 'fixed'));
        this.sigma.refresh();
        this.events.onLayoutChange(false);
      },
      this.layoutOptions(budgetMs),
    );
  }

  stopLayout(): void {
    if (this.layout?.running) this.layout.stop();
  }

  private resizeObserver: ResizeObserver;

  kill(): void {
    this.resizeObserver.disconnect();
    this.labels.cancel();
    this.stopLayout();
    this.sigma.kill();
  }
}
