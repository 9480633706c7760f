// Layout: the same picture at every load. Small graphs: positions seeded
// from ids, a bounded number of synchronous ForceAtlas2 iterations, then
// noverlap. Big graphs: only a cheap deterministic placement on the page
// (hubs in the middle of a sunflower spiral), then ForceAtlas2 in a worker,
// so the page never runs a long layout itself.
import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { FA2_EDGE_STRIDE, FA2_NODE_STRIDE, type FromLayout, type ToLayout } from './fa2-protocol.ts';
import { fnv1a } from '../../core/hash.ts';

/** Above this many nodes nothing of ForceAtlas2 or noverlap runs on the page. */
export const SYNC_LAYOUT_MAX_NODES = 500;

// A stable hash, so the same id always starts at the same place.
const hash = fnv1a;

export function seedPositions(graph: Graph): void {
  const r = Math.sqrt(graph.order) * 10;
  graph.forEachNode((node) => {
    const a = (hash(node) / 0xffffffff) * Math.PI * 2;
    const d = (0.2 + 0.8 * (hash(node, 0x9e3779b9) / 0xffffffff)) * r;
    graph.mergeNodeAttributes(node, { x: Math.cos(a) * d, y: Math.sin(a) * d });
  });
}

function settings(graph: Graph) {
  return {
    ...forceAtlas2.inferSettings(graph),
    adjustSizes: false,
    gravity: 1,
    scalingRatio: 20,
    barnesHutOptimize: graph.order > 1000,
  };
}

const NOVERLAP = { maxIterations: 80, settings: { ratio: 1.3, margin: 3 } };

/**
 * Sunflower (phyllotaxis) placement, most connected first at the centre, ties
 * by id hash: deterministic, O(n log n), and leaves ForceAtlas2 a spread-out
 * start without any force computation on the page.
 */
export function spiralPositions(graph: Graph): void {
  const order = graph.nodes().map((n) => ({ n, d: graph.degree(n), h: hash(n) }));
  order.sort((a, b) => b.d - a.d || a.h - b.h || (a.n < b.n ? -1 : 1));
  const golden = Math.PI * (3 - Math.sqrt(5));
  const step = 10;
  order.forEach(({ n }, i) => {
    const r = step * Math.sqrt(i + 0.5);
    graph.mergeNodeAttributes(n, { x: Math.cos(i * golden) * r, y: Math.sin(i * golden) * r });
  });
}

/**
 * Deterministic start. Small graphs are laid out here (seeded start, fixed
 * iteration count, overlap removal); big ones only get spiral positions, and
 * the result says they still need a worker layout.
 */
export function stableLayout(graph: Graph): { needsWorkerLayout: boolean } {
  if (graph.order === 0) return { needsWorkerLayout: false };
  if (graph.order > SYNC_LAYOUT_MAX_NODES) {
    spiralPositions(graph);
    return { needsWorkerLayout: true };
  }
  seedPositions(graph);
  const iterations = graph.order > 200 ? 150 : 400;
  forceAtlas2.assign(graph, { iterations, settings: settings(graph) });
  noverlap.assign(graph, NOVERLAP);
  return { needsWorkerLayout: false };
}

export interface LayoutRun {
  stop(): void;
  readonly running: boolean;
  /** ForceAtlas2 iterations the worker had done at the last positions the page received. */
  readonly iterations: number;
}

const FA2_DEFAULTS = {
  linLogMode: false,
  outboundAttractionDistribution: false,
  adjustSizes: false,
  edgeWeightInfluence: 1,
  scalingRatio: 1,
  strongGravityMode: false,
  gravity: 1,
  slowDown: 1,
  barnesHutOptimize: false,
  barnesHutTheta: 0.5,
};

/** graphology-layout-forceatlas2's matrices: node rows in `graph.nodes()` order, mass = 1 + degree. */
function matrices(graph: Graph, keys: string[]): { nodes: Float32Array; edges: Float32Array } {
  const row = new Map<string, number>();
  const nodes = new Float32Array(keys.length * FA2_NODE_STRIDE);
  keys.forEach((k, i) => {
    const a = graph.getNodeAttributes(k);
    const j = i * FA2_NODE_STRIDE;
    row.set(k, j);
    nodes[j] = a.x as number;
    nodes[j + 1] = a.y as number;
    nodes[j + 6] = 1;
    nodes[j + 7] = 1;
    nodes[j + 8] = (a.size as number) || 1;
    nodes[j + 9] = a.fixed ? 1 : 0;
  });
  const edges = new Float32Array(graph.size * FA2_EDGE_STRIDE);
  let j = 0;
  graph.forEachEdge((_e, _a, s, t) => {
    const sj = row.get(s)!,
      tj = row.get(t)!;
    nodes[sj + 6]! += 1;
    nodes[tj + 6]! += 1;
    edges[j] = sj;
    edges[j + 1] = tj;
    edges[j + 2] = 1;
    j += FA2_EDGE_STRIDE;
  });
  return { nodes, edges };
}

export interface LayoutOptions {
  budgetMs?: number;
  /** Calls `cb` once the positions just written have been drawn (sigma's next afterRender). */
  afterDraw?(cb: () => void): void;
  /** Each time positions arrive. */
  onProgress?(iterations: number): void;
  /** Writes positions (x, y per node of `keys`) and has them drawn; default: updateEachNodeAttributes. */
  applyPositions?(keys: readonly string[], xy: Float32Array): void;
}

/**
 * Runs ForceAtlas2 in a worker (fa2-worker.ts) that iterates on its own and
 * sends positions when the page has drawn the previous ones. Stops when the
 * worker finds the movement per iteration small for a while, after
 * `budgetMs`, or on `stop()`; then removes overlaps (small graphs only:
 * noverlap runs on the page). `onEnd` is called once in every case.
 */
export function runLayout(
  graph: Graph,
  onEnd: (reason: 'settled' | 'budget' | 'stopped') => void,
  opts: LayoutOptions = {},
): LayoutRun {
  const keys = graph.nodes();
  const { nodes, edges } = matrices(graph, keys);
  const worker = new Worker(new URL('./fa2-worker.ts', import.meta.url), { type: 'module', name: 'actorgraph-layout' });
  let running = true;
  let iterations = 0;
  const big = keys.length > SYNC_LAYOUT_MAX_NODES;
  const finish = (reason: 'settled' | 'budget' | 'stopped') => {
    if (!running) return;
    running = false;
    clearTimeout(budget);
    worker.terminate();
    if (!big && graph.order === keys.length) noverlap.assign(graph, NOVERLAP);
    onEnd(reason);
  };
  const budget = setTimeout(() => finish('budget'), opts.budgetMs ?? 8000);
  worker.onmessage = (e: MessageEvent<FromLayout>) => {
    if (!running) return;
    const m = e.data;
    // Nodes added or removed meanwhile: these positions no longer line up.
    if (graph.order !== keys.length) {
      finish('stopped');
      return;
    }
    const p = new Float32Array(m.positions);
    if (opts.applyPositions) opts.applyPositions(keys, p);
    else {
      let i = 0;
      graph.updateEachNodeAttributes(
        (_n, a) => {
          a.x = p[i];
          a.y = p[i + 1];
          i += 2;
          return a;
        },
        { attributes: ['x', 'y'] },
      );
    }
    iterations = m.iterations;
    opts.onProgress?.(iterations);
    if (m.settled) {
      finish('settled');
      return;
    }
    let acked = false;
    const ack = () => {
      if (acked || !running) return;
      acked = true;
      worker.postMessage({ type: 'drawn' } satisfies ToLayout);
    };
    opts.afterDraw?.(ack);
    // No render within a second (hidden tab, say): go on anyway.
    setTimeout(ack, opts.afterDraw ? 1000 : 0);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    finish('stopped');
  };
  const msg: ToLayout = {
    type: 'start',
    nodes: nodes.buffer as ArrayBuffer,
    edges: edges.buffer as ArrayBuffer,
    settings: { ...FA2_DEFAULTS, ...settings(graph) },
    minInterval: big ? 50 : 16,
    settleBelow: 0.0005,
  };
  worker.postMessage(msg, [nodes.buffer as ArrayBuffer, edges.buffer as ArrayBuffer]);
  return {
    stop: () => finish('stopped'),
    get running() {
      return running;
    },
    get iterations() {
      return iterations;
    },
  };
}
