// Merging names real files and never repeats a part of a name or title.
import { describe, expect, it } from 'vitest';
import { joinNames, locateInParts } from '../../src/core/merge-origin.ts';
import { mergeDatasets } from '../../src/core/export.ts';
import type { Dataset } from '../../src/core/model.ts';
import type { Problem } from '../../src/core/problems.ts';
import { buildFromText, shareable } from '../../src/ui/data/pipeline.ts';

const ds = (title: string, ids: string[], triples: [string, string][] = []): Dataset => ({
  format: 'actorgraph/dataset',
  version: 1,
  title,
  sources: [{ id: `s-${title}`, title: 'S', text: 'A met B. C met D.' }],
  entities: ids.map((id) => ({ id, label: id.toUpperCase(), type: 'person' })),
  triples: triples.map(([s, o]) => ({
    subject: s,
    predicate: 'affiliated-with',
    object: o,
    source: `s-${title}`,
    evidence: `${s.toUpperCase()} met ${o.toUpperCase()}`,
  })),
});

describe('joinNames', () => {
  it('joins two names, and not a part already there', () => {
    expect(joinNames('a.json', 'b.json')).toBe('a.json + b.json');
    expect(joinNames('a.json + b.json', 'b.json')).toBe('a.json + b.json');
    expect(joinNames('a.json', 'a.json')).toBe('a.json');
    expect(joinNames(undefined, 'b')).toBe('b');
    expect(joinNames('a', undefined)).toBe('a');
  });

  it('merging a dataset twice keeps one copy of its title', () => {
    const a = ds('Report', ['a', 'b']);
    const b = ds('Note', ['c', 'd']);
    const once = mergeDatasets(a, b).dataset;
    expect(once.title).toBe('Report + Note');
    expect(mergeDatasets(once, b).dataset.title).toBe('Report + Note');
  });
});

describe('locateInParts', () => {
  it('puts each problem in the file and at the index its record came from', () => {
    const a = ds('A', ['a', 'b'], [['a', 'b']]);
    const b = ds('B', ['b', 'c', 'd'], [['c', 'd']]);
    const union = mergeDatasets(a, b).dataset;
    // union: entities a, b, c, d; triples a→b, c→d
    const problems: Problem[] = [
      {
        severity: 'error',
        code: 'x',
        file: 'a.json + b.json',
        path: 'entities[3].type',
        line: 9,
        message: 'm',
        hint: 'h',
      },
      { severity: 'error', code: 'x', file: 'a.json + b.json', path: 'triples[1].object', message: 'm', hint: 'h' },
      { severity: 'error', code: 'x', file: 'a.json + b.json', path: 'entities[1]', message: 'm', hint: 'h' },
      { severity: 'error', code: 'x', file: 'a.json + b.json', path: '', message: 'm', hint: 'h' },
    ];
    const out = locateInParts(problems, union, a, b, { a: 'a.json', b: 'b.json' });
    expect(out.map((p) => [p.file, p.path, p.line])).toEqual([
      ['b.json', 'entities[2].type', undefined],
      ['b.json', 'triples[0].object', undefined],
      ['a.json', 'entities[1]', undefined],
      ['a.json', '', undefined],
    ]);
  });
});

describe('merging files in the explorer', () => {
  const text = (d: Dataset) => JSON.stringify(d);

  it('merging the same file twice names it once', async () => {
    const first = await buildFromText(text(ds('Report', ['a', 'b'], [['a', 'b']])), 'report.json');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const note = text(ds('Note', ['c', 'd'], [['c', 'd']]));
    const second = await buildFromText(note, 'note.json', { current: async () => shareable(first.store, first.file) });
    expect(second.ok && second.file).toBe('report.json + note.json');
    if (!second.ok) return;
    const third = await buildFromText(note, 'note.json', { current: async () => shareable(second.store, second.file) });
    expect(third.ok && third.file).toBe('report.json + note.json');
    expect(third.ok && third.store.toDataset().title).toBe('Report + Note');
  });

  it('a conflict names the two real files', async () => {
    const first = await buildFromText(text(ds('Report', ['a', 'b'], [['a', 'b']])), 'report.json');
    if (!first.ok) throw new Error('the first file must load');
    const clash = ds('Note', ['a'], []);
    clash.entities[0]!.label = 'Someone else';
    const r = await buildFromText(text(clash), 'note.json', {
      current: async () => shareable(first.store, first.file),
    });
    expect(r.ok).toBe(false);
    const files = new Set(r.ok ? [] : r.problems.map((p) => p.file));
    expect([...files]).toEqual(['note.json']);
    expect(r.ok ? '' : r.problems[0]!.message).toContain('report.json and note.json disagree');
  });
});
