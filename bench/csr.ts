// The floor for path queries: undirected adjacency in typed arrays (CSR) and
// a bidirectional breadth-first search over it. Nothing else: no objects per
// edge, no triple materialisation, no result formatting.
import type { Dataset } from '../src/core/model.ts';

export interface CsrGraph {
  ids: string[];
  index: Map<string, number>;
  /** Neighbours of node v: nbr[off[v] .. off[v+1]), with the predicate of each edge in pred. */
  off: Uint32Array;
  nbr: Uint32Array;
  pred: Uint16Array;
  predicates: string[];
}

export function buildCsr(ds: Pick<Dataset, 'entities' | 'triples'>): CsrGraph {
  const ids = ds.entities.map((e) => e.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const predicates: string[] = [];
  const predIndex = new Map<string, number>();
  const m = ds.triples.length;
  const s = new Uint32Array(m),
    o = new Uint32Array(m),
    p = new Uint16Array(m);
  const deg = new Uint32Array(ids.length + 1);
  for (let t = 0; t < m; t++) {
    const tr = ds.triples[t]!;
    s[t] = index.get(tr.subject)!;
    o[t] = index.get(tr.object)!;
    let k = predIndex.get(tr.predicate);
    if (k === undefined) {
      k = predicates.length;
      predicates.push(tr.predicate);
      predIndex.set(tr.predicate, k);
    }
    p[t] = k;
    deg[s[t]! + 1]!++;
    deg[o[t]! + 1]!++;
  }
  for (let v = 0; v < ids.length; v++) deg[v + 1]! += deg[v]!;
  const off = deg;
  const fill = off.slice(0, ids.length);
  const nbr = new Uint32Array(2 * m),
    pred = new Uint16Array(2 * m);
  for (let t = 0; t < m; t++) {
    let at = fill[s[t]!]!++;
    nbr[at] = o[t]!;
    pred[at] = p[t]!;
    at = fill[o[t]!]!++;
    nbr[at] = s[t]!;
    pred[at] = p[t]!;
  }
  return { ids, index, off, nbr, pred, predicates };
}

/** Reusable scratch so a query costs O(visited), not O(nodes). */
export class CsrSearcher {
  private readonly parent: Int32Array;
  private readonly side: Uint8Array; // 0 unseen, 1 from source, 2 from target
  private readonly touched: Uint32Array;
  private nTouched = 0;
  private readonly qa: Uint32Array;
  private readonly qb: Uint32Array;

  constructor(private readonly g: CsrGraph) {
    const n = g.ids.length;
    this.parent = new Int32Array(n);
    this.side = new Uint8Array(n);
    this.touched = new Uint32Array(n);
    this.qa = new Uint32Array(n);
    this.qb = new Uint32Array(n);
  }

  private mark(v: number, side: number, parent: number): void {
    this.side[v] = side;
    this.parent[v] = parent;
    this.touched[this.nTouched++] = v;
  }

  private reset(): void {
    for (let i = 0; i < this.nTouched; i++) this.side[this.touched[i]!] = 0;
    this.nTouched = 0;
  }

  /**
   * A shortest undirected path from a to b as node indices, or undefined.
   * `allowed[p]` false skips edges of predicate p. Expands the smaller frontier level by level.
   */
  shortestPath(a: number, b: number, allowed?: Uint8Array): number[] | undefined {
    if (a === b) return [a];
    const { off, nbr, pred } = this.g;
    this.mark(a, 1, -1);
    this.mark(b, 2, -1);
    // Both queues live in their own arrays: [head, tail) is the current level.
    let ha = 0,
      ta = 0,
      hb = 0,
      tb = 0;
    this.qa[ta++] = a;
    this.qb[tb++] = b;
    let meetA = -1,
      meetB = -1;
    outer: while (ha < ta && hb < tb) {
      const fromA = ta - ha <= tb - hb;
      const q = fromA ? this.qa : this.qb;
      const mySide = fromA ? 1 : 2;
      let h = fromA ? ha : hb;
      const end = fromA ? ta : tb;
      let t = end;
      for (; h < end; h++) {
        const v = q[h]!;
        for (let e = off[v]!, stop = off[v + 1]!; e < stop; e++) {
          if (allowed && !allowed[pred[e]!]) continue;
          const w = nbr[e]!;
          const sw = this.side[w]!;
          if (sw === 0) {
            this.mark(w, mySide, v);
            q[t++] = w;
          } else if (sw !== mySide) {
            meetA = fromA ? v : w;
            meetB = fromA ? w : v;
            break outer;
          }
        }
      }
      if (fromA) {
        ha = end;
        ta = t;
      } else {
        hb = end;
        tb = t;
      }
    }
    let path: number[] | undefined;
    if (meetA >= 0) {
      path = [];
      for (let v = meetA; v !== -1; v = this.parent[v]!) path.push(v);
      path.reverse();
      for (let v = meetB; v !== -1; v = this.parent[v]!) path.push(v);
    }
    this.reset();
    return path;
  }

  /** Number of nodes within `depth` hops of a (a included): the floor for neighbourhood queries. */
  reach(a: number, depth: number): number {
    const { off, nbr } = this.g;
    this.mark(a, 1, -1);
    let h = 0,
      t = 0;
    this.qa[t++] = a;
    for (let d = 0; d < depth; d++) {
      const end = t;
      for (; h < end; h++) {
        const v = this.qa[h]!;
        for (let e = off[v]!, stop = off[v + 1]!; e < stop; e++) {
          const w = nbr[e]!;
          if (this.side[w] === 0) {
            this.mark(w, 1, v);
            this.qa[t++] = w;
          }
        }
      }
    }
    this.reset();
    return t;
  }
}
