// The store's index tables: CSR adjacency, entity and type indices, small typed columns.
import type { Entity, Schema } from './model.ts';

/** Offsets + items: the entries of key k are items[offsets[k] .. offsets[k+1]). */
export interface Csr {
  offsets: Uint32Array;
  items: Uint32Array;
}

/** Counting sort of item indices 0..m-1 by key: O(keys + m), stable (items stay in index order). */
export function buildCsr(keys: ArrayLike<number>, keyCount: number): Csr {
  const m = keys.length;
  const offsets = new Uint32Array(keyCount + 1);
  for (let t = 0; t < m; t++) offsets[keys[t]! + 1]!++;
  for (let k = 0; k < keyCount; k++) offsets[k + 1]! += offsets[k]!;
  const fill = offsets.slice(0, keyCount);
  const items = new Uint32Array(m);
  for (let t = 0; t < m; t++) items[fill[keys[t]!]!++] = t;
  return { offsets, items };
}

export function smallIntArray(length: number, max: number): Uint16Array | Uint32Array {
  return max <= 0xffff ? new Uint16Array(length) : new Uint32Array(length);
}

/** Entities by id (first occurrence wins for duplicate ids, which validation reports). */
export function indexEntities(all: readonly Entity[]): { entities: Entity[]; index: Map<string, number> } {
  const entities: Entity[] = [];
  const index = new Map<string, number>();
  for (const e of all) {
    if (index.has(e.id)) continue;
    index.set(e.id, entities.length);
    entities.push(e);
  }
  return { entities, index };
}

/** Types: schema order first, then any the data uses beyond it; and each entity's type index. */
export function indexTypes(
  schema: Schema,
  entities: readonly Entity[],
): { ids: string[]; index: Map<string, number>; ofEntity: Uint16Array | Uint32Array } {
  const ids = schema.entityTypes.map((t) => t.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  for (const e of entities) {
    if (!index.has(e.type)) {
      index.set(e.type, ids.length);
      ids.push(e.type);
    }
  }
  const ofEntity = smallIntArray(entities.length, ids.length);
  for (let i = 0; i < entities.length; i++) ofEntity[i] = index.get(entities[i]!.type)!;
  return { ids, index, ofEntity };
}

/** Neighbour and predicate per CSR slot: walks read them in sequence instead of jumping through the columns. */
export function slotColumns(
  m: number,
  out: Csr,
  inn: Csr,
  subj: Uint32Array,
  obj: Uint32Array,
  pred: Uint16Array | Uint32Array,
  predMax: number,
) {
  const outNbr = new Uint32Array(m),
    inNbr = new Uint32Array(m);
  const outPred = smallIntArray(m, predMax),
    inPred = smallIntArray(m, predMax);
  for (let k = 0; k < m; k++) {
    const to = out.items[k]!,
      ti = inn.items[k]!;
    outNbr[k] = obj[to]!;
    outPred[k] = pred[to]!;
    inNbr[k] = subj[ti]!;
    inPred[k] = pred[ti]!;
  }
  return { outNbr, inNbr, outPred, inPred };
}
