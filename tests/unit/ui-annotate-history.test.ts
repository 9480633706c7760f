// Undo and redo that survive a reload: the history's pure transitions, its
// log (the origin and the edits) and its replay, bounded, through IndexedDB
// (faked in Node).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset, Schema } from '../../src/core/model.ts';
import { documentSource } from '../../src/core/annotate/document.ts';
import {
  HISTORY_LIMIT,
  history,
  newTripleId,
  record,
  redo,
  startWork,
  undo,
  type History,
} from '../../src/ui/annotate/work.ts';
import { historyLog, restoreHistory } from '../../src/ui/annotate/history-log.ts';
import { clearWork, loadStored, saveWork } from '../../src/ui/annotate/persist.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(resolve(ROOT, 'graph-data/schema.json'), 'utf8')) as Schema;
const base: Dataset = {
  format: 'actorgraph/dataset',
  version: 1,
  sources: [],
  entities: [
    { id: 'iran', label: 'Iran', type: 'state' },
    { id: 'kataib-hezbollah', label: 'Kataib Hezbollah', type: 'armed-group' },
  ],
  triples: [],
};
const TEXT = 'Kataib Hezbollah is backed by Iran, officials said. The Harbour Brigade is also backed by Iran.';

/** A document, an entity, a relation and an alias; then the alias undone. */
function worked(): History {
  const source = documentSource(TEXT, { title: 'A test report' }, () => false);
  let h = record(history(startWork('test.json', base, schema)), { type: 'add-document', source });
  h = record(h, {
    type: 'add-entity',
    entity: { id: 'harbour-brigade', label: 'Harbour Brigade', type: 'armed-group' },
  });
  const body = {
    subject: 'harbour-brigade',
    predicate: 'backed-by',
    object: 'iran',
    source: source.id,
    evidence: 'The Harbour Brigade is also backed by Iran.',
  };
  h = record(h, { type: 'add-relation', triple: { id: newTripleId(h.present, source.id, body), ...body } });
  h = record(h, { type: 'add-alias', entity: 'iran', alias: 'Tehran' });
  return undo(h);
}

/** What a step shows, without object identity. */
const shown = (h: History) => ({
  dataset: h.present.dataset,
  added: h.present.added,
  past: h.past.length,
  future: h.future.length,
});

describe('annotation history', () => {
  it('keeps one edit per step, in step with undo and redo', () => {
    const h = worked();
    expect(h.past).toHaveLength(3);
    expect(h.done.map((e) => e.type)).toEqual(['add-document', 'add-entity', 'add-relation']);
    expect(h.undone.map((e) => e.type)).toEqual(['add-alias']);
    const r = redo(h);
    expect(r.done).toHaveLength(4);
    expect(r.undone).toEqual([]);
    // Showing another document is no step.
    const s = record(h, { type: 'show-document', id: h.present.document! });
    expect(s.done).toBe(h.done);
    expect(s.past).toBe(h.past);
  });

  it('rebuilds undo and redo from the log as they were', () => {
    const h = worked();
    // Through structured clone, as IndexedDB keeps it.
    const log = structuredClone(historyLog(h));
    const back = restoreHistory(structuredClone(h.present), log);
    expect(shown(back)).toEqual(shown(h));
    expect(shown(undo(back))).toEqual(shown(undo(h)));
    expect(shown(undo(undo(undo(back))))).toEqual(shown(undo(undo(undo(h)))));
    expect(undo(undo(undo(back))).present.dataset.sources).toEqual([]);
    expect(shown(redo(back))).toEqual(shown(redo(h)));
    expect(redo(back).present.dataset.entities.find((e) => e.id === 'iran')!.aliases).toEqual(['Tehran']);
  });

  it('is bounded, and a log that does not lead to the work gives no undo', () => {
    let h = worked();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = record(h, { type: 'add-alias', entity: 'iran', alias: `I${i}` });
    expect(h.done).toHaveLength(HISTORY_LIMIT);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    const back = restoreHistory(h.present, historyLog(h));
    expect(back.past).toHaveLength(HISTORY_LIMIT);
    expect(shown(undo(back))).toEqual(shown(undo(h)));
    // Another tab's work replaced this one's: its log does not fit.
    const stale = restoreHistory(worked().present, historyLog(h));
    expect(stale.past).toEqual([]);
    expect(restoreHistory(h.present, undefined).past).toEqual([]);
  });

  it('survives a reload through IndexedDB; a merge with another tab starts afresh', async () => {
    await clearWork();
    const h = worked();
    const start = h.past[0]!;
    const saved = await saveWork(h.present, { work: start, rev: 0 }, historyLog(h));
    const back = restoreHistory((await loadStored())!.work, (await loadStored())!.log);
    expect(shown(undo(back))).toEqual(shown(undo(h)));
    // Another tab saved meanwhile: its edits and these are merged, and undo cannot take back the other tab's.
    const other = record(h, { type: 'add-alias', entity: 'kataib-hezbollah', alias: 'KH' });
    await saveWork(other.present, saved, historyLog(other));
    const mine = record(h, { type: 'add-alias', entity: 'iran', alias: 'Persia' });
    const merged = await saveWork(mine.present, saved, historyLog(mine));
    expect(merged.log).toBeUndefined();
    expect(restoreHistory(merged.work, (await loadStored())!.log).past).toEqual([]);
  });
});
