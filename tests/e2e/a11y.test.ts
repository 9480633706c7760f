// Accessibility: no serious or critical axe-core violation on the main views
// (axe-core runs inside the page), skip links, tabs that follow the arrow
// keys, a list of the drawn entities as the canvas's alternative, and `?`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launch, type Served } from './harness.ts';
import { T, waitReady, watch, type Watched } from './page.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
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

async function open(path: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const p = await (await browser.newContext({ viewport })).newPage();
  watched = watch(p, origin, watched);
  await p.goto(`${origin}/${path}`, { timeout: T });
  await waitReady(p);
  await p.waitForTimeout(300);
  return p;
}

/** Serious and critical violations, as "rule: target" lines. */
async function axe(p: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's CSP does not apply.
  await p.evaluate(AXE);
  return p.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: {
          run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run({ resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

describe('accessibility', () => {
  const views = [
    ['the default view', ''],
    ['an entity selected', '?e=kataib-hezbollah'],
    ['a neighbourhood', '?e=kataib-hezbollah&q=neighbourhood&d=2'],
    ['a path', '?q=path&from=joe-biden&to=kataib-hezbollah'],
    ['the relations table', '?bot=relations'],
  ] as const;
  for (const [name, path] of views) {
    it(`${name}: no serious or critical axe-core violation`, async () => {
      const p = await open(path);
      expect(await axe(p)).toEqual([]);
      await p.close();
    });
  }

  it('colour by community, with its legend, and size by PageRank: no serious or critical violation', async () => {
    const p = await open('?col=community&sz=pagerank&q=path&from=joe-biden&to=kataib-hezbollah&out=hide');
    await p.locator('.communities .legend-item').first().waitFor({ timeout: T });
    expect(await axe(p)).toEqual([]);
    await p.close();
  });

  it('a phone with the queries drawer open: no serious or critical violation', async () => {
    const p = await open('', { width: 390, height: 844 });
    await p.getByRole('button', { name: /Queries/ }).click({ timeout: T });
    await p.waitForTimeout(300);
    expect(await axe(p)).toEqual([]);
    await p.close();
  });

  it('left no page errors', () => {
    expect(watched.pageErrors).toEqual([]);
  });
});

describe('keyboard', () => {
  it('the query tabs follow the arrow keys, Home and End', async () => {
    const p = await open('');
    await p.getByRole('tab', { name: 'Explore' }).focus();
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'neighbourhood', null, {
      timeout: T,
    });
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('tab-neighbourhood');
    await p.keyboard.press('End');
    await p.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'path', null, { timeout: T });
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction(() => !new URL(location.href).searchParams.has('q'), null, { timeout: T });
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('tab-none');
    await p.close();
  });

  it('a skip link leads to the list of drawn entities, which selects them', async () => {
    const p = await open('');
    await p.keyboard.press('Tab');
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the list of drawn entities');
    await p.keyboard.press('Enter');
    await p.keyboard.press('Tab');
    const list = p.getByRole('navigation', { name: 'Entities drawn' });
    expect(await list.isVisible()).toBe(true);
    expect(await list.getByRole('button').count()).toBe(121);
    await list.getByRole('button', { name: /^Kataib Hezbollah \(/ }).click({ timeout: T });
    await p.waitForFunction(() => new URL(location.href).searchParams.get('e') === 'kataib-hezbollah', null, {
      timeout: T,
    });
    await p.close();
  });

  it('? opens the sheet of shortcuts; Escape closes it and leaves the selection', async () => {
    const p = await open('?e=iran');
    await p.locator('body').press('?');
    const sheet = p.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor({ timeout: T });
    expect(await axe(p)).toEqual([]);
    await p.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached', timeout: T });
    expect(new URL(p.url()).searchParams.get('e')).toBe('iran');
    await p.close();
  });
});
