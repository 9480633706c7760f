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
  /**
   * The snapshot, as a Blob: IndexedDB refuses a value over 127 MB (a 1M-triple snapshot is larger), and
   * Chromium reads a Blob back several times faster than the same bytes stored as an ArrayBuffer.
   */
  bytes: Blob;
  kept: number;
}

/** Warnings kept with a snapshot: enough to show again, not an unbounded list. */
const MAX_WARNINGS = 1000;

export async function writeSnapshot(
  s: Omit<KeptSnapshot, 'kept' | 'bytes'> & { bytes: ArrayBuffer },
): Promise<boolean> {
  try {
    const d = await openKeptDb();
    const kept: KeptSnapshot = {
      ...s,
      bytes: new Blob([s.bytes]),
      warnings: s.warnings.slice(0, MAX_WARNINGS),
      kept: Date.now(),
    };
    await d.put(SNAPSHOTS, kept);
    return true;
  } catch {
    return false;
  }
}

/** The snapshot kept under `hash`, its bytes read; else why not (none kept, or it cannot be read). */
export async function readSnapshot(
  hash: string,
): Promise<(Omit<KeptSnapshot, 'bytes'> & { bytes: ArrayBuffer }) | { missing: string }> {
  let s: Partial<KeptSnapshot> | undefined;
  try {
    s = (await (await openKeptDb()).get(SNAPSHOTS, hash)) as Partial<KeptSnapshot> | undefined;
  } catch (e) {
    return { missing: `the browser's storage cannot be read: ${String(e)}` };
  }
  if (!s) return { missing: 'no snapshot kept' };
  if (!(s.bytes instanceof Blob) || typeof s.file !== 'string' || !Array.isArray(s.warnings))
    return { missing: 'the snapshot record is not one this version wrote' };
  try {
    return { ...(s as KeptSnapshot), bytes: await s.bytes.arrayBuffer() };
  } catch (e) {
    return { missing: `the snapshot's ${s.bytes.size} bytes cannot be read back: ${String(e)}` };
  }
}

export async function dropSnapshot(hash: string): Promise<void> {
  try {
    await (await openKeptDb()).delete(SNAPSHOTS, hash);
  } catch {
    // Nothing to do: the next reopen reads the steps again.
  }
}
