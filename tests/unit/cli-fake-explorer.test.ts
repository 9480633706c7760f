// The CLI over an Explorer that is not the in-memory one: a small fake written
// here, with no store behind it. If the CLI reached past the Explorer into the
// core, these commands would fail.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Capabilities, Explorer, SubgraphResult } from '../../src/core/explorer.ts';
import { ExplorerError } from '../../src/core/errors.ts';
import type { Dataset, Entity, Path, Schema, Source, Triple } from '../../src/core/model.ts';

const schema: Schema = {
  entityTypes: [{ id: 'person', label: 'Person', color: '#112233' }],
  predicates: [{ id: 'knows', label: 'knows', inverseLabel: 'known by', domain: ['person'], range: ['person'] }],
};
const people: Entity[] = [
  { id: 'ann', label: 'Ann Archer', type: 'person' },
  { id: 'bob', label: 'Bob Baker', type: 'person' },
  { id: 'cy', label: 'Cy Cole', type: 'person' },
];
const src: Source = { id: 'note', title: 'A note', publisher: 'Fake Press', published: '2024-01-02' };
const triples: Triple[] = [
  { id: 't1', subject: 'ann', predicate: 'knows', object: 'bob', source: 'note', evidence: 'Ann knows Bob.' },
  { id: 't2', subject: 'bob', predicate: 'knows', object: 'cy', source: 'note', evidence: 'Bob knows Cy.' },
];
const byId = new Map(people.map((e) => [e.id, e]));
const capabilities: Capabilities = {
  backend: 'fake',
  columns: false,
  shareCurrent: false,
  pathModes: { shortest: true, allShortest: true, kShortest: true },
  typoTolerantSearch: false,
  write: false,
  limits: { maxK: 5, maxAllShortest: 1, maxSearch: 10 },
};
const sub = (ids: string[]): SubgraphResult => ({
  entities: people.filter((e) => ids.includes(e.id)),
  triples: triples.filter((t) => ids.includes(t.subject) && ids.includes(t.object)),
  truncated: false,
});
const path: Path = {
  length: 2,
  nodes: ['ann', 'bob', 'cy'],
  steps: [
    { triple: triples[0]!, forward: true },
    { triple: triples[1]!, forward: true },
  ],
};

const calls: string[] = [];
const fake: Explorer = {
  async capabilities() {
    calls.push('capabilities');
    return capabilities;
  },
  async schema() {
    calls.push('schema');
    return schema;
  },
  async stats() {
    calls.push('stats');
    return {
      title: 'Fake graph',
      entities: 3,
      triples: 2,
      sources: 1,
      types: 1,
      predicates: 1,
      byType: { person: 3 },
      byPredicate: { knows: 2 },
    };
  },
  async search(text) {
    calls.push('search');
    return people
      .filter((e) => e.label.toLowerCase().includes(text.toLowerCase()))
      .map((e) => ({ id: e.id, label: e.label, type: e.type, score: 1 }));
  },
  async entity(id) {
    calls.push('entity');
    return byId.get(id);
  },
  async entities(ids) {
    calls.push('entities');
    return ids.map((id) => byId.get(id));
  },
  async details(id) {
    calls.push('details');
    const entity = byId.get(id);
    return (
      entity && {
        entity,
        outgoing: triples.filter((t) => t.subject === id),
        incoming: triples.filter((t) => t.object === id),
      }
    );
  },
  async source(id) {
    return id === 'note' ? src : undefined;
  },
  async sources(q) {
    calls.push('sources');
    const s = !q?.ids || q.ids.includes('note') ? [src] : [];
    return { sources: s, total: s.length, truncated: false };
  },
  async neighbourhood(q) {
    calls.push('neighbourhood');
    return { ...sub(['ann', 'bob']), distance: { [q.from[0]!]: 0, bob: 1 } };
  },
  async paths(q) {
    calls.push('paths');
    if (q.mode === 'all-shortest')
      return {
        paths: [path],
        truncated: true,
        total: 7,
        note: 'only the first 1 shortest paths are listed; there are 7',
      };
    return { paths: [path] };
  },
  async relations(q) {
    calls.push('relations');
    const all = triples.filter(
      (t) =>
        (!q.subject || t.subject === q.subject) &&
        (!q.object || t.object === q.object) &&
        (!q.predicates?.length || q.predicates.includes(t.predicate)),
    );
    const offset = q.offset ?? 0;
    return { triples: all.slice(offset, offset + (q.limit ?? 100)), total: all.length };
  },
  async subgraph(ids) {
    return sub(ids);
  },
  async topEntities(n) {
    return people.slice(0, n);
  },
  async exportDataset(o): Promise<Dataset> {
    calls.push(`export:${o.all ? 'all' : (o.entities ?? []).join(',')}`);
    const ids = o.all ? people.map((e) => e.id) : (o.entities ?? []);
    return { format: 'actorgraph/dataset', version: 1, title: o.title, schema, sources: [src], ...sub(ids) } as Dataset;
  },
};

async function run(...argv: string[]) {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(
    argv,
    { out: (s) => out.push(s), err: (s) => err.push(s) },
    {
      openExplorer: async (spec) => {
        if (spec !== 'fake.json')
          throw new ExplorerError({ code: 'invalid-data', message: `no such fake ${String(spec)}`, problems: [] });
        return fake;
      },
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the CLI over a fake Explorer', () => {
  it('search', async () => {
    const r = await run('--data', 'fake.json', 'search', 'bob');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Bob Baker\s+\[person\]\s+bob/);
  });

  it('show resolves a name and cites sources through the Explorer', async () => {
    const r = await run('--data', 'fake.json', 'show', 'Bob Baker');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Bob Baker {2}\[Person\] {2}bob/);
    expect(r.out).toMatch(/known by:\n\s+Ann Archer \(ann\)/);
    expect(r.out).toMatch(/“Bob knows Cy\.” — Fake Press, 2024-01-02/);
  });

  it('path, and the cap on all shortest paths stated in text and JSON', async () => {
    const r = await run('--data', 'fake.json', 'path', 'ann', 'cy');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Ann Archer —knows→ Bob Baker —knows→ Cy Cole');
    const all = await run('--data', 'fake.json', 'path', 'ann', 'cy', '--all');
    expect(all.out).toMatch(/showing 1 of 7 shortest paths/);
    const json = JSON.parse((await run('--data', 'fake.json', 'path', 'ann', 'cy', '--all', '--json')).out);
    expect(json).toMatchObject({ truncated: true, total: 7, note: 'showing 1 of 7 shortest paths' });
  });

  it('--k is bounded by what the Explorer says it can do', async () => {
    const r = await run('--data', 'fake.json', 'path', 'ann', 'cy', '--k', '6');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--k must be a whole number from 1 to 5/);
  });

  it('neighbours', async () => {
    const r = await run('--data', 'fake.json', 'neighbours', 'ann', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).entities.map((e: { id: string }) => e.id)).toEqual(['ann', 'bob']);
  });

  it('triples by pattern, in text and JSON, through the Explorer', async () => {
    calls.length = 0;
    const r = await run('--data', 'fake.json', 'triples', '--subject', 'Bob Baker');
    expect(r.code, r.err).toBe(0);
    expect(calls).toContain('relations');
    expect(r.out).toMatch(/^1 relation\n\s+Bob Baker —knows→ Cy Cole\n\s+“Bob knows Cy\.” — Fake Press, 2024-01-02/);
    const json = JSON.parse((await run('--data', 'fake.json', 'triples', '--limit', '1', '--json')).out);
    expect(json).toMatchObject({
      total: 2,
      triples: [{ id: 't1', status: 'asserted' }],
      sources: [{ id: 'note', reliability: 'F' }],
    });
    const none = await run('--data', 'fake.json', 'triples', '--object', 'ann');
    expect(none.code).toBe(1);
  });

  it('export of everything asks the Explorer for all, titled from its stats', async () => {
    calls.length = 0;
    const r = await run('--data', 'fake.json', 'export');
    expect(r.code, r.err).toBe(0);
    expect(calls).toContain('export:all');
    const ds = JSON.parse(r.out);
    expect(ds.title).toBe('Fake graph');
    expect(ds.entities).toHaveLength(3);
  });

  it('stats', async () => {
    const r = await run('--data', 'fake.json', 'stats');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Fake graph\n\s+3 entities, 2 triples/);
  });

  it('a data error from the factory is reported, not thrown', async () => {
    const r = await run('--data', 'other.json', 'stats');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot load other\.json/);
  });
});
