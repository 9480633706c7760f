// The working graph in IndexedDB, written after every change, so a reload or
// a crash loses nothing. One record: the work as it stands (history is not kept).
import { openDB, type IDBPDatabase } from 'idb';
import type { Work } from './work.ts';

const DB = 'actorgraph-annotate';
const STORE = 'work';
const KEY = 'current';

let db: Promise<IDBPDatabase> | undefined;
function open(): Promise<IDBPDatabase> {
  return (db ??= openDB(DB, 1, { upgrade: (d) => { d.createObjectStore(STORE); } }));
}

export async function loadWork(): Promise<Work | undefined> {
  const w = (await (await open()).get(STORE, KEY)) as Work | undefined;
  return w && w.dataset && Array.isArray(w.dataset.entities) ? w : undefined;
}

export async function saveWork(w: Work): Promise<void> {
  await (await open()).put(STORE, { ...w, savedAt: Date.now() }, KEY);
}

export async function clearWork(): Promise<void> {
  await (await open()).delete(STORE, KEY);
}
