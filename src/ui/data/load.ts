// The one path by which data enters the UI: text → validated dataset → store →
// Explorer. Async so that it can move into a Web Worker for very large files.
import datasetText from '../../../graph-data/dataset.json?raw';
import schemaText from '../../../graph-data/schema.json?raw';
import type { Dataset, Schema, Source } from '../../core/model.ts';
import type { Problem } from '../../core/problems.ts';
import type { Explorer } from '../../core/explorer.ts';
import { parseDataset, parseSchema, validateDataset } from '../../core/validate.ts';
import { TripleStore } from '../../core/store.ts';
import { MemoryExplorer } from '../../core/memory-explorer.ts';
import { mergeDatasets } from '../../core/export.ts';

const bundledSources = import.meta.glob('../../../graph-data/sources/*.txt', {
  query: '?raw', import: 'default', eager: true,
}) as Record<string, string>;

/** Bundled source texts by file name, so a `path` like `sources/x.txt` resolves in the browser. */
const bundledByName = new Map(Object.entries(bundledSources).map(([k, v]) => [k.slice(k.lastIndexOf('/') + 1), v]));

export const DEFAULT_FILE = 'graph-data/dataset.json';

function bundledText(s: Source): string | undefined {
  if (!s.path) return undefined;
  return bundledByName.get(s.path.slice(s.path.lastIndexOf('/') + 1));
}

export interface LoadedData {
  explorer: Explorer;
  store: TripleStore;
  schema: Schema;
  /** The file name the data came from (for display and export names). */
  file: string;
  /** Source texts by source id (inline `text`, else the bundled file its `path` names). */
  texts: Map<string, string>;
  /** Warnings from validation (errors stop the load). */
  warnings: Problem[];
}

export type LoadOutcome = { ok: true; data: LoadedData } | { ok: false; problems: Problem[] };

let defaultSchemaCache: Schema | undefined;
export function defaultSchema(): Schema {
  if (defaultSchemaCache) return defaultSchemaCache;
  const r = parseSchema(schemaText, 'graph-data/schema.json');
  if (!r.schema) throw new Error(`graph-data/schema.json is invalid: ${r.problems.map((p) => p.message).join('; ')}`);
  return (defaultSchemaCache = r.schema);
}

function textsOf(ds: Dataset, previous?: Map<string, string>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const s of ds.sources) {
    const t = s.text ?? previous?.get(s.id) ?? bundledText(s);
    if (t !== undefined) texts.set(s.id, t);
  }
  return texts;
}

function build(ds: Dataset, schema: Schema, file: string, warnings: Problem[], previous?: Map<string, string>): LoadedData {
  const store = TripleStore.build(ds, schema);
  return { explorer: new MemoryExplorer(store), store, schema, file, texts: textsOf(ds, previous), warnings };
}

export interface LoadOptions {
  /** 'merge' adds the file to `current`; 'replace' (default) drops it. */
  mode?: 'replace' | 'merge';
  current?: LoadedData;
}

/** Parses and validates `text` (named `file` in problems); nothing changes unless it is valid. */
export async function loadDataset(text: string, file: string, opts: LoadOptions = {}): Promise<LoadOutcome> {
  const result = parseDataset(text, {
    file,
    defaultSchema: defaultSchema(),
    sourceText: (s) => s.text ?? opts.current?.texts.get(s.id) ?? bundledText(s),
  });
  if (!result.ok || !result.dataset || !result.schema) return { ok: false, problems: result.problems };
  const warnings = result.problems.filter((p) => p.severity !== 'error');
  if (opts.mode !== 'merge' || !opts.current) return { ok: true, data: build(result.dataset, result.schema, file, warnings) };

  const cur = opts.current;
  const merged = mergeDatasets(cur.store.toDataset(), result.dataset);
  const mergeErrors = merged.problems.filter((p) => p.severity === 'error');
  if (mergeErrors.length) return { ok: false, problems: merged.problems };
  // Check the union as a whole: the merge may combine ids that each file had right alone.
  const again = validateDataset(merged.dataset, {
    file: `${cur.file} + ${file}`,
    defaultSchema: cur.schema,
    sourceText: (s) => s.text ?? cur.texts.get(s.id) ?? bundledText(s),
  });
  if (!again.ok || !again.dataset || !again.schema) return { ok: false, problems: again.problems };
  const previous = new Map([...cur.texts, ...textsOf(result.dataset)]);
  return { ok: true, data: build(again.dataset, again.schema, `${cur.file} + ${file}`, [...warnings, ...merged.problems], previous) };
}

export function loadDefault(): Promise<LoadOutcome> {
  return loadDataset(datasetText, DEFAULT_FILE);
}
