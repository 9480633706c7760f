// The explorer over a slow SPARQL store (npm start -- --endpoint's set-up: the
// page asks /sparql, the server proxies it): a long query shows its progress,
// Cancel and Escape stop it, the view stays, and the store sees the request
// go (its connection closed). A newer query aborts the older one.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launch, SHOTS, type Served } from './harness.ts';
import { T, hook, waitReady, watch, type Watched } from './page.ts';
import type { MemoryExplorer } from '../../src/core/memory-explorer.ts';
import { SparqlClient } from '../../src/core/sparql/client.ts';
import { push } from '../../src/core/sparql/push.ts';
import { DEFAULT_DATASET, openExplorer } from '../../src/node/open-explorer.ts';
import { oxigraphEndpoint } from '../unit/sparql/oxigraph-fetch.ts';

/** The store: Oxigraph behind HTTP; a request whose text holds `slow` is held until its client goes. */
const store = { slow: undefined as string | undefined, held: 0, closedByClient: 0 };
let storeServer: Server;
let served: Served;
let browser: Browser;
let page: Page;
let watched: Watched;
const saved = { endpoint: process.env.ACTORGRAPH_ENDPOINT, vite: process.env.VITE_ACTORGRAPH_ENDPOINT };

const body = (req: IncomingMessage) =>
  new Promise<string>((ok) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      s += c;
    });
    req.on('end', () => ok(s));
  });

async function startStore(): Promise<string> {
  const ep = oxigraphEndpoint();
  const ds = await ((await openExplorer(DEFAULT_DATASET)) as MemoryExplorer).exportDataset({ all: true });
  await push(new SparqlClient({ query: 'http://store.test/sparql', fetch: ep.fetch }), ds);
  storeServer = createServer((req, res) => {
    void body(req).then(async (text) => {
      const query = new URLSearchParams(text).get('query') ?? '';
      if (store.slow && query.includes(store.slow)) {
        store.held++;
        // Answered only if the client waits 30 s; the test expects it to leave long before.
        const late = setTimeout(() => res.end('{"head":{},"results":{"bindings":[]}}'), 30_000);
        res.on('close', () => {
          if (!res.writableEnded) store.closedByClient++;
          clearTimeout(late);
        });
        return;
      }
      const r = await ep.fetch('http://store.test/sparql', {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type'] ?? '') },
        body: text,
      });
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
      res.end(await r.text());
    });
  });
  await new Promise<void>((ok) => storeServer.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(storeServer.address() as { port: number }).port}/sparql`;
}

/** Selects an entity through the list of drawn entities (the canvas's accessible twin). */
const choose = (label: string) =>
  page
    .locator('#graph-nodes button', { hasText: new RegExp(`^${label} \\(`) })
    .dispatchEvent('click', undefined, { timeout: T });
const title = () => page.locator('#entity-title').textContent({ timeout: T });
const closedAtLeast = (n: number) =>
  expect.poll(() => store.closedByClient, { timeout: T, interval: 100 }).toBeGreaterThanOrEqual(n);

describe('a slow SPARQL store', () => {
  beforeAll(async () => {
    const endpoint = await startStore();
    // What bin/start.mjs sets for `npm start -- --endpoint URL`.
    process.env.ACTORGRAPH_ENDPOINT = endpoint;
    process.env.VITE_ACTORGRAPH_ENDPOINT = endpoint;
    served = await buildAndServe();
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watched = watch(page, new URL(served.url).origin);
    await page.goto(served.url, { timeout: T });
    await waitReady(page);
  });
  afterAll(async () => {
    for (const [k, v] of [
      ['ACTORGRAPH_ENDPOINT', saved.endpoint],
      ['VITE_ACTORGRAPH_ENDPOINT', saved.vite],
    ] as const)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    await browser?.close();
    await served?.close();
    storeServer?.closeAllConnections();
    storeServer?.close();
  });

  it('shows a long query with its progress; Cancel stops it at the store and the view stays', async () => {
    expect(await page.title()).toBeTruthy();
    await choose('Joe Biden');
    await expect.poll(title, { timeout: T }).toBe('Joe Biden');
    const before = await hook(page);
    store.slow = 'kataib-hezbollah';
    await choose('Kataib Hezbollah');
    const status = page.locator('.query-status[data-kind=details]');
    await status.waitFor({ timeout: T });
    expect(await status.textContent()).toMatch(/Loading Kataib Hezbollah….*\d\.\d s/);
    expect(store.held).toBe(1);
    await page.screenshot({ path: `${SHOTS}/sparql-query-status.png`, timeout: T });
    await status.getByRole('button', { name: 'Cancel' }).click({ timeout: T });
    const done = page.locator('.query-status.cancelled');
    await done.waitFor({ timeout: T });
    expect(await done.textContent()).toContain('Loading Kataib Hezbollah: cancelled after');
    await closedAtLeast(1);
    // The view is as it was: the same entity shown and selected, the same graph.
    expect(await title()).toBe('Joe Biden');
    const after = await hook(page);
    expect([after.selected, after.nodes, after.edges]).toEqual(['joe-biden', before.nodes, before.edges]);
  });

  it('Escape cancels too; a newer query aborts the older one', async () => {
    await choose('Iran');
    await expect.poll(title, { timeout: T }).toBe('Iran');
    await choose('Kataib Hezbollah');
    await page.locator('.query-status[data-kind=details]').waitFor({ timeout: T });
    await page.locator('body').press('Escape', { timeout: T });
    await page.locator('.query-status.cancelled').waitFor({ timeout: T });
    await closedAtLeast(2);
    expect(await title()).toBe('Iran');
    expect((await hook(page)).selected).toBe('iran');
    // Asked again, then superseded by another entity before it answers.
    await choose('Kataib Hezbollah');
    await expect.poll(() => store.held, { timeout: T }).toBe(3);
    await choose('Joe Biden');
    await expect.poll(title, { timeout: T }).toBe('Joe Biden');
    await closedAtLeast(3);
    await expect(page.locator('.query-status[data-kind=details]').count()).resolves.toBe(0);
    // Once the store is quick again, the same question is answered.
    store.slow = undefined;
    await choose('Kataib Hezbollah');
    await expect.poll(title, { timeout: T }).toBe('Kataib Hezbollah');
    expect(watched.pageErrors).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });
});
