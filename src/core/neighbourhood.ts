// k-hop neighbourhood (an ego network): breadth-first from one or more
// entities over the CSR, with direction, predicate and type filters.
import type { Entity, NeighbourhoodQuery, NeighbourhoodResult, Triple } from './model.ts';
import type { TripleStore } from './store.ts';

/** A Uint8Array over predicate indices (1 = may be followed), or undefined for all. */
export function predicateMask(store: TripleStore, predicates: readonly string[] | undefined): Uint8Array | undefined {
  if (!predicates || predicates.length === 0) return undefined;
  const mask = new Uint8Array(store.predicateCount);
  for (const p of predicates) {
    const k = store.predicateIndex(p);
    if (k >= 0) mask[k] = 1;
  }
  return mask;
}

export function neighbourhood(store: TripleStore, q: NeighbourhoodQuery): NeighbourhoodResult {
  const n = store.entityCount;
  const depth = Math.max(0, Math.floor(q.depth));
  const direction = q.direction ?? 'both';
  const limit = q.limit !== undefined && q.limit >= 0 ? Math.floor(q.limit) : Infinity;
  const predOk = predicateMask(store, q.predicates);
  const typeOk = q.types && q.types.length ? store.typeMask(q.types) : undefined;
  const { subj, obj, pred, entityType } = store.columns;
  const out = store.outCsr;
  const inn = store.inCsr;

  const dist = new Int32Array(n).fill(-1);
  const order = new Uint32Array(Math.min(n, limit === Infinity ? n : limit)); // BFS queue = result order
  let count = 0;
  let truncated = false;

  for (const id of q.from) {
    const i = store.indexOf(id);
    if (i < 0 || dist[i] !== -1) continue;
    if (count >= limit) { truncated = true; break; }
    dist[i] = 0;
    order[count++] = i;
  }

  // Expands one entity: returns false once the limit is reached.
  let head = 0;
  const visit = (j: number, d: number): boolean => {
    if (dist[j] !== -1) return true;
    if (typeOk && !typeOk[entityType[j]!]) return true;
    if (count >= limit) { truncated = true; return false; }
    dist[j] = d;
    order[count++] = j;
    return true;
  };
  bfs: while (head < count) {
    const i = order[head++]!;
    const d = dist[i]!;
    if (d >= depth) continue; // BFS order: every later entity is at least as far
    if (direction !== 'in') {
      for (let k = out.offsets[i]!, e = out.offsets[i + 1]!; k < e; k++) {
        const t = out.items[k]!;
        if (predOk && !predOk[pred[t]!]) continue;
        if (!visit(obj[t]!, d + 1)) break bfs;
      }
    }
    if (direction !== 'out') {
      for (let k = inn.offsets[i]!, e = inn.offsets[i + 1]!; k < e; k++) {
        const t = inn.items[k]!;
        if (predOk && !predOk[pred[t]!]) continue;
        if (!visit(subj[t]!, d + 1)) break bfs;
      }
    }
  }

  const entities: Entity[] = new Array(count);
  const distance: Record<string, number> = {};
  const triples: Triple[] = [];
  for (let r = 0; r < count; r++) {
    const i = order[r]!;
    const e = store.entityAt(i);
    entities[r] = e;
    distance[e.id] = dist[i]!;
  }
  // Triples among the returned entities, each once (from its subject's side).
  for (let r = 0; r < count; r++) {
    const i = order[r]!;
    for (let k = out.offsets[i]!, e = out.offsets[i + 1]!; k < e; k++) {
      const t = out.items[k]!;
      if (dist[obj[t]!] === -1) continue;
      if (predOk && !predOk[pred[t]!]) continue;
      triples.push(store.tripleAt(t));
    }
  }
  return { entities, triples, distance, truncated };
}
