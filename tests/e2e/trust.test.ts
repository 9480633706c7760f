// Trust and time in the browser: the edge-style key, filters kept in the URL,
// a time window that narrows a neighbourhood, a path without hedged claims,
// the relations table against the core's answer, and the timeline's brush.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAndServe, launch, SHOTS, type Served } from './harness.ts';
import { T, waitReady, watch, type Watched } from './page.ts';
import { readFileSync } from 'node:fs';
import { loadDefault } from '../../src/node/load.ts';
import { parseDataset } from '../../src/core/validate.ts';
import { neighbourhood } from '../../src/core/neighbourhood.ts';
import { findPaths } from '../../src/core/paths.ts';
import { statusOf } from '../../src/core/trust.ts';
import type { Triple } from '../../src/core/model.ts';

let served: Served;
let browser: Browser;
let context: BrowserContext;
let origin: string;
let watched: Watched;
const core = loadDefault();
const triples: Triple[] = Array.from({ length: core.store.tripleCount }, (_, i) => core.store.tripleAt(i));

async function open(path: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const p = await context.newPage();
  await p.setViewportSize(viewport);
  watched = watch(p, origin, watched);
  await p.goto(`${origin}/${path}`, { timeout: T });
  await waitReady(p);
  return p;
}

const shot = (p: Page, name: string) => p.screenshot({ path: `${SHOTS}/${name}.png`, timeout: T });

/** Triple ids listed in the relations table, every page. */
async function tableIds(p: Page): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    await p.waitForFunction(
      () => document.querySelector('.relations-table table')?.getAttribute('aria-busy') === 'false',
      null,
      { timeout: T },
    );
    ids.push(
      ...(await p
        .locator('.relations-table tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-triple')!))),
    );
    const next = p.getByRole('button', { name: 'next ›' });
    if (await next.isDisabled()) return ids;
    const first = await p.locator('.relations-table tbody tr').first().getAttribute('data-triple');
    await next.click({ timeout: T });
    await p.waitForFunction(
      (f) => document.querySelector('.relations-table tbody tr')?.getAttribute('data-triple') !== f,
      first,
      { timeout: T },
    );
  }
}

beforeAll(async () => {
  served = await buildAndServe();
  origin = served.url.replace(/\/$/, '');
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  watched = { foreign: [], dialogs: [], pageErrors: [], cspErrors: [] };
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('trust and time in the UI', () => {
  it('the legend explains the edge styles with a line per status', async () => {
    const p = await open('');
    const key = p.getByRole('region', { name: 'Relations' });
    for (const [status, line] of [
      ['asserted', 'solid'],
      ['attributed', 'dashed'],
      ['hedged', 'dashed'],
      ['unsourced', 'dotted'],
    ]) {
      await expect(key.getByText(new RegExp(`${status}\\s*\\(${line}\\)`)).count()).resolves.toBe(1);
    }
    // Dashed and dotted edges, close up.
    for (let i = 0; i < 3; i++) await p.getByRole('button', { name: 'Zoom in' }).click({ timeout: T });
    await p.waitForTimeout(500);
    await shot(p, 'trust-edges-zoom');
    await p.close();
  });

  it('filters are kept in the URL and survive a reload', async () => {
    const p = await open('');
    await p.getByRole('button', { name: 'hedged' }).click({ timeout: T });
    await p.selectOption('#min-reliability', 'C', { timeout: T });
    await p.locator('#time-from').fill('2021-02', { timeout: T });
    await p.locator('#time-from').press('Enter', { timeout: T });
    await p.selectOption('#undated', 'exclude', { timeout: T });
    await p.waitForFunction(() => location.search.includes('und=exclude'), null, { timeout: T });
    const search = new URL(p.url()).searchParams;
    expect(search.get('st')).toBe('asserted,attributed,unsourced');
    expect(search.get('mr')).toBe('C');
    expect(search.get('since')).toBe('2021-02');
    await p.reload({ timeout: T });
    await waitReady(p);
    await expect(p.getByRole('button', { name: 'hedged' }).getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(p.getByRole('button', { name: 'asserted' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(p.locator('#min-reliability').inputValue()).resolves.toBe('C');
    await expect(p.locator('#time-from').inputValue()).resolves.toBe('2021-02');
    await expect(p.locator('#undated').inputValue()).resolves.toBe('exclude');
    // A value no one knows is dropped, not applied.
    await p.goto(`${origin}/?st=rumour&mr=Z`, { timeout: T });
    await waitReady(p);
    await expect(p.getByRole('button', { name: 'hedged' }).getAttribute('aria-pressed')).resolves.toBe('true');
    // The drawn graph dims the relations the filters leave out: here every one not asserted.
    await p.goto(`${origin}/?st=asserted`, { timeout: T });
    await waitReady(p);
    const notAsserted = triples.filter((t) => statusOf(t) !== 'asserted').length;
    expect(notAsserted).toBeGreaterThan(0);
    await expect
      .poll(
        () =>
          p.evaluate(() => (window as unknown as { __actorgraph: { dimmedEdges: number } }).__actorgraph.dimmedEdges),
        { timeout: T },
      )
      .toBe(notAsserted);
    await p.close();
  });

  it('a time window narrows a neighbourhood, as the core answers it', async () => {
    const win = { dateFrom: '2021-02-25', dateTo: '2021-02-26', undated: 'exclude' as const };
    const all = neighbourhood(core.store, { from: ['iran'], depth: 2, direction: 'both', limit: 2000 });
    const narrowed = neighbourhood(core.store, { from: ['iran'], depth: 2, direction: 'both', limit: 2000, ...win });
    expect(narrowed.entities.length).toBeLessThan(all.entities.length);
    const p = await open('?e=iran&q=neighbourhood&d=2');
    const count = p.locator('.nb-count');
    await expect.poll(() => count.textContent(), { timeout: T }).toBe(`${all.entities.length} entities`);
    await p.goto(`${origin}/?e=iran&q=neighbourhood&d=2&since=2021-02-25&until=2021-02-26&und=exclude`, { timeout: T });
    await waitReady(p);
    await expect
      .poll(() => p.locator('.nb-count').textContent(), { timeout: T })
      .toBe(`${narrowed.entities.length} entities`);
    await p.close();
  });

  it('a path that leaves out hedged claims differs from one that may use them', async () => {
    const hedged = triples.find((t) => statusOf(t) === 'hedged' && t.subject !== t.object)!;
    expect(hedged).toBeDefined();
    const others = { status: ['asserted', 'attributed', 'unsourced'] as ('asserted' | 'attributed' | 'unsourced')[] };
    const without = findPaths(core.store, {
      from: hedged.subject,
      to: hedged.object,
      mode: 'k-shortest',
      k: 3,
      ...others,
    });
    const p = await open(`?q=path&from=${encodeURIComponent(hedged.subject)}&to=${encodeURIComponent(hedged.object)}`);
    const results = p.locator('.path-results');
    await results.waitFor({ timeout: T });
    const withHedged = await results.innerText();
    expect(withHedged).toMatch(/hedged/);
    await p.getByRole('button', { name: 'hedged' }).first().click({ timeout: T });
    if (without.paths.length === 0) {
      await p.getByText(/^No path/).waitFor({ timeout: T });
    } else {
      await expect.poll(async () => (await results.innerText()) !== withHedged, { timeout: T }).toBe(true);
      expect(await results.innerText()).not.toMatch(/hedged/);
    }
    await p.close();
  });

  it('the relations table lists every killed relation, and a row shows it on the graph', async () => {
    const want = triples
      .filter((t) => t.predicate === 'killed')
      .map((t) => t.id!)
      .sort();
    expect(want.length).toBeGreaterThan(0);
    const p = await open('?bot=relations');
    await p.selectOption('#rel-predicate', 'killed', { timeout: T });
    await p.waitForFunction(
      (n) => document.querySelectorAll('.relations-table tbody tr').length === Math.min(n, 50),
      want.length,
      { timeout: T },
    );
    expect((await tableIds(p)).sort()).toEqual(want);
    // The graph follows its container as the dock grows: it never draws over the table.
    await expect
      .poll(
        () =>
          p.evaluate(() => {
            const canvas = document.querySelector('.sigma canvas')!.getBoundingClientRect();
            return canvas.bottom <= document.querySelector('.dock')!.getBoundingClientRect().top + 1;
          }),
        { timeout: T },
      )
      .toBe(true);
    // The result exports like any view: those relations and their ends, as a dataset that validates.
    const [dl] = await Promise.all([
      p.waitForEvent('download', { timeout: T }).catch(async (e: unknown) => {
        throw new Error(
          `${String(e)}; toast: ${await p
            .locator('.toast')
            .textContent()
            .catch(() => 'none')}`,
        );
      }),
      p.getByRole('button', { name: `Export ${want.length}` }).click({ timeout: T }),
    ]);
    const parsed = parseDataset(readFileSync((await dl.path())!, 'utf8'), {
      file: 'export.json',
      defaultSchema: core.result.schema!,
    });
    expect(parsed.problems.filter((x) => x.severity === 'error')).toEqual([]);
    expect(dl.suggestedFilename()).toBe(`actorgraph-relations-${want.length}.json`);
    expect(parsed.dataset!.triples.map((t) => t.id!).sort()).toEqual(want);
    await p.locator('.relations-table tbody tr').first().click({ timeout: T });
    await p.waitForFunction(() => new URL(location.href).searchParams.has('rel'), null, { timeout: T });
    const rel = new URL(p.url()).searchParams.get('rel');
    expect(want).toContain(rel);
    // The camera moves to the relation.
    await p.waitForTimeout(800);
    await shot(p, 'trust-relations-1400');
    await p.setViewportSize({ width: 1024, height: 700 });
    await p.waitForTimeout(300);
    await shot(p, 'trust-relations-1024');
    await p.close();
  });

  it('the timeline brush sets the time window in the URL; playback steps it', async () => {
    const p = await open('');
    const bar = p.locator('.timeline-bar');
    await bar.waitFor({ timeout: T });
    const box = (await bar.boundingBox())!;
    await p.mouse.move(box.x + box.width * 0.55, box.y + 20);
    await p.mouse.down();
    await p.mouse.move(box.x + box.width * 0.9, box.y + 20, { steps: 4 });
    await p.mouse.up();
    await p.waitForFunction(() => new URL(location.href).searchParams.has('since'), null, { timeout: T });
    const u = new URL(p.url()).searchParams;
    expect(u.get('since')! <= u.get('until')!).toBe(true);
    await shot(p, 'trust-timeline-1400');
    await bar.focus();
    await p.keyboard.press('Escape');
    await p.waitForFunction(() => !new URL(location.href).searchParams.has('since'), null, { timeout: T });
    await p.getByRole('button', { name: /^Play the time window/ }).click({ timeout: T });
    await p.waitForFunction(() => new URL(location.href).searchParams.has('since'), null, { timeout: T });
    const first = new URL(p.url()).searchParams.get('since');
    await p.waitForFunction((f) => new URL(location.href).searchParams.get('since') !== f, first, { timeout: T });
    await p.getByRole('button', { name: 'Pause the playback' }).click({ timeout: T });
    await p.setViewportSize({ width: 1024, height: 700 });
    await p.waitForTimeout(300);
    await shot(p, 'trust-timeline-1024');
    await p.close();
  });

  it('left no page errors', () => {
    expect(watched.pageErrors).toEqual([]);
    expect(watched.cspErrors).toEqual([]);
  });
});
