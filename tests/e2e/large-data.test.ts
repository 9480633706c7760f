// Large data end to end: a generated 20k-relation file opens in the loader
// worker without freezing the page, the view starts from the most connected
// entities and grows by expand, search and path queries; a big import can be
// cancelled and leaves everything as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launch, ROOT, SHOTS, type Served } from './harness.ts';
import { CSP_PROBE, hook, searchAndChoose, T, waitReady, watch, type Hook, type Watched } from './page.ts';
import { generateDataset, loadSchema, serialiseDataset } from '../../bench/generate.ts';
import { TripleStore } from '../../src/core/store.ts';
import { MemoryExplorer } from '../../src/core/memory-explorer.ts';
import { neighbourhood } from '../../src/core/neighbourhood.ts';
import { findPaths, describePath } from '../../src/core/paths.ts';
import type { Dataset } from '../../src/core/model.ts';

const OUT = resolve(SHOTS, '..');
const FILE_20K = resolve(OUT, 'large-20k.json');
const FILE_BIG = resolve(OUT, 'large-200k.json');

let served: Served;
let browser: Browser;
let page: Page;
let origin: string;
let watched: Watched;
let ds: Dataset;
let store: TripleStore;
let top: string[];
const figures: Record<string, number | string> = {};

// A screenshot waits for a frame: a laid-out whole view in software WebGL can take long on a busy machine.
const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, timeout: 2 * T });
const labelOf = (id: string) => store.entity(id)!.label;
/** Entities whose label no other entity has: searching for it finds exactly it. */
const uniqueLabel = (() => {
  let counts: Map<string, number> | undefined;
  return (id: string) => {
    counts ??= ds.entities.reduce(
      (m, e) => m.set(e.label.toLowerCase(), (m.get(e.label.toLowerCase()) ?? 0) + 1),
      new Map<string, number>(),
    );
    return counts.get(labelOf(id).toLowerCase()) === 1;
  };
})();

beforeAll(async () => {
  ds = generateDataset({ triples: 20_000, entities: 3_000, seed: 11, schema: loadSchema() });
  writeFileSync(FILE_20K, serialiseDataset(ds));
  store = TripleStore.build(ds, loadSchema());
  top = (await new MemoryExplorer(store).topEntities(50)).map((e) => e.id);
  served = await buildAndServe({ '/e2e-data/large-20k.json': FILE_20K });
  origin = served.url.replace(/\/$/, '');
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(CSP_PROBE);
  page = await context.newPage();
  watched = watch(page, origin);
  await page.goto(`${origin}/?e=kataib-hezbollah`, { timeout: T });
  await waitReady(page);
  figures.firstReadyMs = Math.round(await page.evaluate(() => performance.now()));
  figures.defaultBuildOnPageMs = Math.round(
    await page.evaluate(() => performance.getEntriesByName('actorgraph:default-data')[0]?.duration ?? -1),
  );
});

afterAll(async () => {
  console.log(`large data: ${JSON.stringify(figures)}`);
  await browser?.close();
  await served?.close();
});

describe('large data', () => {
  it('opens a 20k-relation file in the worker, with progress, without freezing the page', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[]; __phases: string[] };
      w.__long = [];
      w.__phases = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask' });
      // The bar may be up for well under a second: record every phase it showed.
      new MutationObserver(() => {
        const p = document.querySelector('.load-progress .load-phase')?.textContent;
        if (p && w.__phases[w.__phases.length - 1] !== p) w.__phases.push(p);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const t0 = Date.now();
    await page.setInputFiles('#import-file', FILE_20K, { timeout: T });
    await page.waitForFunction(
      () => (window as unknown as { __actorgraph: Hook }).__actorgraph.file === 'large-20k.json',
      null,
      { timeout: 60_000 },
    );
    figures.open20kMs = Date.now() - t0;
    await page.locator('.load-progress').waitFor({ state: 'detached', timeout: T });
    const phases = await page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
    expect(phases.some((p) => p.startsWith('Reading'))).toBe(true);
    expect(phases).toContain('Indexing…');

    const h = await hook(page);
    expect(h.partial).toBe(true);
    expect(h.entities).toBe(3_000);
    expect(h.nodes).toBe(50);
    expect(new Set(h.nodeIds)).toEqual(new Set(top));
    await expect(page.locator('.view-note-text').textContent()).resolves.toBe(
      'showing 50 of 3,000 entities — search or expand to see more',
    );
    await page.waitForTimeout(800);
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    figures.longTasks = long.length;
    figures.longestTaskMs = Math.round(Math.max(0, ...long));
    expect(figures.longestTaskMs as number).toBeLessThan(500);
    await shot('large-view');
  });

  it('the default data, opened as a file, goes through the worker too', async () => {
    // For comparison with building it on the page at start (defaultBuildOnPageMs).
    const t0 = Date.now();
    await page.setInputFiles('#import-file', resolve(ROOT, 'graph-data/dataset.json'), { timeout: T });
    await page.waitForFunction(
      () => (window as unknown as { __actorgraph: Hook }).__actorgraph.file === 'dataset.json',
      null,
      { timeout: T },
    );
    figures.defaultViaWorkerMs = Date.now() - t0;
    const h = await hook(page);
    expect(h.partial).toBe(false);
    expect(h.nodes).toBe(h.entities);
    await page.setInputFiles('#import-file', FILE_20K, { timeout: T });
    await page.waitForFunction(
      () => (window as unknown as { __actorgraph: Hook }).__actorgraph.file === 'large-20k.json',
      null,
      { timeout: T },
    );
  });

  it('expands a node by its neighbours, capped', async () => {
    const hub = top.find(uniqueLabel)!;
    await searchAndChoose(page, labelOf(hub), labelOf(hub));
    await page.getByRole('heading', { name: labelOf(hub), exact: true, level: 2 }).waitFor({ timeout: T });
    const before = await hook(page);
    expect(before.nodes).toBe(50);
    const shown = new Set(before.nodeIds);
    const around = neighbourhood(store, { from: [hub], depth: 1 })
      .entities.map((e) => e.id)
      .filter((id) => !shown.has(id));
    const want = Math.min(200, around.length);
    expect(want).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Expand neighbours' }).click({ timeout: T });
    await page.waitForFunction(
      (n) => (window as unknown as { __actorgraph: Hook }).__actorgraph.nodes === n,
      50 + want,
      { timeout: T },
    );
    const after = await hook(page);
    for (const id of after.nodeIds.filter((id) => !shown.has(id))) expect(around).toContain(id);
    if (around.length > 200)
      await page.locator('.toast', { hasText: 'Added 200 of the neighbours' }).waitFor({ timeout: T });
    await expect(page.locator('.view-note-text').textContent()).resolves.toBe(
      `showing ${(50 + want).toLocaleString('en-US')} of 3,000 entities — search or expand to see more`,
    );
    figures.afterExpand = after.nodes;
    await page.waitForFunction(() => !(window as unknown as { __actorgraph: Hook }).__actorgraph.layoutRunning, null, {
      timeout: T,
    });
    await shot('large-expanded');
  });

  it('draws and selects a searched entity that was not in view', async () => {
    const before = await hook(page);
    const shown = new Set(before.nodeIds);
    const far = ds.entities
      .map((e) => e.id)
      .reverse()
      .find((id) => !shown.has(id) && uniqueLabel(id))!;
    await searchAndChoose(page, labelOf(far), labelOf(far));
    await page.getByRole('heading', { name: labelOf(far), exact: true, level: 2 }).waitFor({ timeout: T });
    await page.waitForFunction(
      (id) => (window as unknown as { __actorgraph: Hook }).__actorgraph.nodeIds.includes(id),
      far,
      { timeout: T },
    );
    const after = await hook(page);
    expect(after.selected).toBe(far);
    expect(after.nodes).toBe(before.nodes + 1);
    // Its relations to what is drawn are drawn too.
    const i = store.indexOf(far);
    const links = [...store.outTriples(i), ...store.inTriples(i)].filter((t) =>
      shown.has(store.entityAt(store.subjectOf(t) === i ? store.objectOf(t) : store.subjectOf(t)).id),
    ).length;
    expect(after.edges - before.edges).toBe(links);
  });

  it('finds a path on the large data and draws it as a chain', async () => {
    const from = top.find(uniqueLabel)!;
    const to = (await hook(page)).selected!;
    await page.getByRole('tab', { name: 'Path' }).click({ timeout: T });
    for (const [sel, id] of [
      ['#path-from', from],
      ['#path-to', to],
    ] as const) {
      await page.fill(sel, '', { timeout: T });
      await page.locator(sel).pressSequentially(labelOf(id), { timeout: T });
      const opt = page.locator(`${sel}-list [role=option]`, { hasText: labelOf(id) }).first();
      await opt.waitFor({ timeout: T });
      await opt.click({ timeout: T });
    }
    const first = page.locator('.path-result').first();
    await first.waitFor({ timeout: T });
    const answer = findPaths(store, { from, to, mode: 'k-shortest', k: 3 });
    expect(answer.paths.length).toBeGreaterThan(0);
    const want = describePath(answer.paths[0]!, labelOf, store.schema);
    expect((await first.locator('.chain').textContent())?.replace(/\s+/g, ' ').trim()).toBe(want);
    const drawn = new Set((await hook(page)).nodeIds);
    for (const n of answer.paths[0]!.nodes) expect(drawn.has(n)).toBe(true);
    await page.waitForFunction(
      (n) => (window as unknown as { __actorgraph: Hook }).__actorgraph.highlightedEdges >= n,
      answer.paths[0]!.length,
      { timeout: T },
    );
    await page.waitForTimeout(800);
    await shot('large-path');
  });

  it('cancels a big import: the bar goes, the graph and selection stay, the old data still answers', async () => {
    await page.getByRole('tab', { name: 'Explore' }).click({ timeout: T });
    const big = generateDataset({ triples: 200_000, seed: 5, schema: loadSchema() });
    writeFileSync(FILE_BIG, serialiseDataset(big));
    const before = await hook(page);
    expect(before.selected).toBeDefined();
    await page.setInputFiles('#import-file', FILE_BIG, { timeout: T });
    await page.locator('.load-progress').waitFor({ timeout: T });
    const phase = (await hook(page)).loading;
    await page.locator('.load-progress').screenshot({ path: `${SHOTS}/load-progress.png`, timeout: T });
    figures.cancelledWhile = phase ?? 'done';
    await page.locator('.load-progress').getByRole('button', { name: 'Cancel' }).click({ timeout: T });
    await page.locator('.load-progress').waitFor({ state: 'detached', timeout: T });
    await page.locator('.toast', { hasText: 'Opening cancelled' }).waitFor({ timeout: T });
    // Long enough for the cancelled load to have finished, had it not been stopped.
    await page.waitForTimeout(3000);
    const after = await hook(page);
    expect({
      nodes: after.nodes,
      edges: after.edges,
      selected: after.selected,
      file: after.file,
      loading: after.loading,
    }).toEqual({
      nodes: before.nodes,
      edges: before.edges,
      selected: before.selected,
      file: 'large-20k.json',
      loading: undefined,
    });
    expect(phase).toBeDefined();
    // The previous worker still serves queries.
    const other = top.filter(uniqueLabel)[1]!;
    await searchAndChoose(page, labelOf(other), labelOf(other));
    await page.getByRole('heading', { name: labelOf(other), exact: true, level: 2 }).waitFor({ timeout: T });
    expect((await hook(page)).selected).toBe(other);
  }, 90_000);

  it('draws the whole 3,000-entity dataset on request, laid out in the worker', async () => {
    await page.setInputFiles('#import-file', FILE_20K, { timeout: T });
    await page.waitForFunction(
      () => {
        const h = (window as unknown as { __actorgraph: Hook }).__actorgraph;
        return h.file === 'large-20k.json' && h.nodes === 50 && !h.loading;
      },
      null,
      { timeout: 60_000 },
    );
    const before = await hook(page);
    const button = page.locator('.view-note').getByRole('button', { name: 'Show all 3,000 entities' });
    await button.click({ timeout: T });
    await page.waitForFunction(
      () => {
        const h = (window as unknown as { __actorgraph: Hook }).__actorgraph;
        return h.nodes === 3000 && h.firstFrame !== undefined;
      },
      null,
      { timeout: 60_000 },
    );
    const h = await hook(page);
    expect(h.partial).toBe(false);
    expect(h.edges).toBe(store.tripleCount);
    expect(h.viewSeq).toBe(before.viewSeq + 1);
    expect(new Set(h.nodeIds)).toEqual(new Set(ds.entities.map((e) => e.id)));
    await expect(page.locator('.view-note').count()).resolves.toBe(0);
    // ForceAtlas2 runs in its worker and reports iterations as positions arrive.
    await page.waitForFunction(
      () => (window as unknown as { __actorgraph: Hook }).__actorgraph.layoutIterations > 0,
      null,
      { timeout: 30_000 },
    );
    expect((await hook(page)).layoutStart).toBeGreaterThan(h.firstFrame!);
    await page.waitForTimeout(3000);
    await shot('large-whole');
    // Still answers: search selects an entity in the whole view.
    const other = top.filter(uniqueLabel)[2]!;
    await searchAndChoose(page, labelOf(other), labelOf(other));
    await page.getByRole('heading', { name: labelOf(other), exact: true, level: 2 }).waitFor({ timeout: T });
    expect((await hook(page)).nodes).toBe(3000);
  }, 120_000);

  it('"Show all" during a path search frames the path again once the whole graph is laid out', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await ctx.newPage();
    const w = watch(p, origin);
    const [from, to] = [top[3]!, top[7]!];
    const answer = findPaths(store, { from, to, mode: 'k-shortest', k: 3 });
    await p.goto(`${origin}/?data=/e2e-data/large-20k.json&q=path&from=${from}&to=${to}`, {
      timeout: T,
      waitUntil: 'domcontentloaded',
    });
    await p.locator('.path-result').first().waitFor({ timeout: 60_000 });
    await p.locator('.view-note').getByRole('button', { name: 'Show all 3,000 entities' }).click({ timeout: T });
    await p.waitForFunction(
      () => {
        const h = (window as unknown as { __actorgraph: Hook }).__actorgraph;
        return h.nodes === 3000 && h.layoutIterations > 0 && !h.layoutRunning;
      },
      null,
      { timeout: 90_000 },
    );
    // Framed: every node of the path on screen, the path in the middle of the drawing (not wherever the whole
    // graph put it). The camera's move is animated, and frames of 23,000 items come slowly in software WebGL.
    const framed = await p
      .waitForFunction(
        (ids) => {
          const h = (
            window as unknown as {
              __actorgraph: {
                whereDrawn(ids: string[]): ({ x: number; y: number } | undefined)[];
                viewport?: { width: number; height: number };
              };
            }
          ).__actorgraph;
          const where = h.whereDrawn(ids);
          const v = h.viewport;
          if (!v || !where.every((pt) => pt && pt.x >= 0 && pt.x <= v.width && pt.y >= 0 && pt.y <= v.height))
            return false;
          const xs = where.map((pt) => pt!.x),
            ys = where.map((pt) => pt!.y);
          const mx = (Math.min(...xs) + Math.max(...xs)) / 2,
            my = (Math.min(...ys) + Math.max(...ys)) / 2;
          return Math.abs(mx - v.width / 2) < v.width * 0.1 && Math.abs(my - v.height / 2) < v.height * 0.1;
        },
        answer.paths[0]!.nodes,
        { timeout: 30_000 },
      )
      .then(
        () => true,
        () => false,
      );
    expect(framed).toBe(true);
    expect(w.pageErrors).toEqual([]);
    await ctx.close();
  }, 150_000);

  it('opens a same-site dataset from ?data=, whole with view=all; refuses other origins', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await ctx.addInitScript(CSP_PROBE);
    // The graph's container, size by size: it must not change once the first frame is drawn (a resize then makes
    // software WebGL wait for that whole frame to be rasterised: seconds of a frozen page).
    await ctx.addInitScript(() => {
      const w = window as unknown as { __stageSizes: [number, string][] };
      w.__stageSizes = [];
      const watchStage = () => {
        const el = document.querySelector('main.stage .sigma');
        if (!el) return requestAnimationFrame(watchStage);
        new ResizeObserver(() =>
          w.__stageSizes.push([
            performance.now(),
            `${(el as HTMLElement).offsetWidth}×${(el as HTMLElement).offsetHeight}`,
          ]),
        ).observe(el);
      };
      requestAnimationFrame(watchStage);
    });
    const p = await ctx.newPage();
    const w = watch(p, origin);
    await p.goto(`${origin}/?data=/e2e-data/large-20k.json&view=all`, { timeout: T, waitUntil: 'domcontentloaded' });
    await p.waitForFunction(
      () => {
        const h = (window as unknown as { __actorgraph?: Hook }).__actorgraph;
        return h?.nodes === 3000 && h.firstFrame !== undefined && h.viewSeq === 1;
      },
      null,
      { timeout: 60_000 },
    );
    const h = await hook(p);
    expect({ file: h.file, partial: h.partial, edges: h.edges }).toEqual({
      file: 'large-20k.json',
      partial: false,
      edges: store.tripleCount,
    });
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph: Hook }).__actorgraph.layoutIterations > 0,
      null,
      { timeout: 30_000 },
    );
    await p.waitForTimeout(500);
    const after = await p.evaluate(() => {
      const ff = (window as unknown as { __actorgraph: Hook }).__actorgraph.firstFrame!;
      return (window as unknown as { __stageSizes: [number, string][] }).__stageSizes
        .filter(([t]) => t > ff)
        .map(([, size]) => size);
    });
    expect(new Set(after).size, `sizes after the first frame: ${after.join(', ')}`).toBeLessThanOrEqual(1);
    // Without view=all: the partial view. (Leaving a page that lays out 3,000 entities can hold back its `load`
    // event on a busy machine; what matters is waited for below.)
    await p.goto(`${origin}/?data=/e2e-data/large-20k.json`, { timeout: T, waitUntil: 'domcontentloaded' });
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph?: Hook }).__actorgraph?.file === 'large-20k.json',
      null,
      { timeout: 60_000 },
    );
    expect((await hook(p)).nodes).toBe(50);
    // Another origin is refused with the reason; the bundled data is shown.
    await p.goto(`${origin}/?data=${encodeURIComponent('https://example.org/x.json')}`, { timeout: T });
    await p
      .locator('.problem-list, [role=alert], .problems', { hasText: 'single "/"' })
      .first()
      .waitFor({ timeout: T });
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph?: Hook }).__actorgraph?.file === 'graph-data/dataset.json',
      null,
      { timeout: T },
    );
    // A missing file (the preview server answers with the app's page, or a 404): said so, and the bundled data.
    await p.goto(`${origin}/?data=/e2e-data/missing.json`, { timeout: T });
    await p
      .getByText(/HTTP 404|not a JSON file/)
      .first()
      .waitFor({ timeout: T });
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph?: Hook }).__actorgraph?.file === 'graph-data/dataset.json',
      null,
      { timeout: T },
    );
    expect(w).toEqual({ foreign: [], dialogs: [], pageErrors: [], cspErrors: [] });
    expect(await p.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('opened no dialog, broke no CSP rule, threw nothing, fetched nothing foreign', async () => {
    expect(watched).toEqual({ foreign: [], dialogs: [], pageErrors: [], cspErrors: [] });
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });
});
