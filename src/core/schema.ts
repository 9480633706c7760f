// Lookups over a schema: the type hierarchy and predicates by id.
import type { EntityType, Predicate, Schema } from './model.ts';

export interface SchemaIndex {
  schema: Schema;
  types: Map<string, EntityType>;
  predicates: Map<string, Predicate>;
  /** true when `type` is `ancestor` or one of its subtypes. */
  isA(type: string, ancestor: string): boolean;
  /** The given types and all their subtypes. */
  expand(types: Iterable<string>): Set<string>;
}

export function indexSchema(schema: Schema): SchemaIndex {
  const types = new Map(schema.entityTypes.map((t) => [t.id, t]));
  const predicates = new Map(schema.predicates.map((p) => [p.id, p]));
  const children = new Map<string, string[]>();
  for (const t of schema.entityTypes) {
    if (!t.parent) continue;
    const list = children.get(t.parent) ?? [];
    list.push(t.id);
    children.set(t.parent, list);
  }
  const isA = (type: string, ancestor: string): boolean => {
    // Bounded walk: a cyclic schema (rejected by validation) must not hang callers.
    let cur: string | undefined = type;
    for (let i = 0; cur !== undefined && i <= types.size; i++) {
      if (cur === ancestor) return true;
      cur = types.get(cur)?.parent;
    }
    return false;
  };
  const expand = (roots: Iterable<string>): Set<string> => {
    const out = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const t = stack.pop()!;
      if (out.has(t)) continue;
      out.add(t);
      for (const c of children.get(t) ?? []) stack.push(c);
    }
    return out;
  };
  return { schema, types, predicates, isA, expand };
}
