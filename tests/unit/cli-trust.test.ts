// Trust in the CLI's output and its filter flags, in process (main with the real loader).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { DEFAULT_DATASET } from '../../src/node/load.ts';
import type { Dataset, Triple } from '../../src/core/model.ts';

async function run(...argv: string[]) {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const json = async (...argv: string[]) => {
  const r = await run(...argv, '--json');
  expect(r.err).not.toMatch(/internal error/);
  return { code: r.code, data: r.out ? JSON.parse(r.out) : undefined };
};

// A small world: a→b is hedged, the asserted way round is longer; dates make a→b→t not chronological.
const TEXT = 'A reportedly knows B. B knows E. A knows C. C knows D. D knows E. Z says A knows F.';
const fixture: Dataset = {
  format: 'actorgraph/dataset',
  version: 1,
  schema: {
    entityTypes: [{ id: 'person', label: 'Person', color: '#123456' }],
    predicates: [{ id: 'knows', label: 'knows', inverseLabel: 'known by', domain: ['person'], range: ['person'] }],
  },
  sources: [
    { id: 'note', title: 'Note', text: TEXT, reliability: 'B' },
    { id: 'rumour', title: 'Rumour mill' },
  ],
  entities: ['a', 'b', 'c', 'd', 'e', 'f', 'z'].map((id) => ({ id, label: id.toUpperCase(), type: 'person' })),
  triples: [
    {
      id: 'ab',
      subject: 'a',
      predicate: 'knows',
      object: 'b',
      source: 'note',
      evidence: 'A reportedly knows B',
      qualifier: 'reportedly',
      date: '2021-03',
    },
    {
      id: 'be',
      subject: 'b',
      predicate: 'knows',
      object: 'e',
      source: 'note',
      evidence: 'B knows E',
      date: '2021-01',
      credibility: 2,
    },
    { id: 'ac', subject: 'a', predicate: 'knows', object: 'c', source: 'note', evidence: 'A knows C', date: '2019' },
    { id: 'cd', subject: 'c', predicate: 'knows', object: 'd', source: 'note', evidence: 'C knows D', date: '2020' },
    {
      id: 'de',
      subject: 'd',
      predicate: 'knows',
      object: 'e',
      source: 'note',
      evidence: 'D knows E',
      date: '2021-02-25',
    },
    {
      id: 'af',
      subject: 'a',
      predicate: 'knows',
      object: 'f',
      source: 'note',
      evidence: 'A knows F',
      attributedTo: 'z',
    },
    { id: 'fz', subject: 'f', predicate: 'knows', object: 'z', source: 'rumour' },
  ],
};

let dir: string, file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'actorgraph-trust-'));
  file = join(dir, 'small.json');
  writeFileSync(file, JSON.stringify(fixture));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trust shows wherever a relation does', () => {
  it('path and neighbours keep the attribution and the hedge, in text and JSON', async () => {
    const p = await run('--data', file, 'path', 'a', 'b');
    expect(p.out).toContain('“A reportedly knows B” — Note  [hedged; reportedly; 2021-03; graded B6]');
    const n = await run('--data', file, 'neighbours', 'a');
    expect(n.out).toContain('A —knows→ F  [attributed; according to Z; graded B6]');
    expect(n.out).toContain('A —knows→ B  [hedged; reportedly; 2021-03; graded B6]');
    const nj = (await json('--data', file, 'neighbours', 'f')).data;
    expect(nj.triples).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'af',
          status: 'attributed',
          attributedTo: 'z',
          evidence: 'A knows F',
          source: 'note',
        }),
        expect.objectContaining({ id: 'fz', status: 'unsourced' }),
      ]),
    );
    expect(nj.sources).toEqual(
      expect.arrayContaining([
        { id: 'note', title: 'Note', reliability: 'B' },
        { id: 'rumour', title: 'Rumour mill', reliability: 'F' },
      ]),
    );
    const pj = (await json('--data', file, 'path', 'a', 'e')).data;
    expect(pj.paths[0].triples[0]).toMatchObject({
      id: 'ab',
      status: 'hedged',
      qualifier: 'reportedly',
      date: '2021-03',
      forward: true,
    });
    expect(pj.paths[0].triples[1]).toMatchObject({ id: 'be', status: 'asserted', credibility: 2 });
  });

  it('show --json gives every triple its status and every source its reliability', async () => {
    const { data } = await json('--data', file, 'show', 'f');
    expect(data.relations.map((r: { triple: Triple }) => r.triple.status).sort()).toEqual(['attributed', 'unsourced']);
    expect(data.sources.map((s: { reliability: string }) => s.reliability).sort()).toEqual(['B', 'F']);
    const text = await run('--data', file, 'show', 'f');
    expect(text.out).toContain('(unsourced: no quote) — Rumour mill');
  });

  it('the default data: "according to" travels with path and neighbours', async () => {
    const ds = JSON.parse(readFileSync(DEFAULT_DATASET, 'utf8')) as Dataset;
    const pairs = new Map<string, number>();
    for (const t of ds.triples) pairs.set(`${t.subject} ${t.object}`, (pairs.get(`${t.subject} ${t.object}`) ?? 0) + 1);
    const t = ds.triples.find(
      (x) =>
        x.attributedTo &&
        !x.qualifier &&
        (x.status ?? 'attributed') === 'attributed' &&
        pairs.get(`${x.subject} ${x.object}`) === 1 &&
        !pairs.has(`${x.object} ${x.subject}`),
    )!;
    const by = ds.entities.find((e) => e.id === t.attributedTo)!.label;
    const p = await run('path', t.subject, t.object);
    expect(p.out).toContain(`according to ${by}`);
    const pj = (await json('path', t.subject, t.object)).data;
    expect(pj.paths[0].triples[0]).toMatchObject({ id: t.id, status: 'attributed', attributedTo: t.attributedTo });
    expect((await run('neighbours', t.subject)).out).toContain(`according to ${by}`);
  });
});

describe('filter flags', () => {
  it('--status asserted makes the path go round the hedged claim', async () => {
    expect((await json('--data', file, 'path', 'a', 'e')).data.paths[0].nodes).toEqual(['a', 'b', 'e']);
    expect((await json('--data', file, 'path', 'a', 'e', '--status', 'asserted')).data.paths[0].nodes).toEqual([
      'a',
      'c',
      'd',
      'e',
    ]);
    expect(
      (await json('--data', file, 'path', 'a', 'e', '--status', 'asserted,attributed')).data.paths[0].nodes,
    ).toEqual(['a', 'c', 'd', 'e']);
  });

  it('--chronological, --from/--to/--undated, --min-reliability and --min-credibility', async () => {
    expect((await json('--data', file, 'path', 'a', 'e', '--chronological')).data.paths[0].nodes).toEqual([
      'a',
      'c',
      'd',
      'e',
    ]);
    const around = async (...f: string[]) =>
      (await json('--data', file, 'neighbours', 'a', ...f)).data.entities
        .map((e: { id: string }) => e.id)
        .sort()
        .join('');
    expect(await around()).toBe('abcf');
    expect(await around('--from', '2021', '--to', '2021')).toBe('abf');
    expect(await around('--from', '2021', '--to', '2021', '--undated', 'exclude')).toBe('ab');
    expect(await around('--to', '2020')).toBe('acf');
    expect(
      (await json('--data', file, 'neighbours', 'f', '--min-reliability', 'C')).data.entities
        .map((e: { id: string }) => e.id)
        .sort(),
    ).toEqual(['a', 'f']);
    expect((await json('--data', file, 'path', 'a', 'e', '--min-credibility', '2')).data.paths).toEqual([]);
  });

  it('refuses bad filter values with the allowed ones', async () => {
    expect((await run('--data', file, 'neighbours', 'a', '--status', 'rumour')).err).toMatch(
      /--status must be one of asserted, attributed, hedged, unsourced/,
    );
    expect((await run('--data', file, 'neighbours', 'a', '--min-reliability', 'G')).err).toMatch(/A \(best\) to F/);
    expect((await run('--data', file, 'neighbours', 'a', '--min-credibility', '0')).err).toMatch(/1 \(best\) to 6/);
    expect((await run('--data', file, 'neighbours', 'a', '--from', 'March')).err).toMatch(
      /YYYY, YYYY-MM or YYYY-MM-DD/,
    );
    expect((await run('--data', file, 'neighbours', 'a', '--undated', 'maybe')).err).toMatch(/include or exclude/);
    expect((await run('--data', file, 'path', 'a', 'e', '--chronological', '--k', '3')).code).toBe(2);
  });
});

describe('triples', () => {
  it('lists relations by pattern, with total and pages', async () => {
    const all = (await json('--data', file, 'triples')).data;
    expect(all.total).toBe(7);
    const page = (await json('--data', file, 'triples', '--sort', 'date', '--limit', '2', '--offset', '1')).data;
    expect(page).toMatchObject({ total: 7, triples: [{ id: 'cd' }, { id: 'be' }] });
    expect(
      (await json('--data', file, 'triples', '--subject', 'a', '--status', 'hedged')).data.triples.map(
        (t: Triple) => t.id,
      ),
    ).toEqual(['ab']);
    expect((await json('--data', file, 'triples', '--text', 'knows e')).data.triples.map((t: Triple) => t.id)).toEqual([
      'be',
      'de',
    ]);
    expect(
      (await json('--data', file, 'triples', '--attributed-to', 'z')).data.triples.map((t: Triple) => t.id),
    ).toEqual(['af']);
    expect((await json('--data', file, 'triples', '--source', 'rumour')).data.triples.map((t: Triple) => t.id)).toEqual(
      ['fz'],
    );
    const text = await run('--data', file, 'triples', '--object', 'e');
    expect(text.out).toMatch(/^2 relations\n {2}B —knows→ E {2}\[2021-01; graded B2\]\n {6}“B knows E” — Note/);
    expect((await run('--data', file, 'triples', '--subject', 'e')).code).toBe(1);
    expect((await run('--data', file, 'triples', '--sort', 'size')).err).toMatch(/--sort must be one of/);
  });

  it('lists every killed relation of the default data', async () => {
    const ds = JSON.parse(readFileSync(DEFAULT_DATASET, 'utf8')) as Dataset;
    const killed = ds.triples.filter((t) => t.predicate === 'killed');
    const { code, data } = await json('triples', '--predicate', 'killed', '--limit', '1000');
    expect(code).toBe(killed.length ? 0 : 1);
    expect(data.total).toBe(killed.length);
    expect(data.triples.map((t: Triple) => t.subject)).toEqual(killed.map((t) => t.subject));
  });
});
