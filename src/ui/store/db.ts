// The browser's one database (IndexedDB), opened by the page and by the loader
// worker alike. Version 1 kept the steps of opened data; version 2 adds their
// snapshots beside them, under the same hash.
import { openDB, type IDBPDatabase } from 'idb';

export const DB_NAME = 'actorgraph',
  DB_VERSION = 2;
/** Steps of opened data by hash (kept.ts). */
export const DATASETS = 'datasets';
/** Snapshots of the loaded store by the same hash (snapshots.ts). */
export const SNAPSHOTS = 'snapshots';

let db: Promise<IDBPDatabase> | undefined;

export function openKeptDb(): Promise<IDBPDatabase> {
  db ??= openDB(DB_NAME, DB_VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) d.createObjectStore(DATASETS, { keyPath: 'hash' });
      if (oldVersion < 2) d.createObjectStore(SNAPSHOTS, { keyPath: 'hash' });
    },
    // Another tab with a newer version wants the database: let it go (opened again on next use).
    blocking() {
      void db?.then((d) => d.close());
      db = undefined;
    },
  }).catch((e: unknown) => {
    db = undefined;
    throw e;
  });
  return db;
}
