// Tabular and graph formats in the bench: CSV import against the JSON load of the same
// graph (each a cold load in a fresh process), and GEXF / GraphML reading
// against graphology-gexf / graphology-graphml parsing the same file.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Dataset, Schema } from '../src/core/model.ts';
import { readText } from '../src/core/readers/registry.ts';
import { gexfReader } from '../src/core/readers/gexf.ts';
import { graphmlReader } from '../src/core/readers/graphml.ts';
import { writeCsv } from '../src/core/writers/csv.ts';
import { writeGexf } from '../src/core/writers/gexf.ts';
import { writeGraphml } from '../src/core/writers/graphml.ts';
import { median, row, type Row } from './stats.ts';

export interface FormatsBench {
  /** The generated dataset JSON for the CSV comparison, and the one for GEXF/GraphML (100k). */
  jsonPath: string;
  graphJsonPath: string;
  size: string;
  graphSize: string;
  schema: Schema;
  quick: boolean;
  log: (...a: unknown[]) => void;
  runChild: (mode: string, path: string) => Promise<{ totalMs: number; peakMB: number }>;
}

/** `base.EXT` written once from the dataset (cached beside it). */
function derived(jsonPath: string, ext: string, write: (d: Dataset) => Record<string, string>): string {
  const base = jsonPath.replace(/\.json$/, '');
  const main = `${base}${ext}`;
  if (existsSync(main)) return main;
  const files = write(JSON.parse(readFileSync(jsonPath, 'utf8')) as Dataset);
  for (const [suffix, text] of Object.entries(files)) {
    writeFileSync(`${base}${suffix}${ext}.tmp`, text);
    renameSync(`${base}${suffix}${ext}.tmp`, `${base}${suffix}${ext}`);
  }
  return main;
}

export async function benchTabularFormats(o: FormatsBench): Promise<{ rows: Row[]; details: unknown }> {
  const rows: Row[] = [];
  const runs = o.quick ? 1 : 3;
  // CSV: the relations table with its entities table beside it.
  const csv = derived(o.jsonPath, '.csv', (d) => {
    const t = writeCsv(d);
    return { '': t.relations, '.entities': t.entities };
  });
  const res = { csv: [] as { totalMs: number; peakMB: number }[], json: [] as { totalMs: number; peakMB: number }[] };
  for (let i = 0; i < runs; i++) {
    o.log(`formats: csv and json load, run ${i + 1}/${runs}`);
    res.csv.push(await o.runChild('ours', csv));
    res.json.push(await o.runChild('ours', o.jsonPath));
  }
  const csvMs = median(res.csv.map((r) => r.totalMs)),
    jsonMs = median(res.json.map((r) => r.totalMs));
  rows.push(
    row({
      measure: `CSV import ${o.size}`,
      unit: 'ms',
      median: csvMs,
      samples: runs,
      baseline: { name: 'JSON load of the same graph', median: jsonMs },
      target: '≤ 1.5× the JSON load',
      met: csvMs / jsonMs <= 1.5,
      note: 'relations table + entities table, read as a stream',
    }),
  );
  const peak = median(res.csv.map((r) => r.peakMB));
  rows.push(
    row({
      measure: `CSV import ${o.size}: peak heap`,
      unit: 'MB',
      median: peak,
      samples: runs,
      target: '< 500 MB',
      met: peak < 500,
    }),
  );

  // GEXF and GraphML, in process: ours (parse, map, check, build) against the graphology parser alone.
  const graphDetails: Record<string, number[]> = {};
  for (const [name, ext, write, reader, theirs] of [
    ['GEXF', '.gexf', writeGexf, gexfReader, parseGexf],
    ['GraphML', '.graphml', writeGraphml, graphmlReader, parseGraphml],
  ] as const) {
    const path = derived(o.graphJsonPath, ext, (d) => ({ '': write(d) }));
    const text = readFileSync(path, 'utf8');
    const ours: number[] = [],
      base: number[] = [];
    for (let i = 0; i < runs; i++) {
      o.log(`formats: ${name} run ${i + 1}/${runs}`);
      let t0 = performance.now();
      const r = readText(reader, text, { file: path, defaultSchema: o.schema });
      ours.push(performance.now() - t0);
      if (!r.ok)
        throw new Error(`${path}: ${JSON.stringify(r.problems.filter((p) => p.severity === 'error').slice(0, 3))}`);
      t0 = performance.now();
      (theirs as (g: typeof Graph, s: string) => unknown)(Graph, text);
      base.push(performance.now() - t0);
    }
    graphDetails[name] = [...ours, ...base];
    rows.push(
      row({
        measure: `${name} read ${o.graphSize}`,
        unit: 'ms',
        median: median(ours),
        samples: runs,
        baseline: { name: `graphology-${name.toLowerCase()} parse`, median: median(base) },
        target: '≤ 1.5× the graphology parser',
        met: median(ours) / median(base) <= 1.5,
        note: 'ours: XML parse, mapping, checks and the store; theirs: parse into a graphology graph',
      }),
    );
  }
  return { rows, details: { csv: res, graph: graphDetails } };
}
