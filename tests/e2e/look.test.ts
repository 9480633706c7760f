// Big graphs that still read, on the small default data: colour by community
// and size by PageRank (computed in a worker, kept in the URL, the same after
// a reload), path results with the rest hidden, and relation labels that do
// not pile up on a hub. Screenshots go to test-results/screenshots/look-*.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAndServe, launch, SHOTS, type Served } from './harness.ts';
import { T, waitReady, watch, searchAndChoose, type Watched } from './page.ts';
import { COMMUNITY_COLORS, OTHER_COMMUNITY } from '../../src/ui/graph/community-palette.ts';

let served: Served;
let browser: Browser;
let context: BrowserContext;
let origin: string;
let watched: Watched;

interface Drawn {
  color: string;
  size: number;
  hidden: boolean;
  label: string;
}
interface LookHook {
  look: {
    colour: string;
    size: string;
    computing: boolean;
    communities?: { size: number; color: string; hub: string }[];
    sampled: boolean;
  };
  drawnNodes: Record<string, Drawn>;
  edgeLabels: { edge: string; source: string; target: string }[];
  visibleNodes: number;
  nodes: number;
}
const read = (p: Page): Promise<LookHook> =>
  p.evaluate(() => {
    const h = (window as unknown as { __actorgraph: LookHook }).__actorgraph;
    return {
      look: h.look,
      drawnNodes: h.drawnNodes,
      edgeLabels: h.edgeLabels,
      visibleNodes: h.visibleNodes,
      nodes: h.nodes,
    };
  });
const waitLook = (p: Page, colour: string, size: string) =>
  p.waitForFunction(
    ([c, s]) => {
      const l = (window as unknown as { __actorgraph: LookHook }).__actorgraph.look;
      return l.colour === c && l.size === s && !l.computing && (c !== 'community' || !!l.communities?.length);
    },
    [colour, size],
    { timeout: T },
  );

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const p = await context.newPage();
  await p.setViewportSize(viewport);
  watched = watch(p, origin, watched);
  await p.goto(`${origin}/${path}`, { timeout: T });
  await waitReady(p);
  return p;
}
const shot = (p: Page, name: string) => p.screenshot({ path: `${SHOTS}/look-${name}.png`, timeout: T });
const params = (p: Page) => new URL(p.url()).searchParams;

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

describe('colour by community, size by PageRank', () => {
  it('recolours and resizes the drawn nodes, keeps the choice in the URL, and draws the same after a reload', async () => {
    const p = await open('', { width: 1400, height: 900 });
    const before = await read(p);
    expect(before.look).toMatchObject({ colour: 'type', size: 'degree', computing: false });

    await p.getByRole('radio', { name: 'community' }).click({ timeout: T });
    await waitLook(p, 'community', 'degree');
    const coloured = await read(p);
    const palette = new Set<string>([...COMMUNITY_COLORS, OTHER_COMMUNITY]);
    const colours = Object.values(coloured.drawnNodes).map((d) => d.color);
    expect(colours.every((c) => palette.has(c))).toBe(true);
    // Several communities, the largest first, each drawn in its own colour.
    const comms = coloured.look.communities!;
    expect(comms.length).toBeGreaterThan(2);
    expect(comms[0]!.size).toBeGreaterThanOrEqual(comms[1]!.size);
    expect(coloured.drawnNodes[comms[0]!.hub]!.color).toBe(COMMUNITY_COLORS[0]);
    expect(new Set(colours).size).toBeGreaterThan(2);
    // Sizes unchanged so far.
    for (const [id, d] of Object.entries(before.drawnNodes)) expect(coloured.drawnNodes[id]!.size).toBe(d.size);
    expect(params(p).get('col')).toBe('community');
    // The legend names the largest community by its most connected member.
    await p.locator('.communities .legend-item').first().waitFor({ timeout: T });
    expect(await p.locator('.communities li').count()).toBeGreaterThan(2);

    await p.locator('#size-by').selectOption('pagerank', { timeout: T });
    await waitLook(p, 'community', 'pagerank');
    const sized = await read(p);
    expect(params(p).get('sz')).toBe('pagerank');
    const ids = Object.keys(before.drawnNodes);
    const changed = ids.filter((id) => Math.abs(sized.drawnNodes[id]!.size - before.drawnNodes[id]!.size) > 1e-6);
    expect(changed.length).toBeGreaterThan(0);
    const lo = Math.min(...ids.map((id) => before.drawnNodes[id]!.size)),
      hi = Math.max(...ids.map((id) => before.drawnNodes[id]!.size));
    for (const id of ids) {
      expect(sized.drawnNodes[id]!.size).toBeGreaterThanOrEqual(lo - 1e-6);
      expect(sized.drawnNodes[id]!.size).toBeLessThanOrEqual(hi + 1e-6);
    }
    await p.waitForTimeout(300);
    await shot(p, 'desktop-community-pagerank');

    // Seeded: the same link draws the same colours and sizes.
    await p.reload({ timeout: T });
    await waitReady(p);
    await waitLook(p, 'community', 'pagerank');
    const again = await read(p);
    for (const id of ids) {
      expect(again.drawnNodes[id]!.color, id).toBe(sized.drawnNodes[id]!.color);
      expect(again.drawnNodes[id]!.size, id).toBeCloseTo(sized.drawnNodes[id]!.size, 6);
    }

    // Back to type colours and degree sizes: the default look again.
    await p.getByRole('radio', { name: 'type' }).click({ timeout: T });
    await p.locator('#size-by').selectOption('degree', { timeout: T });
    await waitLook(p, 'type', 'degree');
    // The choice is state at once; the drawing takes it in the render after (an effect hands it to sigma).
    await p
      .waitForFunction(
        (want) => {
          const d = (window as unknown as { __actorgraph: LookHook }).__actorgraph.drawnNodes;
          return Object.entries(want).every(([id, size]) => d[id]?.size === size);
        },
        Object.fromEntries(ids.map((id) => [id, before.drawnNodes[id]!.size])),
        { timeout: T },
      )
      .catch(() => undefined);
    const plain = await read(p);
    for (const id of ids) {
      expect(plain.drawnNodes[id]!.color).toBe(before.drawnNodes[id]!.color);
      expect(plain.drawnNodes[id]!.size).toBe(before.drawnNodes[id]!.size);
    }
    expect([params(p).get('col'), params(p).get('sz')]).toEqual([null, null]);
    await p.close();
  });

  it('on a phone the drawing controls fit in the queries drawer', async () => {
    const p = await open('?col=community&sz=betweenness', { width: 390, height: 844 });
    await waitLook(p, 'community', 'betweenness');
    await p.getByRole('button', { name: /Queries/ }).click({ timeout: T });
    await p.waitForFunction(() => getComputedStyle(document.querySelector('.left')!).visibility === 'visible', null, {
      timeout: T,
    });
    await p.locator('#look-title').scrollIntoViewIfNeeded({ timeout: T });
    await p.waitForTimeout(300);
    for (const sel of ['.look .segmented', '#size-by', '.communities']) {
      const r = await p
        .locator(sel)
        .first()
        .evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      expect(r.left, sel).toBeGreaterThanOrEqual(0);
      expect(r.right, sel).toBeLessThanOrEqual(390);
    }
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(p, 'phone-drawing');
    await p.close();
  });
});

describe('path results', () => {
  it('hide the rest: only the entities on the paths found stay drawn, and the link says so', async () => {
    const p = await open('?q=path&from=joe-biden&to=kataib-hezbollah', { width: 1400, height: 900 });
    await p.locator('.path-results .path-result').first().waitFor({ timeout: T });
    const all = (await read(p)).visibleNodes;
    await p
      .locator('[aria-labelledby="path-outside-label"]')
      .getByRole('radio', { name: 'hide' })
      .click({ timeout: T });
    await p.waitForFunction(
      (n) => (window as unknown as { __actorgraph: LookHook }).__actorgraph.visibleNodes < n,
      all,
      { timeout: T },
    );
    const h = await read(p);
    expect(params(p).get('out')).toBe('hide');
    expect(h.drawnNodes['joe-biden']!.hidden).toBe(false);
    expect(h.drawnNodes['kataib-hezbollah']!.hidden).toBe(false);
    expect(h.visibleNodes).toBeGreaterThanOrEqual(3);
    // Every drawn entity is on a path listed in the panel.
    const listed = await p.locator('.path-results').innerText({ timeout: T });
    const shown = Object.values(h.drawnNodes).filter((d) => !d.hidden);
    expect(shown.length).toBe(h.visibleNodes);
    for (const d of shown) expect(listed).toContain(d.label);
    await p.waitForTimeout(300);
    await shot(p, 'desktop-path-hidden');
    await p.close();
  });
});

describe('a picture of what is shown', () => {
  it('SVG of paths with the rest hidden, by community: only the drawn entities, in their colours, with that legend', async () => {
    const p = await open('?col=community&q=path&from=joe-biden&to=kataib-hezbollah&out=hide', {
      width: 1400,
      height: 900,
    });
    await waitLook(p, 'community', 'degree');
    await p.locator('.path-results .path-result').first().waitFor({ timeout: T });
    await p.waitForFunction(
      () => {
        const h = (window as unknown as { __actorgraph: LookHook }).__actorgraph;
        return h.visibleNodes < h.nodes;
      },
      null,
      { timeout: T },
    );
    const h = await read(p);
    const [dl] = await Promise.all([
      p.waitForEvent('download', { timeout: T }),
      p.selectOption('#picture-format', 'image-svg', { timeout: T }),
    ]);
    const text = readFileSync((await dl.path())!, 'utf8');
    const circles = [...(text.match(/<g class="nodes">(.*?)<\/g>/s)?.[1] ?? '').matchAll(/fill="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(circles.length).toBe(h.visibleNodes);
    const palette = new Set<string>([...COMMUNITY_COLORS, OTHER_COMMUNITY]);
    expect(circles.every((c) => palette.has(c))).toBe(true);
    expect(text).toMatch(/<g class="legend"[^>]*>.*Community of/s);
    await p.close();
  });
});

describe('relation labels', () => {
  it('a hub selected shows at most four relation labels around any node', async () => {
    const p = await open('', { width: 1400, height: 900 });
    await searchAndChoose(p, 'united states', 'United States');
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph: LookHook }).__actorgraph.edgeLabels.length > 0,
      null,
      { timeout: T },
    );
    await p.waitForTimeout(500);
    const { edgeLabels } = await read(p);
    const per = new Map<string, number>();
    for (const e of edgeLabels) for (const n of new Set([e.source, e.target])) per.set(n, (per.get(n) ?? 0) + 1);
    expect(per.get('united-states')).toBeGreaterThan(0);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(4);
    await shot(p, 'desktop-hub-labels');
    await p.close();
  });
});

describe('the page', () => {
  it('raised no errors and broke no policy', () => {
    expect(watched.pageErrors).toEqual([]);
    expect(watched.cspErrors).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });
});
