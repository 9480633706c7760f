// Links that always work: a file opened is kept in the browser under its
// content hash, the address names it (?ds=), a reload brings back the same data
// and view (from a snapshot of the loaded data, or from the file when the
// snapshot is damaged), "Copy link" copies it, and a browser without that data
// says so and reopens the link's view once the same file is opened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launch, ROOT, SHOTS, type Served } from './harness.ts';
import { hook, T, waitReady, watch, searchAndChoose, type Hook, type Watched } from './page.ts';

let served: Served;
let browser: Browser;
let origin: string;
let watched: Watched;
const FILE = resolve(SHOTS, '..', 'kept-link.json');
const SMALL = resolve(SHOTS, '..', 'other-people.json');

beforeAll(async () => {
  const ds = JSON.parse(readFileSync(resolve(ROOT, 'graph-data/dataset.json'), 'utf8'));
  ds.title = 'A file kept in the browser';
  mkdirSync(dirname(FILE), { recursive: true });
  writeFileSync(FILE, JSON.stringify(ds));
  writeFileSync(
    SMALL,
    JSON.stringify({
      format: 'actorgraph/dataset',
      version: 1,
      title: 'Other people',
      sources: [{ id: 'note', title: 'Note', text: 'Alice works for Acme.' }],
      entities: [
        { id: 'alice', label: 'Alice', type: 'person' },
        { id: 'acme', label: 'Acme', type: 'company' },
      ],
      triples: [
        { subject: 'alice', predicate: 'works-for', object: 'acme', source: 'note', evidence: 'Alice works for Acme' },
      ],
    }),
  );
  served = await buildAndServe();
  origin = served.url.replace(/\/$/, '');
  browser = await launch();
  watched = { foreign: [], dialogs: [], pageErrors: [], cspErrors: [] };
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function fresh(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const p = await ctx.newPage();
  watched = watch(p, origin, watched);
  return p;
}

describe('links', () => {
  let link = '';

  it('an opened file is named in the address; a reload brings back the same data and view; Copy link copies it', async () => {
    const p = await fresh();
    await p.goto(`${origin}/`, { timeout: T });
    await waitReady(p);
    await p.setInputFiles('#import-file', FILE, { timeout: T });
    await p.waitForFunction(() => /[?&]ds=[0-9a-f]{32}/.test(location.search), null, { timeout: T });
    expect((await hook(p)).file).toBe('kept-link.json');
    await searchAndChoose(p, 'kataib', 'Kataib Hezbollah');
    await p.waitForFunction(() => new URL(location.href).searchParams.get('e') === 'kataib-hezbollah', null, {
      timeout: T,
    });
    await p.getByRole('button', { name: 'Copy link' }).click({ timeout: T });
    await p.locator('.toast', { hasText: 'Link copied' }).waitFor({ timeout: T });
    link = await p.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(p.url());
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph: Hook }).__actorgraph.snapshotKept === true,
      null,
      {
        timeout: T,
      },
    );
    await p.reload({ timeout: T });
    await waitReady(p);
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph: { file?: string } }).__actorgraph.file === 'kept-link.json',
      null,
      { timeout: T },
    );
    expect((await hook(p)).selected).toBe('kataib-hezbollah');
    // From the snapshot kept beside the file: nothing read or checked again.
    expect((await hook(p)).dataFrom).toBe('snapshot');
    await p.getByRole('heading', { name: 'Kataib Hezbollah', exact: true }).first().waitFor({ timeout: T });
    expect(p.url()).toBe(link);
    const opened = await hook(p);

    // A damaged snapshot: the kept file is read again, the same data and view come back, and a new snapshot is kept.
    await p.evaluate(async (hash) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('actorgraph');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const store = () => db.transaction('snapshots', 'readwrite').objectStore('snapshots');
      const rec = await new Promise<{ bytes: Blob }>((ok) => {
        const r = store().get(hash);
        r.onsuccess = () => ok(r.result);
      });
      const bytes = new Uint8Array(await rec.bytes.arrayBuffer());
      bytes[bytes.length >> 1]! ^= 0x5a;
      await new Promise((ok) => {
        store().put({ ...rec, bytes: new Blob([bytes]) }).onsuccess = ok;
      });
      db.close();
    }, new URL(link).searchParams.get('ds')!);
    await p.reload({ timeout: T });
    await waitReady(p);
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph: Hook }).__actorgraph.dataFrom === 'steps',
      null,
      {
        timeout: T,
      },
    );
    const replayed = await hook(p);
    expect([replayed.file, replayed.selected, replayed.entities, replayed.nodes, replayed.edges]).toEqual([
      opened.file,
      opened.selected,
      opened.entities,
      opened.nodes,
      opened.edges,
    ]);
    await p.getByRole('heading', { name: 'Kataib Hezbollah', exact: true }).first().waitFor({ timeout: T });
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph: Hook }).__actorgraph.snapshotKept === true,
      null,
      {
        timeout: T,
      },
    );
    await p.reload({ timeout: T });
    await waitReady(p);
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph: Hook }).__actorgraph.file === 'kept-link.json',
      null,
      {
        timeout: T,
      },
    );
    expect((await hook(p)).dataFrom).toBe('snapshot');
    await p.context().close();
  });

  it("a browser without that data says so, offers to open it, and then shows the link's view", async () => {
    const p = await fresh();
    await p.goto(link, { timeout: T });
    await waitReady(p);
    await p.getByRole('alert').filter({ hasText: 'does not keep' }).waitFor({ timeout: T });
    await p.screenshot({ path: `${SHOTS}/links-missing-data.png`, timeout: T });
    const [chooser] = await Promise.all([
      p.waitForEvent('filechooser', { timeout: T }),
      p.getByRole('button', { name: 'Open the file…' }).click({ timeout: T }),
    ]);
    await chooser.setFiles(FILE);
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph: { file?: string } }).__actorgraph.file === 'kept-link.json',
      null,
      { timeout: T },
    );
    await p.waitForFunction(() => new URL(location.href).searchParams.get('e') === 'kataib-hezbollah', null, {
      timeout: T,
    });
    expect((await hook(p)).selected).toBe('kataib-hezbollah');
    expect(await p.getByRole('alert').filter({ hasText: 'does not keep' }).count()).toBe(0);
    await p.context().close();
  });

  it('back after opening a file brings back the data before it, in its view; forward the file again', async () => {
    const p = await fresh();
    await p.goto(`${origin}/?e=iran`, { timeout: T });
    await waitReady(p);
    await p.getByRole('heading', { name: 'Iran', exact: true, level: 2 }).waitFor({ timeout: T });
    const before = (await hook(p)).file;
    await p.setInputFiles('#import-file', SMALL, { timeout: T });
    await p.waitForFunction(() => /[?&]ds=[0-9a-f]{32}/.test(location.search), null, { timeout: T });
    expect((await hook(p)).file).toBe('other-people.json');
    await p.goBack({ timeout: T });
    await p.waitForFunction((f) => (window as unknown as { __actorgraph: Hook }).__actorgraph.file === f, before, {
      timeout: T,
    });
    await p.getByRole('heading', { name: 'Iran', exact: true, level: 2 }).waitFor({ timeout: T });
    expect((await hook(p)).selected).toBe('iran');
    expect(new URL(p.url()).searchParams.get('e')).toBe('iran');
    expect(await p.locator('.toast', { hasText: 'not in this data' }).count()).toBe(0);
    await p.goForward({ timeout: T });
    await p.waitForFunction(
      () => (window as unknown as { __actorgraph: Hook }).__actorgraph.file === 'other-people.json',
      null,
      { timeout: T },
    );
    expect((await hook(p)).selected).toBeUndefined();
    await p.close();
  });

  it('left no page errors', () => {
    expect(watched.pageErrors).toEqual([]);
  });
});
