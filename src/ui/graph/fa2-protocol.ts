// Messages between the page and the ForceAtlas2 worker (fa2-worker.ts).
// The node matrix is graphology-layout-forceatlas2's: 10 floats per node
// (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed); the edge
// matrix 3 per edge (source row, target row, weight).

export const FA2_NODE_STRIDE = 10;
export const FA2_EDGE_STRIDE = 3;

export type ToLayout =
  | {
      type: 'start';
      nodes: ArrayBuffer;
      edges: ArrayBuffer;
      settings: Record<string, unknown>;
      /** Least time between two position updates sent to the page, in ms. */
      minInterval: number;
      /** Settled when the mean movement per iteration, relative to the extent, stays below this. */
      settleBelow: number;
    }
  /** The page drew the last positions: the worker may send the next. */
  | { type: 'drawn' }
  | { type: 'stop' };

export type FromLayout =
  /** x, y per node, in the node matrix's order; `iterations` since start. */
  { type: 'positions'; positions: ArrayBuffer; iterations: number; settled: boolean; final?: boolean };
