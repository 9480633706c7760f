// The one factory of Explorers for Node (the CLI): a dataset file today, an
// endpoint URL later (a SparqlExplorer will stand where MemoryExplorer stands).
// Callers get an Explorer and speak only to it.
import type { Explorer } from '../core/explorer.ts';
import { ExplorerError } from '../core/errors.ts';
import { MemoryExplorer } from '../core/memory-explorer.ts';
import type { Problem } from '../core/problems.ts';
import { DEFAULT_DATASET, loadDatasetFile, loadStoreFile } from './load.ts';

export { DEFAULT_DATASET } from './load.ts';

/** Where the data is: a dataset file path (or the files of one dataset), later an endpoint. */
export type ExplorerSpec = string | { files: string[] } | { endpoint: string };

export type OpenExplorer = (spec: ExplorerSpec, options?: { signal?: AbortSignal }) => Promise<Explorer>;

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function notYet(endpoint: string): ExplorerError {
  return new ExplorerError({ code: 'not-supported', message: `cannot open ${endpoint}: SPARQL endpoints are not supported yet`, hint: 'give a dataset file (--data FILE)' });
}

/** Opens the data `spec` names; a file that does not load is ExplorerError `invalid-data` with its problems. */
export const openExplorer: OpenExplorer = async (spec, options) => {
  options?.signal?.throwIfAborted();
  if (typeof spec === 'object' && 'endpoint' in spec) throw notYet(spec.endpoint);
  const files = typeof spec === 'string' ? [spec] : spec.files;
  if (files.length !== 1) throw new ExplorerError({ code: 'bad-request', message: `one dataset file is needed, got ${files.length}`, hint: 'name one dataset file' });
  const path = files[0]!;
  if (isUrl(path)) throw notYet(path);
  const result = loadStoreFile(path);
  if (!result.ok || !result.store) {
    const problems = result.problems.filter((p) => p.severity === 'error');
    throw new ExplorerError({ code: 'invalid-data', message: `cannot load ${path}: ${problems.length} error(s)`, hint: `run 'actorgraph validate ${path}'`, problems });
  }
  return new MemoryExplorer(result.store, path);
};

export interface FileCheck {
  file: string;
  ok: boolean;
  problems: Problem[];
  counts?: { entities: number; triples: number };
}

/** Checks a dataset file without opening an Explorer on it (what `validate` reports). */
export function checkFile(file: string = DEFAULT_DATASET): FileCheck {
  const r = loadDatasetFile(file);
  return { file, ok: r.ok, problems: r.problems, counts: r.dataset ? { entities: r.dataset.entities.length, triples: r.dataset.triples.length } : undefined };
}
