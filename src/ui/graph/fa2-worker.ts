// ForceAtlas2 in a worker that iterates without waiting for the page. The
// library's own supervisor runs one iteration per round trip, so a page busy
// drawing a big graph also slows the layout down; here the worker keeps
// iterating and hands the page a copy of the positions only when the page has
// drawn the previous one. The iteration itself is graphology's.
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { FA2_NODE_STRIDE, type FromLayout, type ToLayout } from './fa2-protocol.ts';

const post = (m: FromLayout, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

let nodes: Float32Array | undefined;
let edges: Float32Array | undefined;
let settings: Record<string, unknown> = {};
let running = false;
let iterations = 0;
/** The page has drawn the last positions sent: the next may go. */
let pageReady = true;
let lastPost = 0;
let minInterval = 16;
/** Positions at the last post, to measure movement between posts. */
let prevX: Float32Array | undefined;
let prevY: Float32Array | undefined;
let itersAtPrev = 0;
let calm = 0;
let settleBelow = 0.001;

const tick = new MessageChannel();
tick.port1.onmessage = () => slice();

function positions(): Float32Array<ArrayBuffer> {
  const n = nodes!.length / FA2_NODE_STRIDE;
  const out = new Float32Array(new ArrayBuffer(n * 8));
  for (let i = 0, j = 0; i < n; i++, j += FA2_NODE_STRIDE) {
    out[i * 2] = nodes![j]!;
    out[i * 2 + 1] = nodes![j + 1]!;
  }
  return out;
}

/** Mean movement per iteration since the last post, relative to the drawing's extent. */
function movement(): number {
  const m = nodes!;
  const n = m.length / FA2_NODE_STRIDE;
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity,
    sum = 0;
  const first = !prevX;
  prevX ??= new Float32Array(n);
  prevY ??= new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += FA2_NODE_STRIDE) {
    const x = m[j]!,
      y = m[j + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (!first) sum += Math.hypot(x - prevX[i]!, y - prevY[i]!);
    prevX[i] = x;
    prevY[i] = y;
  }
  const its = iterations - itersAtPrev;
  itersAtPrev = iterations;
  if (first || !its || !n) return Infinity;
  return sum / n / its / Math.max(maxX - minX, maxY - minY, 1);
}

/** About 12 ms of iterations, then a chance to read messages (stop, page ready). */
function slice(): void {
  if (!running || !nodes || !edges) return;
  const t0 = performance.now();
  do {
    iterate(settings, nodes, edges);
    iterations++;
  } while (performance.now() - t0 < 12);
  const now = performance.now();
  if (pageReady && now - lastPost >= minInterval) {
    const move = movement();
    calm = move < settleBelow ? calm + 1 : 0;
    const p = positions();
    pageReady = false;
    lastPost = now;
    post({ type: 'positions', positions: p.buffer, iterations, settled: calm >= 3 }, [p.buffer]);
    if (calm >= 3) {
      running = false;
      return;
    }
  }
  tick.port2.postMessage(null);
}

self.onmessage = (e: MessageEvent<ToLayout>) => {
  const m = e.data;
  if (m.type === 'start') {
    nodes = new Float32Array(m.nodes);
    edges = new Float32Array(m.edges);
    settings = m.settings;
    minInterval = m.minInterval;
    settleBelow = m.settleBelow;
    iterations = 0;
    itersAtPrev = 0;
    calm = 0;
    prevX = prevY = undefined;
    pageReady = true;
    lastPost = 0;
    running = true;
    movement();
    slice();
  } else if (m.type === 'drawn') {
    pageReady = true;
  } else if (m.type === 'stop') {
    running = false;
    if (nodes) {
      const p = positions();
      post({ type: 'positions', positions: p.buffer, iterations, settled: false, final: true }, [p.buffer]);
    }
  }
};
