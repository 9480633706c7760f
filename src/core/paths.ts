// Paths between two entities: shortest (bidirectional BFS), every shortest
// (BFS layers + backtracking) and k shortest simple paths (Yen's algorithm).
//
// Paths are sequences of entities. Each step is shown with one representative
// triple: a triple walked forward (subject → object) when there is one, else
// one walked backwards; among those the first in file order. So two triples
// between the same pair (different predicates or repeats) give one path, not
// several that read almost alike.
//
// The searches run over the store's CSR with typed arrays kept per store and
// stamped with a generation number, so a search allocates no per-node objects.
import type { Path, PathQuery, PathResult, PathStep } from './model.ts';
import type { TripleStore } from './store.ts';
import { predicateMask, typeMaskOf } from './neighbourhood.ts';
import { allowMask, dateSpans } from './relation-filter.ts';
import { chronologicalShortest } from './chrono-path.ts';
import { ExplorerError } from './errors.ts';

/** Most paths `all-shortest` returns. */
export const MAX_ALL_SHORTEST = 100;
/** Most paths `k-shortest` returns. */
export const MAX_K = 50;
export const DEFAULT_K = 3;

/** PathResult (its `note`, `truncated` and `total` say when the answer was capped). */
export type PathAnswer = PathResult;

interface Workspace {
  gen: number;
  /** `shortest`: 0 unseen, 1 reached from s, 2 from t; all zero between searches. */
  side: Uint8Array;
  /** `shortest`: the triple each node was reached by (the step's representative: scans go forward-first, in file order). */
  parT: Int32Array;
  /** `allShortest`: marks stamped with `gen`, and BFS distances. */
  markF: Uint32Array;
  distF: Int32Array;
  queueF: Uint32Array;
  queueB: Uint32Array;
  /** Avoided entities (stamped per query) and Yen's root nodes (stamped per spur search). */
  avoid: Uint32Array;
  avoidGen: number;
  root: Uint32Array;
  rootGen: number;
  /** Nodes the spur node must not step to next (stamped per spur search). */
  banned: Uint32Array;
  banGen: number;
  searcher?: Searcher;
}

const workspaces = new WeakMap<TripleStore, Workspace>();

function workspace(store: TripleStore): Workspace {
  let ws = workspaces.get(store);
  if (!ws) {
    const n = store.entityCount;
    ws = {
      gen: 0,
      side: new Uint8Array(n),
      parT: new Int32Array(n),
      markF: new Uint32Array(n),
      distF: new Int32Array(n),
      queueF: new Uint32Array(n),
      queueB: new Uint32Array(n),
      avoid: new Uint32Array(n),
      avoidGen: 0,
      root: new Uint32Array(n),
      rootGen: 0,
      banned: new Uint32Array(n),
      banGen: 0,
    };
    workspaces.set(store, ws);
  }
  return ws;
}

/** Next stamp for a stamped array; wraps by clearing (once every 2 billion searches). */
function nextGen(arrays: Uint32Array[], gen: number): number {
  if (gen >= 0x7ffffffe) {
    for (const a of arrays) a.fill(0);
    return 1;
  }
  return gen + 1;
}

/** One set of search constraints. */
export interface Filters {
  directed: boolean;
  predOk?: Uint8Array;
  /** Over triples: 1 = may be walked (the trust and time filter). */
  tripleOk?: Uint8Array | undefined;
  /** Over type indices: 1 = may not be an intermediate node. */
  typeBlocked?: Uint8Array;
  /** Whether `ws.avoid` (stamped with `ws.avoidGen`) applies. */
  avoidEntities: boolean;
  maxLength: number;
}

export class Searcher {
  readonly ws: Workspace;
  readonly subj: Uint32Array;
  readonly obj: Uint32Array;
  readonly pred: Uint16Array | Uint32Array;
  readonly etype: Uint16Array | Uint32Array;
  readonly outOff: Uint32Array;
  readonly outItems: Uint32Array;
  readonly inOff: Uint32Array;
  readonly inItems: Uint32Array;
  readonly outNbr: Uint32Array;
  readonly inNbr: Uint32Array;
  readonly outPred: Uint16Array | Uint32Array;
  readonly inPred: Uint16Array | Uint32Array;
  /** Yen's spur node (-1 outside Yen), whose next step may not be a banned node. */
  spur = -1;
  useRoot = false;
  /** Triples of the steps of the last path `shortest` found. */
  lastTriples: number[] = [];

  constructor(
    readonly store: TripleStore,
    public f: Filters,
  ) {
    this.ws = workspace(store);
    const c = store.columns;
    this.subj = c.subj;
    this.obj = c.obj;
    this.pred = c.pred;
    this.etype = c.entityType;
    this.outOff = store.outCsr.offsets;
    this.outItems = store.outCsr.items;
    this.inOff = store.inCsr.offsets;
    this.inItems = store.inCsr.items;
    this.outNbr = store.outNbr;
    this.inNbr = store.inNbr;
    this.outPred = store.outPred;
    this.inPred = store.inPred;
  }

  /** May v be an intermediate node? (Endpoints are handled by the caller.) */
  private passable(v: number): boolean {
    const f = this.f,
      ws = this.ws;
    if (f.typeBlocked?.[this.etype[v]!]) return false;
    if (f.avoidEntities && ws.avoid[v] === ws.avoidGen) return false;
    if (this.useRoot && ws.root[v] === ws.rootGen) return false;
    return true;
  }

  /**
   * Shortest path s → t as a node list, or undefined. Level-synchronised
   * bidirectional BFS expanding the smaller frontier. The first meeting is a
   * shortest path: while one side expands level d, every node the other side
   * reached at a lower level has had its neighbours marked already, so any
   * meeting found now is with the other side's frontier, at the same length.
   */
  shortest(s: number, t: number, maxLength = this.f.maxLength): number[] | undefined {
    const ws = this.ws;
    if (s === t) return [s];
    if (maxLength < 1) return undefined;
    // side: 1 = reached from s, 2 = from t; a byte per entity stays in cache. Cleared from the queues at the end.
    const { side, parT, queueF, queueB } = ws;
    const { subj, obj, outOff, outItems, inOff, inItems, outNbr, inNbr, outPred, inPred } = this;
    const predOk = this.f.predOk,
      tripleOk = this.f.tripleOk;
    const directed = this.f.directed;
    const spur = this.spur;
    const typeBlocked = this.f.typeBlocked,
      etype = this.etype;
    const avoid = this.f.avoidEntities ? ws.avoid : undefined,
      avoidGen = ws.avoidGen;
    const root = this.useRoot ? ws.root : undefined,
      rootGen = ws.rootGen;
    const banned = ws.banned,
      banGen = ws.banGen;
    side[s] = 1;
    queueF[0] = s;
    side[t] = 2;
    queueB[0] = t;
    let fHead = 0,
      fTail = 1,
      bHead = 0,
      bTail = 1;
    let dF = 0,
      dB = 0;
    let meetA = -1,
      meetB = -1,
      meetT = -1; // path … meetA → meetB …

    search: while (fHead < fTail && bHead < bTail && dF + dB + 1 <= maxLength) {
      const forward = fTail - fHead <= bTail - bHead;
      const queue = forward ? queueF : queueB;
      const mine = forward ? 1 : 2;
      let head = forward ? fHead : bHead,
        tail = forward ? fTail : bTail;
      const end = tail;
      // Forward walks out-triples first (subject → object); backward walks in-triples first,
      // so that each side meets the path's forward triples before its backward ones.
      const off1 = forward ? outOff : inOff,
        nbr1 = forward ? outNbr : inNbr,
        pred1 = forward ? outPred : inPred,
        items1 = forward ? outItems : inItems;
      const off2 = forward ? inOff : outOff,
        nbr2 = forward ? inNbr : outNbr,
        pred2 = forward ? inPred : outPred,
        items2 = forward ? inItems : outItems;
      while (head < end) {
        const u = queue[head++]!;
        for (let pass = 0; pass < (directed ? 1 : 2); pass++) {
          const off = pass === 0 ? off1 : off2,
            nbr = pass === 0 ? nbr1 : nbr2,
            pr = pass === 0 ? pred1 : pred2,
            items = pass === 0 ? items1 : items2;
          for (let k = off[u]!, e = off[u + 1]!; k < e; k++) {
            if (predOk && !predOk[pr[k]!]) continue;
            if (tripleOk && !tripleOk[items[k]!]) continue;
            const v = nbr[k]!;
            const sv = side[v]!;
            if (sv === mine) continue;
            // Yen: the spur node may not step to a banned node (path order: forward u → v, backward v → u).
            if (spur >= 0 && (forward ? u === spur && banned[v] === banGen : v === spur && banned[u] === banGen))
              continue;
            if (sv !== 0) {
              meetA = forward ? u : v;
              meetB = forward ? v : u;
              meetT = items[k]!;
              if (forward) fTail = tail;
              else bTail = tail;
              break search;
            }
            if (typeBlocked?.[etype[v]!]) continue;
            if (avoid && avoid[v] === avoidGen) continue;
            if (root && root[v] === rootGen) continue;
            side[v] = mine;
            parT[v] = items[k]!;
            queue[tail++] = v;
          }
        }
      }
      if (forward) {
        fHead = head;
        fTail = tail;
        dF++;
      } else {
        bHead = head;
        bTail = tail;
        dB++;
      }
    }
    for (let k = 0; k < fTail; k++) side[queueF[k]!] = 0;
    for (let k = 0; k < bTail; k++) side[queueB[k]!] = 0;
    if (meetT < 0) return undefined;
    // Walk back over the triples each node was reached by (its other end is the parent).
    const nodes: number[] = [];
    const triples: number[] = [];
    for (let a = meetA; ; ) {
      nodes.push(a);
      if (a === s) break;
      const tr = parT[a]!;
      triples.push(tr);
      a = subj[tr] === a ? obj[tr]! : subj[tr]!;
    }
    nodes.reverse();
    triples.reverse();
    triples.push(meetT);
    for (let b = meetB; ; ) {
      nodes.push(b);
      if (b === t) break;
      const tr = parT[b]!;
      triples.push(tr);
      b = subj[tr] === b ? obj[tr]! : subj[tr]!;
    }
    this.lastTriples = triples;
    return nodes;
  }

  /** Every shortest path s → t (at most `cap`), whether the cap cut them, and then how many there are. */
  allShortest(s: number, t: number, cap: number): { paths: number[][]; capped: boolean; total?: number } {
    const first = this.shortest(s, t);
    if (!first) return { paths: [], capped: false };
    const d = first.length - 1;
    if (d === 0) return { paths: [first], capped: false };
    // Forward BFS layers up to d - 1 (distF), then backtrack from t over predecessors.
    const ws = this.ws;
    const gen = (ws.gen = nextGen([ws.markF], ws.gen));
    const { markF, distF, queueF } = ws;
    const { subj, obj, pred, outOff, outItems, inOff, inItems } = this;
    const predOk = this.f.predOk,
      tripleOk = this.f.tripleOk,
      directed = this.f.directed;
    markF[s] = gen;
    distF[s] = 0;
    queueF[0] = s;
    let head = 0,
      tail = 1;
    while (head < tail) {
      const u = queueF[head++]!;
      const du = distF[u]!;
      if (du >= d - 1) break;
      for (let pass = 0; pass < (directed ? 1 : 2); pass++) {
        const off = pass === 0 ? outOff : inOff,
          items = pass === 0 ? outItems : inItems,
          other = pass === 0 ? obj : subj;
        for (let k = off[u]!, e = off[u + 1]!; k < e; k++) {
          const tr = items[k]!;
          if (predOk && !predOk[pred[tr]!]) continue;
          if (tripleOk && !tripleOk[tr]) continue;
          const v = other[tr]!;
          if (markF[v] === gen || v === t || !this.passable(v)) continue;
          markF[v] = gen;
          distF[v] = du + 1;
          queueF[tail++] = v;
        }
      }
    }
    const paths: number[][] = [];
    let capped = false;
    const stack: number[] = [t];
    // Predecessors of x on a shortest path: neighbours w (w → x) at distance level - 1, each once.
    const seenPred = new Set<number>();
    const predecessors = (x: number, level: number): number[] => {
      const found: number[] = [];
      seenPred.clear();
      for (let pass = 0; pass < (directed ? 1 : 2); pass++) {
        const off = pass === 0 ? inOff : outOff,
          items = pass === 0 ? inItems : outItems,
          other = pass === 0 ? subj : obj;
        for (let k = off[x]!, e = off[x + 1]!; k < e; k++) {
          const tr = items[k]!;
          if (predOk && !predOk[pred[tr]!]) continue;
          if (tripleOk && !tripleOk[tr]) continue;
          const w = other[tr]!;
          if (markF[w] !== gen || distF[w] !== level - 1 || seenPred.has(w)) continue;
          seenPred.add(w);
          found.push(w);
        }
      }
      return found;
    };
    const walk = (x: number, level: number): void => {
      if (capped) return;
      if (level === 0) {
        if (paths.length >= cap) {
          capped = true;
          return;
        }
        paths.push(stack.slice().reverse());
        return;
      }
      for (const w of predecessors(x, level)) {
        stack.push(w);
        walk(w, level - 1);
        stack.pop();
        if (capped) return;
      }
    };
    walk(t, d);
    if (!capped) return { paths, capped };
    // Count them all over the BFS layers (paths through each node = sum over its distinct predecessors).
    const count = new Map<number, number>([[s, 1]]);
    const predecessorsSum = (x: number, level: number): number => {
      let sum = 0;
      for (const w of predecessors(x, level)) sum += count.get(w) ?? 0;
      return sum;
    };
    for (let i = 1; i < tail; i++) {
      const v = queueF[i]!;
      count.set(v, predecessorsSum(v, distF[v]!));
    }
    return { paths, capped, total: predecessorsSum(t, d) };
  }

  /** Yen's k shortest simple paths, shortest first. */
  kShortest(s: number, t: number, k: number): number[][] {
    const first = this.shortest(s, t);
    if (!first) return [];
    const A: number[][] = [first];
    if (first.length === 1) return A;
    const B: number[][] = [];
    const known = new Set<string>([first.join(',')]);
    const ws = this.ws;
    try {
      while (A.length < k) {
        const last = A[A.length - 1]!;
        for (let i = 0; i < last.length - 1; i++) {
          const spur = last[i]!;
          ws.banGen = nextGen([ws.banned], ws.banGen);
          ws.rootGen = nextGen([ws.root], ws.rootGen);
          // Ban the next step of every known path sharing this root.
          for (const p of A) {
            if (p.length <= i + 1) continue;
            let same = true;
            for (let j = 0; j <= i; j++)
              if (p[j] !== last[j]) {
                same = false;
                break;
              }
            if (same) ws.banned[p[i + 1]!] = ws.banGen;
          }
          for (let j = 0; j < i; j++) ws.root[last[j]!] = ws.rootGen;
          this.spur = spur;
          this.useRoot = true;
          const tail = this.shortest(spur, t, this.f.maxLength - i);
          this.spur = -1;
          this.useRoot = false;
          if (!tail) continue;
          const candidate = last.slice(0, i).concat(tail);
          const key = candidate.join(',');
          if (known.has(key)) continue;
          known.add(key);
          B.push(candidate);
        }
        if (B.length === 0) break;
        // Shortest candidate; ties by the order found (deterministic).
        let bi = 0;
        for (let j = 1; j < B.length; j++) if (B[j]!.length < B[bi]!.length) bi = j;
        A.push(B.splice(bi, 1)[0]!);
      }
    } finally {
      this.spur = -1;
      this.useRoot = false;
    }
    return A;
  }

  /** The representative triple for the step a → b: forward first, then backwards; first in file order. */
  stepTriple(a: number, b: number): PathStep {
    const { subj, obj, pred, outOff, outItems, inOff, inItems } = this;
    const predOk = this.f.predOk,
      tripleOk = this.f.tripleOk;
    const ok = (tr: number) => (!predOk || predOk[pred[tr]!] === 1) && (!tripleOk || tripleOk[tr] === 1);
    let bestT = -1;
    // Forward a → b: scan the shorter of out(a) and in(b); both are in file order.
    if (outOff[a + 1]! - outOff[a]! <= inOff[b + 1]! - inOff[b]!) {
      for (let k = outOff[a]!; k < outOff[a + 1]!; k++) {
        const tr = outItems[k]!;
        if (obj[tr] === b && ok(tr)) {
          bestT = tr;
          break;
        }
      }
    } else {
      for (let k = inOff[b]!; k < inOff[b + 1]!; k++) {
        const tr = inItems[k]!;
        if (subj[tr] === a && ok(tr)) {
          bestT = tr;
          break;
        }
      }
    }
    if (bestT >= 0) return { triple: this.store.tripleAt(bestT), forward: true };
    for (let k = inOff[a]!; k < inOff[a + 1]!; k++) {
      const tr = inItems[k]!;
      if (subj[tr] === b && ok(tr)) {
        bestT = tr;
        break;
      }
    }
    if (bestT < 0) throw new Error(`internal: no triple between entity ${a} and ${b}`);
    return { triple: this.store.tripleAt(bestT), forward: false };
  }

  /** A path from its nodes; `triples` (one per step) when known, else each step's representative is looked up. */
  toPath(nodes: number[], triples?: number[]): Path {
    const steps: PathStep[] = [];
    for (let i = 0; i + 1 < nodes.length; i++) {
      if (triples) {
        const t = triples[i]!;
        steps.push({
          triple: this.store.tripleAt(t),
          forward: this.subj[t] === nodes[i] && this.obj[t] === nodes[i + 1],
        });
      } else steps.push(this.stepTriple(nodes[i]!, nodes[i + 1]!));
    }
    return { length: nodes.length - 1, nodes: nodes.map((i) => this.store.entityAt(i).id), steps };
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function findPaths(store: TripleStore, q: PathQuery): PathAnswer {
  const s = store.indexOf(q.from);
  const t = store.indexOf(q.to);
  if (s < 0 || t < 0) {
    const missing = [s < 0 ? q.from : undefined, t < 0 && q.to !== q.from ? q.to : undefined].filter(Boolean);
    return {
      paths: [],
      reason: `unknown entity ${missing.map((m) => `'${m}'`).join(' and ')}: use an entity id from the dataset (search for it by name)`,
    };
  }
  const label = (i: number) => store.entityAt(i).label;
  if (s === t)
    return { paths: [], reason: `from and to are the same entity (${label(s)}); pick two different entities` };

  const mode = q.mode ?? 'shortest';
  const maxLength = q.maxLength !== undefined && q.maxLength >= 0 ? Math.floor(q.maxLength) : Infinity;
  const predOk = predicateMask(store, q.predicates);
  const typeBlocked = typeMaskOf(store, q.avoidTypes);
  const ws = workspace(store);
  let avoidEntities = false;
  if (q.avoidEntities?.length) {
    ws.avoidGen = nextGen([ws.avoid], ws.avoidGen);
    for (const id of q.avoidEntities) {
      const i = store.indexOf(id);
      if (i >= 0) {
        ws.avoid[i] = ws.avoidGen;
        avoidEntities = true;
      }
    }
  }
  const tripleOk = allowMask(store, q);
  const filters: Filters = { directed: !!q.directed, predOk, tripleOk, typeBlocked, avoidEntities, maxLength };
  // One searcher per store (its constructor gathers a dozen arrays); only the filters change per query.
  const searcher = (ws.searcher ??= new Searcher(store, filters));
  searcher.f = filters;

  let nodeLists: number[][];
  let stepTriples: number[] | undefined;
  let note: string | undefined;
  let truncated = false;
  let total: number | undefined;
  if (q.chronological && mode !== 'shortest') {
    throw new ExplorerError({
      code: 'bad-request',
      message: `chronological paths are found in shortest mode only, not ${mode}`,
      hint: 'drop k / all, or drop chronological',
    });
  }
  if (q.chronological) {
    const p = chronologicalShortest(store, s, t, filters, ws.avoid, ws.avoidGen, dateSpans(store));
    nodeLists = p ? [p.nodes] : [];
    stepTriples = p?.triples;
  } else if (mode === 'all-shortest') {
    const cap = Math.max(1, Math.min(MAX_ALL_SHORTEST, Math.floor(q.limit ?? MAX_ALL_SHORTEST)));
    const r = searcher.allShortest(s, t, cap);
    nodeLists = r.paths;
    if (r.capped) {
      truncated = true;
      total = r.total;
      note = `only the first ${cap} shortest paths are listed; there are ${total !== undefined && Number.isSafeInteger(total) ? total : 'more'}`;
    }
  } else if (mode === 'k-shortest') {
    const k = Math.max(1, Math.min(MAX_K, Math.floor(q.k ?? DEFAULT_K)));
    if ((q.k ?? DEFAULT_K) > MAX_K) {
      note = `k is capped at ${MAX_K}`;
      truncated = true;
    }
    nodeLists = searcher.kShortest(s, t, k);
  } else {
    const p = searcher.shortest(s, t);
    nodeLists = p ? [p] : [];
    stepTriples = searcher.lastTriples;
  }
  if (nodeLists.length) {
    const answer: PathAnswer = { paths: nodeLists.map((n) => searcher.toPath(n, stepTriples)) };
    if (note) answer.note = note;
    if (truncated) answer.truncated = true;
    if (total !== undefined) {
      answer.total = Number.isSafeInteger(total) ? total : Number.MAX_SAFE_INTEGER;
      if (!Number.isSafeInteger(total)) answer.totalIsLowerBound = true;
    }
    return answer;
  }
  return { paths: [], reason: explainNoPath(store, s, t, q, filters) };
}

/** Why there is no path: add the constraints one at a time and name the first that leaves none. */
function explainNoPath(store: TripleStore, s: number, t: number, q: PathQuery, f: Filters): string {
  const between = `between ${store.entityAt(s).label} and ${store.entityAt(t).label}`;
  const len = (filters: Filters): number => {
    // The query's own filters without a length cap: the search that just failed, so no need to run it again.
    if (
      f.maxLength === Infinity &&
      !q.chronological &&
      filters.directed === f.directed &&
      filters.predOk === f.predOk &&
      filters.tripleOk === f.tripleOk &&
      filters.typeBlocked === f.typeBlocked &&
      filters.avoidEntities === f.avoidEntities
    )
      return -1;
    const p = new Searcher(store, filters).shortest(s, t);
    return p ? p.length - 1 : -1;
  };
  let cur: Filters = { directed: false, avoidEntities: false, maxLength: Infinity };
  const base = len(cur);
  if (base < 0) return `no path at all ${between}: they are not connected in the graph`;
  let prevLen = base;
  if (f.directed) {
    cur = { ...cur, directed: true };
    const l = len(cur);
    if (l < 0)
      return `no directed path from ${store.entityAt(s).label} to ${store.entityAt(t).label}; there is an undirected one of ${plural(base, 'step')} (drop "directed")`;
    prevLen = l;
  }
  if (f.predOk) {
    cur = { ...cur, predOk: f.predOk };
    const l = len(cur);
    if (l < 0)
      return `no path ${between} using only predicates ${(q.predicates ?? []).join(', ')}; without that filter the shortest has ${plural(prevLen, 'step')}`;
    prevLen = l;
  }
  if (f.typeBlocked || f.avoidEntities) {
    cur = { ...cur, typeBlocked: f.typeBlocked, avoidEntities: f.avoidEntities };
    const l = len(cur);
    const avoided = [...(q.avoidTypes ?? []).map((x) => `type ${x}`), ...(q.avoidEntities ?? [])].join(', ');
    if (l < 0)
      return `no path ${between} avoiding ${avoided}; without avoiding them the shortest has ${plural(prevLen, 'step')}`;
    prevLen = l;
  }
  if (f.tripleOk) {
    cur = { ...cur, tripleOk: f.tripleOk };
    const l = len(cur);
    if (l < 0)
      return `no path ${between} over the relations the trust and time filters keep (${filterWords(q)}); without them the shortest has ${plural(prevLen, 'step')}`;
    prevLen = l;
  }
  if (q.chronological) {
    const ws = workspace(store);
    const p = chronologicalShortest(
      store,
      s,
      t,
      { ...cur, maxLength: Infinity },
      ws.avoid,
      ws.avoidGen,
      dateSpans(store),
    );
    if (!p)
      return `no chronological path ${between} (each step dated no earlier than the one before); without that the shortest has ${plural(prevLen, 'step')}`;
    prevLen = p.nodes.length - 1;
  }
  if (prevLen > f.maxLength)
    return `no path within max length ${f.maxLength}; the shortest has ${plural(prevLen, 'step')}`;
  return `no path ${between} under the given filters`;
}

/** The trust and time filters of a query in words: "status asserted; from 2021". */
function filterWords(q: PathQuery): string {
  return [
    q.status?.length ? `status ${q.status.join(' or ')}` : '',
    q.minReliability ? `sources graded ${q.minReliability} or better` : '',
    q.minCredibility ? `credibility ${q.minCredibility} or better` : '',
    q.dateFrom ? `from ${q.dateFrom}` : '',
    q.dateTo ? `to ${q.dateTo}` : '',
    q.undated === 'exclude' ? 'dated only' : '',
  ]
    .filter(Boolean)
    .join('; ');
}

// Path descriptions are formatting: they live in format.ts; kept here for existing importers.
export { describePath } from './format.ts';
