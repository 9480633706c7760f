import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectCsvColumns } from '../../src/core/readers/csv-columns.ts';
import { csvReader } from '../../src/core/readers/csv.ts';
import { pickReader, readText } from '../../src/core/readers/registry.ts';
import type { ReaderOptions } from '../../src/core/readers/reader.ts';
import { DEFAULT_SCHEMA, loadSchemaFile, loadStoreFile } from '../../src/node/load.ts';
import { main } from '../../src/cli/main.ts';

const FORMATS = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const schema = loadSchemaFile(DEFAULT_SCHEMA).schema!;
const SPREADSHEET = readFileSync(join(FORMATS, 'spreadsheet.csv'), 'utf8');

/** Reads `text` as CSV in chunks of `size` characters. */
function readChunked(text: string, size: number, extra: Partial<ReaderOptions> = {}) {
  const session = csvReader.open({ file: 'x.csv', defaultSchema: schema, keepDataset: true, ...extra });
  for (let i = 0; i < text.length; i += size) session.push(text.slice(i, i + size));
  return session.end();
}

describe('detectCsvColumns', () => {
  it('reads a spreadsheet export: BOM, semicolons, CRLF, a quoted line break', () => {
    const c = detectCsvColumns(SPREADSHEET);
    expect(c.delimiter).toBe(';');
    expect(c.kind).toBe('relations');
    expect(c.headers).toEqual([
      'Actor 1',
      'Relationship',
      'Actor 2',
      'Quote',
      'Source URL',
      'Start',
      'End',
      'Confidence',
      'Region',
    ]);
    expect(c.mapping).toEqual({
      subject: 0,
      predicate: 1,
      object: 2,
      evidence: 3,
      url: 4,
      start: 5,
      end: 6,
      confidence: 7,
    });
    expect(c.firstRows).toHaveLength(3);
    expect(c.firstRows[0]![3]).toBe('Iran has long funded\r\nHezbollah; it says so.');
  });

  it('takes Source,Target as the ends of a Gephi edge table, whose Label is the relation', () => {
    const c = detectCsvColumns('Source,Target,Type,Id,Label,Weight\n1,2,Directed,0,funds,1\n');
    expect(c.mapping).toMatchObject({ subject: 0, object: 1, predicate: 4, id: 3 });
    expect(c.mapping.source).toBeUndefined();
  });

  it('takes "source" as the source document when a subject column is there', () => {
    const c = detectCsvColumns('from\ttype\tto\tsource\texcerpt\na\tb\tc\td\te\n');
    expect(c.delimiter).toBe('\t');
    expect(c.mapping).toEqual({ subject: 0, predicate: 1, object: 2, source: 3, evidence: 4 });
  });

  it('knows an entities table by its headers', () => {
    const c = detectCsvColumns('ID|Name|Category|Also known as|Notes\nx|X|state|Y|z\n');
    expect(c.delimiter).toBe('|');
    expect(c.kind).toBe('entities');
    expect(c.mapping).toEqual({ id: 0, label: 1, type: 2, aliases: 3, description: 4 });
  });
});

describe('CSV reader', () => {
  it('reads the spreadsheet into entities and relations, the same in any chunking', () => {
    const res = readChunked(SPREADSHEET, 1 << 16);
    expect(res.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const d = res.dataset!;
    expect(d.entities.map((e) => [e.id, e.label])).toEqual([
      ['iran', 'Iran'],
      ['hezbollah', 'Hezbollah'],
      ['kata-ib-hezbollah', "Kata'ib Hezbollah"],
    ]);
    const [t0, t1, t2] = d.triples;
    expect(t0).toMatchObject({
      subject: 'iran',
      predicate: 'backed-by',
      object: 'hezbollah',
      evidence: 'Iran has long funded\r\nHezbollah; it says so.',
      date: '2019/2021-06',
      confidence: 0.8,
      attributes: { Region: 'Levant' },
    });
    expect(d.sources.find((s) => s.id === t0!.source)).toMatchObject({ url: 'https://example.org/a' });
    expect(t1!.evidence).toBeUndefined();
    expect(t1).toMatchObject({ subject: 'kata-ib-hezbollah', object: 'iran', confidence: 0.6 });
    expect(t2).toMatchObject({ predicate: 'trains', evidence: 'He said "we train them"', date: '2020-03/' });
    // One warning lists the relation names the schema lacks.
    expect(res.problems.filter((p) => p.code === 'generated-predicates')).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringContaining("'trains'") }),
    ]);
    for (const size of [1, 7, 64]) expect(readChunked(SPREADSHEET, size).dataset).toEqual(d);
  });

  it('locates problems by row and cell', () => {
    const res = readChunked('subject,predicate,object,evidence,date\nIran,backed by,Hezbollah,"a\nb",2021-13\n', 5);
    expect(res.ok).toBe(false);
    expect(res.problems).toContainEqual(
      expect.objectContaining({ code: 'bad-date', path: 'triples[0].date', line: 2, column: 5 }),
    );
    // A row after quoted line breaks (LF and CRLF) starts on its own line, however the text is cut.
    for (const nl of ['\n', '\r\n'])
      for (const size of [3, 11, 1000]) {
        const text = `subject,predicate,object,evidence,date${nl}Iran,backed by,Hezbollah,"a${nl}b${nl}c",2021${nl}Iran,backed by,Hamas,d,2021-13${nl}`;
        expect(readChunked(text, size).problems).toContainEqual(
          expect.objectContaining({ code: 'bad-date', path: 'triples[1].date', line: 5, column: 5 }),
        );
      }
  });

  it('takes a mapping chosen by the user', () => {
    const text = 'a,b,c\nHezbollah,Iran,backed by\n';
    const res = readChunked(text, 100, { csvMapping: { subject: 0, object: 1, predicate: 2 } });
    expect(res.dataset!.triples[0]).toMatchObject({ subject: 'hezbollah', predicate: 'backed-by', object: 'iran' });
  });

  it('matches names of an entities table by id, label or alias', () => {
    const entities = readFileSync(join(FORMATS, 'entities.tsv'), 'utf8');
    const res = readChunked(
      'subject,relation,object\nHizbullah,backed by,Islamic Republic of Iran\nhezbollah,opposes,Israel\n',
      9,
      { csvEntities: { name: 'entities.tsv', text: entities } },
    );
    const d = res.dataset!;
    expect(d.triples.map((t) => [t.subject, t.object])).toEqual([
      ['hezbollah', 'iran'],
      ['hezbollah', 'israel'],
    ]);
    expect(d.entities.find((e) => e.id === 'hezbollah')).toMatchObject({
      type: 'armed-group',
      aliases: ['Hizbullah', 'Party of God'],
      attributes: { founded: 1982 },
    });
  });

  it('puts problems of the entities table in that file', () => {
    const res = readChunked('subject,relation,object\nA,backed by,B\n', 100, {
      csvEntities: { name: 'e.csv', text: 'id,name,type\na,A,actor\nb,B,actor\nb,B2,actor\n' },
    });
    expect(res.problems).toContainEqual(expect.objectContaining({ code: 'duplicate-id', file: 'e.csv', line: 4 }));
  });

  it('is chosen by name and by content', () => {
    expect(pickReader({ name: 'rel.csv', head: SPREADSHEET.slice(1) }).id).toBe('csv');
    expect(pickReader({ name: 'upload', head: 'subject,predicate,object\na,b,c\n' }).id).toBe('csv');
    expect(pickReader({ name: 'x.json', head: '{"format":"actorgraph/dataset"' }).id).toBe('actorgraph-json');
  });

  it('reads whole text like a stream', () => {
    const a = readText(csvReader, SPREADSHEET, { file: 'x.csv', defaultSchema: schema });
    expect(a.dataset).toEqual(readChunked(SPREADSHEET, 3).dataset);
  });
});

describe('CSV in the CLI', () => {
  const io = () => {
    const out: string[] = [];
    return { out, io: { out: (s: string) => out.push(s), err: (s: string) => out.push(s) } };
  };

  it('loads a spreadsheet with --data', async () => {
    const { out, io: o } = io();
    expect(await main(['--data', join(FORMATS, 'spreadsheet.csv'), 'stats', '--json'], o)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ entities: 3, triples: 3 });
  });

  it('exports two tables that load back, the entities table found beside the relations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-csv-'));
    const { io: o } = io();
    expect(await main(['export', '--format', 'csv', '--out', join(dir, 'x.csv')], o)).toBe(0);
    expect(existsSync(join(dir, 'x.entities.csv'))).toBe(true);
    const res = loadStoreFile(join(dir, 'x.csv'), { keepDataset: true });
    expect(res.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const original = JSON.parse(readFileSync('graph-data/dataset.json', 'utf8'));
    expect(res.dataset!.entities).toHaveLength(original.entities.length);
    expect(res.dataset!.triples).toHaveLength(original.triples.length);
    const byId = new Map(res.dataset!.entities.map((e) => [e.id, e]));
    for (const e of original.entities) expect(byId.get(e.id)).toMatchObject({ label: e.label, type: e.type });
    writeFileSync(join(dir, 'y.csv'), readFileSync(join(dir, 'x.csv')));
    // Without its entities table, names are matched and typed from the relations alone.
    expect(loadStoreFile(join(dir, 'y.csv')).store?.entityCount).toBeGreaterThan(100);
  });
});
