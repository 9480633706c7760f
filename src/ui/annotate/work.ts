// The working graph of the annotation workspace as pure data: the dataset
// opened plus every document, entity, alias and relation added, and the
// edits with undo and redo. No DOM, no storage: unit-tested in Node.
import type { Dataset, Entity, Schema, Source, Triple } from '../../core/model.ts';
import { DATASET_FORMAT, DATASET_VERSION } from '../../core/model.ts';
import { fnv1a } from '../../core/hash.ts';

export interface Work {
  /** The data the work started from (its file name). */
  base: string;
  /** The working dataset; its schema is always embedded, so an export stands alone. */
  dataset: Dataset;
  /** Ids of what was added here (for lists and for writing to a store). */
  added: { sources: string[]; entities: string[]; triples: string[]; aliases: { entity: string; alias: string }[] };
  /** The document shown. */
  document?: string;
}

export type Edit =
  | { type: 'add-document'; source: Source }
  | { type: 'show-document'; id: string }
  | { type: 'add-entity'; entity: Entity }
  | { type: 'add-alias'; entity: string; alias: string }
  | { type: 'add-relation'; triple: Triple }
  | { type: 'remove-relation'; id: string };

export function startWork(base: string, data: Dataset, schema: Schema): Work {
  const dataset: Dataset = { ...data, format: DATASET_FORMAT, version: DATASET_VERSION, schema };
  return { base, dataset, added: { sources: [], entities: [], triples: [], aliases: [] } };
}

/** `base` made unique against `taken`: base, base-2, base-3 … */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

export function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-$/, '') || 'entity'
  );
}

/** A new entity named by `label`; the text it was marked as becomes an alias when written otherwise. */
export function newEntity(work: Work, label: string, type: string, mention?: string): Entity {
  const ids = new Set(work.dataset.entities.map((e) => e.id));
  const e: Entity = { id: uniqueId(slug(label), (id) => ids.has(id)), label: label.trim(), type };
  const m = mention?.trim();
  if (m && m !== e.label) e.aliases = [m];
  return e;
}

/**
 * A relation id from its source and what it says: the same relation gets the same id in any tab, a different one
 * (almost surely) another, so two workspaces saving to one store at once never write two relations under one id.
 */
export function newTripleId(work: Work, source: string, content: Omit<Triple, 'id'>): string {
  const c = content as unknown as Record<string, unknown>;
  const text = JSON.stringify(
    Object.keys(c)
      .sort()
      .map((k) => [k, c[k]]),
  );
  const h = fnv1a(text).toString(36).padStart(7, '0') + fnv1a(text, 0x9747b28c).toString(36).padStart(7, '0');
  const ids = new Set(work.dataset.triples.map((t) => t.id).filter((x): x is string => !!x));
  return uniqueId(`${source}-r-${h}`, (id) => ids.has(id));
}

export function applyEdit(w: Work, e: Edit): Work {
  const ds = w.dataset;
  switch (e.type) {
    case 'add-document':
      return {
        ...w,
        dataset: { ...ds, sources: [...ds.sources, e.source] },
        added: { ...w.added, sources: [...w.added.sources, e.source.id] },
        document: e.source.id,
      };
    case 'show-document':
      return { ...w, document: e.id };
    case 'add-entity':
      return {
        ...w,
        dataset: { ...ds, entities: [...ds.entities, e.entity] },
        added: { ...w.added, entities: [...w.added.entities, e.entity.id] },
      };
    case 'add-alias': {
      const alias = e.alias.trim();
      const entities = ds.entities.map((x) =>
        x.id === e.entity && x.label !== alias && !(x.aliases ?? []).includes(alias)
          ? { ...x, aliases: [...(x.aliases ?? []), alias] }
          : x,
      );
      return {
        ...w,
        dataset: { ...ds, entities },
        added: { ...w.added, aliases: [...w.added.aliases, { entity: e.entity, alias }] },
      };
    }
    case 'add-relation':
      return {
        ...w,
        dataset: { ...ds, triples: [...ds.triples, e.triple] },
        added: { ...w.added, triples: [...w.added.triples, e.triple.id!] },
      };
    case 'remove-relation':
      return {
        ...w,
        dataset: { ...ds, triples: ds.triples.filter((t) => t.id !== e.id) },
        added: { ...w.added, triples: w.added.triples.filter((id) => id !== e.id) },
      };
  }
}

export interface History {
  past: Work[];
  present: Work;
  future: Work[];
  /** The edits that made `present` from `past[0]`, one per step of `past` (what is kept across a reload). */
  done: Edit[];
  /** The edits undone, the next to redo first, one per step of `future`. */
  undone: Edit[];
}

/** Steps kept for undo. */
export const HISTORY_LIMIT = 200;

export const history = (present: Work): History => ({ past: [], present, future: [], done: [], undone: [] });

export function record(h: History, e: Edit): History {
  // Showing another document is not an edit to undo.
  if (e.type === 'show-document') return { ...h, present: applyEdit(h.present, e) };
  return {
    past: [...h.past, h.present].slice(-HISTORY_LIMIT),
    present: applyEdit(h.present, e),
    future: [],
    done: [...h.done, e].slice(-HISTORY_LIMIT),
    undone: [],
  };
}

export function undo(h: History): History {
  const prev = h.past[h.past.length - 1];
  const edit = h.done[h.done.length - 1];
  if (!prev || !edit) return h;
  return {
    past: h.past.slice(0, -1),
    present: {
      ...prev,
      document:
        h.present.document && prev.dataset.sources.some((s) => s.id === h.present.document)
          ? h.present.document
          : prev.document,
    },
    future: [h.present, ...h.future],
    done: h.done.slice(0, -1),
    undone: [edit, ...h.undone],
  };
}

export function redo(h: History): History {
  const next = h.future[0];
  const edit = h.undone[0];
  if (!next || !edit) return h;
  return {
    past: [...h.past, h.present],
    present: next,
    future: h.future.slice(1),
    done: [...h.done, edit],
    undone: h.undone.slice(1),
  };
}

/** The working dataset as a standalone file. */
export function exportWork(w: Work): string {
  return `${JSON.stringify(w.dataset, null, 2)}\n`;
}
