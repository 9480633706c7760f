// The shortest chronological path: each step dated no earlier than the dated
// step before it. Breadth-first over (entity, clock) states: an entity is
// entered again at a later level only with an earlier clock, which may open
// steps the first visit could not take. Clocks only grow along a path, so no
// path revisits an entity.
import type { TripleStore } from './store.ts';
import type { DateSpans } from './relation-filter.ts';
import type { Filters } from './paths.ts';

export function chronologicalShortest(
  store: TripleStore,
  s: number,
  t: number,
  f: Filters,
  avoid: Uint32Array,
  avoidGen: number,
  spans: DateSpans,
): { nodes: number[]; triples: number[] } | undefined {
  const { subj, obj, pred, entityType } = store.columns;
  const { offsets: outOff, items: outItems } = store.outCsr;
  const { offsets: inOff, items: inItems } = store.inCsr;
  const { lo, hi } = spans;
  const { predOk, tripleOk, typeBlocked, directed } = f;
  // The clock is the earliest day the last dated step may have been (YYYYMMDD); 0 before any.
  const best = new Int32Array(store.entityCount).fill(0x7fffffff);
  const node: number[] = [s],
    parent: number[] = [-1],
    via: number[] = [-1],
    clock: number[] = [0];
  best[s] = 0;
  let head = 0;
  for (let level = 0; level < f.maxLength && head < node.length; level++) {
    const end = node.length;
    for (; head < end; head++) {
      const u = node[head]!,
        c = clock[head]!;
      for (let pass = 0; pass < (directed ? 1 : 2); pass++) {
        const off = pass === 0 ? outOff : inOff,
          items = pass === 0 ? outItems : inItems,
          other = pass === 0 ? obj : subj;
        for (let k = off[u]!, e = off[u + 1]!; k < e; k++) {
          const tr = items[k]!;
          if (predOk && !predOk[pred[tr]!]) continue;
          if (tripleOk && !tripleOk[tr]) continue;
          let next = c;
          const a = lo[tr]!;
          if (a >= 0) {
            if (hi[tr]! < c) continue; // surely before the step it would follow
            if (a > next) next = a;
          }
          const v = other[tr]!;
          if (v === t) return trace(node, parent, via, head, v, tr);
          if (next >= best[v]!) continue;
          if (typeBlocked?.[entityType[v]!]) continue;
          if (f.avoidEntities && avoid[v] === avoidGen) continue;
          best[v] = next;
          node.push(v);
          parent.push(head);
          via.push(tr);
          clock.push(next);
        }
      }
    }
  }
  return undefined;
}

function trace(
  node: number[],
  parent: number[],
  via: number[],
  at: number,
  last: number,
  lastTriple: number,
): { nodes: number[]; triples: number[] } {
  const nodes = [last],
    triples = [lastTriple];
  for (let i = at; i >= 0; i = parent[i]!) {
    nodes.push(node[i]!);
    if (via[i]! >= 0) triples.push(via[i]!);
  }
  return { nodes: nodes.reverse(), triples: triples.reverse() };
}
