// Opened data kept in this browser (IndexedDB), under its content hash, so a
// link naming the hash reopens it after a reload or in another tab.
import { openDB, type IDBPDatabase } from 'idb';
import type { DataStep } from './steps.ts';

interface Kept {
  hash: string;
  steps: DataStep[];
  title: string;
  kept: number;
}

const DB = 'actorgraph',
  STORE = 'datasets';
let db: Promise<IDBPDatabase> | undefined;

function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB, 1, {
    upgrade: (d) => {
      d.createObjectStore(STORE, { keyPath: 'hash' });
    },
  });
  return db;
}

/** Keeps the steps (files are stored as they are: IndexedDB clones Files). Fails quietly where storage is refused. */
export async function keepData(hash: string, steps: DataStep[], title: string): Promise<boolean> {
  try {
    const d = await open();
    if (await d.getKey(STORE, hash)) return true;
    await d.put(STORE, { hash, steps, title, kept: Date.now() } satisfies Kept);
    return true;
  } catch {
    return false;
  }
}

/** The steps kept under `hash`, if this browser has them. */
export async function keptData(hash: string): Promise<Kept | undefined> {
  try {
    return (await (await open()).get(STORE, hash)) as Kept | undefined;
  } catch {
    return undefined;
  }
}
