// The loader worker's side of snapshots: encode the loaded store and keep it,
// or read one back and decode it, here in the worker so the page never holds
// (or copies) the bytes.
import type { Source } from '../../core/model.ts';
import type { Problem } from '../../core/problems.ts';
import { MemoryExplorer } from '../../core/memory-explorer.ts';
import { decodeSnapshotAndStats, encodeSnapshot } from '../../core/snapshot/snapshot.ts';
import { dropSnapshot, readSnapshot, writeSnapshot } from '../store/snapshots.ts';
import type { LoadedMeta } from './protocol.ts';
import type { SnapshotTimes } from './rpc.ts';

export type Restored =
  | { ok: true; explorer: MemoryExplorer; warnings: Problem[]; meta: LoadedMeta; took: SnapshotTimes }
  | { ok: false; reason: string };

export async function restore(hash: string): Promise<Restored> {
  const t0 = performance.now();
  const kept = await readSnapshot(hash);
  if ('missing' in kept) return { ok: false, reason: kept.missing };
  const t1 = performance.now();
  let explorer: MemoryExplorer;
  try {
    const { store, stats } = decodeSnapshotAndStats(kept.bytes);
    explorer = new MemoryExplorer(store, kept.file, stats);
  } catch (e) {
    // Old or damaged: it would fail again; the steps are replayed and a new one kept.
    void dropSnapshot(hash);
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const store = explorer.store;
  return {
    ok: true,
    took: { read: t1 - t0, decode: performance.now() - t1 },
    explorer,
    warnings: kept.warnings,
    meta: {
      file: kept.file,
      title: store.title,
      sources: store.sources.map(withoutText),
      warnings: kept.warnings,
    },
  };
}

/** The source less its text, not reading it (a snapshot's texts are decoded only when read). */
function withoutText(s: Source): Source {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(s)) if (k !== 'text') out[k] = s[k as keyof Source];
  return out as unknown as Source;
}

export async function keepSnapshot(hash: string, explorer: MemoryExplorer, warnings: Problem[]): Promise<boolean> {
  let bytes: ArrayBuffer;
  try {
    bytes = encodeSnapshot(explorer.store, await explorer.stats());
  } catch {
    // Too large for one buffer, or out of memory: the steps are kept all the same.
    return false;
  }
  return writeSnapshot({ hash, file: explorer.file, warnings, bytes });
}
