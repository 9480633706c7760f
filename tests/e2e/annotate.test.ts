// Growing the graph in the browser: a short document written for this test is
// added, its mentions shown, three relations and one new entity marked from
// its quotes; after a reload all of it is still there, and the export
// validates with the core's reader, every quote found in the new source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAndServe, launch, SHOTS, type Served } from './harness.ts';
import { parseDataset } from '../../src/core/validate.ts';
import { findEvidence } from '../../src/core/text.ts';

const T = 20_000;
const DOC = [
  'Harbour Brigade fighters fired rockets at Erbil Air Base on 15 February, the Pentagon said.',
  'Kataib Hezbollah is backed by Iran, according to US officials.',
  'The Harbour Brigade is also backed by Iran, and it reportedly coordinates with Kataib Hezbollah.',
].join(' ');

let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const dialogs: string[] = [];

const waitReady = (p: Page) =>
  p.waitForFunction(
    () => (window as unknown as { __actorgraph?: { ready: boolean } }).__actorgraph?.ready === true,
    null,
    { timeout: T },
  );

async function openWorkspace(): Promise<void> {
  await waitReady(page);
  await page.click('#open-annotate', { timeout: T });
  await page.locator('.annotate').waitFor({ timeout: T });
}

/** Selects `quote` in the document text as a reader would. */
async function select(quote: string): Promise<void> {
  await page.evaluate((q) => {
    const root = document.querySelector('.an-text')!;
    const at = root.textContent!.indexOf(q);
    if (at < 0) throw new Error(`not in the text: ${q}`);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let pos = 0;
    let start: [Node, number] | undefined, end: [Node, number] | undefined;
    for (let n = walker.nextNode(); n && !end; n = walker.nextNode()) {
      const len = n.textContent!.length;
      if (!start && at < pos + len) start = [n, at - pos];
      if (start && at + q.length <= pos + len) end = [n, at + q.length - pos];
      pos += len;
    }
    const r = document.createRange();
    r.setStart(...start!);
    r.setEnd(...end!);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(r);
  }, quote);
  await page.waitForFunction((q) => document.querySelector('#an-quote')?.textContent === q, quote, { timeout: T });
}

async function relation(
  quote: string,
  subject: string,
  predicate: string,
  object: string,
  more?: () => Promise<void>,
): Promise<void> {
  const before = await page.locator('.an-relations li').count();
  await select(quote);
  await page.fill('#rel-subject', subject, { timeout: T });
  await page.fill('#rel-object', object, { timeout: T });
  await page.selectOption('#rel-predicate', predicate, { timeout: T });
  await more?.();
  await page.click('#rel-add', { timeout: T });
  await page.locator('.an-relations li').nth(before).waitFor({ timeout: T });
}

beforeAll(async () => {
  served = await buildAndServe();
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(served.url, { timeout: T });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('grow the graph', () => {
  it('adds a document and shows the mentions of known entities', async () => {
    await openWorkspace();
    await page.fill('#doc-text', DOC, { timeout: T });
    await page.fill('#doc-title', 'Test report on the Harbour Brigade', { timeout: T });
    await page.fill('#doc-publisher', 'Test Wire', { timeout: T });
    await page.fill('#doc-published', '2021-02-20', { timeout: T });
    await page.getByRole('button', { name: 'Add document', exact: true }).click({ timeout: T });
    await page.locator('.an-text').waitFor({ timeout: T });
    const marked = await page.$$eval('mark.mention', (ms) =>
      ms.map((m) => [m.getAttribute('data-entity'), m.textContent]),
    );
    expect(marked).toEqual(
      expect.arrayContaining([
        ['erbil-air-base', 'Erbil Air Base'],
        ['pentagon', 'Pentagon'],
        ['kataib-hezbollah', 'Kataib Hezbollah'],
        ['iran', 'Iran'],
      ]),
    );
    expect(marked.some(([, t]) => t === 'Harbour Brigade')).toBe(false);
    // The bundled data is no store: nothing to save to.
    expect(await page.locator('#an-save-store').count()).toBe(0);
  });

  it('creates an entity from the text and marks three relations from quotes', async () => {
    await select('Harbour Brigade');
    await page.selectOption('#ent-type', 'armed-group', { timeout: T });
    await page.click('#ent-create', { timeout: T });
    await page.locator('mark.mention[data-entity="harbour-brigade"]').first().waitFor({ timeout: T });
    expect(await page.locator('mark.mention[data-entity="harbour-brigade"]').count()).toBe(2);

    await relation(
      'Kataib Hezbollah is backed by Iran',
      'Kataib Hezbollah (kataib-hezbollah)',
      'backed-by',
      'Iran (iran)',
    );
    await relation('The Harbour Brigade is also backed by Iran', 'Harbour Brigade', 'backed-by', 'iran');
    await relation(
      'it reportedly coordinates with Kataib Hezbollah',
      'Harbour Brigade (harbour-brigade)',
      'coordinates-with',
      'Kataib Hezbollah (kataib-hezbollah)',
      async () => {
        await page.click('.an-more summary', { timeout: T });
        await page.fill('#rel-qualifier', 'reportedly', { timeout: T });
        await page.fill('#rel-date', '2021-02', { timeout: T });
        await page.selectOption('#rel-credibility', '3', { timeout: T });
      },
    );
    expect(await page.locator('.an-relations li').count()).toBe(3);
    await page.waitForFunction(
      () =>
        /valid · 3 relation\(s\), 1 entity added · saved/.test(document.querySelector('#an-status')?.textContent ?? ''),
      null,
      { timeout: T },
    );

    // Undo and redo the last relation.
    await page.click('#an-undo', { timeout: T });
    expect(await page.locator('.an-relations li').count()).toBe(2);
    await page.click('#an-redo', { timeout: T });
    expect(await page.locator('.an-relations li').count()).toBe(3);
    await page.waitForFunction(() => /· saved$/.test(document.querySelector('#an-status')?.textContent ?? ''), null, {
      timeout: T,
    });
  });

  it("refuses a relation the schema does not allow, with the checker's words", async () => {
    await select('Erbil Air Base');
    await page.fill('#rel-subject', 'Pentagon (pentagon)', { timeout: T });
    await page.fill('#rel-object', 'Erbil Air Base (erbil-air-base)', { timeout: T });
    const offered = await page.$$eval('#rel-predicate option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
    );
    expect(offered).not.toContain('backed-by'); // a facility is no actor
    expect(offered).toContain('transits');
    // A date that does not exist: the core's checker refuses it and says why.
    await page.fill('#rel-subject', 'Harbour Brigade (harbour-brigade)', { timeout: T });
    await page.fill('#rel-object', 'Iran (iran)', { timeout: T });
    await page.selectOption('#rel-predicate', 'backed-by', { timeout: T });
    await page.fill('#rel-date', '2021-02-30', { timeout: T });
    await page.click('#rel-add', { timeout: T });
    await page.locator('.an-refused').waitFor({ timeout: T });
    expect(await page.locator('.an-refused').textContent()).toMatch(/bad-date/);
    expect(await page.locator('.an-relations li').count()).toBe(3);
  });

  it('keeps everything across a reload, and exports a dataset that validates', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.screenshot({ path: `${SHOTS}/annotate-1400x900.png`, timeout: T });
    await page.reload({ timeout: T });
    await openWorkspace();
    await page.locator('.an-relations li').nth(2).waitFor({ timeout: T });
    expect(await page.locator('.an-relations li').count()).toBe(3);
    expect(await page.locator('mark.mention[data-entity="harbour-brigade"]').count()).toBe(2);
    // Undo and redo outlive the reload.
    await page.click('#an-undo', { timeout: T });
    await page.waitForFunction(() => document.querySelectorAll('.an-relations li').length === 2, null, { timeout: T });
    await page.click('#an-redo', { timeout: T });
    await page.waitForFunction(() => document.querySelectorAll('.an-relations li').length === 3, null, { timeout: T });
    await page.waitForFunction(() => /· saved$/.test(document.querySelector('#an-status')?.textContent ?? ''), null, {
      timeout: T,
    });

    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: T }),
      page.click('#an-export', { timeout: T }),
    ]);
    const text = readFileSync((await dl.path())!, 'utf8');
    const r = parseDataset(text, { file: 'annotated.json' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const ds = r.dataset!;
    const src = ds.sources.find((s) => s.title === 'Test report on the Harbour Brigade')!;
    expect(src).toMatchObject({ publisher: 'Test Wire', published: '2021-02-20', text: DOC });
    const mine = ds.triples.filter((t) => t.source === src.id);
    expect(mine.map((t) => [t.subject, t.predicate, t.object])).toEqual([
      ['kataib-hezbollah', 'backed-by', 'iran'],
      ['harbour-brigade', 'backed-by', 'iran'],
      ['harbour-brigade', 'coordinates-with', 'kataib-hezbollah'],
    ]);
    for (const t of mine) expect(findEvidence(src.text!, t.evidence!)).toBeDefined();
    expect(mine[2]).toMatchObject({ qualifier: 'reportedly', date: '2021-02', credibility: 3 });
    expect(ds.entities.find((e) => e.id === 'harbour-brigade')).toMatchObject({
      label: 'Harbour Brigade',
      type: 'armed-group',
    });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/annotate-390x844.png`, timeout: T });
    // The explorer beneath (not this workspace) has no room for its graph at phone width today.
    const ours = pageErrors.filter((e) => !/Sigma: Container has no width/.test(e));
    expect(ours, ours.join('\n')).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('shares the work between two tabs: an entity made in one appears in the other', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    const other = await context.newPage();
    other.on('pageerror', (e) => pageErrors.push(e.message));
    await other.goto(served.url, { timeout: T });
    const first = page;
    page = other;
    try {
      await openWorkspace();
      await page.locator('.an-relations li').nth(2).waitFor({ timeout: T });
      await select('US officials');
      await page.selectOption('#ent-type', 'person', { timeout: T });
      await page.click('#ent-create', { timeout: T });
      await page.locator('mark.mention[data-entity="us-officials"]').waitFor({ timeout: T });
    } finally {
      page = first;
    }
    await page.locator('mark.mention[data-entity="us-officials"]').waitFor({ timeout: T });
    expect(await page.locator('.an-relations li').count()).toBe(3);
    await other.close();
    expect(pageErrors.filter((e) => !/Sigma: Container has no width/.test(e))).toEqual([]);
  });
});
