import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { parse as parseGexfWithGraphology } from 'graphology-gexf';
import { parse as parseGraphmlWithGraphology } from 'graphology-graphml';
import { gexfReader } from '../../src/core/readers/gexf.ts';
import { graphmlReader } from '../../src/core/readers/graphml.ts';
import { graphologyJsonReader } from '../../src/core/readers/graphology-json.ts';
import { findDoctype, tooDeep } from '../../src/core/readers/xml.ts';
import { pickReader, readText } from '../../src/core/readers/registry.ts';
import { writerById } from '../../src/core/writers/registry.ts';
import { exportDataset, toGraphologyExport } from '../../src/core/export.ts';
import { indexSchema } from '../../src/core/schema.ts';
import { DEFAULT_DATASET, DEFAULT_SCHEMA, loadSchemaFile, loadStoreFile } from '../../src/node/load.ts';
import { main } from '../../src/cli/main.ts';
import type { Dataset } from '../../src/core/model.ts';
import type { DatasetReader } from '../../src/core/readers/reader.ts';

const FORMATS = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const schema = loadSchemaFile(DEFAULT_SCHEMA).schema!;
const read = (reader: DatasetReader, name: string, text = readFileSync(join(FORMATS, name), 'utf8')) =>
  readText(reader, text, { file: name, defaultSchema: schema });

/** The default data as an export gives it: schema subset, source texts inline. */
function defaultData(): Dataset {
  const store = loadStoreFile(DEFAULT_DATASET).store!;
  return exportDataset(store, { entities: Array.from({ length: store.entityCount }, (_, i) => store.entityAt(i).id) });
}

const hasNetworkx = (() => {
  try {
    execFileSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('GEXF and GraphML written by networkx', () => {
  for (const [name, reader] of [
    ['networkx.gexf', gexfReader],
    ['networkx.graphml', graphmlReader],
  ] as const) {
    it(`reads ${name}: types and relations by name, other attributes kept`, () => {
      const res = read(reader, name);
      expect(res.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const d = res.dataset!;
      expect(d.entities.map((e) => [e.id, e.label, e.type])).toEqual([
        ['iran', 'Iran', 'state'],
        ['hezbollah', 'Hezbollah', 'armed-group'],
        ['kh', "Kata'ib Hezbollah", 'armed-group'],
        ['idf', 'Israel Defense Forces', 'military-force'],
      ]);
      expect(d.entities[0]!.attributes).toEqual({ population: 88000000 });
      expect(d.entities[2]!.attributes).toEqual({ active: true });
      expect(d.triples.map((t) => [t.subject, t.predicate, t.object])).toEqual([
        ['hezbollah', 'backed-by', 'iran'],
        ['kh', 'backed-by', 'iran'],
        ['kh', 'trains-with', 'hezbollah'],
        ['idf', 'opposes', 'hezbollah'],
      ]);
      expect(d.triples[0]).toMatchObject({ evidence: 'Iran has long funded Hezbollah.', attributes: { weight: 2 } });
      expect(d.triples[3]).toMatchObject({ date: '2024' });
      expect(d.sources).toEqual([{ id: name.replace('.', '-'), title: `Imported from ${name}` }]);
      expect(res.problems.filter((p) => p.code === 'generated-predicates')).toHaveLength(1);
    });
  }

  it('reads the same graph from both', () => {
    expect(read(gexfReader, 'networkx.gexf').dataset!.triples.map((t) => t.predicate)).toEqual(
      read(graphmlReader, 'networkx.graphml').dataset!.triples.map((t) => t.predicate),
    );
  });
});

describe('a Gephi GEXF with viz attributes', () => {
  it('keeps positions, colours of new types, sizes and other attributes', () => {
    const res = read(gexfReader, 'gephi.gexf');
    const d = res.dataset!;
    expect(res.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(d.entities[0]).toMatchObject({
      id: 'n0',
      label: 'Iran',
      type: 'state',
      position: { x: -120.5, y: 88.25 },
      attributes: { 'Modularity Class': 0, size: 24 },
    });
    expect(d.entities[1]!.type).toBe('armed-group');
    expect(d.schema!.entityTypes.find((t) => t.id === 'rebel-movement')).toEqual({
      id: 'rebel-movement',
      label: 'Rebel movement',
      color: '#43a047',
    });
    expect(d.triples.map((t) => t.predicate)).toEqual(['backed-by', 'supplied-by']);
    expect(d.triples[0]!.attributes).toEqual({ weight: 3 });
  });
});

describe('XML refused before parsing', () => {
  it('finds a DOCTYPE after the declaration and comments, but not inside the root', () => {
    expect(findDoctype('<?xml version="1.0"?>\n<!-- x --><!DOCTYPE a [<!ENTITY b "c">]><a/>')).toBe(32);
    expect(findDoctype('<!ENTITY x "y"><a/>')).toBe(0);
    expect(findDoctype('<a><![CDATA[<!DOCTYPE x>]]></a>')).toBe(-1);
  });

  it('refuses nesting deeper than the bound before parsing, quotes and comments aside', () => {
    expect(tooDeep('<a><b label="x > y" /><c/><!-- <d> --><![CDATA[<e>]]></a>', 1)).toBe(-1);
    expect(tooDeep('<a><b><c/></b></a>', 1)).toBe(3);
    const deep = `<graphml>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</graphml>`;
    const t0 = performance.now();
    const res = readText(graphmlReader, deep, { file: 'deep.graphml', defaultSchema: schema });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(res.problems).toEqual([expect.objectContaining({ code: 'xml-too-deep', line: 1 })]);
  });

  it('refuses entity expansion and external entities with a located error', () => {
    const bad = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
    for (const [name, reader, line] of [
      ['xml-billion-laughs.gexf', gexfReader, 2],
      ['xml-external-entity.graphml', graphmlReader, 3],
    ] as const) {
      const res = readText(reader, readFileSync(join(bad, name), 'utf8'), { file: name, defaultSchema: schema });
      expect(res.ok).toBe(false);
      expect(res.problems).toEqual([
        expect.objectContaining({
          code: 'xml-doctype',
          line,
          column: 1,
          hint: expect.stringContaining('remove the <!DOCTYPE'),
        }),
      ]);
    }
  });
});

/** The default data's own counts: the data may be corrected, the round trips must keep whatever it holds. */
const DEFAULT_COUNTS = (() => {
  const d = JSON.parse(readFileSync(fileURLToPath(new URL('../../graph-data/dataset.json', import.meta.url)), 'utf8'));
  return { entities: d.entities.length as number, triples: d.triples.length as number };
})();

describe('writers and readers of graph formats', () => {
  const original = defaultData();
  it('has the default data to work on', () => {
    expect([original.entities.length, original.triples.length, original.sources.length]).toEqual([
      DEFAULT_COUNTS.entities,
      DEFAULT_COUNTS.triples,
      1,
    ]);
  });
  for (const [id, reader] of [
    ['gexf', gexfReader],
    ['graphml', graphmlReader],
    ['graphology', graphologyJsonReader],
  ] as const) {
    it(`round-trips the default data through ${id} with nothing lost`, () => {
      const [file] = writerById(id)!.write(original);
      expect(pickReader({ name: `x${file!.extension}`, head: file!.text.slice(0, 4096) })).toBe(reader);
      expect(pickReader({ name: 'upload', head: file!.text.slice(0, 4096) })).toBe(reader);
      const res = readText(reader, file!.text, { file: `x${file!.extension}`, defaultSchema: schema });
      expect(res.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(res.dataset).toEqual(original);
    });
  }

  it('reads the graphology export of earlier versions (no schema, no sources)', () => {
    const text = JSON.stringify(toGraphologyExport(original, indexSchema(original.schema!)));
    expect(pickReader({ name: 'upload.json', head: text.slice(0, 4096) })).toBe(graphologyJsonReader);
    const res = readText(graphologyJsonReader, text, { file: 'old.json', defaultSchema: schema });
    expect(res.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(res.dataset!.entities).toEqual(original.entities);
    expect(res.dataset!.triples).toEqual(original.triples);
    expect(res.dataset!.sources.map((s) => s.id)).toEqual(original.sources.map((s) => s.id));
  });

  it('writes GEXF and GraphML that graphology-gexf and graphology-graphml read', () => {
    const d = defaultData();
    const gexf = parseGexfWithGraphology(Graph, writerById('gexf')!.write(d)[0]!.text);
    expect([gexf.order, gexf.size]).toEqual([DEFAULT_COUNTS.entities, DEFAULT_COUNTS.triples]);
    expect(gexf.getNodeAttribute('iran', 'label')).toBe('Iran');
    const graphml = parseGraphmlWithGraphology(Graph, writerById('graphml')!.write(d)[0]!.text);
    expect([graphml.order, graphml.size]).toEqual([DEFAULT_COUNTS.entities, DEFAULT_COUNTS.triples]);
  });

  it.skipIf(!hasNetworkx)('writes GEXF and GraphML that networkx reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-nx-'));
    const d = defaultData();
    writeFileSync(join(dir, 'g.gexf'), writerById('gexf')!.write(d)[0]!.text);
    writeFileSync(join(dir, 'g.graphml'), writerById('graphml')!.write(d)[0]!.text);
    const out = execFileSync(
      'python3',
      [
        '-c',
        [
          'import networkx as nx, sys',
          `a = nx.read_gexf(${JSON.stringify(join(dir, 'g.gexf'))})`,
          `b = nx.read_graphml(${JSON.stringify(join(dir, 'g.graphml'))})`,
          'print(a.number_of_nodes(), a.number_of_edges(), b.number_of_nodes(), b.number_of_edges(), b.nodes["iran"]["label"])',
        ].join('\n'),
      ],
      { encoding: 'utf8' },
    );
    const { entities: n, triples: m } = DEFAULT_COUNTS;
    expect(out.trim()).toBe(`${n} ${m} ${n} ${m} Iran`);
  });

  it('converts with the CLI, any way round', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-conv-'));
    const io = { out: () => {}, err: () => {} };
    expect(await main(['convert', 'graph-data/dataset.json', join(dir, 'x.gexf')], io)).toBe(0);
    expect(await main(['convert', join(dir, 'x.gexf'), join(dir, 'y.graphml')], io)).toBe(0);
    expect(await main(['convert', join(dir, 'y.graphml'), join(dir, 'z.json')], io)).toBe(0);
    const back = JSON.parse(readFileSync(join(dir, 'z.json'), 'utf8')) as Dataset;
    expect(back.entities).toEqual(defaultData().entities);
    expect(back.triples).toEqual(defaultData().triples);
  });
});
