import { describe, expect, it } from 'vitest';
import { neighbourhood } from '../../src/core/neighbourhood.ts';
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
    expect(ids(neighbourhood(store, { from: ['a'], depth: 2, direction: 'out' }))).toEqual(['a', 'b', 'f', 'c', 'i', 'g']);
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
    expect(ids(neighbourhood(store, { from: ['a'], depth: 2, types: ['node'] }))).toEqual(['a', 'b', 'f', 'e', 'c', 'i', 'g']);
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
});
