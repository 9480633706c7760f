// Opened data kept in this browser (IndexedDB), under its content hash, so a
// link naming the hash reopens it after a reload or in another tab.
import { DATASETS, openKeptDb } from './db.ts';
import type { DataStep } from './steps.ts';

interface Kept {
  hash: string;
  steps: DataStep[];
  title: string;
  kept: number;
}

/** Keeps the steps (files are stored as they are: IndexedDB clones Files). Fails quietly where storage is refused. */
export async function keepData(hash: string, steps: DataStep[], title: string): Promise<boolean> {
  try {
    const d = await openKeptDb();
    if (await d.getKey(DATASETS, hash)) return true;
    await d.put(DATASETS, { hash, steps, title, kept: Date.now() } satisfies Kept);
    return true;
  } catch {
    return false;
  }
}

/** The steps kept under `hash`, if this browser has them. */
export async function keptData(hash: string): Promise<Kept | undefined> {
  try {
    return (await (await openKeptDb()).get(DATASETS, hash)) as Kept | undefined;
  } catch {
    return undefined;
  }
}
