import { describe, expect, it } from 'vitest';
import type { DatasetReader, ReadSession } from '../../src/core/readers/reader.ts';
import {
  pickReader,
  READERS,
  readerByName,
  readText,
  sniffText,
  SNIFF_BYTES,
} from '../../src/core/readers/registry.ts';
import { jsonDatasetReader } from '../../src/core/readers/json-dataset.ts';
import { parseDataset } from '../../src/core/validate.ts';
import { DATASET_FORMAT, DATASET_VERSION, type Schema } from '../../src/core/model.ts';
import { DatasetAssembler } from '../../src/core/readers/assemble.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** A stand-in for a later format: it never reads anything, only claims files. */
function fake(id: string, extensions: string[], sniff: (head: string) => number): DatasetReader {
  return {
    id,
    label: id,
    extensions,
    sniff,
    open: (): ReadSession => {
      throw new Error('not for reading');
    },
  };
}
const csv = fake('csv', ['.csv', '.tsv'], (h) => (/^[^{[\n]*[,;\t][^\n]*\n/.test(h) ? 0.6 : 0));
const ftm = fake('ftm', ['.ftm.json', '.ijson'], (h) => (/^\s*\{"id":[^\n]*"schema":\s*"[A-Z]/.test(h) ? 0.95 : 0));
const gexf = fake('gexf', ['.gexf'], (h) => (/^\s*(?:<\?xml[^>]*>\s*)?<gexf[\s>]/.test(h) ? 1 : 0));
const ALL = [jsonDatasetReader, csv, ftm, gexf];

describe('reader registry', () => {
  it('has the dataset JSON reader first, claiming .json', () => {
    expect(READERS[0]).toBe(jsonDatasetReader);
    expect(readerByName('data/Dataset.JSON')).toBe(jsonDatasetReader);
    expect(readerByName('data.xyz')).toBeUndefined();
  });

  it('picks by extension, the longest ending winning', () => {
    expect(pickReader({ name: 'people.csv' }, ALL)).toBe(csv);
    expect(pickReader({ name: 'x.TSV' }, ALL)).toBe(csv);
    expect(pickReader({ name: 'entities.ftm.json' }, ALL)).toBe(ftm);
    expect(pickReader({ name: 'dataset.json' }, ALL)).toBe(jsonDatasetReader);
    expect(pickReader({ name: 'graph.gexf' }, ALL)).toBe(gexf);
  });

  it('picks by sniffing the first bytes when the name says nothing', () => {
    expect(pickReader({ name: 'export.txt', head: enc('<?xml version="1.0"?>\n<gexf xmlns="x">') }, ALL)).toBe(gexf);
    expect(pickReader({ head: enc('{"id":"p1","schema":"Person","properties":{}}\n') }, ALL)).toBe(ftm);
    expect(pickReader({ name: 'rows', head: 'subject;predicate;object\na;b;c\n' }, ALL)).toBe(csv);
    expect(pickReader({ name: 'upload', head: enc('{ "format": "actorgraph/dataset", "version": 1 }') }, ALL)).toBe(
      jsonDatasetReader,
    );
  });

  it('lets sure content override a wrong extension, but not a guess', () => {
    // A GEXF file saved as .json: the content is certain.
    expect(pickReader({ name: 'graph.json', head: '<gexf version="1.3">' }, ALL)).toBe(gexf);
    // A .csv whose start the CSV reader rules out (sniff 0): the likeliest by content.
    expect(pickReader({ name: 'broken.csv', head: '{"format":"actorgraph/dataset"' }, ALL)).toBe(jsonDatasetReader);
    // A .csv the CSV reader recognises wins over the JSON reader's catch-all guess.
    expect(pickReader({ name: 'rel.csv', head: 'a,b,c\n1,2,3\n' }, ALL)).toBe(csv);
  });

  it('falls back to the first reader, which explains what is wrong', () => {
    expect(pickReader({}, ALL)).toBe(jsonDatasetReader);
    expect(pickReader({ name: 'mystery.bin', head: '' }, [csv, gexf])).toBe(csv);
  });

  it('sniffs the dataset JSON by its start', () => {
    expect(jsonDatasetReader.sniff('\n  { "format": "actorgraph/dataset"')).toBe(1);
    expect(jsonDatasetReader.sniff('{"entities": [')).toBeGreaterThanOrEqual(0.8);
    expect(jsonDatasetReader.sniff('{"nodes": [')).toBeLessThan(0.8);
    expect(jsonDatasetReader.sniff('<gexf>')).toBeLessThan(0.5);
  });

  it('reads at most SNIFF_BYTES, leniently, without the BOM', () => {
    const big = new Uint8Array(SNIFF_BYTES * 2).fill(0x20);
    expect(sniffText(big)).toHaveLength(SNIFF_BYTES);
    expect(sniffText(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0xff]))).toBe('{\ufffd');
  });

  it('reads whole text through a reader, with or without its own whole-text path', () => {
    const schema: Schema = {
      entityTypes: [{ id: 'actor', label: 'Actor', color: '#888888' }],
      predicates: [{ id: 'knows', label: 'knows', inverseLabel: 'known by', domain: ['actor'], range: ['actor'] }],
    };
    const text = JSON.stringify({
      format: 'actorgraph/dataset',
      version: 1,
      sources: [{ id: 's', title: 'S', text: 'A knows B.' }],
      entities: [
        { id: 'a', label: 'A', type: 'actor' },
        { id: 'b', label: 'B', type: 'actor' },
      ],
      triples: [{ subject: 'a', predicate: 'knows', object: 'b', source: 's', evidence: 'A knows B.' }],
    });
    const opts = { file: 'd.json', defaultSchema: schema };
    const direct = parseDataset(text, opts);
    expect(readText(jsonDatasetReader, text, opts)).toEqual(direct);
    const { readText: _, ...sessionOnly } = jsonDatasetReader;
    const viaSession = readText(sessionOnly, text, opts);
    expect(viaSession.ok).toBe(true);
    expect(viaSession.dataset?.triples).toHaveLength(1);
    expect(viaSession.problems).toEqual(direct.problems);
  });
});

describe('record sink (DatasetAssembler)', () => {
  /** A row-based place, as a CSV reader would give: line = row, column = the cell's column. */
  const cells = (row: number, columns: Record<string, number>, kept: { n: number }) => {
    const place = {
      loc: { line: row, column: 1 },
      locate: (rel: (string | number)[]) =>
        typeof rel[0] === 'string' && columns[rel[0]] !== undefined
          ? { line: row, column: columns[rel[0]]! }
          : place.loc,
      keep: (value: unknown) => {
        kept.n++;
        return { at: place, value: () => value };
      },
    };
    return place;
  };
  const schema: Schema = {
    entityTypes: [{ id: 'actor', label: 'Actor', color: '#888888' }],
    predicates: [{ id: 'knows', label: 'knows', inverseLabel: 'known by', domain: ['actor'], range: ['actor'] }],
  };

  it('takes records in any order, holds triples back, and locates problems by the record places', () => {
    const t = { scan: 0, parse: 0, check: 0, build: 0 };
    const sink = new DatasetAssembler({ file: 'rel.csv', defaultSchema: schema }, t);
    const kept = { n: 0 };
    const cols = { subject: 1, predicate: 2, object: 3, evidence: 4, source: 5 };
    sink.start({ line: 1, column: 1 });
    sink.member('format', { line: 1, column: 1 }, DATASET_FORMAT, cells(1, {}, kept));
    sink.member('version', { line: 1, column: 1 }, DATASET_VERSION, cells(1, {}, kept));
    // A relations table before the entities, as a spreadsheet export may come.
    sink.beginList('triples', { line: 1, column: 1 });
    sink.record(
      'triples',
      { subject: 'a', predicate: 'knows', object: 'b', source: 's', evidence: 'A knows B.' },
      0,
      cells(2, cols, kept),
    );
    sink.record(
      'triples',
      { subject: 'a', predicate: 'knowz', object: 'b', source: 's', evidence: 'A knows B.' },
      1,
      cells(3, cols, kept),
    );
    sink.endList('triples');
    sink.beginList('sources', { line: 1, column: 1 });
    sink.record('sources', { id: 's', title: 'S', text: 'A knows B.' }, 0, cells(10, {}, kept));
    sink.endList('sources');
    sink.beginList('entities', { line: 1, column: 1 });
    sink.record('entities', { id: 'a', label: 'A', type: 'actor' }, 0, cells(20, {}, kept));
    sink.record('entities', { id: 'b', label: 'B', type: 'actor' }, 1, cells(21, {}, kept));
    sink.endList('entities');
    const res = sink.end();
    expect(kept.n).toBe(2);
    expect(res.ok).toBe(false);
    expect(res.problems).toEqual([
      expect.objectContaining({
        code: 'unknown-predicate',
        path: 'triples[1].predicate',
        file: 'rel.csv',
        line: 3,
        column: 2,
      }),
    ]);
  });

  it('builds the store when every record is valid', () => {
    const sink = new DatasetAssembler(
      { file: 'ok.csv', defaultSchema: schema },
      { scan: 0, parse: 0, check: 0, build: 0 },
    );
    const kept = { n: 0 };
    sink.beginList('sources', { line: 1, column: 1 });
    sink.record('sources', { id: 's', title: 'S', text: 'A knows B.' }, 0, cells(1, {}, kept));
    sink.endList('sources');
    sink.beginList('entities', { line: 1, column: 1 });
    sink.record('entities', { id: 'a', label: 'A', type: 'actor' }, 0, cells(2, {}, kept));
    sink.record('entities', { id: 'b', label: 'B', type: 'actor' }, 1, cells(3, {}, kept));
    sink.endList('entities');
    sink.beginList('triples', { line: 1, column: 1 });
    sink.record(
      'triples',
      { subject: 'a', predicate: 'knows', object: 'b', source: 's', evidence: 'A knows B.' },
      0,
      cells(4, {}, kept),
    );
    sink.endList('triples');
    const res = sink.end();
    expect(kept.n).toBe(0);
    expect(res.ok).toBe(true);
    expect(res.store?.tripleAt(0)).toMatchObject({ subject: 'a', predicate: 'knows', object: 'b' });
  });
});
