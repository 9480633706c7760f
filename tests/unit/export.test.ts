import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { exportDataset, fromGraphologyExport, mergeDatasets, toGraphologyExport } from '../../src/core/export.ts';
import { buildGraph, nodeSize } from '../../src/core/graphology.ts';
import type { Dataset, Schema } from '../../src/core/model.ts';
import { indexSchema } from '../../src/core/schema.ts';
import { TripleStore } from '../../src/core/store.ts';
import { validateDataset } from '../../src/core/validate.ts';
import { schema, story } from './core-fixtures.ts';

// A source text holding every evidence quote, so that evidence checks pass.
const sourceText = story.triples.map((t) => t.evidence).join('\n');
const store = TripleStore.build(story, schema, { sourceText: () => sourceText });

/** validate → build → toDataset, as a user loading the exported file would. */
function reload(ds: Dataset): TripleStore {
  const json = JSON.parse(JSON.stringify(ds));
  const r = validateDataset(json, { file: 'export.json' });
  const errors = r.problems.filter((p) => p.severity === 'error');
  expect(errors).toEqual([]);
  expect(r.schemaFrom).toBe('embedded');
  return TripleStore.build(r.dataset!, r.schema!);
}

describe('exportDataset', () => {
  it('exports entities and the triples among them as a standalone dataset', () => {
    const ds = exportDataset(store, { entities: ['kataib-hezbollah', 'iran'], title: 'KH and Iran' });
    expect(ds.title).toBe('KH and Iran');
    expect(ds.entities.map((e) => e.id)).toEqual(['iran', 'kataib-hezbollah']);
    expect(ds.triples.map((t) => t.id)).toEqual(['t1']);
    // Types used plus ancestors, and the types backed-by names; only the predicate used.
    expect(ds.schema!.entityTypes.map((t) => t.id)).toEqual(['actor', 'state', 'organization', 'armed-group']);
    expect(ds.schema!.predicates.map((p) => p.id)).toEqual(['backed-by']);
    expect(ds.sources).toEqual([
      {
        id: 'al-monitor',
        title: 'US strikes Iran-backed militias',
        publisher: 'Al-Monitor',
        published: '2021-02-26',
        text: sourceText,
      },
    ]);
    const back = reload(ds).toDataset();
    expect(back.entities).toEqual(ds.entities);
    expect(back.triples).toEqual(ds.triples);
    expect(back.schema).toEqual(ds.schema);
  });

  it('adds direct neighbours and the triples reaching them, keeping derived ids stable', () => {
    const ds = exportDataset(store, { entities: ['iran'], includeNeighbours: true });
    expect(ds.entities.map((e) => e.id)).toEqual(['iran', 'iran-gov', 'kataib-hezbollah', 'kataib-sayyid-al-shuhada']);
    expect(ds.triples.map((t) => t.id ?? `(${t.evidence})`)).toEqual([
      't1',
      't2',
      '(evidence: the government of Iran)',
      '(evidence: again, the government of Iran)',
    ]);
    const again = reload(ds);
    expect(again.toDataset().triples).toEqual(ds.triples);
    expect(again.tripleAt(3).id).toBe('iran-gov|part-of|iran#2');
  });

  it('exports exactly the given triples with their endpoints and attributed entities', () => {
    const ds = exportDataset(store, { triples: ['iran-gov|part-of|iran#2', 't5'] });
    expect(ds.entities.map((e) => e.id)).toEqual([
      'iran',
      'iran-gov',
      'kataib-hezbollah',
      'border-point',
      'united-states',
    ]);
    // Alone in the export, the repeat would derive a plain id: it is written out.
    expect(ds.triples.map((t) => t.id)).toEqual(['t5', 'iran-gov|part-of|iran#2']);
    const again = reload(ds);
    expect(again.tripleIndexOf('iran-gov|part-of|iran#2')).toBe(1);
    expect(again.toDataset().triples).toEqual(ds.triples);
  });

  it('can leave the triples out', () => {
    const ds = exportDataset(store, { entities: ['iran', 'kataib-hezbollah'], includeTriples: false });
    expect(ds.triples).toEqual([]);
    expect(ds.sources).toEqual([]);
  });

  it('says which ids are unknown', () => {
    expect(() => exportDataset(store, { entities: ['iran', 'atlantis'] })).toThrow(/unknown entity 'atlantis'/);
    expect(() => exportDataset(store, { entities: [], triples: ['t404'] })).toThrow(/unknown triple id 't404'/);
  });

  it('keeps paths when the text is unknown, dropping only `path`', () => {
    const plain = TripleStore.build(story, schema);
    const ds = exportDataset(plain, { entities: ['iran', 'kataib-hezbollah'] });
    expect(ds.sources[0]).not.toHaveProperty('path');
    expect(ds.sources[0]).not.toHaveProperty('text');
  });
});

describe('graphology', () => {
  const si = indexSchema(schema);
  const sub = { entities: story.entities, triples: story.triples };

  it('round-trips through the graph.export() format', () => {
    const json = JSON.parse(JSON.stringify(toGraphologyExport(sub, si)));
    expect(json.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: true });
    expect(json.edges[5].key).toBe('joe-biden|member-of|united-states');
    expect(fromGraphologyExport(json)).toEqual(sub);
    // graphology itself reads it.
    const g = Graph.from(json);
    expect(g.order).toBe(11);
    expect(g.size).toBe(12);
    expect(g.getEdgeAttribute('t1', 'label')).toBe('backed by');
    expect(fromGraphologyExport(g.export())).toEqual(sub);
  });

  it('rejects what is not a graph export', () => {
    expect(() => fromGraphologyExport({ nodes: 3 })).toThrow(/nodes.*edges/);
    expect(() => fromGraphologyExport({ nodes: [{ key: 'a' }], edges: [] })).toThrow(/nodes\[0\]/);
  });

  it('builds a multi directed graph with display attributes', () => {
    const g = buildGraph(sub, si);
    expect(g.type).toBe('directed');
    expect(g.multi).toBe(true);
    expect(g.order).toBe(11);
    expect(g.size).toBe(12);
    const kh = g.getNodeAttributes('kataib-hezbollah');
    expect(kh).toMatchObject({
      label: 'Kataib Hezbollah',
      entityType: 'armed-group',
      color: '#8c564b',
      aliases: ["Kata'ib Hizballah", 'KH'],
    });
    expect(kh.size).toBe(nodeSize(2));
    expect(g.getNodeAttribute('iran', 'size')).toBe(4 + 3 * 2);
    expect(g.getNodeAttributes('iran').x).toBe(buildGraph(sub, si).getNodeAttributes('iran').x);
    expect(g.getEdgeAttributes('t5')).toMatchObject({ predicate: 'used-by', label: 'used by', tripleId: 't5' });
    expect(g.source('t5')).toBe('border-point');
    expect(g.hasEdge('iran-gov|part-of|iran#2')).toBe(true);
    expect(nodeSize(10_000)).toBe(30);
  });

  it('colours a type without colour like its nearest coloured ancestor', () => {
    const pale: Schema = {
      ...schema,
      entityTypes: schema.entityTypes.map((t) => (t.id === 'armed-group' ? { ...t, color: '' } : t)),
    };
    const g = buildGraph(sub, indexSchema(pale));
    expect(g.getNodeAttribute('kataib-hezbollah', 'color')).toBe('#ff7f0e');
  });

  it('skips triples reaching outside the subgraph', () => {
    const g = buildGraph({ entities: story.entities.slice(0, 3), triples: story.triples }, si);
    expect(g.edges()).toEqual(['t1', 'iran-gov|part-of|iran', 'iran-gov|part-of|iran#2']);
  });
});

describe('mergeDatasets', () => {
  const a: Dataset = {
    format: 'actorgraph/dataset',
    version: 1,
    title: 'A',
    schema,
    sources: [{ id: 's1', title: 'One' }],
    entities: [
      { id: 'iran', label: 'Iran', type: 'state', aliases: ['IR'] },
      { id: 'kh', label: 'Kataib Hezbollah', type: 'armed-group' },
    ],
    triples: [
      { id: 't1', subject: 'kh', predicate: 'backed-by', object: 'iran', source: 's1', evidence: 'x' },
      { subject: 'kh', predicate: 'part-of', object: 'iran', source: 's1', evidence: 'y' },
    ],
  };
  const b: Dataset = {
    format: 'actorgraph/dataset',
    version: 1,
    title: 'B',
    schema: {
      entityTypes: [...schema.entityTypes.slice(0, 2), { id: 'city', label: 'City', color: '#000000' }],
      predicates: [{ ...schema.predicates[0]!, label: 'supported by' }],
    },
    sources: [
      { id: 's1', title: 'Uno' },
      { id: 's2', title: 'Two' },
    ],
    entities: [
      { id: 'iran', label: 'Islamic Republic of Iran', type: 'organization', aliases: ['IR', 'Persia'] },
      { id: 'baghdad', label: 'Baghdad', type: 'city' },
    ],
    triples: [
      { id: 't1', subject: 'kh', predicate: 'backed-by', object: 'iran', source: 's1', evidence: 'different' },
      { subject: 'kh', predicate: 'part-of', object: 'iran', source: 's1', evidence: 'y' },
      { id: 't2', subject: 'kh', predicate: 'backed-by', object: 'iran', source: 's2', evidence: 'z' },
    ],
  };

  it('unions by id and reports each conflict with where and how to fix', () => {
    const { dataset, problems } = mergeDatasets(a, b, { files: { a: 'a.json', b: 'b.json' } });
    expect(dataset.title).toBe('A + B');
    expect(dataset.entities.map((e) => e.id)).toEqual(['iran', 'kh', 'baghdad']);
    expect(dataset.entities[0]).toEqual({
      id: 'iran',
      label: 'Iran',
      type: 'state',
      aliases: ['IR', 'Persia', 'Islamic Republic of Iran'],
    });
    expect(dataset.triples.map((t) => t.id ?? t.evidence)).toEqual(['t1', 'y', 't2']);
    expect(dataset.sources.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(dataset.schema!.entityTypes.map((t) => t.id)).toEqual([...schema.entityTypes.map((t) => t.id), 'city']);
    expect(problems.map((p) => [p.code, p.file, p.path])).toEqual([
      ['merge-conflict', 'b.json', 'entities[0].type'],
      ['merge-conflict', 'b.json', 'entities[0].label'],
      ['merge-conflict', 'b.json', 'triples[0]'],
      ['merge-conflict', 'b.json', 'sources[0].title'],
      ['schema-conflict', 'b.json', 'schema.predicates[0]'],
    ]);
    for (const p of problems) {
      expect(p.message.length).toBeGreaterThan(10);
      expect(p.hint.length).toBeGreaterThan(10);
    }
  });

  it('merges disjoint datasets without problems', () => {
    const half = (ds: Dataset, ids: string[]) => ({
      ...ds,
      entities: ds.entities,
      triples: ds.triples.filter((t) => ids.includes(t.id!)),
    });
    const { dataset, problems } = mergeDatasets(half(story, ['t1', 't2']), half(story, ['t3', 't4', 't5']));
    expect(problems).toEqual([]);
    expect(dataset.triples.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(dataset.entities).toEqual(story.entities);
    expect(dataset.schema).toBeUndefined();
  });
});
