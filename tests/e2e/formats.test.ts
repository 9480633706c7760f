// Formats in and out of the explorer, end to end: every file of
// tests/fixtures/formats whose format has a reader opens and is drawn whole;
// the current view exports in every registered format, and each download
// reads back (through the core's reader, in Node) with the view's entities;
// a CSV goes through the mapping step, where a column can be given its role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { buildAndServe, launch, ROOT, SHOTS, type Served } from './harness.ts';
import { CSP_PROBE, hook, T, waitReady, watch, type Watched } from './page.ts';
import { parseSchema } from '../../src/core/validate.ts';
import { pickReader, READERS, readerByName, readText, SNIFF_BYTES } from '../../src/core/readers/registry.ts';
import { WRITERS } from '../../src/core/writers/registry.ts';
import type { Dataset } from '../../src/core/model.ts';
import { downloadEnding } from '../../src/ui/data/formats.ts';

const FIXTURES = resolve(ROOT, 'tests/fixtures/formats');
const OUT = resolve(SHOTS, '..', 'formats');
const schema = parseSchema(readFileSync(resolve(ROOT, 'graph-data/schema.json'), 'utf8'), 'schema.json').schema!;
const hasCsv = READERS.some((r) => r.id === 'csv');

let served: Served;
let browser: Browser;
let page: Page;
let origin: string;
let watched: Watched;
/** Files each writer downloaded, and the entities they hold. */
const exported: { id: string; paths: string[]; entities: number }[] = [];

/** What the core reader makes of a file in Node (as the CLI's --data would); `extra`: reader options. */
function readInNode(name: string, text: string, extra: Record<string, unknown> = {}) {
  const reader = pickReader({ name, head: text.slice(0, SNIFF_BYTES) });
  return { reader, result: readText(reader, text, { ...extra, file: name, defaultSchema: schema }) };
}

/** Every download `click` starts, once `count` have come. */
async function downloads(count: number, click: () => Promise<void>): Promise<Download[]> {
  const got: Download[] = [];
  const on = (d: Download) => {
    got.push(d);
  };
  page.on('download', on);
  try {
    await click();
    const until = Date.now() + T;
    while (got.length < count && Date.now() < until) await page.waitForTimeout(50);
    // More than expected would be wrong too: give a straggler the time to show.
    await page.waitForTimeout(300);
  } finally {
    page.off('download', on);
  }
  return got;
}

async function saved(d: Download): Promise<{ name: string; text: string; path: string }> {
  const path = resolve(OUT, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

/** Opens `paths` together and waits until `count` entities are drawn from `name`. */
async function openAndWait(paths: string[], name: string, count: number, table: boolean): Promise<void> {
  await page.setInputFiles('#import-file', paths, { timeout: T });
  // A table first shows its columns: the guessed mapping is taken as is.
  if (table) await page.getByRole('dialog').getByRole('button', { name: 'Load' }).click({ timeout: T });
  await page.waitForFunction(
    ([file, n]) => {
      const h = (window as unknown as { __actorgraph: { file?: string; nodes: number } }).__actorgraph;
      return h.file === file && h.nodes === n;
    },
    [name, count] as const,
    { timeout: T },
  );
}

async function openFile(path: string): Promise<void> {
  await page.setInputFiles('#import-file', path, { timeout: T });
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  served = await buildAndServe();
  origin = served.url.replace(/\/$/, '');
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.addInitScript(CSP_PROBE);
  page = await context.newPage();
  watched = watch(page, origin);
  await page.goto(`${origin}/`, { timeout: T });
  await waitReady(page);
  // The formats are loaded after the first frame.
  await page.waitForFunction((n) => document.querySelectorAll('#export-format option').length === n, WRITERS.length, {
    timeout: T,
  });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('formats in the explorer', () => {
  it('the file picker takes every extension a reader claims', async () => {
    const accept = (await page.locator('#import-file').getAttribute('accept', { timeout: T }))!.split(',');
    for (const r of READERS) for (const ext of r.extensions) expect(accept, r.id).toContain(ext);
  });

  it('exports the drawn graph in every registered format; each file reads back with its entities', async () => {
    const { nodes } = await hook(page);
    expect(nodes).toBeGreaterThan(10);
    // The dataset export first: what the other writers are given.
    await page.selectOption('#export-format', 'dataset', { timeout: T });
    const [first] = await downloads(1, () => page.getByRole('button', { name: 'Export' }).click({ timeout: T }));
    const ds = JSON.parse((await saved(first!)).text) as Dataset;
    expect(ds.entities.length).toBe(nodes);

    const options = await page
      .locator('#export-format option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(WRITERS.map((w) => w.id));
    for (const w of WRITERS) {
      const expected = w.write(ds, { name: 'actorgraph-graph' });
      await page.selectOption('#export-format', w.id, { timeout: T });
      const got = await Promise.all(
        (
          await downloads(expected.length, () => page.getByRole('button', { name: 'Export' }).click({ timeout: T }))
        ).map(saved),
      );
      const names = expected.map((f, i) =>
        i === 0 ? `actorgraph-graph${downloadEnding(f.extension)}` : `actorgraph-graph${f.suffix}${f.extension}`,
      );
      expect(got.map((f) => f.name).sort(), w.id).toEqual([...names].sort());
      const main = got.find((f) => f.name === names[0])!;
      const others = got.filter((f) => f !== main);
      const { reader, result } = readInNode(
        main.name,
        main.text,
        others.length && w.id === 'csv' ? { csvEntities: { name: others[0]!.name, text: others[0]!.text } } : {},
      );
      // A format with no reader yet falls to the JSON reader, which does not claim it.
      if (reader.id === 'actorgraph-json' && w.id !== 'dataset') {
        expect(() => JSON.parse(main.text), w.id).not.toThrow();
        continue;
      }
      expect(
        result.problems.filter((p) => p.severity === 'error'),
        `${w.id} read back by ${reader.id}`,
      ).toEqual([]);
      expect(result.dataset?.entities.length, w.id).toBe(nodes);
      exported.push({ id: w.id, paths: [main.path, ...others.map((f) => f.path)], entities: nodes });
    }
  });

  it('opens what each writer wrote, in the browser, with all its entities', async () => {
    expect(exported.length).toBeGreaterThan(0);
    for (const e of exported) {
      const name = e.paths[0]!.slice(e.paths[0]!.lastIndexOf('/') + 1);
      await openAndWait(e.paths, name, e.entities, readerByName(name)?.id === 'csv');
    }
  });

  const fixtures = existsSync(FIXTURES)
    ? readdirSync(FIXTURES).filter((f) => readerByName(f) && !/schema\.json$/.test(f))
    : [];
  it.runIf(fixtures.length > 0)('opens every format fixture and draws all its entities', async () => {
    for (const f of fixtures) {
      const path = resolve(FIXTURES, f);
      const { result, reader } = readInNode(f, readFileSync(path, 'utf8'));
      expect(result.ok, `${f} in Node (${reader.id})`).toBe(true);
      const n = result.dataset!.entities.length;
      await openAndWait([path], f, n, reader.id === 'csv');
    }
  });

  it.runIf(hasCsv)(
    'a CSV goes through the mapping step: a relation column with an unusual name is given its role, then loads',
    async () => {
      const path = resolve(OUT, 'unusual.csv');
      writeFileSync(
        path,
        '\ufeffActor;Connection;Partner;Quote\r\nAlpha Group;funds;Beta Front;"Alpha funds Beta; openly"\r\nBeta Front;trains;Gamma Cell;Beta trains Gamma\r\n',
      );
      await openFile(path);
      const dialog = page.getByRole('dialog', { name: /unusual\.csv/ });
      await dialog.waitFor({ timeout: T });
      await expect(dialog.locator('tbody tr').count()).resolves.toBe(2);
      await expect(dialog.getByRole('cell', { name: 'Alpha funds Beta; openly' }).count()).resolves.toBe(1);
      const role = dialog.getByRole('combobox', { name: 'Role of column Connection' });
      expect(await role.inputValue()).toBe('');
      await role.selectOption('predicate', { timeout: T });
      await dialog.getByRole('combobox', { name: 'Role of column Actor' }).selectOption('subject', { timeout: T });
      await dialog.getByRole('combobox', { name: 'Role of column Partner' }).selectOption('object', { timeout: T });
      await dialog.getByRole('combobox', { name: 'Role of column Quote' }).selectOption('evidence', { timeout: T });
      await dialog.getByRole('button', { name: 'Load' }).click({ timeout: T });
      await page.waitForFunction(
        () => {
          const h = (window as unknown as { __actorgraph: { file?: string; nodes: number; edges: number } })
            .__actorgraph;
          return h.file === 'unusual.csv' && h.nodes === 3 && h.edges === 2;
        },
        null,
        { timeout: T },
      );
      // The relation is named by the column chosen.
      await page.locator('#search').fill('Alpha', { timeout: T });
      await page.locator('#search-list [role=option]', { hasText: 'Alpha Group' }).first().click({ timeout: T });
      await page.locator('.rel-group h3', { hasText: 'funds' }).waitFor({ timeout: T });
    },
  );

  it.runIf(hasCsv)('cancelling the mapping step leaves the graph as it was', async () => {
    const before = await hook(page);
    const path = resolve(OUT, 'cancelled.csv');
    writeFileSync(path, 'from,to,relation\nA,B,knows\n');
    await openFile(path);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click({ timeout: T });
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: T });
    const after = await hook(page);
    expect([after.file, after.nodes]).toEqual([before.file, before.nodes]);
  });

  it("says when a hub's relations were cut: showing 1000 of 1100", async () => {
    const n = 1100;
    const ds = {
      format: 'actorgraph/dataset',
      version: 1,
      title: 'A hub',
      sources: [{ id: 'roll', title: 'The roll', text: 'Everyone listed is a member of the Hub Society.' }],
      entities: [
        { id: 'hub', label: 'Hub Society', type: 'organization' },
        ...Array.from({ length: n }, (_, i) => ({ id: `p${i}`, label: `Member ${i}`, type: 'person' })),
      ],
      triples: Array.from({ length: n }, (_, i) => ({
        subject: `p${i}`,
        predicate: 'member-of',
        object: 'hub',
        source: 'roll',
        evidence: 'a member of the Hub Society',
      })),
    };
    const path = resolve(OUT, 'hub.json');
    writeFileSync(path, JSON.stringify(ds));
    await openFile(path);
    await page.waitForFunction(
      (count) => (window as unknown as { __actorgraph: { file?: string; nodes: number } }).__actorgraph.nodes === count,
      n + 1,
      { timeout: T },
    );
    await page.locator('#search').fill('Hub Society', { timeout: T });
    await page.locator('#search-list [role=option]', { hasText: 'Hub Society' }).first().click({ timeout: T });
    await page
      .locator('.entity-panel .cap-note', { hasText: `showing 1000 of ${n} relations` })
      .waitFor({ timeout: T });
  });

  it('broke no CSP rule, opened no dialog, made no foreign request', async () => {
    expect(watched.pageErrors).toEqual([]);
    expect(watched.dialogs).toEqual([]);
    expect(watched.foreign).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });
});
