// The metrics worker's side of the page: choices, the graph's compact shape
// (nodes by index, edges as index pairs) and the messages. No graph library
// here, so the page's bundle does not carry Louvain and the centralities.

export type SizeMetric = 'degree' | 'pagerank' | 'betweenness';
export type ColourBy = 'type' | 'community';

/** The drawn graph's shape: node i is `keys[i]`; edge j goes from src[j] to dst[j]. */
export interface GraphShape {
  order: number;
  src: Uint32Array;
  dst: Uint32Array;
}

/** Above this many nodes betweenness is estimated from BETWEENNESS_SAMPLES sources, not computed from all. */
export const BETWEENNESS_EXACT_MAX = 1500;
export const BETWEENNESS_SAMPLES = 300;
/** The seed of every random choice: the same data gives the same communities on every load. */
export const METRICS_SEED = 0x5eed;

export function shapeOf(graph: {
  nodes(): string[];
  size: number;
  forEachEdge(cb: (e: string, a: unknown, s: string, t: string) => void): void;
}): { keys: string[]; shape: GraphShape } {
  const keys = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) index.set(keys[i]!, i);
  const src = new Uint32Array(graph.size),
    dst = new Uint32Array(graph.size);
  let j = 0;
  graph.forEachEdge((_e, _a, s, t) => {
    src[j] = index.get(s)!;
    dst[j] = index.get(t)!;
    j++;
  });
  return { keys, shape: { order: keys.length, src, dst } };
}

/**
 * Node sizes for metric values: the same range as the sizes given (by degree),
 * by the square root of the value's place between the least and the most.
 */
export function sizesFor(values: ArrayLike<number>, base: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  let lo = Infinity,
    hi = -Infinity,
    smin = Infinity,
    smax = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, values[i]!);
    hi = Math.max(hi, values[i]!);
    smin = Math.min(smin, base[i]!);
    smax = Math.max(smax, base[i]!);
  }
  if (smax - smin < 1e-9) smax = smin * 3;
  for (let i = 0; i < n; i++) {
    const t = hi > lo ? (values[i]! - lo) / (hi - lo) : 0;
    out[i] = smin + (smax - smin) * Math.sqrt(t);
  }
  return out;
}

export type MetricKind = 'communities' | 'pagerank' | 'betweenness';

/** To the metrics worker: one computation over a shape (its arrays are transferred). */
export interface ToMetrics {
  kind: MetricKind;
  order: number;
  src: ArrayBuffer;
  dst: ArrayBuffer;
}

/** From the metrics worker: a value per node in the shape's order (community ranks for 'communities'). */
export type FromMetrics = { values: Float64Array; sampled: boolean } | { error: string };
