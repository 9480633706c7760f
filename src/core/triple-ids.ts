// Triple ids: the given ones, and those derived from subject, predicate and object for triples without.
import type { Triple } from './model.ts';
import type { Csr } from './store-tables.ts';

/**
 * The id of a triple that has none in its file: `subject|predicate|object`,
 * then `#2`, `#3`… for the 2nd, 3rd id-less triple with the same three parts
 * (ordinals count id-less triples only, in file order).
 */
export function deriveTripleId(t: Pick<Triple, 'subject' | 'predicate' | 'object'>, ordinal: number): string {
  const base = `${t.subject}|${t.predicate}|${t.object}`;
  return ordinal >= 2 ? `${base}#${ordinal}` : base;
}

/** Ids of all triples in file order, as the store gives them: given ones kept, missing ones derived. */
export function tripleIds(triples: readonly Pick<Triple, 'id' | 'subject' | 'predicate' | 'object'>[]): string[] {
  const used = new Set<string>();
  for (const t of triples) if (t.id !== undefined) used.add(t.id);
  const seen = new Map<string, number>();
  return triples.map((t) => {
    if (t.id !== undefined) return t.id;
    // Ordinals per subject, predicate and object (ids may contain '|').
    const key = `${t.subject}\u0000${t.predicate}\u0000${t.object}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    let id = deriveTripleId(t, n);
    if (used.has(id)) {
      // A given id spelled like this derived one, or another derived one (ids with '|' or ending in #n): ~2, ~3…
      let k = 2;
      while (used.has(`${id}~${k}`)) k++;
      id = `${id}~${k}`;
    }
    used.add(id);
    return id;
  });
}

/** Ids that can make two derived ids collide: '|' in them, or an object id ending like `#2` or `~2`. */
export const COLLIDING_ID = /\||[#~]\d+$/;

/** Ordinals (>= 2) of id-less triples repeating an earlier id-less s|p|o, per subject, in file order (out slices are in index order). */
export function repeatOrdinals(
  out: Csr,
  n: number,
  pred: Uint16Array | Uint32Array,
  obj: Uint32Array,
  givenIds: readonly (string | undefined)[] | undefined,
): Map<number, number> {
  const repeat = new Map<number, number>();
  const seen = new Map<number, number>();
  const { offsets, items } = out;
  for (let i = 0; i < n; i++) {
    const a = offsets[i]!,
      b = offsets[i + 1]!;
    if (b - a < 2) continue;
    seen.clear();
    for (let k = a; k < b; k++) {
      const t = items[k]!;
      if (givenIds?.[t] !== undefined) continue;
      const key = pred[t]! * n + obj[t]!;
      const c = (seen.get(key) ?? 0) + 1;
      seen.set(key, c);
      if (c >= 2) repeat.set(t, c);
    }
  }
  return repeat;
}
