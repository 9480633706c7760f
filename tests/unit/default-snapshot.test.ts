import { statSync, utimesSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryExplorer } from '../../src/core/memory-explorer.ts';
import { readDefaultSnapshot, writeDefaultSnapshot } from '../../src/node/default-snapshot.ts';
import { DEFAULT_DATASET, DEFAULT_SCHEMA, loadStoreFile } from '../../src/node/load.ts';

describe('the default data as a snapshot (made when the CLI is built)', () => {
  it('answers as the files read and checked, and is not used once a file changes', async () => {
    expect(writeDefaultSnapshot()).toBe(true);
    const kept = readDefaultSnapshot();
    expect(kept).toBeDefined();
    const read = loadStoreFile(DEFAULT_DATASET).store!;
    const a = new MemoryExplorer(kept!.store, 'd'),
      b = new MemoryExplorer(read, 'd');
    expect(await a.stats()).toEqual(await b.stats());
    for (let t = 0; t < read.tripleCount; t++) expect(kept!.store.tripleAt(t)).toEqual(read.tripleAt(t));
    const hub = (await b.topEntities(1))[0]!.id;
    expect(await a.details(hub)).toEqual(await b.details(hub));

    // A schema saved again (its time changed): the files are read as before.
    const st = statSync(DEFAULT_SCHEMA);
    try {
      utimesSync(DEFAULT_SCHEMA, st.atime, new Date(st.mtimeMs + 2000));
      expect(readDefaultSnapshot()).toBeUndefined();
    } finally {
      utimesSync(DEFAULT_SCHEMA, st.atime, st.mtime);
    }
    expect(readDefaultSnapshot()).toBeDefined();
  });
});
