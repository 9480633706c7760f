// The working graph in IndexedDB, written after every change, so a reload or
// a crash loses nothing. One record: the work as it stands, a revision, and
// the undo history as edits (history-log.ts).
// A save reads and writes in one transaction: when another tab saved since
// this one last did, this tab's edits are replayed on that work (merge.ts).
import { openDB, type IDBPDatabase } from 'idb';
import type { Work } from './work.ts';
import { rebase } from './merge.ts';
import type { HistoryLog } from './history-log.ts';

const DB = 'actorgraph-annotate';
const STORE = 'work';
const KEY = 'current';

export interface Stored {
  work: Work;
  /** +1 on every save, whichever tab. */
  rev: number;
  /** Undo and redo as they stood (none after a merge with another tab's work: undo starts afresh). */
  log?: HistoryLog;
}

let db: Promise<IDBPDatabase> | undefined;
function open(): Promise<IDBPDatabase> {
  return (db ??= openDB(DB, 2, {
    upgrade: (d) => {
      if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE);
    },
  }));
}

function valid(s: unknown): s is Stored {
  const w = (s as Stored | undefined)?.work;
  return (
    !!w &&
    typeof (s as Stored).rev === 'number' &&
    Array.isArray(w.dataset?.entities) &&
    Array.isArray(w.dataset?.triples) &&
    Array.isArray(w.dataset?.sources)
  );
}

export async function loadStored(): Promise<Stored | undefined> {
  const s: unknown = await (await open()).get(STORE, KEY);
  return valid(s) ? s : undefined;
}

/**
 * Saves `mine`, which started from `base` (what this tab last loaded or saved; rev 0 for a fresh start).
 * Returns what is stored now: `mine` itself, or `mine` replayed on another tab's newer save.
 */
export async function saveWork(mine: Work, base: Stored, log?: HistoryLog): Promise<Stored> {
  const tx = (await open()).transaction(STORE, 'readwrite');
  const cur: unknown = await tx.store.get(KEY);
  const now = valid(cur) ? cur : undefined;
  const merged = !!now && now.rev !== base.rev;
  const work = merged ? rebase(mine, base.work, now.work) : mine;
  const out: Stored = { work, rev: (now?.rev ?? 0) + 1, ...(log && !merged ? { log } : {}) };
  await tx.store.put(out, KEY);
  await tx.done;
  return out;
}

export async function clearWork(): Promise<void> {
  await (await open()).delete(STORE, KEY);
}
