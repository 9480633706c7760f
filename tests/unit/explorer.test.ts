import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryExplorer } from '../../src/core/memory-explorer.ts';
import type { Dataset, Schema } from '../../src/core/model.ts';
import { describePath } from '../../src/core/paths.ts';
import { TripleStore } from '../../src/core/store.ts';
import { schema, story } from './core-fixtures.ts';

const explorer = new MemoryExplorer(TripleStore.build(story, schema, { sourceText: () => 'the text' }));

describe('MemoryExplorer', () => {
  it('counts by type and predicate', async () => {
    const s = await explorer.stats();
    expect(s).toMatchObject({ entities: 11, triples: 12, sources: 1, types: 7, predicates: 8 });
    expect(s.byType).toEqual({ state: 2, organization: 1, 'armed-group': 2, person: 3, event: 2, place: 1 });
    expect(s.byPredicate).toEqual({
      'backed-by': 2,
      authorized: 1,
      struck: 1,
      'used-by': 1,
      'member-of': 3,
      killed: 1,
      ordered: 1,
      'part-of': 2,
    });
  });

  it('gives an entity with its outgoing and incoming triples', async () => {
    const d = await explorer.details('kataib-hezbollah');
    expect(d!.entity.label).toBe('Kataib Hezbollah');
    expect(d!.outgoing.map((t) => t.id)).toEqual(['t1']);
    expect(d!.incoming.map((t) => t.id)).toEqual(['t5']);
    expect(await explorer.details('nobody')).toBeUndefined();
    expect((await explorer.entity('iran'))!.label).toBe('Iran');
  });

  it('lists the best connected entities first', async () => {
    const top = await explorer.topEntities(3);
    // Iran 4, Iran's government 3, then the first of degree 2 in file order.
    expect(top.map((e) => e.id)).toEqual(['iran', 'iran-gov', 'kataib-hezbollah']);
    expect((await explorer.topEntities(100)).length).toBe(11);
    expect(await explorer.topEntities(0)).toEqual([]);
  });

  it('gives the subgraph among entities', async () => {
    const sub = await explorer.subgraph(['iran', 'iran-gov', 'qasem-soleimani', 'ghost', 'iran']);
    expect(sub.entities.map((e) => e.id)).toEqual(['iran', 'iran-gov', 'qasem-soleimani']);
    expect(sub.triples.map((t) => t.id)).toEqual([
      'qasem-soleimani|member-of|iran-gov',
      'iran-gov|part-of|iran',
      'iran-gov|part-of|iran#2',
    ]);
  });

  it('searches, walks and exports through the same interface', async () => {
    expect((await explorer.search('hezbolah'))[0]!.id).toBe('kataib-hezbollah');
    expect((await explorer.neighbourhood({ from: ['iran'], depth: 1 })).entities.length).toBe(4);
    expect((await explorer.paths({ from: 'iran', to: 'joe-biden' })).paths[0]!.length).toBe(4);
    const ds = await explorer.exportDataset({ entities: ['iran', 'kataib-hezbollah'] });
    expect(ds.triples.map((t) => t.id)).toEqual(['t1']);
    expect((await explorer.source('al-monitor'))!.text).toBe('the text');
    expect(await explorer.source('nope')).toBeUndefined();
    expect((await explorer.schema()).predicates.length).toBe(8);
  });
});

// The default data, once it is in the repository.
const datasetFile = new URL('../../graph-data/dataset.json', import.meta.url);
const schemaFile = new URL('../../graph-data/schema.json', import.meta.url);
const haveDefault = existsSync(datasetFile) && existsSync(schemaFile);

describe.skipIf(!haveDefault)('on the default data', () => {
  const load = () => {
    const dataset = JSON.parse(readFileSync(datasetFile, 'utf8')) as Dataset;
    const sch = dataset.schema ?? (JSON.parse(readFileSync(schemaFile, 'utf8')) as Schema);
    const store = TripleStore.build(dataset, sch);
    return { store, explorer: new MemoryExplorer(store), dataset };
  };
  const labelOf = (store: TripleStore) => (id: string) => store.entity(id)?.label ?? id;

  it('round-trips the dataset', () => {
    const { store, dataset } = load();
    const back = store.toDataset();
    expect(back.entities).toEqual(dataset.entities);
    expect(back.triples).toEqual(dataset.triples);
  });

  it('links Joe Biden to Kataib Hezbollah', async () => {
    const { store, explorer } = load();
    const r = await explorer.paths({ from: 'joe-biden', to: 'kataib-hezbollah' });
    expect(r.reason).toBeUndefined();
    const p = r.paths[0]!;
    const text = describePath(p, labelOf(store), store.schema);
    expect(text.startsWith('Joe Biden —')).toBe(true);
    expect(text.endsWith('→ Kataib Hezbollah')).toBe(true);
    expect(text.split('→').length - 1).toBe(p.length);
    // Each step reads with the label of its direction.
    p.steps.forEach((st) => {
      const def = store.schema.predicates.get(st.triple.predicate)!;
      expect(text).toContain(`—${st.forward ? def.label : def.inverseLabel}→`);
    });
  });

  it('links Donald Trump to Qasem Soleimani', async () => {
    const { store, explorer } = load();
    const r = await explorer.paths({ from: 'donald-trump', to: 'qasem-soleimani' });
    expect(r.paths.length).toBe(1);
    expect(describePath(r.paths[0]!, labelOf(store), store.schema)).toMatch(/^Donald Trump —.*→ Qasem Soleimani$/);
  });

  it('reaches Iran’s neighbourhood at depth 2', async () => {
    const { store, explorer } = load();
    const r = await explorer.neighbourhood({ from: ['iran'], depth: 2 });
    expect(r.entities[0]!.id).toBe('iran');
    expect(r.distance.iran).toBe(0);
    expect(r.entities.some((e) => e.id === 'kataib-hezbollah')).toBe(true);
    expect(Object.values(r.distance).every((d) => d <= 2)).toBe(true);
    const d1 = (await explorer.neighbourhood({ from: ['iran'], depth: 1 })).entities.length;
    expect(d1).toBe(
      1 +
        new Set(
          [...store.outTriples(store.indexOf('iran'))]
            .map((t) => store.objectOf(t))
            .concat([...store.inTriples(store.indexOf('iran'))].map((t) => store.subjectOf(t)))
            .filter((i) => i !== store.indexOf('iran')),
        ).size,
    );
    expect(r.entities.length).toBeGreaterThanOrEqual(d1);
  });

  it('finds the Kataib groups and Soleimani by search', async () => {
    const { explorer } = load();
    const kataib = (await explorer.search('kataib')).map((h) => h.id);
    expect(kataib[0]).toBe('kataib-hezbollah');
    expect(kataib).toContain('kataib-sayyid-al-shuhada');
    expect((await explorer.search("Kata'ib"))[0]!.id).toBe('kataib-hezbollah');
    expect((await explorer.search('KH'))[0]!.id).toBe('kataib-hezbollah');
    expect((await explorer.search('hezbolah'))[0]!.id).toBe('kataib-hezbollah');
    for (const q of ['soleimani', 'suleimani', 'Qāsem'])
      expect((await explorer.search(q))[0]!.id).toBe('qasem-soleimani');
    expect((await explorer.search('iran'))[0]!.id).toBe('iran');
  });
});
