// Snapshots of loaded stores (core/snapshot/) kept beside the steps, under the
// same hash: the loader worker writes one after a first open and reads it on a
// reopen. Every failure (storage refused, quota, a damaged record) is quiet:
// the steps are still there to replay.
import type { Problem } from '../../core/problems.ts';
import { openKeptDb, SNAPSHOTS } from './db.ts';

export interface KeptSnapshot {
  hash: string;
  /** The name the data was loaded under, and its validation warnings, as the first open gave them. */
  file: string;
  warnings: Problem[];
  bytes: ArrayBuffer;
  kept: number;
}

/** Warnings kept with a snapshot: enough to show again, not an unbounded list. */
const MAX_WARNINGS = 1000;

export async function writeSnapshot(s: Omit<KeptSnapshot, 'kept'>): Promise<boolean> {
  try {
    const d = await openKeptDb();
    await d.put(SNAPSHOTS, { ...s, warnings: s.warnings.slice(0, MAX_WARNINGS), kept: Date.now() });
    return true;
  } catch {
    return false;
  }
}

export async function readSnapshot(hash: string): Promise<KeptSnapshot | undefined> {
  try {
    const s = (await (await openKeptDb()).get(SNAPSHOTS, hash)) as Partial<KeptSnapshot> | undefined;
    return s && s.bytes instanceof ArrayBuffer && typeof s.file === 'string' && Array.isArray(s.warnings)
      ? (s as KeptSnapshot)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets a snapshot that could not be read (it would fail again). */
export async function dropSnapshot(hash: string): Promise<void> {
  try {
    await (await openKeptDb()).delete(SNAPSHOTS, hash);
  } catch {
    // Nothing to do: the next reopen reads the steps again.
  }
}
