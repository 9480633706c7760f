// Browser measures: production bundle size, first rendered frame (app with
// the default data, app and bare sigma with a 10k-entity / 50k-triple
// graph), ForceAtlas2 iterations per second in the worker, and long tasks
// while a layout runs. Chromium is headless, offline, software WebGL.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BENCH_DIR, ROOT_DIR, generateDataset, mulberry32, serialiseDataset } from './generate.ts';
import { median, p99, row, type Row } from './stats.ts';
import type { Dataset, Schema } from '../src/core/model.ts';

export interface BrowserOptions {
  quick: boolean;
  seed: number;
  schema: Schema;
  browser: boolean;
  bundle: boolean;
  log: (...a: unknown[]) => void;
  /** The bench dataset: opened as a file, then reopened from its kept snapshot (reopen.ts). */
  dataset?: { path: string; label: string };
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-sandbox',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];
const OUT = join(BENCH_DIR, 'out');
const APP_DIST = join(OUT, 'app-dist');
const BASE_DIST = join(OUT, 'sigma-baseline-dist');
/** The view size: 10k entities, 50k triples. */
const VIEW = { entities: 10_000, triples: 50_000 };
const VIEW_FILE = 'view-10k-50k.json';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Gzip sizes of every JS and CSS file of a build (level 9, as servers precompress). */
export function bundleSizes(dir: string): { total: number; files: { file: string; raw: number; gzip: number }[] } {
  const out = files(dir)
    .filter((f) => /\.(m?js|css)$/.test(f))
    .map((f) => {
      const buf = readFileSync(f);
      return { file: relative(dir, f), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    });
  return { total: out.reduce((a, f) => a + f.gzip, 0), files: out.sort((a, b) => b.gzip - a.gzip) };
}

/** graphology's export format for the view graph: random start positions, type colours, sizes by degree. */
export function viewGraph(ds: Dataset, schema: Schema, seed: number) {
  const rnd = mulberry32(seed);
  const color = new Map(schema.entityTypes.map((t) => [t.id, t.color]));
  const deg = new Map<string, number>();
  for (const t of ds.triples) for (const v of [t.subject, t.object]) deg.set(v, (deg.get(v) ?? 0) + 1);
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    attributes: {},
    nodes: ds.entities.map((e) => ({
      key: e.id,
      attributes: {
        label: e.label,
        x: rnd() * 1000,
        y: rnd() * 1000,
        size: 2 + 1.5 * Math.log2(1 + (deg.get(e.id) ?? 0)),
        color: color.get(e.type) ?? '#999999',
      },
    })),
    edges: ds.triples.map((t, i) => ({
      key: `t${i}`,
      source: t.subject,
      target: t.object,
      attributes: { label: t.predicate },
    })),
  };
}

export async function benchBrowser(o: BrowserOptions): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const vite = await import('vite');
  mkdirSync(OUT, { recursive: true });

  o.log('vite build of the app');
  let appBuilt = false;
  try {
    await vite.build({ root: ROOT_DIR, logLevel: 'warn', build: { outDir: APP_DIST, emptyOutDir: true } });
    appBuilt = existsSync(join(APP_DIST, 'index.html'));
  } catch (e) {
    details.appBuildError = String(e);
    o.log(`app build failed: ${String(e).split('\n')[0]}`);
  }

  if (o.bundle) {
    if (appBuilt) {
      const b = bundleSizes(APP_DIST);
      details.bundle = b;
      // The annotation workspace (with its NLP library) loads only when Annotate is clicked: counted apart.
      const onDemand = b.files.filter((f) => /(^|\/)Workspace-[^/]*\.(js|css)$/.test(f.file));
      const kb = (b.total - onDemand.reduce((a, f) => a + f.gzip, 0)) / 1024;
      rows.push(
        row({
          measure: 'app bundle (JS+CSS, gzip)',
          unit: 'KB',
          median: kb,
          target: '< 250 KB gzip',
          met: kb < 250,
          note: `largest: ${b.files
            .filter((f) => !onDemand.includes(f))
            .slice(0, 3)
            .map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} KB`)
            .join(', ')}`,
        }),
      );
      rows.push(
        row({
          measure: 'annotation workspace, loaded on demand (JS+CSS, gzip)',
          unit: 'KB',
          median: onDemand.reduce((a, f) => a + f.gzip, 0) / 1024,
          note: onDemand.map((f) => f.file).join(', ') || 'no Workspace chunk found',
        }),
      );
    } else {
      rows.push(
        row({
          measure: 'app bundle (JS+CSS, gzip)',
          unit: 'KB',
          median: NaN,
          target: '< 250 KB gzip',
          note: 'not measured: the app did not build',
        }),
      );
    }
  }
  if (!o.browser) return { rows, details };
  if (!existsSync(CHROMIUM)) {
    rows.push(
      row({
        measure: 'browser measures',
        unit: 'ms',
        median: NaN,
        note: `not measured: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`,
      }),
    );
    return { rows, details };
  }

  // The 10k/50k view: the same graph for the bare sigma page and the app.
  const ds = generateDataset({ triples: VIEW.triples, entities: VIEW.entities, seed: o.seed, schema: o.schema });
  o.log('vite build of the bare sigma baseline');
  await vite.build({
    root: join(BENCH_DIR, 'sigma-baseline'),
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: { outDir: BASE_DIST, emptyOutDir: true },
  });
  const graphText = JSON.stringify(viewGraph(ds, o.schema, o.seed));
  writeFileSync(join(BASE_DIST, 'graph.json'), graphText);
  const graphBytes = Buffer.byteLength(graphText);
  const viewText = serialiseDataset(ds);
  const viewBytes = Buffer.byteLength(viewText);
  // The app opens the dataset itself (same entities and triples), served by the same preview server as the app.
  if (appBuilt) {
    mkdirSync(join(APP_DIST, 'bench-data'), { recursive: true });
    writeFileSync(join(APP_DIST, 'bench-data', VIEW_FILE), viewText);
  }

  const { chromium } = await import('playwright-core');
  const servers: { close(): Promise<void> }[] = [];
  const serve = async (outDir: string, root: string, configFile?: false) => {
    const s = await vite.preview({
      root,
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    servers.push(s.httpServer as unknown as { close(): Promise<void> });
    const url = s.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview gave no local URL');
    return { url, server: s };
  };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  const closers: (() => Promise<void>)[] = [
    async () => {
      await browser.close();
    },
  ];
  try {
    const base = await serve(BASE_DIST, join(BENCH_DIR, 'sigma-baseline'), false);
    closers.push(() => base.server.close());
    const app = appBuilt ? await serve(APP_DIST, ROOT_DIR) : undefined;
    if (app) closers.push(() => app.server.close());
    const runs = o.quick ? 3 : 7;
    const layoutMs = 5000;

    // A fresh context per run: empty cache, as a first visit.
    const visit: Visit = async (url, measure) => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await ctx.addInitScript(() => {
        const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
        w.__longtasks = [];
        try {
          new PerformanceObserver((l) => {
            for (const e of l.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
          }).observe({ type: 'longtask', buffered: true });
        } catch {
          /* no Long Tasks API: the list stays empty */
        }
      });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
        return await measure(page);
      } catch (e) {
        throw new Error(
          `${url}: ${(e as Error).message.split('\n')[0]}${errors.length ? `; page errors: ${errors.slice(0, 2).join('; ')}` : ''}`,
        );
      } finally {
        await ctx.close();
      }
    };

    // Bare sigma: navigation → the end of sigma's constructor (its first render).
    const bareFrame = async (page: Page) => {
      await page.waitForFunction(
        () => (window as any).__bench?.rendered !== undefined || (window as any).__bench?.error,
        undefined,
        { timeout: 60_000, polling: 50 },
      );
      const err = await page.evaluate(() => (window as any).__bench.error);
      if (err) throw new Error(err);
      return page.evaluate(() => (window as any).__bench.rendered as number);
    };
    // The app: navigation (`?data=…&view=all`) → its first render of the whole view (the hook's firstFrame).
    const viewUrl = app ? `${app.url}?data=/bench-data/${VIEW_FILE}&view=all` : '';
    const appFrame = async (page: Page) => {
      await page.waitForFunction(
        (n) => {
          const h = (window as any).__actorgraph;
          return h?.viewSeq >= 1 && h.firstFrame !== undefined && h.nodes === n;
        },
        VIEW.entities,
        { timeout: 120_000, polling: 50 },
      );
      return page.evaluate(() => {
        const h = (window as any).__actorgraph;
        // Marks by name (their time); measures as name@ (start) and name (duration).
        const marks = Object.fromEntries(
          performance
            .getEntries()
            .filter((m) => m.name.startsWith('actorgraph:'))
            .flatMap((m) =>
              m.entryType === 'measure'
                ? [
                    [`${m.name.slice(11)}@`, Math.round(m.startTime)],
                    [m.name.slice(11), Math.round(m.duration)],
                  ]
                : [[m.name.slice(11), Math.round(m.startTime)]],
            ),
        );
        return { frame: h.firstFrame as number, edges: h.edges as number, marks };
      });
    };

    // Alternating, so load on the machine falls on both alike.
    const baseFrames: number[] = [],
      viewFrames: number[] = [],
      viewMarks: Record<string, number>[] = [];
    let viewWhy: string | undefined;
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['bare', 'app'] : ['app', 'bare'];
      for (const which of order) {
        if (which === 'bare') baseFrames.push(await visit(`${base.url}?layout=0`, bareFrame));
        else if (app && !viewWhy) {
          try {
            const v = await visit(viewUrl, appFrame);
            if (v.edges !== VIEW.triples) throw new Error(`the app drew ${v.edges} relations, not ${VIEW.triples}`);
            viewFrames.push(v.frame);
            viewMarks.push(v.marks);
          } catch (e) {
            viewWhy = (e as Error).message;
          }
        }
      }
    }
    o.log(`bare sigma first render: ${baseFrames.map((x) => x.toFixed(0)).join(', ')} ms`);
    o.log(`app 10k/50k first render: ${viewFrames.map((x) => x.toFixed(0)).join(', ')} ms`);
    details.baseline = { firstRenders: baseFrames };
    details.viewMarks = viewMarks;

    // Layout in the bare page: iterations per second and long tasks.
    const baseLayout = await visit(`${base.url}?layout=1`, async (page) => {
      await bareFrame(page);
      await page.waitForFunction(() => (window as any).__bench.layoutStart !== undefined, undefined, {
        timeout: 10_000,
      });
      await page.waitForTimeout(layoutMs);
      return page.evaluate(() => {
        const b = (window as any).__bench;
        b.stopLayout();
        const lt = ((window as any).__longtasks as { start: number; duration: number }[]).filter(
          (t) => t.start + t.duration >= b.layoutStart,
        );
        return {
          iterations: b.iterations,
          seconds: (b.layoutEnd - b.layoutStart) / 1000,
          longest: Math.max(0, ...lt.map((t) => t.duration)),
          over100: lt.filter((t) => t.duration > 100).length,
          longTasks: lt.length,
        };
      });
    });
    const baseIps = baseLayout.iterations / baseLayout.seconds;
    (details.baseline as Record<string, unknown>).layout = baseLayout;

    if (!app) {
      rows.push(
        row({ measure: 'app first frame', unit: 'ms', median: NaN, note: 'not measured: the app did not build' }),
      );
    } else {
      const r = await benchApp(app.url, viewUrl, visit, runs, layoutMs);
      details.app = r.details;
      if (r.defaultFrames.length) {
        rows.push(
          row({
            measure: 'app first frame, default data',
            unit: 'ms',
            median: median(r.defaultFrames),
            p99: p99(r.defaultFrames),
            samples: r.defaultFrames.length,
            target: '< 1000 ms',
            met: median(r.defaultFrames) < 1000,
            note: "navigation → __actorgraph.firstFrame (sigma's first render of the view)",
          }),
        );
      } else {
        rows.push(
          row({
            measure: 'app first frame, default data',
            unit: 'ms',
            median: NaN,
            target: '< 1000 ms',
            note: `not measured: ${r.why}`,
          }),
        );
      }
      const label = `${VIEW.entities / 1000}k/${VIEW.triples / 1000}k`;
      if (viewFrames.length) {
        const m = median(viewFrames),
          b = median(baseFrames);
        const phase = (k: string) => median(viewMarks.map((x) => x[k] ?? NaN).filter((x) => !Number.isNaN(x)));
        rows.push(
          row({
            measure: `app first frame, ${label} view whole`,
            unit: 'ms',
            median: m,
            p99: p99(viewFrames),
            samples: viewFrames.length,
            baseline: { name: 'bare sigma, same graph', median: b },
            target: '≤ 1.3× bare sigma',
            met: m <= 1.3 * b,
            note: `both navigation → first render, alternating runs; app: ?data=…&view=all (the loader worker fetches, validates with evidence checks and indexes the dataset file, ${(viewBytes / 1e6).toFixed(1)} MB; the page builds the whole graph and starts sigma), medians: the worker read from ${phase('worker-read@')} ms for ${phase('worker-read')} ms (streamed and checked) and indexed in ${phase('worker-index')} ms, loaded ${phase('worker-loaded')}, graph built ${phase('graph-built')}, sigma start ${phase('sigma-start')} ms; bare: fetch graph.json (${(graphBytes / 1e6).toFixed(1)} MB: positions, colours, sizes, no evidence), import, sigma`,
          }),
        );
      } else {
        rows.push(
          row({
            measure: `app first frame, ${label} view whole`,
            unit: 'ms',
            median: NaN,
            baseline: { name: 'bare sigma, same graph', median: median(baseFrames) },
            target: '≤ 1.3× bare sigma',
            note: `not measured: ${viewWhy}`,
          }),
        );
      }
      if (r.layout) {
        const l = r.layout;
        rows.push(
          row({
            measure: `FA2 iterations/s in the worker (app, ${label})`,
            unit: 'it/s',
            median: l.ips,
            baseline: { name: 'bare sigma FA2 worker', median: baseIps },
            note: `ratio > 1 is faster than the bare page; ${l.seconds.toFixed(1)} s of layout; app: iterations the worker reports with each position update (__actorgraph.layoutIterations); bare: one supervisor message = one iteration`,
          }),
        );
        rows.push(
          row({
            measure: `longest task while the app lays out ${label}`,
            unit: 'ms',
            median: l.longest,
            baseline: { name: 'bare sigma during FA2', median: baseLayout.longest },
            target: 'no long task > 100 ms',
            met: l.longest <= 100,
            note: `Long Tasks API over ${l.seconds.toFixed(1)} s of layout: app ${l.over100} tasks > 100 ms (${l.longTasks} > 50 ms); bare ${baseLayout.over100} > 100 ms (${baseLayout.longTasks} > 50 ms)`,
          }),
        );
      } else {
        rows.push(
          row({
            measure: `FA2 iterations/s in the worker (app, ${label})`,
            unit: 'it/s',
            median: NaN,
            baseline: { name: 'bare sigma FA2 worker', median: baseIps },
            note: `not measured: ${r.layoutWhy}`,
          }),
        );
      }
    }
    if (app && o.dataset) {
      const { benchReopen } = await import('./reopen.ts');
      try {
        const profileDir = mkdtempSync(join(tmpdir(), 'actorgraph-profile-'));
        closers.push(async () => rmSync(profileDir, { recursive: true, force: true }));
        const r = await benchReopen({
          profile: () =>
            chromium.launchPersistentContext(profileDir, {
              executablePath: CHROMIUM,
              headless: true,
              args: CHROMIUM_ARGS,
              timeout: 60_000,
              viewport: { width: 1280, height: 800 },
            }),
          appUrl: app.url,
          datasetPath: o.dataset.path,
          label: o.dataset.label,
          runs: o.quick ? 3 : 5,
          log: o.log,
        });
        rows.push(...r.rows);
        details.reopen = r.details;
      } catch (e) {
        rows.push(row({ measure: 'reopen from the snapshot', unit: 'ms', median: NaN, note: `not measured: ${e}` }));
      }
    }
    rows.push(
      row({
        measure: `bare sigma first render, ${VIEW.entities / 1000}k/${VIEW.triples / 1000}k`,
        unit: 'ms',
        median: median(baseFrames),
        p99: p99(baseFrames),
        samples: baseFrames.length,
        note: `navigation → end of sigma's constructor; FA2 worker ${baseIps.toFixed(1)} it/s, longest task during layout ${baseLayout.longest.toFixed(0)} ms`,
      }),
    );
  } finally {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  }
  return { rows, details };
}

type Page = import('playwright-core').Page;
type Visit = <T>(url: string, measure: (page: Page) => Promise<T>) => Promise<T>;

interface AppResult {
  defaultFrames: number[];
  why?: string;
  layout?: { ips: number; seconds: number; longest: number; over100: number; longTasks: number };
  layoutWhy?: string;
  details: Record<string, unknown>;
}

async function benchApp(
  url: string,
  viewUrl: string,
  visit: Visit,
  runs: number,
  layoutMs: number,
): Promise<AppResult> {
  const r: AppResult = { defaultFrames: [], details: {} };
  try {
    for (let i = 0; i < runs; i++) {
      r.defaultFrames.push(
        await visit(url, async (page) => {
          await page.waitForFunction(() => (window as any).__actorgraph?.firstFrame !== undefined, undefined, {
            timeout: 60_000,
            polling: 50,
          });
          return page.evaluate(() => (window as any).__actorgraph.firstFrame as number);
        }),
      );
    }
  } catch (e) {
    r.why = (e as Error).message;
  }
  // A layout of the whole 10k/50k view: iterations/s and long tasks over `layoutMs` from its start.
  try {
    const l = await visit(viewUrl, async (page) => {
      await page.waitForFunction(() => (window as any).__actorgraph?.layoutStart !== undefined, undefined, {
        timeout: 120_000,
        polling: 50,
      });
      const start = await page.evaluate(() => (window as any).__actorgraph.layoutStart as number);
      await page.waitForFunction(
        (until) => performance.now() >= until || !(window as any).__actorgraph.layoutRunning,
        start + layoutMs,
        { timeout: layoutMs + 30_000, polling: 100 },
      );
      return page.evaluate((s0) => {
        const h = (window as any).__actorgraph;
        const end = h.layoutRunning ? performance.now() : (h.layoutEnd as number);
        const iterations = h.layoutIterations as number;
        const lt = ((window as any).__longtasks as { start: number; duration: number }[]).filter(
          (t) => t.start + t.duration >= s0 && t.start <= end,
        );
        return {
          iterations,
          seconds: (end - s0) / 1000,
          stoppedEarly: !h.layoutRunning,
          longest: Math.max(0, ...lt.map((t) => t.duration)),
          over100: lt.filter((t) => t.duration > 100).length,
          longTasks: lt.length,
        };
      }, start);
    });
    r.details.layout = l;
    r.layout = {
      ips: l.iterations / l.seconds,
      seconds: l.seconds,
      longest: l.longest,
      over100: l.over100,
      longTasks: l.longTasks,
    };
  } catch (e) {
    r.layoutWhy = (e as Error).message;
  }
  return r;
}
