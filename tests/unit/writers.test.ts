import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileNames, WRITERS, writerById, writerByName } from '../../src/core/writers/registry.ts';
import { main } from '../../src/cli/main.ts';

describe('writer registry', () => {
  it('names writers by id and by the longest ending', () => {
    expect(writerById('dataset')?.extension).toBe('.json');
    expect(writerByName('x/iran.json')?.id).toBe('dataset');
    expect(writerByName('x/iran.graphology.json')?.id).toBe('graphology');
    expect(writerByName('iran.unknown')).toBeUndefined();
    expect(new Set(WRITERS.map((w) => w.id)).size).toBe(WRITERS.length);
  });

  it('names the parts of a many-file format beside the main file', () => {
    const files = [
      { suffix: '', extension: '.csv' },
      { suffix: '.entities', extension: '.csv' },
    ];
    expect(fileNames('out/graph.csv', files)).toEqual(['out/graph.csv', 'out/graph.entities.csv']);
    expect(fileNames('out/graph', files)).toEqual(['out/graph', 'out/graph.entities.csv']);
  });
});

describe('convert', () => {
  it('writes the default data as a dataset that loads back with the same counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-convert-'));
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await main(['convert', 'graph-data/dataset.json', join(dir, 'copy.json')], io)).toBe(0);
    const copy = JSON.parse(readFileSync(join(dir, 'copy.json'), 'utf8'));
    // The same counts as the default data itself, whatever they are.
    const { entities, triples } = JSON.parse(readFileSync('graph-data/dataset.json', 'utf8'));
    expect(copy.entities).toHaveLength(entities.length);
    expect(copy.triples).toHaveLength(triples.length);
    out.length = 0;
    expect(await main(['--data', join(dir, 'copy.json'), 'stats', '--json'], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ entities: entities.length, triples: triples.length });
  });

  it('refuses an unknown format and a missing argument', async () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (s: string) => err.push(s) };
    expect(await main(['convert', 'graph-data/dataset.json', '/tmp/x.json', '--format', 'nope'], io)).toBe(2);
    expect(err.join('\n')).toContain("unknown --format 'nope'");
    expect(await main(['convert', 'graph-data/dataset.json'], io)).toBe(2);
  });
});
