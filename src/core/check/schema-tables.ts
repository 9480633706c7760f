// A checked schema as ordinals and typed arrays, so the per-record checks
// are array reads: types and predicates by ordinal, and per predicate which
// subject and object types it allows (subtypes included).
import { indexSchema } from '../schema.ts';
import type { EntityType, Predicate, Schema } from '../model.ts';
import { Pool } from './suggest.ts';

export interface SchemaTables {
  typeIds: Map<string, EntityType>;
  typeOrd: Map<string, number>;
  predOrd: Map<string, number>;
  predList: Predicate[];
  /** domainOk[predicate ordinal][type ordinal]: 1 when allowed as subject. */
  domainOk: Uint8Array[];
  rangeOk: Uint8Array[];
  /** Type ids for "did you mean". */
  typePool: Pool;
}

export function schemaTables(schema: Schema | undefined, budget: { left: number }): SchemaTables {
  const typeIds = new Map<string, EntityType>();
  const predicates = new Map<string, Predicate>();
  for (const t of schema?.entityTypes ?? []) typeIds.set(t.id, t);
  for (const p of schema?.predicates ?? []) predicates.set(p.id, p);
  const { expand } = indexSchema({ entityTypes: [...typeIds.values()], predicates: [] });
  const typeOrd = new Map<string, number>();
  for (const id of typeIds.keys()) typeOrd.set(id, typeOrd.size);
  const predOrd = new Map<string, number>();
  const predList: Predicate[] = [];
  const domainOk: Uint8Array[] = [];
  const rangeOk: Uint8Array[] = [];
  for (const p of predicates.values()) {
    predOrd.set(p.id, predList.length);
    predList.push(p);
    const dom = new Uint8Array(typeOrd.size);
    const rng = new Uint8Array(typeOrd.size);
    for (const t of expand(p.domain)) dom[typeOrd.get(t)!] = 1;
    for (const t of expand(p.range)) rng[typeOrd.get(t)!] = 1;
    domainOk.push(dom);
    rangeOk.push(rng);
  }
  return { typeIds, typeOrd, predOrd, predList, domainOk, rangeOk, typePool: new Pool([...typeIds.keys()], budget) };
}
