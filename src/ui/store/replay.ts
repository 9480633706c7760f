// Reopening kept data: every step but the last is loaded here (the base, then
// each merge); the caller follows the last one as any load.
import { openExplorer, type DataSpec, type LoadedData } from '../data/load.ts';
import type { DataStep } from './steps.ts';

export const specOf = (s: DataStep): DataSpec =>
  s.kind === 'bundled'
    ? { bundled: true }
    : s.kind === 'url'
      ? { url: s.url }
      : { files: s.files, ...(s.read ? { read: s.read } : {}) };

/** The data after all steps but the last (undefined for one step); throws with the problems of a step that fails. */
export async function replayBase(steps: readonly DataStep[]): Promise<LoadedData | undefined> {
  let data: LoadedData | undefined;
  for (const s of steps.slice(0, -1)) {
    const r = await openExplorer(specOf(s), { merge: data }).done;
    const before = data;
    if (!r.ok) {
      before?.dispose();
      throw new Error(r.problems[0]?.message ?? 'a kept file no longer opens');
    }
    data = r.data;
    before?.dispose();
  }
  return data;
}
