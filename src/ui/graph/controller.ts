// Owns the sigma renderer: settings, reducers, events, camera and layout runs.
// sigma touches WebGL when imported, so only the UI imports this module.
import Sigma from 'sigma';
import type { MultiDirectedGraph } from 'graphology';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { computeHighlight, type FocusInput, type Highlight } from './highlight.ts';
import { runLayout, type LayoutRun } from './layout.ts';
import { sameFocus } from './compare.ts';
import { LabelPlacer } from './labels.ts';
import { EdgeLabelPicker } from './edge-labels.ts';
import type { NodeLook } from './look.ts';
import { enableDrag } from './drag.ts';
import { fitNodes, focusNode, resetCamera, zoom } from './camera.ts';
import { isPlain, reduceEdge, reduceNode } from './reducers.ts';
import { EDGE_EVENTS_MAX, sigmaSettings } from './settings.ts';

export { EDGE_EVENTS_MAX };

export interface ControllerEvents {
  onSelect(id: string | undefined): void;
  onLayoutChange(running: boolean): void;
  onExpand?(id: string): void;
}

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
  /** Which relation labels are drawn (a few per node). */
  edgeLabels: EdgeLabelPicker;
  /** Colour by community, size by a metric (empty: by type and degree). */
  private look: NodeLook = {};
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
    this.edgeLabels = new EdgeLabelPicker(() => this.sigma);
    this.sigma = new Sigma(
      graph,
      container,
      sigmaSettings(
        graph,
        (node, data) => this.nodeReducer(node, data),
        (edge, data) => this.edgeReducer(edge, data),
      ),
    );
    this.viewSeq = 1; // sigma's constructor renders synchronously: it has drawn by the time it returns.
    this.firstFrame = performance.now();
    const s = this.sigma;
    s.on('afterRender', () => {
      this.labels.schedule(() => this.sigma.refresh({ skipIndexation: true }));
      this.edgeLabels.schedule(
        () => this.h,
        () => this.sigma.refresh({ skipIndexation: true }),
      );
      if (!this.afterDrawQueue.length) return;
      const q = this.afterDrawQueue;
      this.afterDrawQueue = [];
      for (const cb of q) cb();
    });
    if (this.labels.place()) s.refresh({ skipIndexation: true }); // the first frame came before the listener
    // The container changes size without the window doing so (the dock under the graph opens or grows).
    let size = `${container.offsetWidth}×${container.offsetHeight}`; // its first call reports this: nothing to redraw
    this.resizeObserver = new ResizeObserver(() => {
      const now = `${container.offsetWidth}×${container.offsetHeight}`;
      if (container.offsetWidth > 0 && container.offsetHeight > 0 && now !== size) this.reindex();
      size = now;
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
    return reduceNode(this.h, this.plain, this.labels, this.look, node, data);
  }

  private edgeReducer(edge: string, data: Record<string, unknown>): Partial<EdgeDisplayData> {
    return reduceEdge(this.h, this.plain, this.graph, this.edgeLabels, edge, data);
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
    this.plain = isPlain(h);
    this.edgeLabels.place(h);
  }

  /** Sets colours or sizes by node (a key left out keeps its value; undefined clears it) and redraws. */
  setLook(patch: NodeLook): void {
    this.look = { ...this.look, ...patch };
    this.sigma.refresh({ skipIndexation: true });
  }

  getLook(): NodeLook {
    return this.look;
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
  focusNode(id: string, ratio = 0.45): Promise<void> {
    return focusNode(this.sigma, this.graph, id, ratio);
  }

  fitNodes(ids: Iterable<string>): Promise<void> {
    return fitNodes(this.sigma, this.graph, ids);
  }

  resetCamera(): Promise<void> {
    return resetCamera(this.sigma);
  }

  zoom(factor: number): void {
    zoom(this.sigma, factor);
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
    this.reindex();
  }

  /** Positions or the size changed, nothing else: no reducer runs again (a full refresh at 10k/50k: 300+ ms). */
  private reindex(): void {
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
        this.reindex();
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
        this.reindex();
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
    this.edgeLabels.cancel();
    this.stopLayout();
    this.sigma.kill();
  }
}
