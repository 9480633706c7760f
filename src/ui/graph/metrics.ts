// Communities and centralities of the drawn graph, on its compact shape
// (metric-shape.ts); run in the metrics worker. Pure: no DOM, the same answer
// for the same graph and seed.
import { mulberry32 } from '../../core/random.ts';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank';
import betweenness from 'graphology-metrics/centrality/betweenness';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import {
  BETWEENNESS_EXACT_MAX,
  BETWEENNESS_SAMPLES,
  METRICS_SEED,
  type GraphShape,
  type MetricKind,
} from './metric-shape.ts';

export { shapeOf, sizesFor } from './metric-shape.ts';

/** A small seeded generator (mulberry32): the algorithms' random choices repeat. */
export const seededRandom = mulberry32;

/** Parallel relations (and, undirected, both directions) merged into one weighted link; self-loops left out. */
function simpleGraph(shape: GraphShape, type: 'directed' | 'undirected'): Graph {
  const n = shape.order;
  const weights = new Map<number, number>();
  for (let j = 0; j < shape.src.length; j++) {
    let s = shape.src[j]!,
      t = shape.dst[j]!;
    if (s === t) continue;
    if (type === 'undirected' && s > t) [s, t] = [t, s];
    const k = s * n + t;
    weights.set(k, (weights.get(k) ?? 0) + 1);
  }
  const g = new Graph({ type, multi: false, allowSelfLoops: false });
  const keys = Array.from({ length: n }, (_, i) => String(i));
  for (const k of keys) g.addNode(k);
  for (const [k, weight] of weights) g.addEdge(keys[Math.floor(k / n)]!, keys[k % n]!, { weight });
  return g;
}

/**
 * Louvain communities, numbered by size: 0 is the largest (ties: the one with
 * the lowest node index first). Isolated nodes are communities of one.
 */
export function communitiesOf(shape: GraphShape, seed = METRICS_SEED): Int32Array {
  const out = new Int32Array(shape.order);
  if (!shape.order) return out;
  const g = simpleGraph(shape, 'undirected');
  const raw = g.size ? louvain(g, { rng: seededRandom(seed), getEdgeWeight: 'weight' }) : {};
  const groups = new Map<number, number[]>();
  for (let i = 0; i < shape.order; i++) {
    // Without a link Louvain may leave a node out: its own community.
    const c = raw[String(i)] ?? -1 - i;
    const m = groups.get(c);
    if (m) m.push(i);
    else groups.set(c, [i]);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  ordered.forEach((members, k) => {
    for (const i of members) out[i] = k;
  });
  return out;
}

/** PageRank over the relations' directions (parallel relations weigh more). */
export function pagerankOf(shape: GraphShape): Float64Array {
  const out = new Float64Array(shape.order);
  if (!shape.order) return out;
  const g = simpleGraph(shape, 'directed');
  let r: Record<string, number>;
  try {
    r = pagerank(g, { getEdgeWeight: 'weight', maxIterations: 200, tolerance: 1e-8 });
  } catch {
    // Not converged: the last estimate is not returned, so fall back to equal ranks.
    out.fill(1 / shape.order);
    return out;
  }
  for (let i = 0; i < shape.order; i++) out[i] = r[String(i)] ?? 0;
  return out;
}

/**
 * Betweenness on the undirected shape: exact (Brandes) up to
 * BETWEENNESS_EXACT_MAX nodes, above that estimated from `samples` seeded
 * source nodes and scaled up to the whole (`sampled` says which).
 */
export function betweennessOf(
  shape: GraphShape,
  opts: { exactMax?: number; samples?: number; seed?: number } = {},
): { values: Float64Array; sampled: boolean } {
  const n = shape.order;
  const out = new Float64Array(n);
  if (!n) return { values: out, sampled: false };
  const g = simpleGraph(shape, 'undirected');
  if (n <= (opts.exactMax ?? BETWEENNESS_EXACT_MAX)) {
    const r = betweenness(g, { normalized: false });
    for (let i = 0; i < n; i++) out[i] = r[String(i)] ?? 0;
    return { values: out, sampled: false };
  }
  const k = Math.min(n, opts.samples ?? BETWEENNESS_SAMPLES);
  const brandes = createUnweightedIndexedBrandes(g);
  // The index's order is the graph's: node i at index i (added in that order).
  const rand = seededRandom(opts.seed ?? METRICS_SEED);
  const pivots = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (n - i));
    [pivots[i], pivots[j]] = [pivots[j]!, pivots[i]!];
  }
  const delta = new Float64Array(n);
  for (let p = 0; p < k; p++) {
    const source = pivots[p]!;
    const [S, P, sigma] = brandes(source);
    delta.fill(0);
    while (S.size) {
      const w = S.pop()!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of P[w]!) delta[v]! += sigma[v]! * coefficient;
      if (w !== source) out[w]! += delta[w]!;
    }
  }
  // Each undirected path is counted from both ends; sampling k of n sources scales by n / k.
  const scale = (0.5 * n) / k;
  for (let i = 0; i < n; i++) out[i]! *= scale;
  return { values: out, sampled: true };
}

export function computeMetric(kind: MetricKind, shape: GraphShape): { values: Float64Array; sampled: boolean } {
  if (kind === 'communities') return { values: Float64Array.from(communitiesOf(shape)), sampled: false };
  if (kind === 'pagerank') return { values: pagerankOf(shape), sampled: false };
  return betweennessOf(shape);
}
