// What a work added, as a store takes it (Explorer.save). Pure data.
import type { Additions } from '../../core/explorer.ts';
import type { Work } from './work.ts';

/** The items this work added, as the store takes them: aliases only for entities the store had before. */
export function additionsOf(w: Work): Additions {
  const ds = w.dataset;
  const pick = <T extends { id?: string }>(xs: readonly T[], ids: readonly string[]) => {
    const want = new Set(ids);
    return xs.filter((x) => x.id !== undefined && want.has(x.id));
  };
  const newEntities = new Set(w.added.entities);
  const byId = new Map(ds.entities.map((e) => [e.id, e]));
  const seen = new Set<string>();
  const aliases = w.added.aliases.filter((a) => {
    const k = JSON.stringify([a.entity, a.alias]);
    if (seen.has(k) || newEntities.has(a.entity) || !byId.get(a.entity)?.aliases?.includes(a.alias)) return false;
    seen.add(k);
    return true;
  });
  return {
    sources: pick(ds.sources, w.added.sources),
    entities: pick(ds.entities, w.added.entities),
    aliases,
    triples: pick(ds.triples, w.added.triples),
  };
}
