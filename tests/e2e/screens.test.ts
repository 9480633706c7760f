// The explorer on a phone, small laptops and a desktop: it draws at every size
// (and after shrinking), the graph gets most of the width, the zoom buttons sit
// on the graph, the side panels open as drawers, and the relations table and
// timeline stay usable. Screenshots go to test-results/screenshots/screens-*.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAndServe, launch, SHOTS, type Served } from './harness.ts';
import { T, waitReady, watch, searchAndChoose, type Watched } from './page.ts';

let served: Served;
let browser: Browser;
let context: BrowserContext;
let origin: string;
let watched: Watched;

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop-1024', width: 1024, height: 700 },
  { name: 'laptop-1280', width: 1280, height: 720 },
  { name: 'desktop', width: 1400, height: 900 },
] as const;

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const p = await context.newPage();
  await p.setViewportSize(viewport);
  watched = watch(p, origin, watched);
  await p.goto(`${origin}/${path}`, { timeout: T });
  await waitReady(p);
  return p;
}
const shot = (p: Page, name: string) => p.screenshot({ path: `${SHOTS}/screens-${name}.png`, timeout: T });
const box = (p: Page, sel: string) =>
  p
    .locator(sel)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, right: r.right, bottom: r.bottom };
    });
const visible = (p: Page, sel: string) =>
  p
    .locator(sel)
    .first()
    .evaluate(
      (el) =>
        getComputedStyle(el).visibility !== 'hidden' &&
        el.getBoundingClientRect().right > 0 &&
        el.getBoundingClientRect().left < innerWidth &&
        el.getBoundingClientRect().top < innerHeight,
    );

beforeAll(async () => {
  served = await buildAndServe();
  origin = served.url.replace(/\/$/, '');
  browser = await launch();
  context = await browser.newContext({ acceptDownloads: true });
  watched = { foreign: [], dialogs: [], pageErrors: [], cspErrors: [] };
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('every screen', () => {
  for (const size of SIZES) {
    it(`draws at ${size.width}×${size.height}; the graph has most of the width; zoom buttons on the graph`, async () => {
      const p = await open('', size);
      const stage = await box(p, '.stage');
      const canvas = await box(p, '.sigma canvas');
      expect(canvas.w).toBeGreaterThan(100);
      if (size.width <= 1280) expect(stage.w / size.width).toBeGreaterThan(0.55);
      const controls = await box(p, '.stage-controls');
      expect(controls.x).toBeGreaterThanOrEqual(stage.x);
      expect(controls.right).toBeLessThanOrEqual(stage.right + 1);
      expect(controls.bottom).toBeLessThanOrEqual(stage.bottom + 1);
      // Nothing on the page is wider than the screen.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      // The data's name is shown whole, or not at all in the bar (then the tab's title and the Queries panel have it).
      const name = await p.evaluate(() => {
        const el = document.querySelector<HTMLElement>('.dataset-title');
        const shown = !!el && el.offsetWidth > 0;
        return { shown, width: el?.clientWidth ?? 0, full: el?.title ?? '', title: document.title };
      });
      expect(name.title).toMatch(/ — actorgraph$/);
      // The search box keeps room to type in.
      expect((await box(p, '#search')).w).toBeGreaterThanOrEqual(size.width > 760 ? 170 : 300);
      // Cut, it still reads (not "U."), and the whole name is one hover away.
      if (name.shown && size.width > 760) expect(name.width).toBeGreaterThanOrEqual(150);
      expect(name.full).toContain(name.title.replace(/ — actorgraph$/, ''));
      if (!name.shown)
        expect(await p.locator('.hint-box .data-name').textContent()).toBe(name.title.replace(/ — actorgraph$/, ''));
      await shot(p, `${size.name}`);
      await p.close();
    });
  }

  it('a phone: the queries and the selection open as drawers, and close with Escape or their button', async () => {
    const p = await open('', { width: 390, height: 844 });
    expect(await visible(p, '.left')).toBe(false);
    expect(await visible(p, '.right')).toBe(false);
    await p.getByRole('button', { name: /Queries/ }).click({ timeout: T });
    await p.waitForFunction(() => getComputedStyle(document.querySelector('.left')!).visibility === 'visible', null, {
      timeout: T,
    });
    await p.waitForTimeout(300);
    await shot(p, 'phone-queries');
    await p.keyboard.press('Escape');
    await p.waitForFunction(() => getComputedStyle(document.querySelector('.left')!).visibility === 'hidden', null, {
      timeout: T,
    });
    await searchAndChoose(p, 'kataib', 'Kataib Hezbollah');
    await p.waitForFunction(() => getComputedStyle(document.querySelector('.right')!).visibility === 'visible', null, {
      timeout: T,
    });
    await p.locator('.right .entity-panel, .right h2').first().waitFor({ timeout: T });
    await p.waitForTimeout(400);
    await shot(p, 'phone-details');
    await p.getByRole('button', { name: 'Close the panel' }).last().click({ timeout: T });
    await p.waitForFunction(() => getComputedStyle(document.querySelector('.right')!).visibility === 'hidden', null, {
      timeout: T,
    });
    // Still selected: the details come back from the button over the graph.
    await p.getByRole('button', { name: /^Details:/ }).click({ timeout: T });
    await p.waitForFunction(() => getComputedStyle(document.querySelector('.right')!).visibility === 'visible', null, {
      timeout: T,
    });
    await p.close();
  });

  it('a phone: the relations table and the timeline fit the screen', async () => {
    const p = await open('?bot=relations', { width: 390, height: 844 });
    await p.locator('.relations-table tbody tr').first().waitFor({ timeout: T });
    const dock = await box(p, '.dock');
    expect(dock.right).toBeLessThanOrEqual(391);
    expect(dock.bottom).toBeLessThanOrEqual(845);
    expect((await box(p, '.sigma canvas')).h).toBeGreaterThan(200);
    await shot(p, 'phone-relations');
    await p.getByRole('tab', { name: 'Timeline' }).click({ timeout: T });
    await p.locator('.timeline-bar').waitFor({ timeout: T });
    expect((await box(p, '.timeline-bar')).right).toBeLessThanOrEqual(391);
    await shot(p, 'phone-timeline');
    await p.close();
  });

  it('shrinking a drawn page to nothing and back never breaks the drawing', async () => {
    const p = await open('', { width: 1400, height: 900 });
    await p.setViewportSize({ width: 600, height: 800 });
    await p.evaluate(() => {
      (document.querySelector('.stage') as HTMLElement).style.display = 'none';
    });
    await p.waitForTimeout(200);
    await p.evaluate(() => {
      (document.querySelector('.stage') as HTMLElement).style.display = '';
    });
    await p.setViewportSize({ width: 390, height: 844 });
    await p.waitForTimeout(300);
    expect((await box(p, '.sigma canvas')).w).toBeGreaterThan(300);
    expect(await p.locator('main.fatal').count()).toBe(0);
    await p.close();
  });

  it('left no page errors', () => {
    expect(watched.pageErrors).toEqual([]);
    expect(watched.cspErrors).toEqual([]);
  });
});

describe('readable pictures', () => {
  for (const size of [
    { width: 1400, height: 900 },
    { width: 1024, height: 700 },
    { width: 390, height: 844 },
  ]) {
    it(`the default view's labels at ${size.width}×${size.height} neither overlap nor run off the edges`, async () => {
      const p = await open('', size);
      await p.waitForTimeout(500);
      // Labels are placed a frame after a resize: read them once placed for the size drawn.
      await p.waitForFunction(
        () => {
          type Size = { width: number; height: number };
          const h = (window as unknown as { __actorgraph: { labelsPlacedIn?: Size; viewport?: Size } }).__actorgraph;
          return h.labelsPlacedIn?.width === h.viewport?.width && h.labelsPlacedIn?.height === h.viewport?.height;
        },
        null,
        { timeout: 10_000, polling: 50 },
      );
      const { boxes, vp } = await p.evaluate(() => {
        const h = (
          window as unknown as {
            __actorgraph: {
              labelBoxes: { node: string; x: number; y: number; w: number; h: number }[];
              viewport: { width: number; height: number };
            };
          }
        ).__actorgraph;
        return { boxes: h.labelBoxes, vp: h.viewport };
      });
      expect(boxes.length).toBeGreaterThan(size.width < 500 ? 5 : 15);
      const overlapping = boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
          .map((b) => [a.node, b.node]),
      );
      expect(overlapping).toEqual([]);
      const cut = boxes
        .filter((b) => b.x < 0 || b.y < 0 || b.x + b.w > vp.width || b.y + b.h > vp.height)
        .map((b) => b.node);
      expect(cut).toEqual([]);
      await p.close();
    });
  }
});

describe('drag', () => {
  it('a node dragged moves (its label with it) and the camera stays', async () => {
    const p = await open('', { width: 1400, height: 900 });
    await p.waitForTimeout(500);
    type B = { node: string; x: number; y: number; w: number; h: number };
    const boxes = () =>
      p.evaluate(() => (window as unknown as { __actorgraph: { labelBoxes: B[] } }).__actorgraph.labelBoxes);
    const canvas = (await p.locator('.sigma').boundingBox())!;
    // A label placed right of its node: the node's edge is just left of the label.
    const b = (await boxes()).find((x) => x.x > 100 && x.y > 100 && x.y < canvas.height - 150)!;
    const camera = await p.evaluate(
      () => (window as unknown as { __actorgraph: { camera: unknown } }).__actorgraph.camera,
    );
    await p.mouse.move(canvas.x + b.x - 5, canvas.y + b.y + b.h / 2);
    await p.mouse.down();
    await p.mouse.move(canvas.x + b.x - 5 + 40, canvas.y + b.y + b.h / 2 + 60, { steps: 8 });
    await p.mouse.up();
    await p.waitForTimeout(400);
    const after = (await boxes()).find((x) => x.node === b.node);
    expect(after).toBeDefined();
    expect(after!.y - b.y).toBeGreaterThan(25);
    expect(
      await p.evaluate(() => (window as unknown as { __actorgraph: { camera: unknown } }).__actorgraph.camera),
    ).toEqual(camera);
    await p.close();
  });
});
