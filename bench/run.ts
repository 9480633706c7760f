// The benchmark harness: `npm run bench [-- --size 1m --only load,search,paths,browser,bundle,cli,formats,annotate,virtuoso --quick]`.
// Prints a table (measure | median | p99 | baseline | ratio | target | met?)
// and writes bench/out/results-<timestamp>.json and bench/out/latest.json.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import {
  BENCH_DIR,
  ROOT_DIR,
  SCHEMA_PATH,
  ensureDatasetFile,
  loadSchema,
  mulberry32,
  parseSize,
  sizeName,
} from './generate.ts';
import { buildCsr, CsrSearcher } from './csr.ts';
import { benchCli } from './cli.ts';
import { machineInfo, median, p99, printTable, row, timeEach, type Row } from './stats.ts';
import type { Dataset, Schema } from '../src/core/model.ts';
import type { TripleStore } from '../src/core/store.ts';

// The 1M-triple queries hold the store, a CSR copy and a graphology graph at
// once: give the process room rather than measure the collector thrashing.
if (getHeapStatistics().heap_size_limit < 6 * 2 ** 30 && !process.env.ACTORGRAPH_BENCH_CHILD) {
  const r = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=12288',
      '--expose-gc',
      join(ROOT_DIR, 'bin/run-ts.mjs'),
      join(BENCH_DIR, 'run.ts'),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, ACTORGRAPH_BENCH_CHILD: '1' } },
  );
  process.exit(r.status ?? 1);
}

const ALL = [
  'load',
  'search',
  'paths',
  'snapshot',
  'browser',
  'bundle',
  'cli',
  'formats',
  'annotate',
  'virtuoso',
] as const;
type Section = (typeof ALL)[number];

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  return v && !v.startsWith('--') ? v : '';
}
const quick = flag('quick') !== undefined;
const size = parseSize(flag('size') || '1m');
const seed = Number(flag('seed') || '1');
// The Virtuoso section runs only when asked (--only virtuoso --size 100k): it starts a database server.
const only = new Set<Section>(
  (flag('only') || ALL.filter((s) => s !== 'virtuoso').join(',')).split(',').map((s) => s.trim()) as Section[],
);
for (const s of only) if (!ALL.includes(s)) throw new Error(`--only ${s}: unknown section; use ${ALL.join(',')}`);

const rows: Row[] = [];
const details: Record<string, unknown> = {};
const log = (...a: unknown[]) => console.error('[bench]', ...a);
const sz = sizeName(size);
const started = Date.now();

const schema: Schema = loadSchema();
// Only the load and query sections read the generated dataset: don't write one for the others.
let datasetFile: ReturnType<typeof ensureDatasetFile> | undefined;
function dataset(): ReturnType<typeof ensureDatasetFile> {
  if (datasetFile) return datasetFile;
  log(`dataset: ${sz} triples, seed ${seed}${quick ? ' (quick)' : ''}`);
  const file = ensureDatasetFile(size, seed, schema);
  log(`${file.created ? 'generated' : 'cached'} ${file.path}`);
  details.dataset = { file: file.path, triples: size, seed, bytes: readFileSync(file.path).length };
  return (datasetFile = file);
}

// ---------------------------------------------------------------------------
// load: each run in a fresh process

interface ChildResult {
  totalMs: number;
  phases: Record<string, number>;
  heapAt: Record<string, number>;
  retainedMB: number;
  peakMB: number;
  gcPeakMB: number;
}

function runChild(mode: string, path: string): Promise<ChildResult> {
  return new Promise((resolveP, reject) => {
    const args = [
      '--expose-gc',
      '--trace-gc',
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      join(BENCH_DIR, 'load-child.ts'),
      mode,
      path,
      SCHEMA_PATH,
    ];
    const child = spawn(process.execPath, args, { cwd: ROOT_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '',
      err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10 * 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) {
        reject(new Error(`load child (${mode}) failed with ${code}: ${err.slice(-2000)}`));
        return;
      }
      const res = JSON.parse(line.slice(7)) as ChildResult;
      // --trace-gc: "Mark-Compact 812.3 (830.1) -> 640.2 (700.3) MB": the first
      // figure is the heap in use when the collection began.
      let gcPeak = 0;
      for (const m of out.matchAll(/ ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g))
        gcPeak = Math.max(gcPeak, Number(m[1]));
      res.gcPeakMB = gcPeak;
      res.peakMB = Math.max(gcPeak, ...Object.values(res.heapAt));
      resolveP(res);
    });
  });
}

async function benchLoad(): Promise<void> {
  const file = dataset();
  const runs = quick ? 1 : 3;
  const res: Record<string, ChildResult[]> = { ours: [], json: [], n3: [], n3full: [] };
  const input = { ours: file.path, json: file.path, n3: file.ntPath, n3full: file.ntFullPath };
  for (let i = 0; i < runs; i++) {
    for (const mode of ['ours', 'json', 'n3', 'n3full'] as const) {
      log(`load ${mode} run ${i + 1}/${runs}`);
      // n3full is the same N3 parse of a richer file: the child's mode is n3.
      res[mode]!.push(await runChild(mode === 'n3full' ? 'n3' : mode, input[mode]));
    }
  }
  const med = (m: string, f: (r: ChildResult) => number) => median(res[m]!.map(f));
  const ours = med('ours', (r) => r.totalMs),
    json = med('json', (r) => r.totalMs),
    n3 = med('n3', (r) => r.totalMs);
  const note =
    `${runs} cold runs each in a fresh process; phases (median ms): ` +
    Object.keys(res.ours![0]!.phases)
      .map((k) => `${k} ${med('ours', (r) => r.phases[k]!).toFixed(0)}`)
      .join(', ');
  rows.push(
    row({
      measure: `load ${sz}: read+parse+validate+build`,
      unit: 'ms',
      median: ours,
      samples: runs,
      baseline: { name: 'N3 parse→Store (s-p-o, types, labels)', median: n3 },
      target: '≥ 5× faster than N3',
      met: n3 / ours >= 5,
      note,
    }),
  );
  const n3full = med('n3full', (r) => r.totalMs);
  rows.push(
    row({
      measure: `load ${sz} vs N3 on the same information`,
      unit: 'ms',
      median: ours,
      samples: runs,
      baseline: { name: 'N3 parse→Store (+ aliases, source texts, reified evidence)', median: n3full },
      target: '≥ 5× faster than N3',
      met: n3full / ours >= 5,
      note: 'the N-Triples file carries what our loader reads: each triple reified with source, evidence, id and date',
    }),
  );
  rows.push(
    row({
      measure: `load ${sz} vs JSON.parse floor`,
      unit: 'ms',
      median: ours,
      samples: runs,
      baseline: { name: 'read+JSON.parse', median: json },
      target: '≤ 3× JSON.parse',
      met: ours / json <= 3,
    }),
  );
  const peak = med('ours', (r) => r.peakMB);
  rows.push(
    row({
      measure: `load ${sz}: peak heap`,
      unit: 'MB',
      median: peak,
      samples: runs,
      baseline: { name: 'N3 peak', median: med('n3', (r) => r.peakMB) },
      target: '< 500 MB',
      met: peak < 500,
      note: `largest V8 heap in use seen at any GC (--trace-gc) or phase boundary; retained after build + gc: ${med('ours', (r) => r.retainedMB).toFixed(0)} MB (JSON.parse alone peaks at ${med('json', (r) => r.peakMB).toFixed(0)} MB)`,
    }),
  );
  details.load = res;
}

// ---------------------------------------------------------------------------
// in-process queries over one loaded store

interface Loaded {
  store: TripleStore;
  dataset: Dataset;
}
let loaded: Loaded | undefined;

async function load(): Promise<Loaded> {
  if (loaded) return loaded;
  const { validateDataset } = await import('../src/core/validate.ts');
  const { TripleStore } = await import('../src/core/store.ts');
  const file = dataset();
  const text = readFileSync(file.path, 'utf8');
  const res = validateDataset(JSON.parse(text), { file: file.path, defaultSchema: schema, text });
  if (!res.ok || !res.dataset)
    throw new Error(`${file.path}: generated dataset does not validate: ${JSON.stringify(res.problems.slice(0, 3))}`);
  loaded = { store: TripleStore.build(res.dataset, res.schema ?? schema), dataset: res.dataset };
  return loaded;
}

async function benchSearch(): Promise<void> {
  const { store } = await load();
  const { EntitySearch } = await import('../src/core/search.ts');
  const { foldForSearch } = await import('../src/core/text.ts');
  const t0 = performance.now();
  const search = new EntitySearch(store);
  const buildMs = performance.now() - t0;
  const rnd = mulberry32(seed * 7919 + 1);
  const n = quick ? 100 : 300;
  const prefix: string[] = [],
    typo: { q: string; id: string }[] = [];
  for (let k = 0; k < n; k++) {
    const e = store.entityAt(Math.floor(rnd() * store.entityCount));
    prefix.push(e.label.slice(0, 4));
    // One letter replaced by another, not in the first two (people type those right).
    const letters = [...e.label].map((c, i) => (i >= 2 && /[a-z]/i.test(c) ? i : -1)).filter((i) => i >= 0);
    const at = letters[Math.floor(rnd() * letters.length)] ?? e.label.length - 1;
    const c = e.label[at]!.toLowerCase();
    let r = c;
    while (r === c) r = String.fromCharCode(97 + Math.floor(rnd() * 26));
    typo.push({ q: e.label.slice(0, at) + r + e.label.slice(at + 1), id: e.id });
  }
  const tp = timeEach(prefix, (q) => search.search(q, { limit: 10 }));
  const tt = timeEach(typo, (x) => search.search(x.q, { limit: 10 }));
  const prefixOk = prefix.filter((q) =>
    search.search(q, { limit: 10 }).some((h) => foldForSearch(h.label).startsWith(foldForSearch(q))),
  ).length;
  const typoOk = typo.filter((x) => search.search(x.q, { limit: 10 }).some((h) => h.id === x.id)).length;
  const all = [...tp, ...tt];
  const ents = `${store.entityCount} entities`;
  rows.push(
    row({
      measure: `search prefix (4 letters), ${ents}`,
      unit: 'ms',
      median: median(tp),
      p99: p99(tp),
      samples: n,
      target: 'median < 2, p99 < 10',
      met: median(tp) < 2 && p99(tp) < 10,
      note: `${prefixOk}/${n} queries have a hit starting with the prefix; index built in ${buildMs.toFixed(0)} ms`,
    }),
  );
  rows.push(
    row({
      measure: `search one-typo label, ${ents}`,
      unit: 'ms',
      median: median(tt),
      p99: p99(tt),
      samples: n,
      target: 'median < 2, p99 < 10',
      met: median(tt) < 2 && p99(tt) < 10,
      note: `the intended entity is in the top 10 for ${typoOk}/${n}`,
    }),
  );
  rows.push(
    row({
      measure: `search all queries, ${ents}`,
      unit: 'ms',
      median: median(all),
      p99: p99(all),
      samples: all.length,
      target: 'median < 2, p99 < 10',
      met: median(all) < 2 && p99(all) < 10,
    }),
  );
  details.search = { buildMs, prefixRecall: prefixOk / n, typoRecall: typoOk / n };
}

async function benchPaths(): Promise<void> {
  const { store, dataset } = await load();
  const { findPaths } = await import('../src/core/paths.ts');
  const { neighbourhood } = await import('../src/core/neighbourhood.ts');
  const csr = buildCsr(dataset);
  const floor = new CsrSearcher(csr);
  const rnd = mulberry32(seed * 104729 + 3);
  const nPairs = quick ? 60 : 200;
  const pairs: [string, string][] = [];
  for (let k = 0; k < nPairs; k++) {
    pairs.push([
      store.entityAt(Math.floor(rnd() * store.entityCount)).id,
      store.entityAt(Math.floor(rnd() * store.entityCount)).id,
    ]);
  }
  const ci = (id: string) => csr.index.get(id)!;

  // Plain graphology graph of the same triples, undirected and simple (what bidirectional walks).
  const { default: Graph } = await import('graphology');
  const { bidirectional } = await import('graphology-shortest-path/unweighted.js');
  let t0 = performance.now();
  const g = new Graph({ type: 'undirected', multi: false });
  for (const e of dataset.entities) g.addNode(e.id);
  for (const t of dataset.triples) g.mergeEdge(t.subject, t.object);
  log(`graphology graph built in ${(performance.now() - t0).toFixed(0)} ms`);

  // Shortest path.
  const ours = timeEach(pairs, ([a, b]) => findPaths(store, { from: a, to: b }));
  const fl = timeEach(pairs, ([a, b]) => floor.shortestPath(ci(a), ci(b)));
  const gr = timeEach(pairs, ([a, b]) => bidirectional(g, a, b));
  // Same lengths as the floor, or the comparison means nothing.
  let mismatch = 0,
    found = 0,
    lenSum = 0;
  for (const [a, b] of pairs) {
    const p = findPaths(store, { from: a, to: b }).paths[0];
    const f = floor.shortestPath(ci(a), ci(b));
    if ((p ? p.length : -1) !== (f ? f.length - 1 : -1)) mismatch++;
    if (f) {
      found++;
      lenSum += f.length - 1;
    }
  }
  rows.push(
    row({
      measure: `shortest path, ${sz} triples`,
      unit: 'ms',
      median: median(ours),
      p99: p99(ours),
      samples: nPairs,
      baseline: { name: 'CSR bidir BFS', median: median(fl) },
      target: 'median ≤ 5× CSR floor',
      met: median(ours) <= 5 * median(fl),
      note: `${found}/${nPairs} pairs connected, mean length ${(lenSum / Math.max(1, found)).toFixed(2)}; ${mismatch} length mismatches with the floor; graphology bidirectional median ${median(gr).toFixed(3)} ms, p99 ${p99(gr).toFixed(3)} ms`,
    }),
  );
  rows.push(
    row({
      measure: `shortest path vs graphology`,
      unit: 'ms',
      median: median(ours),
      p99: p99(ours),
      samples: nPairs,
      baseline: { name: 'graphology bidirectional', median: median(gr) },
    }),
  );

  // Constrained: every other predicate of the schema.
  const allowedIds = schema.predicates.filter((_, i) => i % 2 === 0).map((p) => p.id);
  const mask = new Uint8Array(csr.predicates.length);
  csr.predicates.forEach((p, k) => {
    mask[k] = allowedIds.includes(p) ? 1 : 0;
  });
  const oc = timeEach(pairs, ([a, b]) => findPaths(store, { from: a, to: b, predicates: allowedIds }));
  const fc = timeEach(pairs, ([a, b]) => floor.shortestPath(ci(a), ci(b), mask));
  let cm = 0,
    cf = 0;
  for (const [a, b] of pairs) {
    const p = findPaths(store, { from: a, to: b, predicates: allowedIds }).paths[0];
    const f = floor.shortestPath(ci(a), ci(b), mask);
    if ((p ? p.length : -1) !== (f ? f.length - 1 : -1)) cm++;
    if (f) cf++;
  }
  rows.push(
    row({
      measure: `constrained path (${allowedIds.length}/${schema.predicates.length} predicates)`,
      unit: 'ms',
      median: median(oc),
      p99: p99(oc),
      samples: nPairs,
      baseline: { name: 'CSR bidir BFS', median: median(fc) },
      target: 'median ≤ 5× CSR floor',
      met: median(oc) <= 5 * median(fc),
      note: `${cf}/${nPairs} pairs connected; ${cm} length mismatches with the floor`,
    }),
  );

  // k = 5 shortest.
  const kPairs = pairs.slice(0, quick ? 30 : 100);
  const ok5 = timeEach(kPairs, ([a, b]) => findPaths(store, { from: a, to: b, mode: 'k-shortest', k: 5 }), 5);
  rows.push(
    row({
      measure: `k=5 shortest paths, ${sz} triples`,
      unit: 'ms',
      median: median(ok5),
      p99: p99(ok5),
      samples: kPairs.length,
      target: 'median < 20 ms',
      met: median(ok5) < 20,
    }),
  );

  // 2-hop neighbourhood, and export of it.
  const starts = pairs.map((p) => p[0]);
  const sizes: number[] = [];
  const on = timeEach(starts, (a) => sizes.push(neighbourhood(store, { from: [a], depth: 2 }).entities.length), 5);
  const fn = timeEach(starts, (a) => floor.reach(ci(a), 2), 5);
  const onSizes = sizes.slice(-starts.length);
  rows.push(
    row({
      measure: `2-hop neighbourhood, ${sz} triples`,
      unit: 'ms',
      median: median(on),
      p99: p99(on),
      samples: starts.length,
      baseline: { name: 'CSR 2-hop reach', median: median(fn) },
      note: `no limit; entities returned: median ${median(onSizes)}, p99 ${p99(onSizes)}`,
    }),
  );
  // Trust and time: the same 2-hop neighbourhoods over asserted relations dated 2020 or later
  // (the allow mask is built by the first query and kept for the rest).
  const filter = { status: ['asserted' as const], dateFrom: '2020' };
  const fsz: number[] = [];
  const ofl = timeEach(
    starts,
    (a) => fsz.push(neighbourhood(store, { from: [a], depth: 2, ...filter }).entities.length),
    5,
  );
  rows.push(
    row({
      measure: `2-hop neighbourhood, asserted since 2020, ${sz} triples`,
      unit: 'ms',
      median: median(ofl),
      p99: p99(ofl),
      samples: starts.length,
      baseline: { name: 'unfiltered', median: median(on) },
      note: `entities returned: median ${median(fsz.slice(-starts.length))}`,
    }),
  );

  // Relations by pattern: a predicate's relations sorted by date (first page), and words in the evidence over everything.
  const { relations } = await import('../src/core/relations.ts');
  const preds = schema.predicates.map((p) => p.id).slice(0, quick ? 5 : 20);
  const totals: number[] = [];
  const orl = timeEach(
    preds,
    (p) => totals.push(relations(store, { predicates: [p], sort: 'date', limit: 100 }).total),
    3,
  );
  rows.push(
    row({
      measure: `relations of a predicate, by date, page of 100, ${sz} triples`,
      unit: 'ms',
      median: median(orl),
      p99: p99(orl),
      samples: preds.length,
      target: 'median < 100 ms',
      met: median(orl) < 100,
      note: `matches: median ${median(totals.slice(-preds.length))}`,
    }),
  );
  const words = starts.slice(0, quick ? 5 : 10).map((a) => store.entity(a)!.label.split(' ')[0]!);
  const ort = timeEach(words, (w) => relations(store, { text: w, limit: 100 }), 2);
  rows.push(
    row({
      measure: `relations with a word in the evidence, ${sz} triples`,
      unit: 'ms',
      median: median(ort),
      p99: p99(ort),
      samples: words.length,
      target: 'median < 1000 ms',
      met: median(ort) < 1000,
    }),
  );

  try {
    const { exportDataset } = await import('../src/core/export.ts');
    const ex = starts.slice(0, quick ? 15 : 50);
    const hoods = ex.map((a) => neighbourhood(store, { from: [a], depth: 2 }).entities.map((e) => e.id));
    const outSizes: number[] = [];
    t0 = performance.now();
    const oe = timeEach(hoods, (ids) => outSizes.push(exportDataset(store, { entities: ids }).triples.length), 3);
    const ts = outSizes.slice(-hoods.length);
    rows.push(
      row({
        measure: `export of a 2-hop neighbourhood`,
        unit: 'ms',
        median: median(oe),
        p99: p99(oe),
        samples: hoods.length,
        note: `triples exported: median ${median(ts)}, p99 ${p99(ts)}; entities: median ${median(hoods.map((h) => h.length))}`,
      }),
    );
  } catch (e) {
    rows.push(
      row({
        measure: 'export of a 2-hop neighbourhood',
        unit: 'ms',
        median: NaN,
        note: `not measured: ${(e as Error).message.split('\n')[0]}`,
      }),
    );
  }
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  if (only.has('load')) await benchLoad();
  if (only.has('search')) await benchSearch();
  if (only.has('paths')) await benchPaths();
  if (only.has('snapshot')) {
    const { store } = await load();
    const { benchSnapshotNode } = await import('./snapshot.ts');
    rows.push(...(await benchSnapshotNode(store, sz, quick ? 2 : 3, readFileSync(dataset().path).length)));
  }
  if (only.has('virtuoso')) {
    // Run it at 100k (`--size 100k`): a 1M push into Virtuoso takes the machine for a long while.
    const { benchVirtuoso } = await import('./virtuoso.ts');
    const r = await benchVirtuoso({ store: (await load()).store, sz, quick, seed, log });
    rows.push(...r.rows);
    details.virtuoso = r.details;
  }
  if (only.has('browser') || only.has('bundle')) {
    loaded = undefined; // let the collector take the big store before Chromium starts
    const { benchBrowser } = await import('./browser.ts');
    const r = await benchBrowser({
      quick,
      seed,
      schema,
      browser: only.has('browser'),
      bundle: only.has('bundle'),
      log,
      ...(only.has('browser') ? { dataset: { path: dataset().path, label: sz } } : {}),
    });
    rows.push(...r.rows);
    details.browser = r.details;
  }
  if (only.has('formats')) {
    const { benchFormats } = await import('./formats.ts');
    // Our mapping writes about 10 RDF triples a relation: at 1M relations the file (1.7 GB) is past the 512 MiB a
    // dataset file may be, so the N-Triples import is measured at 100k at most.
    const ntSize = Math.min(size, 100_000);
    const r = await benchFormats({
      jsonPath: ensureDatasetFile(ntSize, seed, schema).path,
      schemaPath: SCHEMA_PATH,
      runs: quick ? 1 : 3,
      sz: sizeName(ntSize),
      log,
      runChild,
      row,
      median,
    });
    rows.push(...r.rows);
    const { benchTabularFormats } = await import('./formats-tabular.ts');
    const graphSize = Math.min(size, 100_000);
    const t = await benchTabularFormats({
      jsonPath: dataset().path,
      graphJsonPath: ensureDatasetFile(graphSize, seed, schema).path,
      size: sz,
      graphSize: sizeName(graphSize),
      schema,
      quick,
      log,
      runChild,
    });
    rows.push(...t.rows);
    details.formats = { rdf: r.details, tabular: t.details };
  }
  if (only.has('annotate')) {
    const { benchAnnotate } = await import('./annotate.ts');
    const r = await benchAnnotate({ quick, seed, schema, log });
    rows.push(...r.rows);
    details.annotate = r.details;
  }
  if (only.has('cli')) {
    const r = benchCli({ quick, log });
    rows.push(...r.rows);
    details.cli = r.details;
  }
  const table = printTable(rows);
  console.log(table);
  const result = {
    when: new Date(started).toISOString(),
    durationS: (Date.now() - started) / 1000,
    machine: machineInfo(),
    options: { size, seed, quick, only: [...only] },
    rows,
    details,
  };
  const outDir = join(BENCH_DIR, 'out');
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date(started).toISOString().replace(/[:.]/g, '-');
  const json = JSON.stringify(result, null, 2);
  writeFileSync(join(outDir, `results-${stamp}.json`), json);
  writeFileSync(join(outDir, 'latest.json'), json);
  log(`done in ${result.durationS.toFixed(0)} s; results in bench/out/results-${stamp}.json`);
}

await main();
