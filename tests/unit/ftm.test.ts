// FollowTheMoney entity JSON in and out.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDatasetFile, loadSchemaFile } from '../../src/node/load.ts';
import { pickReader, readText } from '../../src/core/readers/registry.ts';
import { ftmReader } from '../../src/core/readers/ftm.ts';
import { FTM_EDGES, FTM_THINGS } from '../../src/core/readers/ftm-model.ts';
import { writeFtm } from '../../src/core/writers/ftm.ts';
import { main } from '../../src/cli/main.ts';

const SCHEMA = loadSchemaFile('graph-data/schema.json').schema!;

describe('FtM reader', () => {
  const r = loadDatasetFile('tests/fixtures/formats/sample.ftm.json');

  it('reads things as entities of the default types where one means the same, else generated ones', () => {
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const d = r.dataset!;
    expect(d.entities.map((e) => [e.id, e.type, e.label])).toEqual([
      ['p-jane', 'person', 'Jane Doe'],
      ['p-john', 'person', 'John Roe'],
      ['c-acme', 'company', 'Acme Holdings Ltd'],
      ['o-club', 'organization', 'Harbour Yacht Club'],
      ['pb-port', 'government-body', 'Port Authority'],
      ['v-sea', 'materiel', 'Sea Breeze'],
    ]);
    const jane = d.entities[0]!;
    expect(jane.aliases).toEqual(['J. Doe', 'Jane Q. Doe']);
    expect(jane.attributes).toMatchObject({ schema: 'Person', birthDate: '1970-03-02', nationality: 'gb' });
    expect(d.entities.find((e) => e.id === 'o-club')!.description).toBe("A members' club.");
  });

  it('reads two-ended intervals as relations with dates, roles and provenance', () => {
    const d = r.dataset!;
    expect(d.triples.map((t) => `${t.id} ${t.subject} ${t.predicate} ${t.object} ${t.date ?? '-'}`)).toEqual([
      'dir-1 p-jane directorship c-acme 2010-01-01/2018-06-30',
      'own-1 c-acme ownership v-sea 2015-04/',
      'own-2 p-jane ownership c-acme -',
      'mem-1 p-john membership o-club 2019/',
      'emp-1 p-john employment pb-port 2012-09-01/2020-12-31',
      'fam-1 p-jane family p-john -',
      'rep-1 p-john representation c-acme -',
      'pay-1 c-acme payment pb-port 2021-02-26',
      'link-1 v-sea unknown-link pb-port -',
    ]);
    const dir = d.triples[0]!;
    expect(dir.attributes).toEqual({ role: 'Managing director' });
    expect(dir.evidence).toBeUndefined();
    expect(d.triples.find((t) => t.id === 'rep-1')!.attributes).toEqual({
      role: 'Legal counsel',
      summary: 'Acts for the company in the harbour dispute.',
    });
    // One source per distinct publisher and URL; links without either cite the file.
    const registry = d.sources.find((s) => s.publisher === 'Companies Registry')!;
    expect(registry).toMatchObject({ title: 'Companies Registry', url: 'https://registry.example.org/acme' });
    expect(d.triples.filter((t) => t.source === registry.id).map((t) => t.id)).toEqual(['dir-1', 'own-2']);
    expect(d.triples.find((t) => t.id === 'mem-1')!.source).toBe('sample.ftm.json');
    expect(d.sources.map((s) => s.title)).toEqual([
      'Imported from sample.ftm.json',
      'Companies Registry',
      'Maritime Register',
    ]);
    expect(r.schema!.predicates.find((p) => p.id === 'ownership')).toMatchObject({
      label: 'owns',
      inverseLabel: 'owned by',
      domain: ['company', 'person'],
      range: ['materiel', 'company'],
    });
    // A sanction links one entity only: counted, not read.
    expect(r.problems.find((p) => p.code === 'ftm-not-mapped')!.message).toContain('Sanction (1)');
  });

  it('is picked by its endings and by its first line', () => {
    expect(pickReader({ name: 'x.ftm.json' })).toBe(ftmReader);
    expect(pickReader({ name: 'x.ijson' })).toBe(ftmReader);
    expect(
      pickReader({ name: 'data.json', head: '{"id": "p1", "schema": "Person", "properties": {"name": ["A"]}}\n' }),
    ).toBe(ftmReader);
    expect(pickReader({ name: 'data.json', head: '{"format": "actorgraph/dataset", "version": 1}' })).not.toBe(
      ftmReader,
    );
  });

  it('reads the same fed in pieces split anywhere, fragments of one id merged', () => {
    const text = `${readFileSync('tests/fixtures/formats/sample.ftm.json', 'utf8')}{"id": "p-jane", "schema": "Person", "properties": {"alias": ["Janey"]}}`;
    const s = ftmReader.open({ file: 'sample.ftm.json', defaultSchema: SCHEMA, keepDataset: true });
    for (let i = 0; i < text.length; i += 37) s.push(text.slice(i, i + 37));
    const res = s.end();
    expect(res.ok).toBe(true);
    expect(res.dataset!.entities[0]!.aliases).toEqual(['J. Doe', 'Jane Q. Doe', 'Janey']);
    expect(res.dataset!.triples).toHaveLength(9);
  });
});

describe('FtM writer', () => {
  const d = loadDatasetFile('graph-data/dataset.json');

  it('writes valid FtM lines: thing schemata for entities, interval schemata with both ends for relations', () => {
    const text = writeFtm({ ...d.dataset!, schema: d.schema });
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, unknown> });
    expect(lines).toHaveLength(d.dataset!.entities.length + d.dataset!.triples.length);
    const ids = new Set(lines.map((l) => l.id));
    expect(ids.size).toBe(lines.length);
    for (const l of lines) {
      expect(typeof l.id).toBe('string');
      expect(FTM_THINGS.has(l.schema) || l.schema in FTM_EDGES).toBe(true);
      expect(['Thing', 'Value', 'Analyzable']).not.toContain(l.schema);
      for (const v of Object.values(l.properties))
        expect(Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '')).toBe(true);
      const edge = FTM_EDGES[l.schema];
      if (edge) {
        expect(ids.has((l.properties[edge.subject] as string[])[0]!)).toBe(true);
        expect(ids.has((l.properties[edge.object] as string[])[0]!)).toBe(true);
      }
    }
    expect(lines.find((l) => l.id === 'joe-biden')).toMatchObject({
      schema: 'Person',
      properties: { name: ['Joe Biden'] },
    });
    expect(lines.find((l) => l.id === 'strike-in-syria')).toMatchObject({
      schema: 'UnknownLink',
      properties: { role: ['occurred in'], date: ['2021-02-25'] },
    });
  });

  it('FtM read back from its own output keeps the entities and relations', () => {
    const text = writeFtm({ ...d.dataset!, schema: d.schema });
    const back = readText(ftmReader, text, { file: 'x.ftm.json', defaultSchema: SCHEMA });
    expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(back.dataset!.entities.map((e) => e.id)).toEqual(d.dataset!.entities.map((e) => e.id));
    expect(back.dataset!.triples.map((t) => [t.subject, t.object])).toEqual(
      d.dataset!.triples.map((t) => [t.subject, t.object]),
    );
  });
});

describe('CLI over RDF and FtM', () => {
  const io = () => {
    const out: string[] = [];
    return { out, io: { out: (s: string) => out.push(s), err: (s: string) => out.push(s) } };
  };

  it('--data FILE.ttl stats reads foreign Turtle', async () => {
    const { out, io: o } = io();
    expect(await main(['--data', 'tests/fixtures/formats/people.ttl', 'stats', '--json'], o)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ entities: 5, triples: 5, types: 2 });
  });

  it('convert graph-data/dataset.json x.nt, then --data x.nt stats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-rdf-'));
    const { out, io: o } = io();
    expect(await main(['convert', 'graph-data/dataset.json', join(dir, 'x.nt')], o)).toBe(0);
    expect(readFileSync(join(dir, 'x.nt'), 'utf8')).toMatch(/^<https:\/\/actorgraph\.org\/id\/dataset\/> /);
    out.length = 0;
    expect(await main(['--data', join(dir, 'x.nt'), 'stats', '--json'], o)).toBe(0);
    const data = JSON.parse(readFileSync('graph-data/dataset.json', 'utf8'));
    expect(JSON.parse(out.join('\n'))).toMatchObject({ entities: data.entities.length, triples: data.triples.length });
  });

  it('export --format ftm writes FtM lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-ftm-'));
    const { io: o } = io();
    expect(
      await main(
        ['export', '--entity', 'joe-biden', '--depth', '1', '--format', 'ftm', '--out', join(dir, 'v.ftm.json')],
        o,
      ),
    ).toBe(0);
    const lines = readFileSync(join(dir, 'v.ftm.json'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.find((l) => l.id === 'joe-biden').schema).toBe('Person');
    expect(lines.some((l) => l.schema === 'UnknownLink')).toBe(true);
  });
});
