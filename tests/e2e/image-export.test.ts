// Pictures of the view, beside the Export menu: a PNG at 1× and 2× with the
// graph's colours in it, and an SVG with a node per drawn entity and the drawn labels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launch, SHOTS, type Served } from './harness.ts';
import { hook, T, waitReady, watch, type Watched } from './page.ts';
import { decodePng } from './png.ts';

let served: Served;
let browser: Browser;
let page: Page;
let watched: Watched;

beforeAll(async () => {
  served = await buildAndServe();
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true })).newPage();
  watched = watch(page, served.url.replace(/\/$/, ''));
  await page.goto(`${served.url.replace(/\/$/, '')}/?e=kataib-hezbollah`, { timeout: T });
  await waitReady(page);
  await page.waitForTimeout(500);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function exportAs(format: string) {
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: T }),
    page.selectOption('#picture-format', format, { timeout: T }),
  ]);
  return { name: dl.suggestedFilename(), path: (await dl.path())! };
}

describe('image export', () => {
  it('PNG: the view as drawn, with a title band and a legend; 2× has twice the pixels', async () => {
    const one = await exportAs('image-png');
    expect(one.name).toBe('actorgraph-graph.png');
    copyFileSync(one.path, `${SHOTS}/export-view.png`);
    const img = decodePng(readFileSync(one.path));
    const { width } = await page.evaluate(
      () => (window as unknown as { __actorgraph: { viewport: { width: number } } }).__actorgraph.viewport,
    );
    expect(img.width).toBe(width);
    // The graph is drawn: many coloured pixels between the title band and the legend.
    let coloured = 0;
    for (let y = 50; y < img.height - 100; y++)
      for (let x = 0; x < img.width; x++) {
        const i = (y * img.width + x) * img.channels;
        if (img.data[i]! < 200 || img.data[i + 1]! < 200 || img.data[i + 2]! < 200) coloured++;
      }
    expect(coloured).toBeGreaterThan(5000);
    const two = decodePng(readFileSync((await exportAs('image-png-2x')).path));
    expect(two.width).toBe(img.width * 2);
  });

  it('SVG: a circle per entity drawn, the drawn labels as text, the title and the legend', async () => {
    const svg = await exportAs('image-svg');
    expect(svg.name).toBe('actorgraph-graph.svg');
    copyFileSync(svg.path, `${SHOTS}/export-view.svg`);
    const text = readFileSync(svg.path, 'utf8');
    const h = await hook(page);
    const nodes = (text.match(/<g class="nodes">(.*?)<\/g>/s)?.[1] ?? '').match(/<circle /g)?.length ?? 0;
    expect(nodes).toBe(h.visibleNodes);
    expect(text).toContain('Kataib Hezbollah');
    expect(text).toContain('US airstrike on Iran-backed militias');
    expect(text).toMatch(/<g class="legend"[^>]*>.*Person/s);
  });

  it('left no page errors', () => {
    expect(watched.pageErrors).toEqual([]);
  });
});
