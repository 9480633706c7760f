// Hostile files through the page's file input and the loader worker (issue
// 13): very deep nesting, a flood of white space, a truncated file, a deep
// value one bracket short inside an entity. Each is refused with its
// problems listed; the open graph stays; the page never freezes (no long
// task over a second). The big files are generated, never committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launch, ROOT, type Served } from './harness.ts';
import { hook, T, waitReady, watch, type Watched } from './page.ts';

const dir = mkdtempSync(join(tmpdir(), 'actorgraph-hostile-e2e-'));
const VALID = readFileSync(resolve(ROOT, 'graph-data/dataset.json'), 'utf8');
const deep = 200_000;
const FILES: Record<string, { text: string; code: string }> = {
  'deep-brackets.json': { text: '['.repeat(deep), code: 'json-syntax' },
  'deep-closed.json': { text: '['.repeat(deep) + ']'.repeat(deep), code: 'not-an-object' },
  'deep-in-entity.json': {
    text: VALID.replace(
      '"label":"United States"',
      `"label":"United States","x":${'['.repeat(deep)}${']'.repeat(deep - 1)}`,
    ),
    code: 'json-syntax',
  },
  'white-space.json': { text: `${' '.repeat(30_000_000)}{}`, code: 'not-a-dataset' },
  'truncated-default.json': { text: VALID.slice(0, Math.floor(VALID.length / 2)), code: 'json-syntax' },
};

let served: Served;
let browser: Browser;
let page: Page;
let watched: Watched;

beforeAll(async () => {
  for (const [name, f] of Object.entries(FILES)) writeFileSync(join(dir, name), f.text);
  served = await buildAndServe();
  const origin = served.url.replace(/\/$/, '');
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  watched = watch(page, origin);
  await page.goto(`${origin}/?e=kataib-hezbollah`, { timeout: T });
  await waitReady(page);
  await page.getByRole('heading', { name: 'Kataib Hezbollah', level: 2 }).waitFor({ timeout: T });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile files in the explorer', () => {
  it('refuses each with its problems listed, keeps the open graph, never freezes the page', async () => {
    expect(VALID).toContain('"label":"United States"');
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const before = await hook(page);
    for (const [name, want] of Object.entries(FILES)) {
      await page.setInputFiles('#import-file', join(dir, name), { timeout: T });
      await page.locator('.problems').waitFor({ timeout: 60_000 });
      await expect(page.locator('.problems h2').textContent()).resolves.toContain(`${name} was not loaded`);
      const codes = await page
        .locator('.problem.error')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      expect([name, codes]).toEqual([name, [want.code]]);
      // Located: the problem shows a line.
      await expect(page.locator('.problem.error .loc').first().textContent()).resolves.toMatch(/:\d+:\d+$/);
      const after = await hook(page);
      expect([name, after.nodes, after.edges, after.selected, after.file]).toEqual([
        name,
        before.nodes,
        before.edges,
        before.selected,
        before.file,
      ]);
      await page.getByRole('button', { name: 'Dismiss the problems' }).click({ timeout: T });
    }
    // The page still answers.
    await page.getByRole('heading', { name: 'Kataib Hezbollah', level: 2 }).waitFor({ timeout: T });
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    expect(Math.max(0, ...long)).toBeLessThan(1_000);
    expect(watched).toEqual({ foreign: [], dialogs: [], pageErrors: [], cspErrors: [] });
  }, 180_000);
});
