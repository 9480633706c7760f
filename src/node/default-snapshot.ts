// The default data as a store snapshot (core/snapshot/), made when the CLI is
// built (bin/build-cli.mjs): a command on the default data decodes it instead
// of reading and checking graph-data/ again on every start. The size and time
// of every file it was made from are kept beside it; if any differs, or a file
// came or went, it is not used and the files are read as before.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TripleStore } from '../core/store.ts';
import type { Stats } from '../core/model.ts';
import { MemoryExplorer } from '../core/memory-explorer.ts';
import { decodeSnapshotAndStats, encodeSnapshot } from '../core/snapshot/snapshot.ts';
import { DEFAULT_DATASET, DEFAULT_SCHEMA, loadStoreFile } from './load.ts';

/** Where the data and its snapshot are (tests use a copy). */
export interface SnapshotPlace {
  dataset: string;
  schema: string;
  /** The folder of the source texts beside the dataset. */
  sources: string;
  snapshot: string;
}

// Two levels below the root, as the CLI's bundle is.
export const DEFAULT_PLACE: SnapshotPlace = {
  dataset: DEFAULT_DATASET,
  schema: DEFAULT_SCHEMA,
  sources: fileURLToPath(new URL('../../graph-data/sources/', import.meta.url)),
  snapshot: fileURLToPath(new URL('../../build/cli/default-data.snap', import.meta.url)),
};

type Stamp = Record<string, [size: number, mtimeMs: number]>;

/** The files the data is made of: its dataset, its schema and every source text beside them. */
function inputs(at: SnapshotPlace): string[] {
  let texts: string[] = [];
  try {
    texts = readdirSync(at.sources)
      .sort()
      .map((f) => join(at.sources, f));
  } catch {
    // No sources folder: the dataset and schema are all there is.
  }
  return [at.dataset, at.schema, ...texts];
}

function stampOf(files: string[]): Stamp {
  const out: Stamp = {};
  for (const f of files) {
    const st = statSync(f);
    out[f] = [st.size, Math.trunc(st.mtimeMs)]; // whole milliseconds: what a copy or a restore keeps
  }
  return out;
}

/** Writes the snapshot of the data; false when the data does not load or the folder cannot be written. */
export function writeDefaultSnapshot(at: SnapshotPlace = DEFAULT_PLACE): boolean {
  const before = stampOf(inputs(at));
  const r = loadStoreFile(at.dataset, { schemaPath: at.schema });
  if (!r.ok || !r.store) return false;
  try {
    mkdirSync(dirname(at.snapshot), { recursive: true });
    writeFileSync(at.snapshot, new Uint8Array(encodeSnapshot(r.store)));
    writeFileSync(`${at.snapshot}.json`, `${JSON.stringify(before)}\n`);
    return true;
  } catch {
    return false;
  }
}

/** The data from its snapshot, when the snapshot matches the files as they are now. */
export function readDefaultSnapshot(
  at: SnapshotPlace = DEFAULT_PLACE,
): { store: TripleStore; stats: Stats } | undefined {
  try {
    const kept = JSON.parse(readFileSync(`${at.snapshot}.json`, 'utf8')) as Stamp;
    const now = stampOf(inputs(at));
    const names = Object.keys(now);
    if (names.length !== Object.keys(kept).length) return undefined;
    for (const f of names) if (kept[f]?.[0] !== now[f]![0] || kept[f]?.[1] !== now[f]![1]) return undefined;
    const bytes = readFileSync(at.snapshot);
    return decodeSnapshotAndStats(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  } catch {
    return undefined;
  }
}

/** The default data's Explorer from its snapshot, or undefined (then it is read and checked as any file). */
export function defaultFromSnapshot(): MemoryExplorer | undefined {
  const s = readDefaultSnapshot();
  return s ? new MemoryExplorer(s.store, DEFAULT_DATASET, s.stats) : undefined;
}
