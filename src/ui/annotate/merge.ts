// Two tabs working on the same graph: what one did since it last shared its
// work is replayed onto what the other saved meanwhile, so neither loses
// anything. Ids that clash with different content are renamed (and the
// relations that name them follow).
import type { Entity, Source, Triple } from '../../core/model.ts';
import { uniqueId, type Work } from './work.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `mine` minus `base` (this tab's own edits), applied on top of `theirs`. */
export function rebase(mine: Work, base: Work, theirs: Work): Work {
  const baseSources = new Set(base.dataset.sources.map((s) => s.id));
  const baseEntities = new Map(base.dataset.entities.map((e) => [e.id, e]));
  const baseTriples = new Set(base.dataset.triples.map((t) => t.id));
  const mineTriples = new Set(mine.dataset.triples.map((t) => t.id));
  const removed = new Set(base.dataset.triples.filter((t) => !mineTriples.has(t.id)).map((t) => t.id));

  const sources = [...theirs.dataset.sources];
  const entities = [...theirs.dataset.entities];
  const triples = theirs.dataset.triples.filter((t) => !removed.has(t.id));
  const added = {
    sources: [...theirs.added.sources],
    entities: [...theirs.added.entities],
    triples: theirs.added.triples.filter((id) => !removed.has(id)),
    aliases: [...theirs.added.aliases],
  };
  const renameSource = new Map<string, string>();
  const renameEntity = new Map<string, string>();

  const sIdx = new Map(sources.map((s, i) => [s.id, i]));
  for (const s of mine.dataset.sources) {
    if (baseSources.has(s.id)) continue;
    const at = sIdx.get(s.id);
    if (at !== undefined && same(sources[at], s)) continue;
    const id = at === undefined ? s.id : uniqueId(s.id, (x) => sIdx.has(x));
    if (id !== s.id) renameSource.set(s.id, id);
    const copy: Source = { ...s, id };
    sIdx.set(id, sources.length);
    sources.push(copy);
    added.sources.push(id);
  }
  const eIdx = new Map(entities.map((e, i) => [e.id, i]));
  for (const e of mine.dataset.entities) {
    const was = baseEntities.get(e.id);
    if (was) {
      // Aliases this tab added to a known entity.
      const extra = (e.aliases ?? []).filter((a) => !(was.aliases ?? []).includes(a));
      const at = eIdx.get(e.id);
      if (extra.length && at !== undefined) {
        const cur = entities[at]!;
        const aliases = [...(cur.aliases ?? [])];
        for (const a of extra)
          if (!aliases.includes(a) && a !== cur.label) {
            aliases.push(a);
            added.aliases.push({ entity: e.id, alias: a });
          }
        entities[at] = { ...cur, aliases };
      }
      continue;
    }
    const at = eIdx.get(e.id);
    if (at !== undefined && same(entities[at], e)) continue;
    const id = at === undefined ? e.id : uniqueId(e.id, (x) => eIdx.has(x));
    if (id !== e.id) renameEntity.set(e.id, id);
    const copy: Entity = { ...e, id };
    eIdx.set(id, entities.length);
    entities.push(copy);
    added.entities.push(id);
  }
  const tIdx = new Map(triples.map((t, i) => [t.id, i]));
  const ent = (id: string) => renameEntity.get(id) ?? id;
  for (const t of mine.dataset.triples) {
    if (baseTriples.has(t.id)) continue;
    const moved: Triple = {
      ...t,
      subject: ent(t.subject),
      object: ent(t.object),
      source: renameSource.get(t.source) ?? t.source,
    };
    if (moved.attributedTo !== undefined) moved.attributedTo = ent(moved.attributedTo);
    const at = tIdx.get(t.id);
    if (at !== undefined && same(triples[at], moved)) continue;
    const id = at === undefined || t.id === undefined ? t.id : uniqueId(t.id, (x) => tIdx.has(x));
    moved.id = id;
    tIdx.set(id, triples.length);
    triples.push(moved);
    if (id !== undefined) added.triples.push(id);
  }
  const document = mine.document && (renameSource.get(mine.document) ?? mine.document);
  return { ...theirs, dataset: { ...theirs.dataset, sources, entities, triples }, added, document };
}
