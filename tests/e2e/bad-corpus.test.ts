// Every file of the bad-input corpus through the file input, with the corpus
// schema and source text opened alongside (as tests/fixtures/bad/README.md
// loads them): rejected files list their problems and change nothing;
// accepted ones open. No dialog, no injected script, no page error, no CSP
// violation along the way. One page; it goes back to the default data only
// after a file was accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launch, ROOT, SHOTS, type Served } from './harness.ts';
import { CSP_PROBE, hook, T, waitReady, watch, type Hook, type Watched } from './page.ts';

const BAD = resolve(ROOT, 'tests/fixtures/bad');
const SCHEMA = resolve(ROOT, 'tests/fixtures/schema.json');
const SOURCE = resolve(BAD, 'source.txt');
const START = '/?e=kataib-hezbollah';

/** `name.json` → accepted?, and the error codes the README names for it (not those it says are only warned). */
function readme(): Map<string, { accepted: boolean; codes: string[] }> {
  const out = new Map<string, { accepted: boolean; codes: string[] }>();
  for (const line of readFileSync(resolve(BAD, 'README.md'), 'utf8').split('\n')) {
    const m = /^- `([^`]+\.json)` — .*?\b(Accepted|Rejected)\b(.*)$/.exec(line);
    if (!m) continue;
    out.set(m[1]!, {
      accepted: m[2] === 'Accepted',
      codes: [...m[3]!.split(/\bwarned\b/)[0]!.matchAll(/`([a-z0-9-]+)`/g)].map((x) => x[1]!),
    });
  }
  return out;
}

let served: Served;
let browser: Browser;
let page: Page;
let origin: string;
let watched: Watched;

const start = async () => {
  await page.goto(origin + START, { timeout: T });
  await waitReady(page);
  await page.getByRole('heading', { name: 'Kataib Hezbollah', level: 2 }).waitFor({ timeout: T });
};

beforeAll(async () => {
  served = await buildAndServe();
  origin = served.url.replace(/\/$/, '');
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(CSP_PROBE);
  page = await context.newPage();
  watched = watch(page, origin);
  await start();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('bad-input corpus in the explorer', () => {
  it('rejects or accepts every corpus file as the README says, and a rejected file changes nothing', async () => {
    const expected = readme();
    const files = readdirSync(BAD)
      .filter((f) => f.endsWith('.json'))
      .sort();
    // The README covers the folder (the generated huge files are not in it).
    expect([...expected.keys()].sort()).toEqual(files);
    const seen: string[] = [];
    for (const name of files) {
      const want = expected.get(name)!;
      const before = await hook(page);
      await page.setInputFiles('#import-file', [resolve(BAD, name), SCHEMA, SOURCE], { timeout: T });
      // Either the problem list or the file open: whichever comes.
      await page.waitForFunction(
        (n) =>
          document.querySelector('.problems') !== null ||
          (window as unknown as { __actorgraph: Hook }).__actorgraph.file === n,
        name,
        { timeout: T },
      );
      const rejected = (await page.locator('.problems').count()) > 0;
      seen.push(`${name}: ${rejected ? 'rejected' : 'accepted'}`);
      expect(`${name}: ${rejected ? 'rejected' : 'accepted'}`).toBe(
        `${name}: ${want.accepted ? 'accepted' : 'rejected'}`,
      );
      if (rejected) {
        await expect(page.locator('.problems h2').textContent()).resolves.toContain(`${name} was not loaded`);
        const codes = new Set(
          await page.locator('.problem.error').evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))),
        );
        for (const c of want.codes) expect([name, codes.has(c)]).toEqual([name, true]);
        const after = await hook(page);
        expect([name, after.nodes, after.edges, after.selected, after.file]).toEqual([
          name,
          before.nodes,
          before.edges,
          before.selected,
          before.file,
        ]);
        if (name === 'domain-range.json')
          await page.screenshot({ path: `${SHOTS}/bad-corpus-rejected.png`, timeout: T });
        await page.getByRole('button', { name: 'Dismiss the problems' }).click({ timeout: T });
      } else {
        const raw = JSON.parse(readFileSync(resolve(BAD, name), 'utf8').replace(/^\uFEFF/, '')) as {
          entities: unknown[];
        };
        const after = await hook(page);
        expect([name, after.nodes]).toEqual([name, raw.entities.length]);
        await page.locator('.toast', { hasText: `Opened ${name}` }).waitFor({ timeout: T });
        if (name === 'html-payloads.json') {
          await page.waitForTimeout(200);
          expect(await page.locator('img').count()).toBe(0);
        }
        await start();
      }
      expect([name, await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)]).toEqual([
        name,
        undefined,
      ]);
      expect([name, watched]).toEqual([name, { foreign: [], dialogs: [], pageErrors: [], cspErrors: [] }]);
    }
    expect(seen).toHaveLength(files.length);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  }, 180_000);
});
