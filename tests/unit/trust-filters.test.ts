import { describe, expect, it } from 'vitest';
import { abstractGraph, abstractSchema } from './core-fixtures.ts';
import { TripleStore } from '../../src/core/store.ts';
import { MemoryExplorer } from '../../src/core/memory-explorer.ts';
import { allowMask, dateBounds, spanOf } from '../../src/core/relation-filter.ts';
import { findPaths } from '../../src/core/paths.ts';
import { neighbourhood } from '../../src/core/neighbourhood.ts';
import { ExplorerError } from '../../src/core/errors.ts';
import type { Source, Triple } from '../../src/core/model.ts';

/** An abstract graph (core-fixtures' edge strings) with trust fields on some triples, by index. */
function graph(edges: string[], patch: Record<number, Partial<Triple>> = {}, sources?: Source[]): TripleStore {
  const ds = abstractGraph(edges);
  ds.triples.forEach((t, i) => {
    const p = patch[i];
    if (!p) return;
    Object.assign(t, p);
    if ('evidence' in p && p.evidence === undefined) delete t.evidence;
  });
  if (sources) ds.sources = sources;
  return TripleStore.build(ds, abstractSchema);
}
const nodes = (store: TripleStore, q: Parameters<typeof findPaths>[1]) =>
  findPaths(store, q).paths.map((p) => p.nodes.join(''));

describe('dates compared at the precision given', () => {
  it('gives a date or interval its first and last day', () => {
    expect(dateBounds('2021')).toEqual([20210101, 20211231]);
    expect(dateBounds('2021-02')).toEqual([20210201, 20210231]);
    expect(dateBounds('2021-02-25')).toEqual([20210225, 20210225]);
    expect(spanOf('2020-01/2021')).toEqual([20200101, 20211231]);
    expect(spanOf('2020-01/')).toEqual([20200101, 99_999_999]);
    expect(spanOf('/2020')).toEqual([0, 20201231]);
    expect(spanOf('soon')).toBeUndefined();
  });
});

describe('paths honour the trust filters', () => {
  // a-b is hedged; the asserted way round is a step longer.
  const store = graph(['a-p->b', 'b-p->e', 'a-p->c', 'c-p->d', 'd-p->e'], { 0: { qualifier: 'reportedly' } });

  it('a path avoiding hedged claims takes a different route', () => {
    expect(nodes(store, { from: 'a', to: 'e' })).toEqual(['abe']);
    expect(nodes(store, { from: 'a', to: 'e', status: ['asserted'] })).toEqual(['acde']);
    expect(nodes(store, { from: 'a', to: 'e', status: ['asserted', 'attributed'], mode: 'all-shortest' })).toEqual([
      'acde',
    ]);
    expect(nodes(store, { from: 'a', to: 'e', status: ['asserted'], mode: 'k-shortest', k: 3 })).toEqual(['acde']);
  });

  it('says when the filters leave no path, and which', () => {
    const r = findPaths(store, { from: 'a', to: 'b', status: ['attributed'] });
    expect(r.paths).toEqual([]);
    expect(r.reason).toMatch(/trust and time filters keep \(status attributed\); without them the shortest has 1 step/);
  });

  it('grades: absent reliability reads as F, absent credibility as 6', () => {
    const graded = graph(
      ['a-p->b', 'b-p->e', 'a-p->c', 'c-p->d', 'd-p->e'],
      { 1: { source: 'weak' }, 3: { credibility: 2 }, 4: { credibility: 3 }, 2: { credibility: 1 } },
      [
        { id: 's', title: 'good', reliability: 'B' },
        { id: 'weak', title: 'weak' },
      ],
    );
    expect(nodes(graded, { from: 'a', to: 'e', minReliability: 'C' })).toEqual(['acde']);
    expect(nodes(graded, { from: 'a', to: 'e', minReliability: 'F' })).toEqual(['abe']);
    expect(nodes(graded, { from: 'a', to: 'e', minCredibility: 3 })).toEqual(['acde']);
    expect(findPaths(graded, { from: 'a', to: 'e', minCredibility: 2 }).paths).toEqual([]);
  });
});

describe('time windows', () => {
  // a's neighbours: x in 2020, y on 2021-02-25, z undated, w from 2019 to January 2021, v from March 2021 on.
  const store = graph(['a-p->x', 'a-p->y', 'a-p->z', 'w-p->a', 'a-p->v'], {
    0: { date: '2020' },
    1: { date: '2021-02-25' },
    3: { date: '2019/2021-01' },
    4: { date: '2021-03/' },
  });
  const around = (f: object) =>
    neighbourhood(store, { from: ['a'], depth: 1, ...f })
      .entities.map((e) => e.id)
      .sort()
      .join('');

  it('a time window narrows a neighbourhood; undated relations stay unless excluded', () => {
    expect(around({})).toBe('avwxyz');
    expect(around({ dateFrom: '2021', dateTo: '2021' })).toBe('avwyz');
    expect(around({ dateFrom: '2021', dateTo: '2021', undated: 'exclude' })).toBe('avwy');
    expect(around({ dateFrom: '2021-02-25', dateTo: '2021-02-25', undated: 'exclude' })).toBe('ay');
    expect(around({ dateTo: '2020-06', undated: 'exclude' })).toBe('awx');
    expect(around({ dateFrom: '2022' })).toBe('avz');
    expect(around({ undated: 'exclude' })).toBe('avwxy');
    // The triples among them are filtered too.
    expect(
      neighbourhood(store, { from: ['a'], depth: 1, dateFrom: '2021-02' })
        .triples.map((t) => t.object)
        .sort(),
    ).toEqual(['v', 'y', 'z']);
  });

  it('builds the mask once per filter, and refuses bad filters with a hint', () => {
    const f = { dateFrom: '2021' };
    expect(allowMask(store, f)).toBe(allowMask(store, { dateFrom: '2021' }));
    expect(allowMask(store, {})).toBeUndefined();
    for (const bad of [
      { dateFrom: '21-02' },
      { dateFrom: '2022', dateTo: '2021' },
      { minReliability: 'G' },
      { minCredibility: 7 },
      { status: ['rumour'] },
      { undated: 'maybe' },
    ]) {
      expect(() => allowMask(store, bad as object)).toThrow(ExplorerError);
    }
  });
});

describe('chronological paths', () => {
  // a→b in March 2021, b→t in January 2021: not chronological. a→e (2019) → b (2020) reaches b earlier, then b→t works.
  const store = graph(['a-p->b', 'b-p->t', 'a-p->e', 'e-p->b'], {
    0: { date: '2021-03' },
    1: { date: '2021-01' },
    2: { date: '2019' },
    3: { date: '2020' },
  });

  it('takes each step no earlier than the one before, re-entering an entity reached earlier in time', () => {
    expect(nodes(store, { from: 'a', to: 't' })).toEqual(['abt']);
    const r = findPaths(store, { from: 'a', to: 't', chronological: true });
    expect(r.paths.map((p) => p.nodes.join(''))).toEqual(['aebt']);
    expect(r.paths[0]!.steps.map((s) => s.triple.date)).toEqual(['2019', '2020', '2021-01']);
  });

  it('compares at the precision given, lets undated steps through, and explains a miss', () => {
    const coarse = graph(['a-p->b', 'b-p->c', 'c-p->t'], { 0: { date: '2021-02-25' }, 1: { date: '2021' }, 2: {} });
    expect(nodes(coarse, { from: 'a', to: 't', chronological: true })).toEqual(['abct']);
    const r = findPaths(store, { from: 'a', to: 't', chronological: true, maxLength: 2 });
    expect(r.paths).toEqual([]);
    const none = findPaths(graph(['a-p->b', 'b-p->t'], { 0: { date: '2021-03' }, 1: { date: '2021-01' } }), {
      from: 'a',
      to: 't',
      chronological: true,
    });
    expect(none.reason).toMatch(/no chronological path/);
    expect(() => findPaths(store, { from: 'a', to: 't', chronological: true, mode: 'k-shortest' })).toThrow(
      /shortest mode only/,
    );
  });
});

describe('relations by pattern', () => {
  const store = graph(['a-p->b', 'b-q->c', 'a-q->c', 'c-p->a', 'b*-r->a'], {
    0: { date: '2021-02', evidence: "Kata'ib Hezbollah struck Qāsem" },
    1: { date: '2020', attributedTo: 'a' },
    2: { evidence: undefined, source: 's' },
    3: { date: '2019-05-01', qualifier: 'allegedly' },
  });
  const ex = new MemoryExplorer(store);
  const ids = (r: { triples: Triple[] }) => r.triples.map((t) => `${t.subject}${t.predicate}${t.object}`);

  it('matches subject, object, either end, predicates, types, attribution and evidence words', async () => {
    expect(ids(await ex.relations({ subject: 'a' }))).toEqual(['apb', 'aqc']);
    expect(ids(await ex.relations({ object: 'a' }))).toEqual(['cpa', 'bra']);
    expect(ids(await ex.relations({ entity: 'b' }))).toEqual(['apb', 'bqc', 'bra']);
    expect(ids(await ex.relations({ predicates: ['q', 'r'] }))).toEqual(['bqc', 'aqc', 'bra']);
    expect(ids(await ex.relations({ subjectTypes: ['hub'] }))).toEqual(['bqc', 'bra']);
    expect(ids(await ex.relations({ objectTypes: ['hub'] }))).toEqual(['apb']);
    expect(ids(await ex.relations({ attributedTo: 'a' }))).toEqual(['bqc']);
    expect(ids(await ex.relations({ text: 'kataib qasem' }))).toEqual(['apb']);
    expect(ids(await ex.relations({ text: 'KATA' }))).toEqual(['apb']);
    expect(ids(await ex.relations({ text: 'c-p' }))).toEqual(['cpa']);
    expect(ids(await ex.relations({ text: 'nowhere' }))).toEqual([]);
  });

  it('applies the trust and time filters', async () => {
    expect(ids(await ex.relations({ status: ['unsourced'] }))).toEqual(['aqc']);
    expect(ids(await ex.relations({ status: ['hedged', 'attributed'] }))).toEqual(['bqc', 'cpa']);
    expect(ids(await ex.relations({ dateFrom: '2020', undated: 'exclude' }))).toEqual(['apb', 'bqc']);
  });

  it('sorts, pages and counts', async () => {
    const byDate = await ex.relations({ sort: 'date' });
    expect(ids(byDate)).toEqual(['cpa', 'bqc', 'apb', 'aqc', 'bra']); // undated last, in file order
    expect(ids(await ex.relations({ sort: 'date', descending: true }))).toEqual(['aqc', 'bra', 'apb', 'bqc', 'cpa']); // ties keep file order
    expect(ids(await ex.relations({ sort: 'subject' }))).toEqual(['apb', 'aqc', 'bqc', 'bra', 'cpa']);
    expect(ids(await ex.relations({ sort: 'predicate' }))).toEqual(['apb', 'cpa', 'bqc', 'aqc', 'bra']);
    expect(ids(await ex.relations({ sort: 'status' }))).toEqual(['apb', 'bra', 'bqc', 'cpa', 'aqc']);
    const page = await ex.relations({ sort: 'subject', limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(ids(page)).toEqual(['aqc', 'bqc']);
    expect((await ex.relations({ limit: 2, offset: 4 })).triples).toHaveLength(1);
    expect((await ex.relations({ offset: 9 })).triples).toEqual([]);
  });

  it('refuses unknown names', async () => {
    await expect(ex.relations({ subject: 'nobody' })).rejects.toMatchObject({ code: 'unknown-entity' });
    await expect(ex.relations({ predicates: ['zz'] })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(ex.relations({ source: 'zz' })).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('whole-graph columns', () => {
  it('carry each triple status and date span, for edge styles and a timeline', async () => {
    const { graphColumns } = await import('../../src/core/columns.ts');
    const { CLAIM_STATUSES } = await import('../../src/core/trust.ts');
    const store = graph(['a-p->b', 'b-p->c', 'c-p->a'], {
      0: { qualifier: 'allegedly', date: '2021' },
      1: { evidence: undefined },
      2: { date: '2020-02/' },
    });
    const c = graphColumns(store);
    expect([...c.status].map((k) => CLAIM_STATUSES[k])).toEqual(['hedged', 'unsourced', 'asserted']);
    expect([...c.dateLo]).toEqual([20210101, -1, 20200201]);
    expect([...c.dateHi]).toEqual([20211231, -1, 99_999_999]);
  });
});

describe('stats by trust', () => {
  it('counts triples by status and the undated apart', async () => {
    const store = graph(['a-p->b', 'b-p->c', 'c-p->a', 'a-q->c'], {
      0: { qualifier: 'allegedly', date: '2021' },
      1: { evidence: undefined },
      2: { date: '2020-02/' },
    });
    const s = await new MemoryExplorer(store).stats();
    expect(s.byStatus).toEqual({ asserted: 2, hedged: 1, unsourced: 1 });
    expect(s.undated).toBe(2);
  });
});
