// Save to store, end to end: the explorer served as `npm start -- --endpoint`
// serves it (the /sparql proxy) in front of an in-process Oxigraph behind a
// small HTTP adapter. Two tabs each add a relation and save at once; the
// store holds both, once; a reload shows both, and undo still works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAndServe, launch, SHOTS, type Served } from './harness.ts';
import { oxigraphEndpoint, type FakeEndpoint } from '../unit/sparql/oxigraph-fetch.ts';
import type { MemoryExplorer } from '../../src/core/memory-explorer.ts';
import { SparqlClient } from '../../src/core/sparql/client.ts';
import { push } from '../../src/core/sparql/push.ts';
import { DEFAULT_DATASET, openExplorer } from '../../src/node/open-explorer.ts';

const T = 30_000;
const DOC =
  'Kataib Hezbollah is backed by Iran, officials said. Kataib Hezbollah also works with Iran on drones, they added.';

let store: FakeEndpoint;
let http: Server;
let served: Served;
let browser: Browser;
let context: BrowserContext;
let baseTriples = 0;
/** The store refuses updates while this is set. */
let refuse = false;
const pageErrors: string[] = [];
const ENV = ['ACTORGRAPH_ENDPOINT', 'VITE_ACTORGRAPH_ENDPOINT'] as const;

const waitReady = (p: Page) =>
  p.waitForFunction(
    () => (window as unknown as { __actorgraph?: { ready: boolean } }).__actorgraph?.ready === true,
    null,
    { timeout: T },
  );

async function openPage(): Promise<Page> {
  const p = await context.newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  await p.goto(served.url, { timeout: T });
  await waitReady(p);
  return p;
}

async function openWorkspace(p: Page): Promise<void> {
  await p.click('#open-annotate', { timeout: T });
  await p.locator('.annotate .an-bar').waitFor({ timeout: T });
}

async function select(p: Page, quote: string): Promise<void> {
  await p.evaluate((q) => {
    const root = document.querySelector('.an-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const at = root.textContent!.indexOf(q);
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
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(r);
  }, quote);
  await p.waitForFunction((q) => document.querySelector('#an-quote')?.textContent === q, quote, { timeout: T });
}

async function relation(p: Page, quote: string, predicate: string): Promise<void> {
  const before = await p.locator('.an-relations li').count();
  await select(p, quote);
  await p.fill('#rel-subject', 'Kataib Hezbollah (kataib-hezbollah)', { timeout: T });
  await p.fill('#rel-object', 'Iran (iran)', { timeout: T });
  await p.selectOption('#rel-predicate', predicate, { timeout: T });
  await p.click('#rel-add', { timeout: T });
  await p.locator('.an-relations li').nth(before).waitFor({ timeout: T });
}

const savedIdb = (p: Page) =>
  p.waitForFunction(() => /· saved$/.test(document.querySelector('#an-status')?.textContent ?? ''), null, {
    timeout: T,
  });

const countStore = async () =>
  Number(
    (
      await new SparqlClient({ query: 'http://x/sparql', fetch: store.fetch }).select(
        'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }',
      )
    )[0]!.n!.value,
  );

beforeAll(async () => {
  store = oxigraphEndpoint();
  const data = await ((await openExplorer(DEFAULT_DATASET)) as MemoryExplorer).exportDataset({ all: true });
  baseTriples = data.triples.length;
  await push(new SparqlClient({ query: 'http://x/sparql', fetch: store.fetch }), data);
  // The SPARQL protocol over HTTP, in front of the in-process store.
  http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (refuse && body.startsWith('update=')) {
        res.writeHead(403, { 'content-type': 'text/plain' });
        res.end('updates are not allowed');
        return;
      }
      void store.fetch('http://x/sparql', { method: 'POST', body }).then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
        res.end(await r.text());
      });
    });
  });
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  const addr = http.address();
  const endpoint = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/sparql`;
  // What bin/start.mjs sets for `npm start -- --endpoint URL`.
  process.env.ACTORGRAPH_ENDPOINT = endpoint;
  process.env.VITE_ACTORGRAPH_ENDPOINT = endpoint;
  served = await buildAndServe();
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  for (const k of ENV) delete process.env[k];
  await browser?.close();
  await served?.close();
  await new Promise((ok) => http?.close(ok));
});

describe('save to store', () => {
  // Two tabs, a reload and three saves: longer than one step on a loaded machine.
  it('two tabs each add a relation and save at once; the store keeps both, and a reload shows them', {
    timeout: 240_000,
  }, async () => {
    const a = await openPage();
    expect(await a.evaluate(() => (window as unknown as { __actorgraph: { edges: number } }).__actorgraph.edges)).toBe(
      baseTriples,
    );
    await openWorkspace(a);
    await a.fill('#doc-text', DOC, { timeout: T });
    await a.fill('#doc-title', 'Store test report', { timeout: T });
    await a.getByRole('button', { name: 'Add document', exact: true }).click({ timeout: T });
    await a.locator('.an-text').waitFor({ timeout: T });
    await relation(a, 'Kataib Hezbollah is backed by Iran', 'backed-by');
    await savedIdb(a);

    // The second tab opens the same working graph (kept in the browser) and adds its own relation.
    const b = await openPage();
    await openWorkspace(b);
    await b.locator('.an-text').waitFor({ timeout: T });
    await relation(b, 'Kataib Hezbollah also works with Iran', 'affiliated-with');
    await savedIdb(b);

    const before = await countStore();
    await Promise.all([a.click('#an-save-store', { timeout: T }), b.click('#an-save-store', { timeout: T })]);
    for (const p of [a, b]) {
      await p.locator('#an-store-saved').waitFor({ timeout: T });
      expect(await p.locator('#an-store-conflicts').count()).toBe(0);
    }
    const said = `${await a.locator('#an-store-report').textContent()} | ${await b.locator('#an-store-report').textContent()}`;
    expect(said).toMatch(/Saved to the store/);
    await a.screenshot({ path: `${SHOTS}/save-store-1400x900.png`, timeout: T });

    // Both relations, the document, each once.
    const rows = await new SparqlClient({ query: 'http://x/sparql', fetch: store.fetch }).select(
      `SELECT ?e WHERE { ?s a <https://actorgraph.org/ns#Relation> ; <https://actorgraph.org/ns#evidence> ?e ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?src . ?src <http://purl.org/dc/terms/title> "Store test report" }`,
    );
    expect(rows.map((r) => r.e!.value).sort()).toEqual([
      'Kataib Hezbollah also works with Iran',
      'Kataib Hezbollah is backed by Iran',
    ]);
    const after = await countStore();
    expect(after).toBeGreaterThan(before);
    // Saving again adds nothing and says so.
    await b.click('#an-store-report button', { timeout: T });
    await b.click('#an-save-store', { timeout: T });
    await b.locator('#an-store-already').waitFor({ timeout: T });
    expect(await b.locator('#an-store-saved').textContent()).toMatch(/Written: nothing \(0 RDF triples\)/);
    expect(await countStore()).toBe(after);

    // The store stops taking updates: a plain message, and the workspace keeps its new relation.
    refuse = true;
    await relation(b, 'Kataib Hezbollah also works with Iran on drones', 'backed-by');
    await b.click('#an-save-store', { timeout: T });
    await b.locator('#an-store-report[role="alert"]').waitFor({ timeout: T });
    expect(await b.locator('#an-store-report').textContent()).toMatch(
      /Not saved to the store.*refused the request \(403\)/,
    );
    expect(await b.locator('.an-relations li').count()).toBe(3);
    expect(await countStore()).toBe(after);
    refuse = false;
    await b.click('#an-store-report button', { timeout: T });
    await b.click('#an-save-store', { timeout: T });
    await b.locator('#an-store-saved').waitFor({ timeout: T });
    expect(await b.locator('#an-store-saved').textContent()).toMatch(/Written: 1 relation/);

    // A reload asks the store again: the three new relations are drawn.
    await a.reload({ timeout: T });
    await waitReady(a);
    await a.waitForFunction(
      (n) => (window as unknown as { __actorgraph: { edges: number } }).__actorgraph.edges === n,
      baseTriples + 3,
      { timeout: T },
    );
    // And the workspace's undo outlives the reload.
    await openWorkspace(a);
    await a.locator('.an-relations li').nth(2).waitFor({ timeout: T });
    expect(await a.locator('#an-undo').isDisabled()).toBe(false);
    await a.click('#an-undo', { timeout: T });
    await a.waitForFunction(() => document.querySelectorAll('.an-relations li').length === 2, null, { timeout: T });
    expect(pageErrors).toEqual([]);
  });
});
