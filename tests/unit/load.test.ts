import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_DATASET,
  DEFAULT_SCHEMA,
  loadDatasetFile,
  loadDefault,
  loadSchemaFile,
  loadStoreFile,
} from '../../src/node/load.ts';

const FIX = fileURLToPath(new URL('../fixtures/', import.meta.url));
const SCHEMA = join(FIX, 'schema.json');
const VALID = readFileSync(join(FIX, 'bad/valid.json'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'actorgraph-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A folder holding the valid corpus dataset and its source text. */
function folder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(FIX, 'bad/source.txt'), join(dir, 'source.txt'));
  writeFileSync(join(dir, 'data.json'), VALID);
  return dir;
}

describe('default data paths', () => {
  it('are absolute paths into graph-data/', () => {
    expect(isAbsolute(DEFAULT_DATASET)).toBe(true);
    expect(DEFAULT_DATASET.replaceAll('\\', '/')).toMatch(/\/graph-data\/dataset\.json$/);
    expect(DEFAULT_SCHEMA.replaceAll('\\', '/')).toMatch(/\/graph-data\/schema\.json$/);
  });

  // The default data is written alongside this code; once present it must load cleanly.
  it.runIf(existsSync(DEFAULT_DATASET) && existsSync(DEFAULT_SCHEMA))('the default data loads with no errors', () => {
    const r = loadDatasetFile(DEFAULT_DATASET);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    const { store } = loadDefault();
    expect(store.entityCount).toBe(r.dataset!.entities.length);
    expect(store.tripleCount).toBe(r.dataset!.triples.length);
    expect(store.tripleCount).toBeGreaterThan(0);
  });
});

describe('loadDatasetFile', () => {
  it('loads a dataset with a schema file and source texts relative to the file', () => {
    const dir = folder('ok');
    const r = loadDatasetFile(join(dir, 'data.json'), { schemaPath: SCHEMA });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.schemaFrom).toBe('default');
    expect(r.dataset!.entities).toHaveLength(7);
  });

  it('a missing file: file-not-found, naming it', () => {
    const file = join(tmp, 'nope', 'data.json');
    const r = loadDatasetFile(file, { schemaPath: SCHEMA });
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect(p.code).toBe('file-not-found');
    expect(p.file).toBe(file);
    expect(p.message).toContain(file);
    expect(p.hint).toContain('check the path');
  });

  it('a directory: file-unreadable', () => {
    const r = loadDatasetFile(tmp, { schemaPath: SCHEMA });
    expect(r.problems.map((p) => p.code)).toEqual(['file-unreadable']);
  });

  it('a missing source file: located at the source path, relative to the dataset', () => {
    const dir = folder('missing-source');
    rmSync(join(dir, 'source.txt'));
    const file = join(dir, 'data.json');
    const r = loadDatasetFile(file, { schemaPath: SCHEMA });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['source-file-missing']);
    const p = r.problems[0]!;
    expect(p.file).toBe(file);
    expect(p.path).toBe('sources[0].path');
    expect(p.line).toBe(VALID.split('\n').findIndex((l) => l.includes('"path": "source.txt"')) + 1);
    expect(p.message).toContain(join(dir, 'source.txt'));
  });

  it('a source text in a subfolder, with a BOM, is found and used', () => {
    const dir = folder('subfolder');
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'note.txt'), `\ufeff${readFileSync(join(dir, 'source.txt'), 'utf8')}`);
    writeFileSync(join(dir, 'data.json'), VALID.replace('"path": "source.txt"', '"path": "sources/note.txt"'));
    const r = loadDatasetFile(join(dir, 'data.json'), { schemaPath: SCHEMA });
    expect(r.problems).toEqual([]);
  });

  it('evidence is checked against the file on disk', () => {
    const dir = folder('evidence');
    writeFileSync(join(dir, 'source.txt'), 'Another text entirely.');
    const r = loadDatasetFile(join(dir, 'data.json'), { schemaPath: SCHEMA });
    expect(new Set(r.problems.map((p) => p.code))).toEqual(new Set(['evidence-not-found']));
    expect(loadDatasetFile(join(dir, 'data.json'), { schemaPath: SCHEMA, checkEvidence: false }).problems).toEqual([]);
  });

  it('a broken schema file: its problems located in the schema file', () => {
    const dir = folder('broken-schema');
    const schemaText = readFileSync(SCHEMA, 'utf8').replace('"color": "#2ca02c"', '"color": "green"');
    const schemaFile = join(dir, 'schema.json');
    writeFileSync(schemaFile, schemaText);
    const r = loadDatasetFile(join(dir, 'data.json'), { schemaPath: schemaFile });
    expect(r.ok).toBe(false);
    expect(r.dataset).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(['invalid-schema', 'bad-color']);
    const p = r.problems[1]!;
    expect(p.file).toBe(schemaFile);
    expect(p.path).toBe('entityTypes[2].color');
    expect(p.line).toBe(schemaText.split('\n').findIndex((l) => l.includes('"green"')) + 1);
  });

  it('a schema file with a syntax error, and a missing schema file', () => {
    const dir = folder('bad-json-schema');
    const schemaFile = join(dir, 'schema.json');
    writeFileSync(schemaFile, '{\n  "entityTypes": [],\n  "predicates": [,]\n}');
    const r = loadDatasetFile(join(dir, 'data.json'), { schemaPath: schemaFile });
    expect(r.problems.map((p) => p.code)).toEqual(['invalid-schema', 'json-syntax']);
    expect(r.problems[1]!.line).toBe(3);
    expect(r.problems[1]!.file).toBe(schemaFile);
    const missing = loadDatasetFile(join(dir, 'data.json'), { schemaPath: join(dir, 'none.json') });
    expect(missing.problems.map((p) => p.code)).toEqual(['invalid-schema', 'file-not-found']);
  });

  it('a dataset that embeds its schema does not need the schema file', () => {
    const dir = folder('embedded');
    const d = JSON.parse(VALID);
    d.schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
    writeFileSync(join(dir, 'data.json'), JSON.stringify(d, null, 2));
    const r = loadDatasetFile(join(dir, 'data.json'), { schemaPath: join(dir, 'none.json') });
    expect(r.problems).toEqual([]);
    expect(r.schemaFrom).toBe('embedded');
  });

  it('a UTF-16 file: not-utf8 at line 1', () => {
    const dir = folder('utf16');
    writeFileSync(join(dir, 'data.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID, 'utf16le')]));
    const r = loadDatasetFile(join(dir, 'data.json'), { schemaPath: SCHEMA });
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['not-utf8', 1]]);
    expect(r.problems[0]!.message).toContain('UTF-16 LE');
  });
});

describe('loadSchemaFile', () => {
  it('loads a valid schema', () => {
    const r = loadSchemaFile(SCHEMA);
    expect(r.problems).toEqual([]);
    expect(r.schema!.entityTypes.map((t) => t.id)).toContain('armed-group');
  });

  it('reports a type cycle located in the file', () => {
    const file = join(tmp, 'cycle-schema.json');
    const text = readFileSync(SCHEMA, 'utf8').replace(
      '"id": "actor", "label": "Actor",',
      '"id": "actor", "label": "Actor", "parent": "state",',
    );
    writeFileSync(file, text);
    const r = loadSchemaFile(file);
    expect(r.schema).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(['type-cycle']);
    expect(r.problems[0]!.file).toBe(file);
    expect(r.problems[0]!.line).toBeGreaterThan(1);
  });
});

describe('UTF-8 decoding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-utf8-'));
  const dataset = (label: string) =>
    JSON.stringify(
      {
        format: 'actorgraph/dataset',
        version: 1,
        sources: [{ id: 's', title: 'S', text: 'A backs B.' }],
        entities: [
          { id: 'a', label, type: 'person' },
          { id: 'b', label: 'B', type: 'person' },
        ],
        triples: [{ subject: 'a', predicate: 'spoke-with', object: 'b', source: 's', evidence: 'A backs B.' }],
      },
      null,
      2,
    );

  it('keeps a real U+FFFD character: it is data, not a decoding failure', () => {
    const file = join(dir, 'replacement-char.json');
    writeFileSync(file, dataset('A \uFFFD B'));
    for (const r of [loadDatasetFile(file), loadStoreFile(file)]) {
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
    expect(loadDatasetFile(file).dataset!.entities[0]!.label).toBe('A \uFFFD B');
  });

  it('locates a byte that is not UTF-8 by line and column, in both readers', () => {
    const file = join(dir, 'latin1.json');
    const text = dataset('Caf\u00e9');
    const bytes = Buffer.from(text, 'latin1'); // é as one byte 0xE9: not UTF-8
    writeFileSync(file, bytes);
    const line = text.split('\n').findIndex((l) => l.includes('Caf')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('\u00e9') + 1;
    for (const r of [loadDatasetFile(file), loadStoreFile(file, { chunkBytes: 7 })]) {
      expect(r.ok).toBe(false);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ code: 'not-utf8', file, line, column });
      expect(r.problems[0]!.hint).toMatch(/UTF-8/);
    }
  });

  it('locates overlong forms, surrogates and code points past U+10FFFF at their first byte', () => {
    const bad: Record<string, number[]> = {
      overlong: [0xe0, 0x80, 0xaf],
      surrogate: [0xed, 0xa0, 0x80],
      beyond: [0xf4, 0x90, 0x80, 0x80],
    };
    for (const [name, seq] of Object.entries(bad)) {
      const file = join(dir, `${name}.json`);
      const text = dataset('Xy');
      const at = Buffer.byteLength(text.slice(0, text.indexOf('Xy') + 1));
      const bytes = Buffer.concat([
        Buffer.from(text.slice(0, text.indexOf('Xy') + 1)),
        Buffer.from(seq),
        Buffer.from(text.slice(text.indexOf('Xy') + 1)),
      ]);
      writeFileSync(file, bytes);
      const line = text.split('\n').findIndex((l) => l.includes('Xy')) + 1;
      const column = text.split('\n')[line - 1]!.indexOf('Xy') + 2;
      for (const r of [loadDatasetFile(file), loadStoreFile(file)]) {
        expect(r.problems, name).toHaveLength(1);
        expect(r.problems[0], name).toMatchObject({ code: 'not-utf8', file, line, column });
        expect(r.problems[0]!.message).toContain(`at byte ${at}`);
      }
    }
  });
});
