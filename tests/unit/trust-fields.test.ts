import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/core/validate.ts';
import { jsonDatasetReader } from '../../src/core/readers/json-dataset.ts';
import { TripleStore } from '../../src/core/store.ts';
import { exportDataset } from '../../src/core/export.ts';
import type { Dataset, Schema, Triple } from '../../src/core/model.ts';
import { isHedge, statusOf } from '../../src/core/trust.ts';

const SCHEMA: Schema = {
  entityTypes: [{ id: 'actor', label: 'Actor', color: '#7f7f7f' }],
  predicates: [{ id: 'knows', label: 'knows', inverseLabel: 'known by', domain: ['actor'], range: ['actor'] }],
};
const TEXT = 'A knows B. B reportedly knows C. C says A knows C.';

type Json = Record<string, any>;
function base(): Json {
  return {
    format: 'actorgraph/dataset',
    version: 1,
    sources: [
      { id: 's', title: 'S', text: TEXT, reliability: 'B' },
      { id: 'file', title: 'Imported from x.csv' },
    ],
    entities: [
      {
        id: 'a',
        label: 'A',
        type: 'actor',
        attributes: { country: 'Iraq', founded: 2003, active: true },
        position: { x: 1.5, y: -2 },
      },
      { id: 'b', label: 'B', type: 'actor' },
      { id: 'c', label: 'C', type: 'actor' },
    ],
    triples: [
      { subject: 'a', predicate: 'knows', object: 'b', source: 's', evidence: 'A knows B.', credibility: 2 },
      {
        subject: 'b',
        predicate: 'knows',
        object: 'c',
        source: 's',
        evidence: 'B reportedly knows C.',
        qualifier: 'reportedly',
      },
      {
        subject: 'a',
        predicate: 'knows',
        object: 'c',
        source: 's',
        evidence: 'A knows C',
        attributedTo: 'c',
        attributes: { weight: 0.5 },
      },
      { subject: 'c', predicate: 'knows', object: 'b', source: 'file' },
      { subject: 'c', predicate: 'knows', object: 'a', source: 'file', status: 'hedged' },
    ],
  };
}

/** Both paths: the whole-object check and the streaming reader (which builds the store from columns). */
function both(d: unknown) {
  const text = JSON.stringify(d, null, 2);
  const whole = parseDataset(text, { file: 'd.json', defaultSchema: SCHEMA });
  const session = jsonDatasetReader.open({ file: 'd.json', defaultSchema: SCHEMA, keepDataset: true });
  session.push(text);
  const streamed = session.end();
  return { whole, streamed, text };
}
const codes = (r: { problems: { code: string; severity: string }[] }) =>
  r.problems.map((p) => `${p.severity}:${p.code}`);

describe('the contract fields', () => {
  it('accepts them, warns once about unsourced relations, and keeps every field', () => {
    const { whole, streamed } = both(base());
    for (const r of [whole, streamed]) {
      expect(r.ok).toBe(true);
      expect(codes(r)).toEqual(['warning:unsourced-relation']);
      expect(r.problems[0]!.message).toMatch(/^2 relations have no evidence/);
      expect(r.problems[0]).toMatchObject({ path: 'triples[3]', line: expect.any(Number) });
    }
    expect(streamed.dataset).toEqual(whole.dataset);
    const ds = whole.dataset!;
    expect(ds.sources[0]!.reliability).toBe('B');
    expect(ds.entities[0]).toMatchObject({
      attributes: { country: 'Iraq', founded: 2003, active: true },
      position: { x: 1.5, y: -2 },
    });
    expect(ds.triples[0]!.credibility).toBe(2);
    expect(ds.triples[2]!.attributes).toEqual({ weight: 0.5 });
    expect(ds.triples[3]!.evidence).toBeUndefined();
    expect(ds.triples[4]!.status).toBe('hedged');
  });

  it('locates the unsourced warning at the triple when only one lacks evidence', () => {
    const d = base();
    d.triples.pop();
    const { whole, streamed } = both(d);
    for (const r of [whole, streamed]) {
      expect(r.problems).toEqual([
        expect.objectContaining({ code: 'unsourced-relation', path: 'triples[3]', line: expect.any(Number) }),
      ]);
    }
  });

  it('derives the status of every relation in one place', () => {
    const ds = both(base()).whole.dataset!;
    expect(ds.triples.map(statusOf)).toEqual(['asserted', 'hedged', 'attributed', 'unsourced', 'hedged']);
    expect(isHedge('Reportedly')).toBe(true);
    expect(isHedge('most likely, per officials')).toBe(true);
    expect(isHedge('unlikely')).toBe(false);
    expect(isHedge('according to the Pentagon')).toBe(false);
  });

  it('reports contradictory and malformed grades where they are, with hints', () => {
    const d = base();
    d.sources[0].reliability = 'b';
    d.entities[1].position = { x: 1 };
    d.entities[2].attributes = { label: 'x', tags: ['a'], n: null };
    d.triples[0].credibility = '3';
    d.triples[0].status = 'attributed';
    d.triples[1].status = 'unsourced';
    d.triples[2].status = 'rumoured';
    const { whole, streamed, text } = both(d);
    for (const r of [whole, streamed]) {
      expect(r.ok).toBe(false);
      const by = (path: string) => r.problems.find((p) => p.path === path);
      expect(by('sources[0].reliability')).toMatchObject({ code: 'bad-reliability', hint: 'write "B"' });
      expect(by('entities[1].position')).toMatchObject({ code: 'bad-position' });
      expect(by('entities[2].attributes.label')).toMatchObject({ code: 'bad-attribute' });
      expect(by('entities[2].attributes.tags')).toMatchObject({ code: 'bad-attribute' });
      expect(by('triples[0].credibility')).toMatchObject({
        code: 'bad-credibility',
        hint: 'write it without quotes: 3',
      });
      expect(by('triples[0].status')).toMatchObject({ code: 'status-conflict' });
      expect(by('triples[1].status')).toMatchObject({ code: 'status-conflict' });
      expect(by('triples[2].status')).toMatchObject({ code: 'bad-status' });
      const cred = by('triples[0].credibility')!;
      expect(text.split('\n')[cred.line! - 1]).toContain('"credibility"');
    }
  });

  it('rejects too many, too long and non-finite attributes', () => {
    const d = base();
    d.entities[1].attributes = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]));
    d.entities[2].attributes = { long: 'x'.repeat(10_001), [`${'k'.repeat(101)}`]: 1 };
    const r = parseDataset(JSON.stringify(d), { file: 'd.json', defaultSchema: SCHEMA });
    expect(codes(r)).toEqual(
      expect.arrayContaining(['error:too-many-attributes', 'error:too-long', 'error:bad-attribute']),
    );
    const nan = parseDataset(
      '{"format":"actorgraph/dataset","version":1,"sources":[],"entities":[{"id":"a","label":"A","type":"actor","attributes":{"x":1e999}}],"triples":[]}',
      { file: 'd.json', defaultSchema: SCHEMA },
    );
    expect(codes(nan)).toContain('error:bad-attribute');
  });

  it('still refuses empty evidence (absent is how to say unsourced)', () => {
    const d = base();
    d.triples[0].evidence = ' ';
    expect(codes(parseDataset(JSON.stringify(d), { file: 'd.json', defaultSchema: SCHEMA }))).toContain(
      'error:empty-evidence',
    );
  });
});

describe('the store carries them', () => {
  const ds = both(base()).whole.dataset!;
  const fromObjects = TripleStore.build(ds, SCHEMA);
  const fromColumns = both(base()).streamed.store!;

  it('returns them from tripleAt, entity and toDataset, built either way', () => {
    for (const store of [fromObjects, fromColumns]) {
      expect(store.tripleAt(0)).toMatchObject({ credibility: 2 });
      expect(store.tripleAt(0).status).toBeUndefined();
      expect(store.tripleAt(2).attributes).toEqual({ weight: 0.5 });
      expect('evidence' in store.tripleAt(3)).toBe(false);
      expect(store.tripleAt(4).status).toBe('hedged');
      expect(store.entity('a')).toMatchObject({ position: { x: 1.5, y: -2 }, attributes: { country: 'Iraq' } });
      expect(store.source('s')?.reliability).toBe('B');
      const back = store.toDataset();
      expect(back.triples).toEqual(ds.triples);
      expect(back.entities).toEqual(ds.entities);
      expect(back.sources).toEqual(ds.sources);
    }
  });

  it('derives every status once, as statusOf does, and reads absent grades as F and 6', () => {
    for (const store of [fromObjects, fromColumns]) {
      expect(Array.from({ length: store.tripleCount }, (_, t) => store.statusAt(t))).toEqual(ds.triples.map(statusOf));
      expect([0, 1].map((t) => store.credibilityAt(t))).toEqual([2, 6]);
      expect([...store.sourceReliabilityRanks()]).toEqual([1, 5]);
    }
  });

  it('writes them in the dataset export', () => {
    const out: Dataset = exportDataset(fromColumns, { entities: ['a', 'b', 'c'] });
    const t = (s: string, o: string): Triple | undefined => out.triples.find((x) => x.subject === s && x.object === o);
    expect(t('a', 'b')?.credibility).toBe(2);
    expect(t('a', 'c')?.attributes).toEqual({ weight: 0.5 });
    expect(t('c', 'a')?.status).toBe('hedged');
    expect(t('c', 'b')?.evidence).toBeUndefined();
    expect(out.sources.find((s) => s.id === 's')?.reliability).toBe('B');
    expect(out.entities.find((e) => e.id === 'a')?.position).toEqual({ x: 1.5, y: -2 });
    const again = parseDataset(JSON.stringify(out), { file: 'x.json' });
    expect(again.ok).toBe(true);
    expect(again.dataset?.triples).toEqual(out.triples);
  });
});

describe('open intervals', () => {
  it('accepts an interval open at either end, not at both', () => {
    const d = base();
    d.triples[0].date = '2020-01/';
    d.triples[1].date = '/2021-02-25';
    d.entities[1].date = '2019/';
    const { whole, streamed } = both(d);
    for (const r of [whole, streamed]) expect(codes(r)).toEqual(['warning:unsourced-relation']);
    d.triples[2].date = '/';
    d.entities[2].date = '2020-13/';
    for (const r of Object.values(both(d)).slice(0, 2) as { problems: { code: string; path: string }[] }[]) {
      expect(r.problems.filter((p) => p.code === 'bad-date').map((p) => p.path)).toEqual([
        'entities[2].date',
        'triples[2].date',
      ]);
    }
  });
});
