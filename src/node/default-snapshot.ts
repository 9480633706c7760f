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

// Two levels below the root, as the CLI's bundle is.
const SNAPSHOT = fileURLToPath(new URL('../../build/cli/default-data.snap', import.meta.url));
const STAMP = `${SNAPSHOT}.json`;
const SOURCES = fileURLToPath(new URL('../../graph-data/sources/', import.meta.url));

type Stamp = Record<string, [size: number, mtimeMs: number]>;

/** The files the default data is made of: its dataset, its schema and every source text beside them. */
function inputs(): string[] {
  let texts: string[] = [];
  try {
    texts = readdirSync(SOURCES)
      .sort()
      .map((f) => join(SOURCES, f));
  } catch {
    // No sources folder: the dataset and schema are all there is.
  }
  return [DEFAULT_DATASET, DEFAULT_SCHEMA, ...texts];
}

function stampOf(files: string[]): Stamp {
  const out: Stamp = {};
  for (const f of files) {
    const st = statSync(f);
    out[f] = [st.size, Math.trunc(st.mtimeMs)]; // whole milliseconds: what a copy or a restore keeps
  }
  return out;
}

/** Writes the snapshot of the default data; false when the data does not load or the folder cannot be written. */
export function writeDefaultSnapshot(): boolean {
  const files = inputs();
  const before = stampOf(files);
  const r = loadStoreFile(DEFAULT_DATASET);
  if (!r.ok || !r.store) return false;
  try {
    mkdirSync(dirname(SNAPSHOT), { recursive: true });
    writeFileSync(SNAPSHOT, new Uint8Array(encodeSnapshot(r.store)));
    writeFileSync(STAMP, `${JSON.stringify(before)}\n`);
    return true;
  } catch {
    return false;
  }
}

/** The default data from its snapshot, when the snapshot matches the files as they are now. */
export function readDefaultSnapshot(): { store: TripleStore; stats: Stats } | undefined {
  try {
    const kept = JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
    const now = stampOf(inputs());
    const names = Object.keys(now);
    if (names.length !== Object.keys(kept).length) return undefined;
    for (const f of names) if (kept[f]?.[0] !== now[f]![0] || kept[f]?.[1] !== now[f]![1]) return undefined;
    const bytes = readFileSync(SNAPSHOT);
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
