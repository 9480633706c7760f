// The annotation workspace's pure state: edits, undo and redo, checking by the
// core's validation, and persistence (IndexedDB, faked in Node).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset, Schema } from '../../src/core/model.ts';
import {
  applyEdit,
  exportWork,
  history,
  newEntity,
  newTripleId,
  record,
  redo,
  startWork,
  undo,
} from '../../src/ui/annotate/work.ts';
import { checkWork, newErrors } from '../../src/ui/annotate/check.ts';
import { clearWork, loadStored, saveWork } from '../../src/ui/annotate/persist.ts';
import { documentSource } from '../../src/core/annotate/document.ts';
import { additionsOf } from '../../src/ui/annotate/additions.ts';
import { parseDataset } from '../../src/core/validate.ts';

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
    expect(brigade).toEqual({
      id: 'harbour-brigade',
      label: 'Harbour Brigade',
      type: 'armed-group',
      aliases: ['the Harbour Brigade'],
    });
    h = record(h, { type: 'add-entity', entity: brigade });
    const body = {
      subject: 'harbour-brigade',
      predicate: 'backed-by',
      object: 'iran',
      source: src,
      evidence: 'The Harbour Brigade is also backed by Iran.',
    };
    const triple = { id: newTripleId(h.present, src, body), ...body };
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

  it('names a relation by its source and what it says: the same in any tab, another for another', () => {
    const a = started().present;
    const b = startWork('other.json', { ...base, entities: [...base.entities].reverse() }, schema);
    const src = a.document!;
    const body = { subject: 'kataib-hezbollah', predicate: 'backed-by', object: 'iran', source: src, evidence: 'x' };
    const id = newTripleId(a, src, body);
    expect(id).toMatch(new RegExp(`^${src}-r-[0-9a-z]{14}$`));
    expect(newTripleId(b, src, { ...body })).toBe(id);
    expect(newTripleId(a, src, { ...body, evidence: 'y' })).not.toBe(id);
    expect(newTripleId(a, src, { ...body, status: 'hedged' })).not.toBe(id);
    const withIt = applyEdit(a, { type: 'add-relation', triple: { id, ...body } });
    expect(newTripleId(withIt, src, body)).toBe(`${id}-2`);
  });

  it('gives a store what was added: new items whole, new names of known entities, nothing removed', () => {
    let h = started();
    const src = h.present.document!;
    h = record(h, {
      type: 'add-entity',
      entity: { id: 'harbour-brigade', label: 'Harbour Brigade', type: 'armed-group' },
    });
    h = record(h, { type: 'add-alias', entity: 'harbour-brigade', alias: 'the Brigade' });
    h = record(h, { type: 'add-alias', entity: 'iran', alias: 'Tehran' });
    h = record(h, { type: 'add-alias', entity: 'iran', alias: 'Tehran' });
    const body = { subject: 'kataib-hezbollah', predicate: 'backed-by', object: 'iran', source: src };
    const kept = { id: 'r1', ...body, evidence: 'Kataib Hezbollah is backed by Iran' };
    h = record(h, { type: 'add-relation', triple: kept });
    h = record(h, { type: 'add-relation', triple: { id: 'r2', ...body, evidence: 'backed by Iran' } });
    h = record(h, { type: 'remove-relation', id: 'r2' });
    const a = additionsOf(h.present);
    expect(a.sources.map((s) => s.id)).toEqual([src]);
    expect(a.entities).toEqual([
      { id: 'harbour-brigade', label: 'Harbour Brigade', type: 'armed-group', aliases: ['the Brigade'] },
    ]);
    expect(a.aliases).toEqual([{ entity: 'iran', alias: 'Tehran' }]);
    expect(a.triples).toEqual([kept]);
    expect(additionsOf(startWork('x.json', base, schema))).toEqual({
      sources: [],
      entities: [],
      aliases: [],
      triples: [],
    });
  });

  it('gives an entity marked by its label no alias, and never reuses an id', () => {
    const h = started();
    expect(newEntity(h.present, 'Iran', 'state', 'Iran')).toEqual({ id: 'iran-2', label: 'Iran', type: 'state' });
  });

  it('refuses, through the core checker, a relation whose quote is not in the document or whose types do not fit', () => {
    const h = started();
    const src = h.present.document!;
    const bad = {
      type: 'add-relation' as const,
      triple: {
        id: 'x',
        subject: 'kataib-hezbollah',
        predicate: 'backed-by',
        object: 'iran',
        source: src,
        evidence: 'Iran backs everyone.',
      },
    };
    expect(newErrors(h.present, bad).map((p) => p.code)).toEqual(['evidence-not-found']);
    const wrong = {
      type: 'add-relation' as const,
      triple: {
        id: 'y',
        subject: 'iran',
        predicate: 'struck',
        object: 'kataib-hezbollah',
        source: src,
        evidence: 'Kataib Hezbollah is backed by Iran',
      },
    };
    expect(newErrors(h.present, wrong).length).toBeGreaterThan(0);
    const good = {
      type: 'add-relation' as const,
      triple: {
        id: 'z',
        subject: 'kataib-hezbollah',
        predicate: 'backed-by',
        object: 'iran',
        source: src,
        evidence: 'Kataib Hezbollah is backed by Iran',
      },
    };
    expect(newErrors(h.present, good)).toEqual([]);
  });

  it('exports a standalone dataset that loads back', () => {
    let h = started();
    const src = h.present.document!;
    h = record(h, {
      type: 'add-relation',
      triple: {
        id: 'r1',
        subject: 'kataib-hezbollah',
        predicate: 'backed-by',
        object: 'iran',
        source: src,
        evidence: 'Kataib Hezbollah is backed by Iran',
      },
    });
    const r = parseDataset(exportWork(h.present), { file: 'export.json' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.dataset!.triples[0]).toMatchObject({ id: 'r1', evidence: 'Kataib Hezbollah is backed by Iran' });
  });

  it('keeps the work in IndexedDB', async () => {
    await clearWork();
    expect(await loadStored()).toBeUndefined();
    const h = started();
    const saved = await saveWork(h.present, { work: h.past[0]!, rev: 0 });
    expect(saved).toEqual({ work: h.present, rev: 1 });
    const back = await loadStored();
    expect(back!.work.dataset).toEqual(h.present.dataset);
    expect(back!.work.document).toBe(h.present.document);
    expect(applyEdit(back!.work, { type: 'show-document', id: 'other' }).document).toBe('other');
  });

  it("loses nothing when two tabs save at once: each one's edits are replayed on the other's", async () => {
    await clearWork();
    const start = started().present;
    const base = await saveWork(start, { work: start, rev: 0 });
    const src = start.document!;
    // Tab A: a new entity, a relation naming it, an alias. Tab B: another entity with the same id, a relation, a document.
    let a = record(history(base.work), {
      type: 'add-entity',
      entity: { id: 'harbour-brigade', label: 'Harbour Brigade', type: 'armed-group' },
    });
    a = record(a, {
      type: 'add-relation',
      triple: {
        id: `${src}-r1`,
        subject: 'harbour-brigade',
        predicate: 'backed-by',
        object: 'iran',
        source: src,
        evidence: 'The Harbour Brigade is also backed by Iran.',
      },
    });
    a = record(a, { type: 'add-alias', entity: 'iran', alias: 'Islamic Republic of Iran' });
    let b = record(history(base.work), {
      type: 'add-entity',
      entity: { id: 'harbour-brigade', label: 'Harbour Brigade', type: 'organization' },
    });
    b = record(b, {
      type: 'add-relation',
      triple: {
        id: `${src}-r1`,
        subject: 'kataib-hezbollah',
        predicate: 'backed-by',
        object: 'iran',
        source: src,
        evidence: 'Kataib Hezbollah is backed by Iran',
      },
    });
    b = record(b, {
      type: 'add-document',
      source: documentSource('Another report.', { title: 'Second' }, () => false),
    });
    const [sa, sb] = await Promise.all([saveWork(a.present, base), saveWork(b.present, base)]);
    expect(sb.rev).toBe(sa.rev + 1);
    const final = (await loadStored())!.work;
    expect(final).toEqual(sb.work);
    const ds = final.dataset;
    expect(
      ds.entities
        .filter((e) => e.label === 'Harbour Brigade')
        .map((e) => [e.id, e.type])
        .sort(),
    ).toEqual([
      ['harbour-brigade', 'armed-group'],
      ['harbour-brigade-2', 'organization'],
    ]);
    expect(ds.entities.find((e) => e.id === 'iran')!.aliases).toEqual(['Islamic Republic of Iran']);
    expect(ds.triples.map((t) => [t.id, t.subject])).toEqual([
      [`${src}-r1`, 'harbour-brigade'],
      [`${src}-r1-2`, 'kataib-hezbollah'],
    ]);
    expect(ds.sources.map((s) => s.title)).toEqual(['A test report', 'Second']);
    expect(final.added.triples).toHaveLength(2);
    expect(checkWork(final).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('keeps a removal made in one tab when the other saved meanwhile', async () => {
    await clearWork();
    const start = started().present;
    const src = start.document!;
    const withTwo = record(
      record(history(start), {
        type: 'add-relation',
        triple: {
          id: 'r1',
          subject: 'kataib-hezbollah',
          predicate: 'backed-by',
          object: 'iran',
          source: src,
          evidence: 'Kataib Hezbollah is backed by Iran',
        },
      }),
      {
        type: 'add-relation',
        triple: {
          id: 'r2',
          subject: 'kataib-hezbollah',
          predicate: 'backed-by',
          object: 'iran',
          source: src,
          evidence: 'backed by Iran, officials said',
        },
      },
    ).present;
    const base = await saveWork(withTwo, { work: start, rev: 0 });
    const a = applyEdit(base.work, { type: 'remove-relation', id: 'r1' });
    const b = applyEdit(base.work, { type: 'add-alias', entity: 'kataib-hezbollah', alias: 'KH' });
    await saveWork(b, base);
    const final = await saveWork(a, base);
    expect(final.work.dataset.triples.map((t) => t.id)).toEqual(['r2']);
    expect(final.work.dataset.entities.find((e) => e.id === 'kataib-hezbollah')!.aliases).toEqual(['KH']);
  });
});
