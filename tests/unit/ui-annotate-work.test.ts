// The annotation workspace's pure state: edits, undo and redo, checking by the
// core's validation, and persistence (IndexedDB, faked in Node).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset, Schema } from '../../src/core/model.ts';
import { applyEdit, exportWork, history, newEntity, newTripleId, record, redo, startWork, undo } from '../../src/ui/annotate/work.ts';
import { checkWork, newErrors } from '../../src/ui/annotate/check.ts';
import { clearWork, loadWork, saveWork } from '../../src/ui/annotate/persist.ts';
import { documentSource } from '../../src/core/annotate/document.ts';
import { parseDataset } from '../../src/core/validate.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(resolve(ROOT, 'graph-data/schema.json'), 'utf8')) as Schema;
const base: Dataset = {
  format: 'actorgraph/dataset', version: 1, sources: [],
  entities: [{ id: 'iran', label: 'Iran', type: 'state' }, { id: 'kataib-hezbollah', label: 'Kataib Hezbollah', type: 'armed-group' }],
  triples: [],
};
const TEXT = 'Kataib Hezbollah is backed by Iran, officials said. The Harbour Brigade is also backed by Iran.';

function started() {
  const w = startWork('test.json', base, schema);
  const source = documentSource(TEXT, { title: 'A test report', publisher: 'Test Wire' }, () => false);
  return record(history(w), { type: 'add-document', source });
}

describe('annotation work', () => {
  it('adds a document, an entity and a relation, and undoes and redoes them in order', () => {
    let h = started();
    const src = h.present.document!;
    expect(src).toBe('src-a-test-report');
    const brigade = newEntity(h.present, 'Harbour Brigade', 'armed-group', 'the Harbour Brigade');
    expect(brigade).toEqual({ id: 'harbour-brigade', label: 'Harbour Brigade', type: 'armed-group', aliases: ['the Harbour Brigade'] });
    h = record(h, { type: 'add-entity', entity: brigade });
    const triple = { id: newTripleId(h.present, src), subject: 'harbour-brigade', predicate: 'backed-by', object: 'iran', source: src, evidence: 'The Harbour Brigade is also backed by Iran.' };
    h = record(h, { type: 'add-relation', triple });
    expect(h.present.dataset.triples).toHaveLength(1);
    expect(h.present.added).toMatchObject({ sources: [src], entities: ['harbour-brigade'], triples: [triple.id] });
    expect(checkWork(h.present).filter((p) => p.severity === 'error')).toEqual([]);

    h = undo(h);
    expect(h.present.dataset.triples).toHaveLength(0);
    h = undo(h);
    expect(h.present.dataset.entities.map((e) => e.id)).toEqual(['iran', 'kataib-hezbollah']);
    expect(undo(undo(h)).present.dataset.sources).toHaveLength(0);
    h = redo(redo(h));
    expect(h.present.dataset.triples).toEqual([triple]);
    expect(redo(h)).toBe(h);
    // A new edit drops what could be redone.
    h = record(undo(h), { type: 'add-alias', entity: 'iran', alias: 'Islamic Republic' });
    expect(h.future).toEqual([]);
    expect(h.present.dataset.entities.find((e) => e.id === 'iran')!.aliases).toEqual(['Islamic Republic']);
  });

  it('gives an entity marked by its label no alias, and never reuses an id', () => {
    const h = started();
    expect(newEntity(h.present, 'Iran', 'state', 'Iran')).toEqual({ id: 'iran-2', label: 'Iran', type: 'state' });
  });

  it('refuses, through the core checker, a relation whose quote is not in the document or whose types do not fit', () => {
    const h = started();
    const src = h.present.document!;
    const bad = { type: 'add-relation' as const, triple: { id: 'x', subject: 'kataib-hezbollah', predicate: 'backed-by', object: 'iran', source: src, evidence: 'Iran backs everyone.' } };
    expect(newErrors(h.present, bad).map((p) => p.code)).toEqual(['evidence-not-found']);
    const wrong = { type: 'add-relation' as const, triple: { id: 'y', subject: 'iran', predicate: 'struck', object: 'kataib-hezbollah', source: src, evidence: 'Kataib Hezbollah is backed by Iran' } };
    expect(newErrors(h.present, wrong).length).toBeGreaterThan(0);
    const good = { type: 'add-relation' as const, triple: { id: 'z', subject: 'kataib-hezbollah', predicate: 'backed-by', object: 'iran', source: src, evidence: 'Kataib Hezbollah is backed by Iran' } };
    expect(newErrors(h.present, good)).toEqual([]);
  });

  it('exports a standalone dataset that loads back', () => {
    let h = started();
    const src = h.present.document!;
    h = record(h, { type: 'add-relation', triple: { id: 'r1', subject: 'kataib-hezbollah', predicate: 'backed-by', object: 'iran', source: src, evidence: 'Kataib Hezbollah is backed by Iran' } });
    const r = parseDataset(exportWork(h.present), { file: 'export.json' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.dataset!.triples[0]).toMatchObject({ id: 'r1', evidence: 'Kataib Hezbollah is backed by Iran' });
  });

  it('keeps the work in IndexedDB', async () => {
    await clearWork();
    expect(await loadWork()).toBeUndefined();
    const h = started();
    await saveWork(h.present);
    const back = await loadWork();
    expect(back!.dataset).toEqual(h.present.dataset);
    expect(back!.document).toBe(h.present.document);
    expect(applyEdit(back!, { type: 'show-document', id: 'other' }).document).toBe('other');
  });
});
