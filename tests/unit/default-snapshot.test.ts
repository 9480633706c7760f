import { cpSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryExplorer } from '../../src/core/memory-explorer.ts';
import { readDefaultSnapshot, writeDefaultSnapshot, type SnapshotPlace } from '../../src/node/default-snapshot.ts';
import { DEFAULT_DATASET, loadStoreFile } from '../../src/node/load.ts';

describe('the default data as a snapshot (made when the CLI is built)', () => {
  it('answers as the files read and checked, and is not used once a file changes', async () => {
    // A copy of graph-data/: the real files are never touched (other tests read them meanwhile).
    const dir = mkdtempSync(join(tmpdir(), 'ag-default-'));
    try {
      cpSync(join(DEFAULT_DATASET, '..'), dir, { recursive: true, preserveTimestamps: true });
      const at: SnapshotPlace = {
        dataset: join(dir, 'dataset.json'),
        schema: join(dir, 'schema.json'),
        sources: join(dir, 'sources'),
        snapshot: join(dir, 'build', 'default-data.snap'),
      };
      expect(writeDefaultSnapshot(at)).toBe(true);
      const kept = readDefaultSnapshot(at);
      expect(kept).toBeDefined();
      const read = loadStoreFile(DEFAULT_DATASET).store!;
      const a = new MemoryExplorer(kept!.store, 'd'),
        b = new MemoryExplorer(read, 'd');
      expect(await a.stats()).toEqual(await b.stats());
      for (let t = 0; t < read.tripleCount; t++) expect(kept!.store.tripleAt(t)).toEqual(read.tripleAt(t));
      const hub = (await b.topEntities(1))[0]!.id;
      expect(await a.details(hub)).toEqual(await b.details(hub));

      // The schema saved again (its time changed): the files are read as before; its time put back, the snapshot again.
      const st = statSync(at.schema);
      utimesSync(at.schema, st.atime, new Date(st.mtimeMs + 2000));
      expect(readDefaultSnapshot(at)).toBeUndefined();
      utimesSync(at.schema, st.atime, st.mtime);
      expect(readDefaultSnapshot(at)).toBeDefined();
      // A new source text beside the others, or a damaged snapshot: not used either.
      writeFileSync(join(at.sources, 'new.txt'), 'text');
      expect(readDefaultSnapshot(at)).toBeUndefined();
      rmSync(join(at.sources, 'new.txt'));
      writeFileSync(at.snapshot, 'not a snapshot');
      expect(readDefaultSnapshot(at)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
