import { describe, expect, it } from 'vitest';
import type { Triple } from '../../src/core/model.ts';
import { defaultUrlState, parseUrlState, serialiseUrlState } from '../../src/ui/state/url-state.ts';
import { isOpen, queryOptions, relationTest, trustFilterOf } from '../../src/ui/state/trust-filter.ts';
import { initialState, reduce, type AppAction, type AppState } from '../../src/ui/state/app-reducer.ts';
import { windowRange } from '../../src/ui/state/time.ts';
import { relationsQuery } from '../../src/ui/state/relations-query.ts';
import { initialTable } from '../../src/ui/state/view-reducer.ts';

const run = (s: AppState, ...actions: AppAction[]) => actions.reduce(reduce, s);

describe('trust filters in the URL', () => {
  it('round-trip, and unknown values are dropped', () => {
    const u = parseUrlState(
      '?st=hedged,asserted&mr=C&mc=3&since=2021-02&until=2021-02-28&und=exclude&chr=1&bot=relations',
    );
    expect(u).toMatchObject({
      status: ['asserted', 'hedged'],
      minReliability: 'C',
      minCredibility: 3,
      timeFrom: '2021-02',
      timeTo: '2021-02-28',
      undated: 'exclude',
      chronological: true,
      bottom: 'relations',
    });
    expect(parseUrlState(serialiseUrlState(u))).toEqual(u);
    const bad = parseUrlState('?st=asserted,rumoured&mr=G&mc=7&since=2021-02-30&und=maybe');
    expect(bad).toEqual(defaultUrlState());
    expect(serialiseUrlState(defaultUrlState())).toBe('');
    expect(parseUrlState('?bot=none').bottom).toBe('none');
    expect(parseUrlState('?bot=table').bottom).toBe('timeline');
  });
});

describe('trust filter on relations', () => {
  const t = (o: Partial<Triple>): Triple => ({
    subject: 'a',
    predicate: 'p',
    object: 'b',
    source: 's',
    evidence: 'q',
    ...o,
  });
  const grades: Record<string, 'A' | 'C' | undefined> = { good: 'A', fair: 'C' };
  const rel = (x: Partial<Triple>) => grades[(x as Triple).source];
  const f = (q: string) => relationTest(trustFilterOf(parseUrlState(q)), rel);

  it('keeps everything when open', () => {
    expect(isOpen(trustFilterOf(defaultUrlState()))).toBe(true);
    expect(queryOptions(trustFilterOf(defaultUrlState()))).toEqual({});
    expect(f('')(t({ evidence: undefined }))).toBe(true);
  });

  it('filters by status, grades and time', () => {
    expect(f('?st=asserted')(t({ qualifier: 'reportedly' }))).toBe(false);
    expect(f('?st=asserted')(t({}))).toBe(true);
    expect(f('?st=unsourced')(t({ evidence: undefined }))).toBe(true);
    expect(f('?mr=B')(t({ source: 'good' }))).toBe(true);
    expect(f('?mr=B')(t({ source: 'fair' }))).toBe(false);
    expect(f('?mr=B')(t({ source: 'unknown' }))).toBe(false);
    expect(f('?mc=2')(t({ credibility: 2 }))).toBe(true);
    expect(f('?mc=2')(t({}))).toBe(false);
    expect(f('?since=2021-02')(t({ date: '2021-02-25' }))).toBe(true);
    expect(f('?since=2021-03')(t({ date: '2021-02-25' }))).toBe(false);
    expect(f('?since=2021-03')(t({}))).toBe(true);
    expect(f('?since=2021-03&und=exclude')(t({}))).toBe(false);
  });

  it('becomes query options', () => {
    expect(queryOptions(trustFilterOf(parseUrlState('?st=asserted,attributed&mr=B&since=2021&und=exclude')))).toEqual({
      status: ['asserted', 'attributed'],
      minReliability: 'B',
      dateFrom: '2021',
      undated: 'exclude',
    });
  });
});

describe('app state: filters, table, brush, playback', () => {
  const s0 = () => initialState(parseUrlState('?e=iran&q=path&pi=2'));

  it('a filter change is written to the URL and restarts the table and the path list', () => {
    const s = run(
      s0(),
      { type: 'table-page', offset: 100, total: 500 },
      { type: 'filter', patch: { status: ['asserted'] } },
    );
    expect(s.url.status).toEqual(['asserted']);
    expect(s.url.pathIndex).toBe(0);
    expect(s.table.offset).toBe(0);
    expect(s.urlWrite).toBe('replace');
    const cleared = reduce(s, { type: 'clear-filters' });
    expect(trustFilterOf(cleared.url)).toEqual(trustFilterOf(defaultUrlState()));
  });

  it('table paging stays on whole pages within the total; sort toggles its direction', () => {
    let s = run(s0(), { type: 'table-page', offset: 120, total: 130 });
    expect(s.table.offset).toBe(100);
    s = reduce(s, { type: 'table-page', offset: 1000, total: 130 });
    expect(s.table.offset).toBe(100);
    expect(reduce(s, { type: 'table-page', offset: 100, total: 130 })).toBe(s);
    s = reduce(s, { type: 'table-sort', key: 'date' });
    expect(s.table).toMatchObject({ sort: 'date', desc: false, offset: 0 });
    expect(reduce(s, { type: 'table-sort', key: 'date' }).table.desc).toBe(true);
    expect(reduce(s, { type: 'table-query', patch: { predicate: 'killed' } }).table).toMatchObject({
      predicate: 'killed',
      offset: 0,
    });
    // Table changes are not in the URL.
    expect(s.urlSeq).toBe(s0().urlSeq);
  });

  it('the brush sets the window and stops playback; ticks move it until the end', () => {
    const span = windowRange('2021-01', '2021-03')!;
    let s = run(s0(), { type: 'play', unit: 'month' });
    expect(s.playing).toBe('month');
    s = reduce(s, { type: 'tick', span });
    expect([s.url.timeFrom, s.url.timeTo]).toEqual(['2021-01', '2021-01']);
    s = run(s, { type: 'tick', span }, { type: 'tick', span });
    expect(s.url.timeFrom).toBe('2021-03');
    s = reduce(s, { type: 'tick', span });
    expect(s.playing).toBeUndefined();
    expect(s.url.timeFrom).toBe('2021-03');
    expect(reduce(s, { type: 'tick', span })).toBe(s);
    s = run(s, { type: 'play', unit: 'day' }, { type: 'brush', from: '2021-01', to: '2021-02' });
    expect(s.playing).toBeUndefined();
    expect([s.url.timeFrom, s.url.timeTo]).toEqual(['2021-01', '2021-02']);
  });

  it('selecting a relation selects its subject and the relation, as a new history entry', () => {
    const s = reduce(s0(), { type: 'select-relation', id: 'r1', subject: 'us' });
    expect(s.url).toMatchObject({ entity: 'us', relation: 'r1' });
    expect(s.urlWrite).toBe('push');
  });
});

describe('the relations table asks one page', () => {
  it('with the shared filters, its own pattern, sort and page; the export asks without a page', () => {
    const url = parseUrlState('?st=asserted&until=2021');
    const table = {
      ...initialTable(),
      predicate: 'killed',
      text: 'strike',
      sort: 'date' as const,
      desc: true,
      offset: 50,
    };
    expect(relationsQuery(url, table)).toEqual({
      status: ['asserted'],
      dateTo: '2021',
      subject: undefined,
      object: undefined,
      predicates: ['killed'],
      source: undefined,
      text: 'strike',
      sort: 'date',
      descending: true,
      limit: 50,
      offset: 50,
    });
    expect(relationsQuery(url, table, false)).not.toHaveProperty('limit');
    expect(relationsQuery(parseUrlState(''), initialTable())).toMatchObject({
      predicates: undefined,
      sort: 'file',
      descending: false,
      offset: 0,
    });
  });
});
