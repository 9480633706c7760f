// Browser measures: production bundle size, first rendered frame (app with
// the default data, app and bare sigma with a 10k-entity / 50k-triple
// graph), ForceAtlas2 iterations per second in the worker, and long tasks
// while a layout runs. Chromium is headless, offline, software WebGL.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic', '--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];
const OUT = join(BENCH_DIR, 'out');
const APP_DIST = join(OUT, 'app-dist');
const BASE_DIST = join(OUT, 'sigma-baseline-dist');
/** The view size: 10k entities, 50k triples. */
const VIEW = { entities: 10_000, triples: 50_000 };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Gzip sizes of every JS and CSS file of a build (level 9, as servers precompress). */
export function bundleSizes(dir: string): { total: number; files: { file: string; raw: number; gzip: number }[] } {
  const out = files(dir).filter((f) => /\.(m?js|css)$/.test(f)).map((f) => {
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
      attributes: { label: e.label, x: rnd() * 1000, y: rnd() * 1000, size: 2 + 1.5 * Math.log2(1 + (deg.get(e.id) ?? 0)), color: color.get(e.type) ?? '#999999' },
    })),
    edges: ds.triples.map((t, i) => ({ key: `t${i}`, source: t.subject, target: t.object, attributes: { label: t.predicate } })),
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
      const kb = b.total / 1024;
      rows.push(row({ measure: 'app bundle (JS+CSS, gzip)', unit: 'KB', median: kb, target: '< 250 KB gzip', met: kb < 250,
        note: `largest: ${b.files.slice(0, 3).map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ')}` }));
    } else {
      rows.push(row({ measure: 'app bundle (JS+CSS, gzip)', unit: 'KB', median: NaN, target: '< 250 KB gzip', note: 'not measured: the app did not build' }));
    }
  }
  if (!o.browser) return { rows, details };
  if (!existsSync(CHROMIUM)) {
    rows.push(row({ measure: 'browser measures', unit: 'ms', median: NaN, note: `not measured: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)` }));
    return { rows, details };
  }

  // The 10k/50k view: the same graph for the bare sigma page and the app.
  const ds = generateDataset({ triples: VIEW.triples, entities: VIEW.entities, seed: o.seed, schema: o.schema });
  o.log('vite build of the bare sigma baseline');
  await vite.build({ root: join(BENCH_DIR, 'sigma-baseline'), configFile: false, base: './', logLevel: 'warn',
    build: { outDir: BASE_DIST, emptyOutDir: true } });
  writeFileSync(join(BASE_DIST, 'graph.json'), JSON.stringify(viewGraph(ds, o.schema, o.seed)));
  writeFileSync(join(OUT, 'bench-view.json'), serialiseDataset(ds));

  const { chromium } = await import('playwright-core');
  const servers: { close(): Promise<void> }[] = [];
  const serve = async (outDir: string, root: string, configFile?: false) => {
    const s = await vite.preview({ root, configFile, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
    servers.push(s.httpServer as unknown as { close(): Promise<void> });
    const url = s.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview gave no local URL');
    return { url, server: s };
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  const closers: (() => Promise<void>)[] = [async () => { await browser.close(); }];
  try {
    const base = await serve(BASE_DIST, join(BENCH_DIR, 'sigma-baseline'), false);
    closers.push(() => base.server.close());
    const runs = o.quick ? 2 : 5;

    // A fresh context per run: empty cache, as a first visit.
    const visit = async <T>(url: string, measure: (page: import('playwright-core').Page) => Promise<T>): Promise<T> => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await ctx.addInitScript(() => {
        const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
        w.__longtasks = [];
        try {
          new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration }); })
            .observe({ type: 'longtask', buffered: true });
        } catch { /* no Long Tasks API: the list stays empty and the report says so */ }
        // Hook-free first frame: the animation frame after sigma's node canvas appears
        // (sigma draws synchronously in its constructor, which inserts that canvas).
        const w2 = window as unknown as { __canvasFrame?: number };
        const mo = new MutationObserver(() => {
          if (!document.querySelector('canvas.sigma-nodes')) return;
          mo.disconnect();
          requestAnimationFrame(() => { w2.__canvasFrame = performance.now(); });
        });
        mo.observe(document, { childList: true, subtree: true });
      });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
        return await measure(page);
      } catch (e) {
        throw new Error(`${url}: ${(e as Error).message.split('\n')[0]}${errors.length ? `; page errors: ${errors.slice(0, 2).join('; ')}` : ''}`);
      } finally {
        await ctx.close();
      }
    };

    const baselineFrame = async (page: import('playwright-core').Page) => {
      await page.waitForFunction(() => (window as any).__bench?.firstFrame !== undefined || (window as any).__bench?.error, undefined, { timeout: 60_000, polling: 50 });
      const err = await page.evaluate(() => (window as any).__bench.error);
      if (err) throw new Error(err);
      return page.evaluate(() => (window as any).__bench.firstFrame as number);
    };
    const baseFrames: number[] = [], baseCanvasFrames: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [f, c] = await visit(`${base.url}?layout=0`, async (page) => {
        const hooked = await baselineFrame(page);
        await page.waitForFunction(() => (window as any).__canvasFrame !== undefined, undefined, { timeout: 10_000, polling: 50 });
        return [hooked, await page.evaluate(() => (window as any).__canvasFrame as number)];
      });
      baseFrames.push(f); baseCanvasFrames.push(c);
    }
    o.log(`bare sigma first frame: ${baseFrames.map((x) => x.toFixed(0)).join(', ')} ms`);

    // Layout in the bare page: iterations per second and long tasks.
    const layoutMs = o.quick ? 3000 : 6000;
    const baseLayout = await visit(`${base.url}?layout=1`, async (page) => {
      await baselineFrame(page);
      await page.waitForFunction(() => (window as any).__bench.layoutStart !== undefined, undefined, { timeout: 10_000 });
      await page.waitForTimeout(layoutMs);
      return page.evaluate(() => {
        const b = (window as any).__bench;
        b.stopLayout();
        const lt = ((window as any).__longtasks as { start: number; duration: number }[]).filter((t) => t.start + t.duration >= b.layoutStart);
        return { iterations: b.iterations, seconds: (b.layoutEnd - b.layoutStart) / 1000, longest: Math.max(0, ...lt.map((t) => t.duration)), longTasks: lt.length };
      });
    });
    const baseIps = baseLayout.iterations / baseLayout.seconds;
    details.baseline = { firstFrames: baseFrames, canvasFrames: baseCanvasFrames, layout: baseLayout };

    if (!appBuilt) {
      rows.push(row({ measure: 'app first frame', unit: 'ms', median: NaN, note: 'not measured: the app did not build' }));
    } else {
      const app = await serve(APP_DIST, ROOT_DIR);
      closers.push(() => app.server.close());
      const r = await benchApp(o, app.url, visit, runs, layoutMs);
      details.app = r.details;
      const defaultFrames = r.defaultFrames;
      if (defaultFrames.length) {
        rows.push(row({ measure: 'app first frame, default data', unit: 'ms', median: median(defaultFrames), p99: p99(defaultFrames), samples: defaultFrames.length,
          target: '< 1000 ms', met: median(defaultFrames) < 1000, note: r.method }));
      } else {
        rows.push(row({ measure: 'app first frame, default data', unit: 'ms', median: NaN, target: '< 1000 ms', note: `not measured: ${r.why}` }));
      }
      if (r.viewFrames.length) {
        const m = median(r.viewFrames);
        rows.push(row({ measure: `app opens ${VIEW.entities / 1000}k/${VIEW.triples / 1000}k view file → frame`, unit: 'ms', median: m, p99: p99(r.viewFrames), samples: r.viewFrames.length,
          baseline: { name: 'bare sigma nav→frame', median: median(baseCanvasFrames) }, target: '≤ 1.3× bare sigma', met: m <= 1.3 * median(baseCanvasFrames),
          note: `app: file chosen in #import-file → next frame once __actorgraph reports ${VIEW.entities} entities ready (includes validation, store build and the app's initial layout); bare sigma: navigation → first frame incl. fetch of graph.json` }));
      } else {
        rows.push(row({ measure: `app first frame, ${VIEW.entities / 1000}k/${VIEW.triples / 1000}k view`, unit: 'ms', median: NaN,
          baseline: { name: 'bare sigma', median: median(baseFrames) }, target: '≤ 1.3× bare sigma', note: `not measured: ${r.viewWhy}` }));
      }
      if (r.layout) {
        rows.push(row({ measure: 'FA2 iterations/s in the worker (app, view)', unit: 'it/s', median: r.layout.ips,
          baseline: { name: 'bare sigma FA2 worker', median: baseIps }, note: `ratio > 1 is faster than the bare page; ${r.layout.seconds.toFixed(1)} s of layout` }));
        rows.push(row({ measure: 'longest task while the app lays out', unit: 'ms', median: r.layout.longest,
          baseline: { name: 'bare sigma', median: baseLayout.longest }, target: 'no long task > 100 ms', met: r.layout.longest <= 100,
          note: `${r.layout.longTasks} long tasks (> 50 ms) during ${r.layout.seconds.toFixed(1)} s of layout (Long Tasks API)` }));
      } else {
        rows.push(row({ measure: 'FA2 iterations/s in the worker (app, view)', unit: 'it/s', median: NaN, baseline: { name: 'bare sigma FA2 worker', median: baseIps }, note: `not measured: ${r.layoutWhy}` }));
        const lt = r.details.viewLongestTasks as number[];
        rows.push(row({ measure: 'longest task, app opening + laying out the view', unit: 'ms', median: lt.length ? Math.max(...lt) : NaN, baseline: { name: 'bare sigma during FA2', median: baseLayout.longest },
          target: 'no long task > 100 ms', met: lt.length ? Math.max(...lt) <= 100 : undefined, note: 'max over runs, Long Tasks API, from choosing the file to 2 s after the view is shown' }));
      }
    }
    rows.push(row({ measure: `bare sigma first frame, ${VIEW.entities / 1000}k/${VIEW.triples / 1000}k`, unit: 'ms', median: median(baseCanvasFrames), p99: p99(baseCanvasFrames), samples: runs,
      note: `FA2 worker ${baseIps.toFixed(1)} it/s, longest task during layout ${baseLayout.longest.toFixed(0)} ms` }));
  } finally {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  }
  return { rows, details };
}

type Visit = <T>(url: string, measure: (page: import('playwright-core').Page) => Promise<T>) => Promise<T>;

interface AppResult {
  defaultFrames: number[]; viewFrames: number[]; method: string; why?: string; viewWhy?: string;
  layout?: { ips: number; seconds: number; longest: number; longTasks: number }; layoutWhy?: string;
  details: Record<string, unknown>;
}

async function benchApp(o: BrowserOptions, url: string, visit: Visit, runs: number, layoutMs: number): Promise<AppResult> {
  void o; void layoutMs;
  const r: AppResult = { defaultFrames: [], viewFrames: [], method: '', details: {} };
  // The app exposes no first-frame hook: use the animation frame after sigma's canvas appears.
  const frame = async (page: import('playwright-core').Page) => {
    await page.waitForFunction(() => (window as any).__canvasFrame !== undefined, undefined, { timeout: 60_000, polling: 50 });
    return page.evaluate(() => (window as any).__canvasFrame as number);
  };
  try {
    for (let i = 0; i < runs; i++) r.defaultFrames.push(await visit(url, frame));
    r.method = 'first animation frame after sigma\'s node canvas appears (no app hook), ms since navigation start';
  } catch (e) {
    r.why = (e as Error).message;
  }
  // The app opens other data only through its file input: time from choosing the
  // file to the frame after the app reports the 10k entities ready.
  const viewFile = join(OUT, 'bench-view.json');
  const long: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const v = await visit(url, async (page) => {
        await page.waitForFunction(() => (window as any).__actorgraph?.ready === true, undefined, { timeout: 60_000, polling: 50 });
        const t0 = await page.evaluate(() => performance.now());
        await page.setInputFiles('#import-file', viewFile, { timeout: 30_000 });
        await page.waitForFunction((n) => (window as any).__actorgraph?.ready === true && (window as any).__actorgraph.entities === n, VIEW.entities, { timeout: 180_000, polling: 50 });
        const t1 = await page.evaluate(() => new Promise<number>((res) => requestAnimationFrame(() => res(performance.now()))));
        await page.waitForTimeout(2000);
        const lt = await page.evaluate((from) => ((window as any).__longtasks as { start: number; duration: number }[]).filter((t) => t.start >= from), t0);
        return { ms: t1 - t0, longest: Math.max(0, ...lt.map((t) => t.duration)), longTasks: lt.length };
      });
      r.viewFrames.push(v.ms); long.push(v.longest);
      r.details[`view${i}`] = v;
    }
  } catch (e) {
    r.viewWhy = (e as Error).message;
  }
  r.layoutWhy = `the app exposes no FA2 iteration count; longest task from opening the view file to 2 s after it is shown: ${long.length ? `${Math.max(...long).toFixed(0)} ms` : 'n/a'}`;
  r.details.viewLongestTasks = long;
  return r;
}
