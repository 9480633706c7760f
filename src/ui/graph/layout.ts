// Layout: the same picture at every load (positions seeded from ids, a fixed
// number of synchronous ForceAtlas2 iterations, then noverlap), and a live
// ForceAtlas2 run in a worker that stops by itself when the graph settles.
import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import noverlap from 'graphology-layout-noverlap';

/** FNV-1a: a small stable hash so the same id always starts at the same place. */
function hash(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function seedPositions(graph: Graph): void {
  const r = Math.sqrt(graph.order) * 10;
  graph.forEachNode((node) => {
    const a = (hash(node) / 0xffffffff) * Math.PI * 2;
    const d = (0.2 + 0.8 * (hash(node, 0x9e3779b9) / 0xffffffff)) * r;
    graph.mergeNodeAttributes(node, { x: Math.cos(a) * d, y: Math.sin(a) * d });
  });
}

function settings(graph: Graph) {
  return { ...forceAtlas2.inferSettings(graph), adjustSizes: false, gravity: 1, scalingRatio: 20, barnesHutOptimize: graph.order > 1000 };
}

const NOVERLAP = { maxIterations: 80, settings: { ratio: 1.3, margin: 3 } };

/** Deterministic: seeded start, fixed iteration count, then overlap removal. */
export function stableLayout(graph: Graph): void {
  if (graph.order === 0) return;
  seedPositions(graph);
  const iterations = graph.order > 5000 ? 50 : graph.order > 1000 ? 150 : 400;
  forceAtlas2.assign(graph, { iterations, settings: settings(graph) });
  noverlap.assign(graph, NOVERLAP);
}

export interface LayoutRun {
  stop(): void;
  readonly running: boolean;
}

/**
 * Runs ForceAtlas2 in a worker; stops when the mean displacement per frame,
 * relative to the graph's extent, falls below a threshold or after `budgetMs`,
 * then removes overlaps. `onEnd` is called once in every case.
 */
export function runLayout(graph: Graph, onEnd: (reason: 'settled' | 'budget' | 'stopped') => void, budgetMs = 8000): LayoutRun {
  const fa2 = new FA2Layout(graph, { settings: settings(graph) });
  let running = true;
  let prev = new Map<string, [number, number]>();
  const snapshot = () => {
    const m = new Map<string, [number, number]>();
    graph.forEachNode((n, a) => m.set(n, [a.x as number, a.y as number]));
    return m;
  };
  prev = snapshot();
  const started = performance.now();
  let calm = 0;
  const finish = (reason: 'settled' | 'budget' | 'stopped') => {
    if (!running) return;
    running = false;
    clearInterval(timer);
    fa2.kill();
    noverlap.assign(graph, NOVERLAP);
    onEnd(reason);
  };
  const timer = setInterval(() => {
    const cur = snapshot();
    let sum = 0, minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (const [n, [x, y]] of cur) {
      const p = prev.get(n);
      if (p) sum += Math.hypot(x - p[0], y - p[1]);
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    prev = cur;
    const extent = Math.max(maxX - minX, maxY - minY, 1);
    const mean = cur.size ? sum / cur.size / extent : 0;
    calm = mean < 0.002 ? calm + 1 : 0;
    if (calm >= 3) finish('settled');
    else if (performance.now() - started > budgetMs) finish('budget');
  }, 200);
  fa2.start();
  return { stop: () => finish('stopped'), get running() { return running; } };
}
