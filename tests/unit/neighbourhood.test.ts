import { describe, expect, it } from 'vitest';
import { neighbourhood } from '../../src/core/neighbourhood.ts';
import type { NeighbourhoodQuery, NeighbourhoodResult } from '../../src/core/model.ts';
import type { TripleStore } from '../../src/core/store.ts';
import { abstractStore } from './core-fixtures.ts';

// a → b → c → d, e → a, a -q→ f → g, h (blocked) → a, b → i (hub)
const store = abstractStore(['a-p->b', 'b-p->c', 'c-p->d', 'e-p->a', 'a-q->f', 'f-p->g', 'h!-p->a', 'b-p->i*']);
const ids = (r: { entities: { id: string }[] }) => r.entities.map((e) => e.id);

describe('neighbourhood', () => {
  it('returns nearest first with hop distances', () => {
    const r1 = neighbourhood(store, { from: ['a'], depth: 1 });
    expect(ids(r1)).toEqual(['a', 'b', 'f', 'e', 'h']);
    expect(r1.distance).toEqual({ a: 0, b: 1, f: 1, e: 1, h: 1 });
    expect(r1.truncated).toBe(false);
    expect(r1.triples.map((t) => t.id).sort()).toEqual(['e0:a-p->b', 'e3:e-p->a', 'e4:a-q->f', 'e6:h-p->a']);
    const r2 = neighbourhood(store, { from: ['a'], depth: 2 });
    expect(ids(r2)).toEqual(['a', 'b', 'f', 'e', 'h', 'c', 'i', 'g']);
    expect(r2.distance.c).toBe(2);
    expect(r2.triples.length).toBe(7); // all but c → d
  });

  it('follows the direction asked', () => {
    expect(ids(neighbourhood(store, { from: ['a'], depth: 2, direction: 'out' }))).toEqual([
      'a',
      'b',
      'f',
      'c',
      'i',
      'g',
    ]);
    expect(ids(neighbourhood(store, { from: ['a'], depth: 2, direction: 'in' }))).toEqual(['a', 'e', 'h']);
    expect(ids(neighbourhood(store, { from: ['d'], depth: 3, direction: 'in' }))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('traverses only the given predicates and returns only their triples', () => {
    const r = neighbourhood(store, { from: ['a'], depth: 2, predicates: ['p'] });
    expect(ids(r)).toEqual(['a', 'b', 'e', 'h', 'c', 'i']);
    expect(r.triples.every((t) => t.predicate === 'p')).toBe(true);
    expect(ids(neighbourhood(store, { from: ['a'], depth: 3, predicates: ['q'] }))).toEqual(['a', 'f']);
  });

  it('reaches only entities of the given types (subtypes included), always keeping the start', () => {
    expect(ids(neighbourhood(store, { from: ['a'], depth: 2, types: ['node'] }))).toEqual([
      'a',
      'b',
      'f',
      'e',
      'c',
      'i',
      'g',
    ]);
    expect(ids(neighbourhood(store, { from: ['a'], depth: 2, types: ['hub'] }))).toEqual(['a']);
    expect(ids(neighbourhood(store, { from: ['b'], depth: 1, types: ['hub'] }))).toEqual(['b', 'i']);
    expect(ids(neighbourhood(store, { from: ['h'], depth: 1, types: ['hub'] }))).toEqual(['h']);
  });

  it('cuts at the limit, nearest first, and says so', () => {
    const r = neighbourhood(store, { from: ['a'], depth: 2, limit: 3 });
    expect(ids(r)).toEqual(['a', 'b', 'f']);
    expect(r.truncated).toBe(true);
    expect(r.triples.map((t) => t.id).sort()).toEqual(['e0:a-p->b', 'e4:a-q->f']);
    const exact = neighbourhood(store, { from: ['a'], depth: 2, limit: 8 });
    expect(exact.entities.length).toBe(8);
    expect(exact.truncated).toBe(false);
  });

  it('starts from several entities and ignores unknown ones', () => {
    const r = neighbourhood(store, { from: ['c', 'g', 'nobody', 'c'], depth: 1 });
    expect(ids(r)).toEqual(['c', 'g', 'd', 'b', 'f']);
    expect(r.distance).toEqual({ c: 0, g: 0, d: 1, b: 1, f: 1 });
  });

  it('depth 0 is the start set alone', () => {
    expect(ids(neighbourhood(store, { from: ['a'], depth: 0 }))).toEqual(['a']);
  });

  it('returns the triples among the returned entities once each, in file order', () => {
    const r = neighbourhood(store, { from: ['a'], depth: 2 });
    expect(r.triples.map((t) => t.id)).toEqual([
      'e0:a-p->b',
      'e1:b-p->c',
      'e3:e-p->a',
      'e4:a-q->f',
      'e5:f-p->g',
      'e6:h-p->a',
      'e7:b-p->i',
    ]);
  });

  it('agrees with a plain breadth-first search on random graphs, query after query', () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    let sorted = 0,
      bitset = 0;
    for (let g = 0; g < 14; g++) {
      // Mostly small graphs; a few large sparse ones, where small results are sorted rather than collected by bitset.
      const nodes = g % 5 === 4 ? 4000 + Math.floor(rnd() * 2000) : 20 + Math.floor(rnd() * 180);
      const edges: string[] = [];
      const marks = ['', '', '', '!', '*'];
      for (let k = 0, m = nodes * (1 + Math.floor(rnd() * 4)); k < m; k++) {
        edges.push(
          `n${Math.floor(rnd() * nodes)}${pick(marks)}-${pick(['p', 'q', 'r'])}->n${Math.floor(rnd() * nodes)}${pick(marks)}`,
        );
      }
      const s = abstractStore(edges);
      // Several queries on one store: the stamped scratch arrays must not leak between them.
      for (let k = 0; k < 25; k++) {
        const q: NeighbourhoodQuery = {
          from: [
            s.entityAt(Math.floor(rnd() * s.entityCount)).id,
            ...(rnd() < 0.2 ? ['nobody', s.entityAt(0).id] : []),
          ],
          depth: Math.floor(rnd() * 4),
          direction: pick(['out', 'in', 'both', undefined] as const),
        };
        if (rnd() < 0.3) q.predicates = [pick(['p', 'q', 'r']), pick(['p', 'q', 'x'])];
        if (rnd() < 0.3) q.types = [pick(['node', 'hub', 'blocked'])];
        if (rnd() < 0.3) q.limit = Math.floor(rnd() * 12);
        const got = neighbourhood(s, q);
        expect(got).toStrictEqual(reference(s, q));
        if (got.triples.length > 1 && got.triples.length * 2048 <= s.tripleCount) sorted++;
        else if (got.triples.length > 1) bitset++;
      }
    }
    // Both ways of putting the triples in file order were exercised.
    expect(sorted).toBeGreaterThan(5);
    expect(bitset).toBeGreaterThan(50);
  });
});

/** The straightforward version: Sets and Maps, every triple checked. */
function reference(s: TripleStore, q: NeighbourhoodQuery): NeighbourhoodResult {
  const limit = q.limit ?? Infinity;
  const dir = q.direction ?? 'both';
  const preds = q.predicates?.length ? new Set(q.predicates) : undefined;
  const types = q.types?.length ? s.schema.expand(q.types) : undefined;
  const dist = new Map<number, number>();
  const order: number[] = [];
  let truncated = false;
  for (const id of q.from) {
    const i = s.indexOf(id);
    if (i < 0 || dist.has(i)) continue;
    if (order.length >= limit) {
      truncated = true;
      break;
    }
    dist.set(i, 0);
    order.push(i);
  }
  for (let h = 0; h < order.length && !truncated; h++) {
    const u = order[h]!,
      d = dist.get(u)!;
    if (d >= q.depth) continue;
    const next: number[] = [];
    if (dir !== 'in')
      for (const t of s.outTriples(u))
        if (!preds || preds.has(s.predicateId(s.predicateOf(t)))) next.push(s.objectOf(t));
    if (dir !== 'out')
      for (const t of s.inTriples(u))
        if (!preds || preds.has(s.predicateId(s.predicateOf(t)))) next.push(s.subjectOf(t));
    for (const v of next) {
      if (dist.has(v) || (types && !types.has(s.entityAt(v).type))) continue;
      if (order.length >= limit) {
        truncated = true;
        break;
      }
      dist.set(v, d + 1);
      order.push(v);
    }
  }
  const triples = [];
  for (let t = 0; t < s.tripleCount; t++) {
    if (dist.has(s.subjectOf(t)) && dist.has(s.objectOf(t)) && (!preds || preds.has(s.predicateId(s.predicateOf(t)))))
      triples.push(s.tripleAt(t));
  }
  const distance: Record<string, number> = {};
  for (const i of order) distance[s.entityAt(i).id] = dist.get(i)!;
  return { entities: order.map((i) => s.entityAt(i)), triples, distance, truncated };
}
