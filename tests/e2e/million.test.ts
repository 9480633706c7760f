// Opt-in (ACTORGRAPH_E2E_1M=1, never part of `npm test`): the benchmark's
// 1M-triple file (bench/data/synthetic-1m-s1.json, ~300 MB; make it with
// `node bin/run-ts.mjs bench/generate.ts --size 1m`) opened through the file
// input: the explorer shows its partial view, then answers a search and a
// path query. Prints time to ready, the loader worker's peak JS heap (CDP,
// sampled), the renderer's peak RSS and the page's longest task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, SHOTS } from './harness.ts';
import { hook, T, waitReady, type Hook } from './page.ts';
import { loadStoreFile } from '../../src/node/load.ts';
import { MemoryExplorer } from '../../src/core/memory-explorer.ts';
import { findPaths, describePath } from '../../src/core/paths.ts';
import type { TripleStore } from '../../src/core/store.ts';

const FILE = resolve(ROOT, 'bench/data/synthetic-1m-s1.json');
const OUT = resolve(ROOT, 'test-results/e2e-1m-dist');
const run = !!process.env.ACTORGRAPH_E2E_1M;

let server: PreviewServer;
let browser: Browser;
let page: Page;
let store: TripleStore;
const figures: Record<string, number | string> = {};

/** Whether `pid` descends from this test process (not another Chromium on the machine). */
function ours(pid: string): boolean {
  for (let p = pid, n = 0; p !== '0' && p !== '1' && n < 10; n++) {
    if (p === String(process.pid)) return true;
    p = /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? '0';
  }
  return false;
}

/** Resident memory of this browser's renderer processes (KiB), summed. */
function rendererRssKiB(): number {
  let sum = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !ours(pid)) continue;
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) sum += Number(m[1]);
    } catch {
      /* gone meanwhile */
    }
  }
  return sum;
}

/** Samples the JS heap of every dedicated worker of the page through CDP (non-flat sessions, so the page's session can reach them). */
async function watchWorkerHeaps(cdp: CDPSession): Promise<{ peak: Map<string, number>; stop(): void }> {
  const peak = new Map<string, number>();
  const sessions = new Map<string, string>();
  let id = 1;
  cdp.on(
    'Target.attachedToTarget',
    (e: { sessionId: string; targetInfo: { type: string; url: string; title: string } }) => {
      if (e.targetInfo.type === 'worker') sessions.set(e.sessionId, e.targetInfo.title || e.targetInfo.url);
    },
  );
  cdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => {
    sessions.delete(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const m = JSON.parse(e.message) as { result?: { usedSize?: number } };
    const used = m.result?.usedSize;
    const name = sessions.get(e.sessionId);
    if (used !== undefined && name !== undefined) peak.set(name, Math.max(peak.get(name) ?? 0, used));
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const timer = setInterval(() => {
    for (const sessionId of sessions.keys()) {
      void cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: id++, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => {});
    }
  }, 100);
  return { peak, stop: () => clearInterval(timer) };
}

describe.skipIf(!run || !existsSync(FILE))('1M triples in the explorer (opt-in)', () => {
  beforeAll(async () => {
    store = loadStoreFile(FILE).store!;
    await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
    server = await preview({
      root: ROOT,
      logLevel: 'warn',
      build: { outDir: OUT },
      preview: { host: '127.0.0.1', port: 0, open: false },
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const addr = server.httpServer.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    await page.goto(`http://127.0.0.1:${port}/`, { timeout: T });
    await waitReady(page);
  }, 300_000);

  afterAll(async () => {
    console.log(`1M in the explorer: ${JSON.stringify(figures)}`);
    await browser?.close();
    await server?.close();
  });

  it('opens the 1M-triple file, then searches and finds a path', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const heaps = await watchWorkerHeaps(await page.context().newCDPSession(page));
    const rss0 = rendererRssKiB();
    let rssPeak = rss0;
    const rssTimer = setInterval(() => {
      rssPeak = Math.max(rssPeak, rendererRssKiB());
    }, 100);
    const t0 = Date.now();
    // When each load phase was first seen (the worker streams while reading, then indexes).
    const phaseAt: Record<string, number> = {};
    const phaseTimer = setInterval(() => {
      void hook(page).then(
        (x) => {
          if (x.loading && !(x.loading in phaseAt)) phaseAt[x.loading] = Date.now() - t0;
        },
        () => {},
      );
    }, 200);
    try {
      await page.setInputFiles('#import-file', FILE, { timeout: 60_000 });
      await page.waitForFunction(
        () => {
          const h = (window as unknown as { __actorgraph: Hook }).__actorgraph;
          return h.file === 'synthetic-1m-s1.json' && !h.loading && h.nodes === 50;
        },
        null,
        { timeout: 180_000, polling: 250 },
      );
      figures.readyMs = Date.now() - t0;
      await page.waitForTimeout(1000);
    } finally {
      clearInterval(phaseTimer);
      clearInterval(rssTimer);
      heaps.stop();
    }
    figures.phasesSeenAtMs = JSON.stringify(phaseAt);
    figures.rendererRssBeforeMiB = Math.round(rss0 / 1024);
    figures.rendererRssPeakMiB = Math.round(rssPeak / 1024);
    figures.workerHeapPeakMiB = JSON.stringify(
      Object.fromEntries([...heaps.peak].map(([k, v]) => [k, Math.round(v / 2 ** 20)])),
    );
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    figures.longTasks = long.length;
    figures.longestTaskMs = Math.round(Math.max(0, ...long));
    await expect(page.locator('.view-note-text').textContent()).resolves.toBe(
      'showing 50 of 100,000 entities — search or expand to see more',
    );
    await page.screenshot({ path: `${SHOTS}/million-view.png`, timeout: T });

    // Search: an entity not in view whose label is unique.
    const h = await hook(page);
    const shown = new Set(h.nodeIds);
    const counts = new Map<string, number>();
    for (let i = 0; i < store.entityCount; i++) {
      const l = store.entityAt(i).label.toLowerCase();
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    const unique = (id: string) => counts.get(store.entity(id)!.label.toLowerCase()) === 1;
    let far: string | undefined;
    for (let i = store.entityCount - 1; i >= 0 && !far; i--) {
      const id = store.entityAt(i).id;
      if (!shown.has(id) && unique(id) && store.degree(i) > 0) far = id;
    }
    const label = (id: string) => store.entity(id)!.label;
    const t1 = Date.now();
    await page.locator('#search').fill('', { timeout: T });
    await page.locator('#search').pressSequentially(label(far!), { timeout: T });
    await page
      .locator('#search-list [role=option]', { hasText: label(far!) })
      .first()
      .click({ timeout: 30_000 });
    await page.getByRole('heading', { name: label(far!), exact: true, level: 2 }).waitFor({ timeout: 30_000 });
    figures.searchMs = Date.now() - t1;

    // Path from the most connected entity to the one found.
    const top = (await new MemoryExplorer(store).topEntities(50)).map((e) => e.id).find(unique)!;
    const t2 = Date.now();
    await page.getByRole('tab', { name: 'Path' }).click({ timeout: T });
    for (const [sel, id] of [
      ['#path-from', top],
      ['#path-to', far!],
    ] as const) {
      await page.fill(sel, '', { timeout: T });
      await page.locator(sel).pressSequentially(label(id), { timeout: T });
      await page
        .locator(`${sel}-list [role=option]`, { hasText: label(id) })
        .first()
        .click({ timeout: 30_000 });
    }
    const first = page.locator('.path-result').first();
    await first.waitFor({ timeout: 60_000 });
    figures.pathMs = Date.now() - t2;
    const answer = findPaths(store, { from: top, to: far!, mode: 'k-shortest', k: 3 });
    expect((await first.locator('.chain').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      describePath(answer.paths[0]!, label, store.schema),
    );
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${SHOTS}/million-path.png`, timeout: T });
  }, 400_000);
});
