// What an audit of the explorer hit, each checked: clearing From, Escape and
// a click on empty space deselecting, messages closing by themselves, hiding
// the selection's type, exporting a path search without a result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launch, type Served } from './harness.ts';
import { hook, T, waitReady, watch, type Watched } from './page.ts';

let served: Served;
let browser: Browser;
let origin: string;
let watched: Watched;

beforeAll(async () => {
  served = await buildAndServe();
  origin = served.url.replace(/\/$/, '');
  browser = await launch();
  watched = { foreign: [], dialogs: [], pageErrors: [], cspErrors: [] };
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function open(path: string): Promise<Page> {
  const p = await (
    await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })
  ).newPage();
  watched = watch(p, origin, watched);
  await p.goto(`${origin}/${path}`, { timeout: T });
  await waitReady(p);
  return p;
}
const param = (p: Page, k: string) => new URL(p.url()).searchParams.get(k);

describe('audit', () => {
  it('clearing From in the path panel drops it from the address and the paths listed', async () => {
    const p = await open('?q=path&from=joe-biden&to=kataib-hezbollah');
    await p.locator('.path-result').first().waitFor({ timeout: T });
    await p.locator('#path-from').fill('', { timeout: T });
    await p.waitForFunction(() => !new URL(location.href).searchParams.has('from'), null, { timeout: T });
    await p.waitForFunction(() => document.querySelectorAll('.path-result').length === 0, null, { timeout: T });
    expect(param(p, 'to')).toBe('kataib-hezbollah');
    await p.close();
  });

  it('Escape deselects, and so does a click on empty space', async () => {
    const p = await open('?e=iran');
    await p.locator('body').press('Escape');
    await p.waitForFunction(() => !new URL(location.href).searchParams.has('e'), null, { timeout: T });
    await p.goto(`${origin}/?e=iran`, { timeout: T });
    await waitReady(p);
    const box = (await p.locator('.sigma').boundingBox())!;
    // A corner of the drawing holds no node.
    await p.mouse.click(box.x + 6, box.y + box.height - 6);
    await p.waitForFunction(() => !new URL(location.href).searchParams.has('e'), null, { timeout: T });
    expect((await hook(p)).selected).toBeUndefined();
    await p.close();
  });

  it("hiding the selected entity's type closes its panel", async () => {
    const p = await open('?e=iran');
    await p.getByRole('heading', { name: 'Iran', exact: true }).first().waitFor({ timeout: T });
    await p.getByTitle('Hide State', { exact: true }).click({ timeout: T });
    await p.waitForFunction(() => !new URL(location.href).searchParams.has('e'), null, { timeout: T });
    await p.getByRole('heading', { name: 'No entity selected' }).waitFor({ timeout: T });
    await p.close();
  });

  it('exporting a path search that found nothing downloads nothing and says so', async () => {
    const p = await open('?q=path&from=joe-biden&to=kataib-hezbollah&pp=located-in');
    await p
      .getByText(/No path/i)
      .first()
      .waitFor({ timeout: T });
    let downloads = 0;
    p.on('download', () => downloads++);
    await p.getByRole('button', { name: 'Export' }).click({ timeout: T });
    await p.locator('.toast', { hasText: 'nothing to export' }).waitFor({ timeout: T });
    expect(downloads).toBe(0);
    await p.close();
  });

  it('a message closes by itself', async () => {
    const p = await open('?q=path&from=joe-biden&to=kataib-hezbollah&pp=located-in');
    await p
      .getByText(/No path/i)
      .first()
      .waitFor({ timeout: T });
    await p.getByRole('button', { name: 'Export' }).click({ timeout: T });
    const toast = p.locator('.toast', { hasText: 'nothing to export' });
    await toast.waitFor({ timeout: T });
    await toast.waitFor({ state: 'detached', timeout: 15_000 });
    await p.close();
  }, 40_000);

  it('Escape, then `/` and quick typing, opens the list of matches', async () => {
    const p = await open('');
    const box = p.locator('#search');
    await box.click({ timeout: T });
    await box.press('Escape', { timeout: T });
    await p.keyboard.press('/');
    await p.keyboard.type('kataib');
    // The list must still be open well after the blur's grace period.
    await p.waitForTimeout(400);
    await p.locator('#search-list [role=option]', { hasText: 'Kataib Hezbollah' }).first().waitFor({ timeout: T });
    await p.close();
  });

  it('typing in From at once after emptying it keeps every letter, even when the page lags', async () => {
    const p = await open('?e=iran');
    // Each render's effects come late, as on a loaded machine.
    await p.evaluate(() => {
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) =>
        raf(() => {
          const t = performance.now();
          while (performance.now() - t < 60);
          cb(performance.now());
        });
    });
    await p.getByRole('tab', { name: 'Path' }).click({ timeout: T });
    await p.locator('#path-from').fill('', { timeout: T });
    await p.locator('#path-from').pressSequentially('joe biden', { timeout: T });
    await p.waitForTimeout(500);
    expect(await p.locator('#path-from').inputValue()).toBe('joe biden');
    await p.locator('#path-from-list [role=option]', { hasText: 'Joe Biden' }).first().waitFor({ timeout: T });
    await p.close();
  });

  it("following a relation's link puts focus on the entity it leads to", async () => {
    const p = await open('?e=iran');
    await p.getByRole('heading', { name: 'Iran', exact: true, level: 2 }).waitFor({ timeout: T });
    const link = p.locator('.entity-panel .entity-link').first();
    const name = (await link.textContent())!.trim();
    await link.focus({ timeout: T });
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name, exact: true, level: 2 }).waitFor({ timeout: T });
    await p.waitForFunction(() => document.activeElement?.id === 'entity-title', null, { timeout: T });
    expect(await p.evaluate(() => document.activeElement?.textContent?.trim())).toBe(name);
    await p.close();
  });

  it('left no page errors', () => {
    expect(watched.pageErrors).toEqual([]);
  });
});
