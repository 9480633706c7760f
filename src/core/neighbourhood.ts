// k-hop neighbourhood (an ego network): breadth-first from one or more
// entities over the CSR, with direction, predicate and type filters, and the
// trust and time filter as a per-triple allow mask (relation-filter.ts).
//
// Scratch arrays are kept per store and stamped with a generation number, so a
// query costs O(what it reaches), not O(entities). The triples among the
// returned entities come back in file order, gathered as indices first and
// materialised in one loop at the end.
import type { Entity, NeighbourhoodQuery, NeighbourhoodResult } from './model.ts';
import type { TripleStore } from './store.ts';
import { allowMask } from './relation-filter.ts';

/** The last mask of each kind built per store: a UI or a benchmark asks with the same filter again and again. */
interface LastMask {
  ids: string[];
  mask: Uint8Array;
}
const lastMasks = new WeakMap<TripleStore, { predicates?: LastMask; types?: LastMask }>();

function cachedMask(
  store: TripleStore,
  kind: 'predicates' | 'types',
  ids: readonly string[],
  build: () => Uint8Array,
): Uint8Array {
  let slot = lastMasks.get(store);
  if (!slot) lastMasks.set(store, (slot = {}));
  const last = slot[kind];
  if (last && last.ids.length === ids.length && last.ids.every((p, i) => p === ids[i])) return last.mask;
  const mask = build();
  slot[kind] = { ids: ids.slice(), mask };
  return mask;
}

/** A Uint8Array over predicate indices (1 = may be followed), or undefined for all. Shared: read it, never write it. */
export function predicateMask(store: TripleStore, predicates: readonly string[] | undefined): Uint8Array | undefined {
  if (!predicates || predicates.length === 0) return undefined;
  return cachedMask(store, 'predicates', predicates, () => {
    const mask = new Uint8Array(store.predicateCount);
    for (const p of predicates) {
      const k = store.predicateIndex(p);
      if (k >= 0) mask[k] = 1;
    }
    return mask;
  });
}

/** `store.typeMask(types)` (subtypes included), or undefined for none given. Shared: read it, never write it. */
export function typeMaskOf(store: TripleStore, types: readonly string[] | undefined): Uint8Array | undefined {
  if (!types || types.length === 0) return undefined;
  return cachedMask(store, 'types', types, () => store.typeMask(types));
}

interface Scratch {
  /** stamp[i] === gen: entity i is in the current result. */
  stamp: Uint32Array;
  gen: number;
  dist: Int32Array;
  /** BFS queue = result order. */
  order: Uint32Array;
  /** Triple indices of the result; grown on demand. */
  triples: Uint32Array;
  /** One bit per triple, all zero between queries. */
  bits?: Int32Array;
}

const scratches = new WeakMap<TripleStore, Scratch>();

function scratch(store: TripleStore): Scratch {
  let s = scratches.get(store);
  if (!s) {
    const n = store.entityCount;
    s = {
      stamp: new Uint32Array(n),
      gen: 0,
      dist: new Int32Array(n),
      order: new Uint32Array(n),
      triples: new Uint32Array(0),
    };
    scratches.set(store, s);
  }
  if (s.gen >= 0xfffffffe) {
    s.stamp.fill(0);
    s.gen = 0;
  }
  s.gen++;
  return s;
}

export function neighbourhood(store: TripleStore, q: NeighbourhoodQuery): NeighbourhoodResult {
  const m = store.tripleCount;
  const depth = Math.max(0, Math.floor(q.depth));
  const direction = q.direction ?? 'both';
  const limit = q.limit !== undefined && q.limit >= 0 ? Math.floor(q.limit) : Infinity;
  const predOk = predicateMask(store, q.predicates);
  const typeOk = typeMaskOf(store, q.types);
  const allow = allowMask(store, q);
  const { entityType } = store.columns;
  const { offsets: outOff, items: outItems } = store.outCsr;
  const { offsets: inOff, items: inItems } = store.inCsr;
  const { outNbr, inNbr, outPred, inPred } = store;
  const ws = scratch(store);
  const { stamp, dist, order } = ws;
  const gen = ws.gen;
  let count = 0;
  let truncated = false;

  for (const id of q.from) {
    const i = store.indexOf(id);
    if (i < 0 || stamp[i] === gen) continue;
    if (count >= limit) {
      truncated = true;
      break;
    }
    stamp[i] = gen;
    dist[i] = 0;
    order[count++] = i;
  }

  const walkOut = direction !== 'in',
    walkIn = direction !== 'out';
  let head = 0;
  bfs: while (head < count && !truncated) {
    const i = order[head++]!;
    const d = dist[i]!;
    if (d >= depth) break; // BFS order: every later entity is at least as far
    for (let pass = 0; pass < 2; pass++) {
      if (pass === 0 ? !walkOut : !walkIn) continue;
      const off = pass === 0 ? outOff : inOff,
        nbr = pass === 0 ? outNbr : inNbr,
        pr = pass === 0 ? outPred : inPred,
        items = pass === 0 ? outItems : inItems;
      for (let k = off[i]!, e = off[i + 1]!; k < e; k++) {
        if (predOk && !predOk[pr[k]!]) continue;
        if (allow && !allow[items[k]!]) continue;
        const j = nbr[k]!;
        if (stamp[j] === gen) continue;
        if (typeOk && !typeOk[entityType[j]!]) continue;
        if (count >= limit) {
          truncated = true;
          break bfs;
        }
        stamp[j] = gen;
        dist[j] = d + 1;
        order[count++] = j;
      }
    }
  }

  const entities: Entity[] = [];
  const distance: Record<string, number> = {};
  let outSum = 0;
  for (let r = 0; r < count; r++) {
    const i = order[r]!;
    const e = store.entityAt(i);
    entities.push(e);
    distance[e.id] = dist[i]!;
    outSum += outOff[i + 1]! - outOff[i]!;
  }

  // Triples among the returned entities, each once (from its subject's side).
  if (ws.triples.length < Math.min(outSum, m))
    ws.triples = new Uint32Array(Math.min(m, Math.max(outSum, 2 * ws.triples.length)));
  const buf = ws.triples;
  let nt = 0;
  for (let r = 0; r < count; r++) {
    const i = order[r]!;
    for (let k = outOff[i]!, e = outOff[i + 1]!; k < e; k++) {
      if (stamp[outNbr[k]!] !== gen) continue;
      if (predOk && !predOk[outPred[k]!]) continue;
      if (allow && !allow[outItems[k]!]) continue;
      buf[nt++] = outItems[k]!;
    }
  }
  // In file order: materialising then reads the columns front to back. Few: sort;
  // many (sorting costs ~70 ns each, more than a bit per triple of the whole graph): a bitset pass.
  if (nt * 2048 <= m) buf.subarray(0, nt).sort();
  else fileOrderByBits(buf, nt, (ws.bits ??= new Int32Array((m + 31) >>> 5)));
  return { entities, triples: store.triplesAt(buf, nt), distance, truncated };
}

/** Sorts the distinct triple indices buf[0 .. n) by setting their bits and reading them back in order (clearing them). */
function fileOrderByBits(buf: Uint32Array, n: number, bits: Int32Array): void {
  for (let k = 0; k < n; k++) {
    const t = buf[k]!;
    bits[t >>> 5]! |= 1 << (t & 31);
  }
  let j = 0;
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w]!;
    if (x === 0) continue;
    bits[w] = 0;
    while (x !== 0) {
      buf[j++] = (w << 5) | (31 - Math.clz32(x & -x));
      x &= x - 1;
    }
  }
}
