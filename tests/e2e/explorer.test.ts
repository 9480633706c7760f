// The explorer end to end in headless Chromium: drawing, search, click-through,
// queries, export/import, shared URLs, and the security properties (same origin
// only, no dialogs, no script from data, CSP respected).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAndServe, launch, SHOTS, ROOT, type Served } from './harness.ts';
import { decodePng, countInk } from './png.ts';
import { parseDataset, parseSchema } from '../../src/core/validate.ts';
import { loadDefault } from '../../src/node/load.ts';
import { findPaths, describePath } from '../../src/core/paths.ts';
import { neighbourhood } from '../../src/core/neighbourhood.ts';

const T = 15_000;
let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let origin: string;
const foreign: string[] = [];
const dialogs: string[] = [];
const pageErrors: string[] = [];
const cspErrors: string[] = [];

const schema = parseSchema(readFileSync(resolve(ROOT, 'graph-data/schema.json'), 'utf8'), 'schema.json').schema!;
const core = loadDefault();

interface Hook {
  ready: boolean;
  layoutRunning: boolean;
  nodes: number;
  edges: number;
  entities: number;
  selected?: string;
  visibleNodes: number;
  highlightedEdges: number;
  file?: string;
}
const hook = (p: Page = page) => p.evaluate(() => ({ ...(window as unknown as { __actorgraph: Hook }).__actorgraph }));
const shot = (name: string, p: Page = page) => p.screenshot({ path: `${SHOTS}/${name}.png`, timeout: T });
const waitReady = (p: Page) =>
  p.waitForFunction(() => (window as unknown as { __actorgraph?: Hook }).__actorgraph?.ready === true, null, {
    timeout: T,
  });

function watch(p: Page): void {
  p.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'blob:' && u.protocol !== 'data:' && u.origin !== origin) foreign.push(r.url());
  });
  p.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  p.on('pageerror', (e) => pageErrors.push(e.message));
  p.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspErrors.push(m.text());
  });
}

async function newPage(path = ''): Promise<Page> {
  const p = await context.newPage();
  watch(p);
  await p.goto(`${origin}/${path}`, { timeout: T });
  await waitReady(p);
  return p;
}

async function searchAndChoose(p: Page, text: string, label: string): Promise<void> {
  await p.keyboard.press('/');
  await p.keyboard.type(text);
  const option = p.getByRole('option', { name: new RegExp(label) }).first();
  await option.waitFor({ timeout: T });
  await option.click({ timeout: T });
}

async function importFile(name: string, text: string): Promise<void> {
  const path = resolve(SHOTS, '..', name);
  writeFileSync(path, text);
  await page.setInputFiles('#import-file', path, { timeout: T });
}

beforeAll(async () => {
  served = await buildAndServe();
  origin = served.url.replace(/\/$/, '');
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page = await newPage();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('explorer', () => {
  it('draws the default graph under a strict CSP', async () => {
    const h = await hook();
    expect(h.nodes).toBe(core.store.entityCount);
    expect(h.edges).toBe(core.store.tripleCount);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content', { timeout: T });
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // The loader worker (spoken to through Comlink) runs under this policy: no eval anywhere.
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toContain('unsafe-eval');
    await page.waitForTimeout(500);
    const png = await page.locator('.sigma').screenshot({ timeout: T });
    const img = decodePng(png);
    const ink = countInk(img, [0xfb, 0xfc, 0xfd]);
    expect(ink / (img.width * img.height)).toBeGreaterThan(0.01);
    await shot('graph');
  });

  it('searches "kataib" and shows Kataib Hezbollah backed by Iran', async () => {
    await searchAndChoose(page, 'kataib', 'Kataib Hezbollah');
    await page.getByRole('heading', { name: 'Kataib Hezbollah', level: 2 }).waitFor({ timeout: T });
    const group = page.locator('.rel-group', { has: page.locator('h3 .pred', { hasText: /^backed by$/ }) });
    await expect(group.getByRole('button', { name: /^Iran$/ }).count()).resolves.toBe(1);
    expect(new URL(page.url()).searchParams.get('e')).toBe('kataib-hezbollah');
    expect((await hook()).selected).toBe('kataib-hezbollah');
    // Attribution is shown with the relation.
    await expect(page.locator('.entity-panel').textContent()).resolves.toContain('according to John Kirby');
    await shot('entity');
  });

  it('clicks through to Iran, and back/forward walk the selection', async () => {
    const group = page.locator('.rel-group', { has: page.locator('h3 .pred', { hasText: /^backed by$/ }) });
    await group.getByRole('button', { name: /^Iran$/ }).click({ timeout: T });
    await page.getByRole('heading', { name: 'Iran', exact: true, level: 2 }).waitFor({ timeout: T });
    await expect(page.locator('.rel-group h3 .pred', { hasText: /^backs$/ }).count()).resolves.toBe(1);
    await page.goBack({ timeout: T });
    await page.getByRole('heading', { name: 'Kataib Hezbollah', level: 2 }).waitFor({ timeout: T });
    await page.goForward({ timeout: T });
    await page.getByRole('heading', { name: 'Iran', exact: true, level: 2 }).waitFor({ timeout: T });
  });

  it("shows a relation's evidence highlighted in the source text", async () => {
    await page.locator('.relation').first().getByRole('button', { name: 'in source' }).click({ timeout: T });
    const mark = page.locator('.source-view mark');
    await mark.waitFor({ timeout: T });
    const quote = await page.locator('.relation.selected .evidence').textContent({ timeout: T });
    const norm = (s: string | null) =>
      (s ?? '')
        .replace(/[\u2018\u2019]/g, "'")
        .replace(/[\u201C\u201D]/g, '"')
        .replace(/\s+/g, ' ')
        .trim();
    expect(norm(await mark.textContent())).toBe(norm(quote));
  });

  it('runs a neighbourhood query with counts, in the URL', async () => {
    await page.getByRole('tab', { name: 'Neighbourhood' }).click({ timeout: T });
    await page.getByRole('radio', { name: '2' }).click({ timeout: T });
    await page.getByRole('radio', { name: 'hide' }).click({ timeout: T });
    const count = page.locator('.nb-count');
    await count.waitFor({ timeout: T });
    const expected = neighbourhood(core.store, { from: ['iran'], depth: 2, direction: 'both', limit: 2000 });
    await page.waitForFunction(
      (n) => document.querySelector('.nb-count')?.textContent === `${n} entities`,
      expected.entities.length,
      { timeout: T },
    );
    const u = new URL(page.url()).searchParams;
    expect([u.get('q'), u.get('d'), u.get('out'), u.get('e')]).toEqual(['neighbourhood', '2', 'hide', 'iran']);
    await page.waitForFunction(
      (n) => (window as unknown as { __actorgraph: Hook }).__actorgraph.visibleNodes === n,
      expected.entities.length,
      { timeout: T },
    );
    await page.waitForTimeout(600);
    await shot('neighbourhood');
  });

  it('finds paths from Joe Biden to Kataib Hezbollah, as chains, highlighted', async () => {
    await page.getByRole('tab', { name: 'Path' }).click({ timeout: T });
    for (const [id, text, label] of [
      ['#path-from', 'joe biden', 'Joe Biden'],
      ['#path-to', 'kataib hez', 'Kataib Hezbollah'],
    ] as const) {
      await page.fill(id, '', { timeout: T });
      await page.locator(id).pressSequentially(text, { timeout: T });
      const opt = page.locator(`${id}-list [role=option]`, { hasText: label }).first();
      await opt.waitFor({ timeout: T });
      await opt.click({ timeout: T });
    }
    const first = page.locator('.path-result').first();
    await first.waitFor({ timeout: T });
    const answer = findPaths(core.store, { from: 'joe-biden', to: 'kataib-hezbollah', mode: 'k-shortest', k: 3 });
    const labelOf = (id: string) => core.store.entity(id)!.label;
    const want = describePath(answer.paths[0]!, labelOf, core.store.schema);
    expect((await first.locator('.chain').textContent())?.replace(/\s+/g, ' ').trim()).toBe(want);
    expect(want.startsWith('Joe Biden —')).toBe(true);
    expect(await page.locator('.path-result').count()).toBe(answer.paths.length);
    await page.waitForFunction(
      (n) => (window as unknown as { __actorgraph: Hook }).__actorgraph.highlightedEdges >= n,
      answer.paths[0]!.length,
      { timeout: T },
    );
    const u = new URL(page.url()).searchParams;
    expect([u.get('q'), u.get('from'), u.get('to')]).toEqual(['path', 'joe-biden', 'kataib-hezbollah']);
    await page.waitForTimeout(600);
    await shot('path');
  });

  it('restores the view from a shared URL', async () => {
    const url = page.url();
    const p2 = await newPage(url.slice(origin.length + 1));
    await p2.locator('.path-result').first().waitFor({ timeout: T });
    expect(await p2.getByRole('tab', { name: 'Path' }).getAttribute('aria-selected')).toBe('true');
    await p2.getByRole('heading', { name: 'Iran', exact: true, level: 2 }).waitFor({ timeout: T });
    expect(await p2.locator('.source-view mark').count()).toBe(1);
    await p2.close();
  });

  it('says which parts of a link the data does not have, and drops them from the address bar', async () => {
    const p2 = await newPage('?e=atlantis&q=neighbourhood&hide=dragon,state');
    const toast = p2.locator('.toast', { hasText: 'The link names an entity not in this data: “atlantis”' });
    await toast.waitFor({ timeout: T });
    expect(await toast.textContent()).toContain('a type not in this data: “dragon”');
    await p2.waitForFunction(() => new URLSearchParams(location.search).get('e') === null, null, { timeout: T });
    const u = new URL(p2.url()).searchParams;
    expect(u.get('q')).toBe('neighbourhood');
    expect(u.get('hide')).toBe('state');
    expect(await p2.getByRole('heading', { name: 'No entity selected' }).count()).toBe(1);
    await p2.close();
  });

  it('exports the current view as a dataset that validates and loads back', async () => {
    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: T }),
      page.getByRole('button', { name: 'Export' }).click({ timeout: T }),
    ]);
    expect(dl.suggestedFilename()).toBe('actorgraph-path-joe-biden-kataib-hezbollah.json');
    const file = resolve(SHOTS, '..', dl.suggestedFilename());
    await dl.saveAs(file);
    const text = readFileSync(file, 'utf8');
    const r = parseDataset(text, { file, defaultSchema: schema });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    const entities = r.dataset!.entities.length;

    await page.selectOption('#export-format', 'graphology', { timeout: T });
    const [dl2] = await Promise.all([
      page.waitForEvent('download', { timeout: T }),
      page.getByRole('button', { name: 'Export' }).click({ timeout: T }),
    ]);
    expect(dl2.suggestedFilename()).toBe('actorgraph-path-joe-biden-kataib-hezbollah-graphology.json');
    await page.selectOption('#export-format', 'dataset', { timeout: T });

    await page.setInputFiles('#import-file', file, { timeout: T });
    await page.waitForFunction(
      (n) => (window as unknown as { __actorgraph: Hook }).__actorgraph.nodes === n,
      entities,
      { timeout: T },
    );
    await page.locator('.toast', { hasText: 'Opened' }).waitFor({ timeout: T });
    // A fresh state: only the name of the data, once it is kept in the browser.
    await page.waitForFunction(() => location.search !== '', null, { timeout: T });
    expect(new URL(page.url()).search).toMatch(/^\?ds=[0-9a-f]{32}$/);
  });

  it('lists located errors for broken files and keeps the graph', async () => {
    const before = (await hook()).nodes;
    const good = readFileSync(resolve(ROOT, 'graph-data/dataset.json'), 'utf8');
    await importFile('truncated.json', good.slice(0, Math.floor(good.length / 2)));
    await page.locator('.problems').waitFor({ timeout: T });
    await expect(page.locator('.problems h2').textContent()).resolves.toContain('truncated.json was not loaded');
    await expect(page.locator('.problem .loc').first().textContent()).resolves.toMatch(/^truncated\.json:\d+:\d+$/);
    expect((await hook()).nodes).toBe(before);
    await page.getByRole('button', { name: 'Dismiss the problems' }).click({ timeout: T });

    const ds = JSON.parse(good);
    ds.triples[0].predicate = 'is-friends-with';
    await importFile('unknown-predicate.json', JSON.stringify(ds, null, 2));
    await page.locator('.problems').waitFor({ timeout: T });
    const jpaths = await page.locator('.problem .jpath').allTextContents();
    expect(jpaths).toContain('triples[0].predicate');
    await expect(
      page.locator('.problem', { hasText: 'triples[0].predicate' }).first().locator('.loc').textContent(),
    ).resolves.toMatch(/^unknown-predicate\.json:\d+:\d+$/);
    await expect(
      page.locator('.problem', { hasText: 'triples[0].predicate' }).first().locator('.fix').textContent(),
    ).resolves.toMatch(/fix: \S/);
    expect((await hook()).nodes).toBe(before);
    await shot('import-errors');
    await page.getByRole('button', { name: 'Dismiss the problems' }).click({ timeout: T });
  });

  it('renders hostile strings from a file as text, never as markup', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    const ds = {
      format: 'actorgraph/dataset',
      version: 1,
      title: `Hostile ${payload}`,
      sources: [{ id: 's', title: `Source ${payload}`, text: `It says ${payload} backs the other.` }],
      entities: [
        { id: 'evil', label: `Evil ${payload}`, type: 'person', description: payload },
        { id: 'other', label: 'Other', type: 'person' },
      ],
      triples: [{ subject: 'evil', predicate: 'met-with', object: 'other', source: 's', evidence: `${payload} backs` }],
    };
    // Use a predicate that exists between two persons in the default schema.
    const pred = schema.predicates.find(
      (p) =>
        p.domain.some((d) => ['person', 'actor'].includes(d)) && p.range.some((d) => ['person', 'actor'].includes(d)),
    )!;
    ds.triples[0]!.predicate = pred.id;
    await importFile('hostile.json', JSON.stringify(ds));
    await page.locator('.toast', { hasText: 'Opened hostile.json' }).waitFor({ timeout: T });
    await searchAndChoose(page, 'evil', 'Evil');
    await page.locator('.entity-panel h2').waitFor({ timeout: T });
    expect(await page.locator('.entity-panel h2').textContent()).toBe(`Evil ${payload}`);
    expect(await page.locator('.entity-panel .evidence').first().textContent()).toBe(`${payload} backs`);
    expect(await page.locator('.entity-panel img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('merges a second file into the current data when asked', async () => {
    const before = (await hook()).nodes;
    const extra = {
      format: 'actorgraph/dataset',
      version: 1,
      sources: [{ id: 'note', title: 'Analyst note', text: 'Alice met Bob in Geneva.' }],
      entities: [
        { id: 'alice', label: 'Alice', type: 'person' },
        { id: 'bob', label: 'Bob', type: 'person' },
      ],
      triples: [
        { subject: 'alice', predicate: 'spoke-with', object: 'bob', source: 'note', evidence: 'Alice met Bob' },
      ],
    };
    await page.selectOption('#import-mode', 'merge', { timeout: T });
    await importFile('extra.json', JSON.stringify(extra));
    await page.locator('.toast', { hasText: 'Merged extra.json' }).waitFor({ timeout: T });
    expect((await hook()).nodes).toBe(before + 2);
    await page.selectOption('#import-mode', 'replace', { timeout: T });
  });

  it('re-runs the layout with a visible indicator, and stops it', async () => {
    await page.getByRole('button', { name: 'Run the ForceAtlas2 layout again' }).click({ timeout: T });
    const stop = page.getByRole('button', { name: 'Stop the layout' });
    await stop.waitFor({ timeout: T });
    expect((await hook()).layoutRunning).toBe(true);
    await stop.click({ timeout: T });
    await page.getByRole('button', { name: 'Run the ForceAtlas2 layout again' }).waitFor({ timeout: T });
    expect((await hook()).layoutRunning).toBe(false);
    // Left alone, it stops by itself once settled (or at its time budget).
    await page.getByRole('button', { name: 'Run the ForceAtlas2 layout again' }).click({ timeout: T });
    await page.waitForFunction(
      () => (window as unknown as { __actorgraph: Hook }).__actorgraph.layoutRunning === false,
      null,
      { timeout: T },
    );
  });

  it('says plainly when WebGL is unavailable', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    await ctx.addInitScript(() => {
      const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : (orig as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof orig;
    });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(`${origin}/`, { timeout: T });
    await p.getByRole('heading', { name: /cannot draw the graph/ }).waitFor({ timeout: T });
    expect(await p.locator('[role=alert]').textContent()).toContain('WebGL');
    await ctx.close();
  });

  it('made no request to another origin, opened no dialog, broke no CSP rule', async () => {
    expect(foreign).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });
});
