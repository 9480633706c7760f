// "Save to store": what the workspace added, sent through the Explorer to the
// SPARQL store it is connected to (Explorer.save: INSERT DATA only, so two
// tabs saving at once keep both). The work itself is never changed by a
// save, so a refused or failed one loses nothing.
import { useState } from 'preact/hooks';
import type { Additions, SaveResult } from '../../core/explorer.ts';
import { canSave, errorText, saveToStore } from '../controllers/gateway.ts';
import type { Loaded } from '../controllers/gateway.ts';
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

export type StoreSave =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; result: SaveResult }
  | { state: 'failed'; message: string };

export function useStoreSave(view: Loaded, onSaved: (() => void) | undefined) {
  const [status, setStatus] = useState<StoreSave>({ state: 'idle' });
  const save = (w: Work) => {
    setStatus({ state: 'saving' });
    saveToStore(view, additionsOf(w)).then(
      (result) => {
        setStatus({ state: 'saved', result });
        if (result.saved.length) onSaved?.();
      },
      (e: unknown) => setStatus({ state: 'failed', message: errorText(e) }),
    );
  };
  return { can: canSave(view), status, save, dismiss: () => setStatus({ state: 'idle' }) };
}
