// The one factory of Explorers for Node (the CLI): a dataset file, or a
// SPARQL endpoint (a SparqlExplorer stands where MemoryExplorer stands).
// Callers get an Explorer and speak only to it.
import type { Explorer } from '../core/explorer.ts';
import { ExplorerError } from '../core/errors.ts';
import { MemoryExplorer } from '../core/memory-explorer.ts';
import type { Problem } from '../core/problems.ts';
import { DEFAULT_DATASET, loadDatasetFile, loadStoreFile } from './load.ts';
import { defaultFromSnapshot } from './default-snapshot.ts';
import { SparqlExplorer } from '../core/sparql/explorer.ts';
import { authorizationOf, splitCredentials } from '../core/sparql/client.ts';

export { DEFAULT_DATASET } from './load.ts';

/** A SPARQL store: its query URL, and how to reach it. */
export interface EndpointSpec {
  endpoint: string;
  /** The update URL, when not the query URL. */
  update?: string;
  /** The named graph holding the data. */
  graph?: string;
  /** "user:password", a token, or a whole "Basic …"/"Bearer …" value. */
  auth?: string;
  timeoutMs?: number;
  /** Told about each request (never the credentials). */
  log?: (line: string) => void;
  fetch?: typeof fetch;
}

/** Where the data is: a dataset file path (or the files of one dataset), or an endpoint. */
export type ExplorerSpec = string | { files: string[] } | EndpointSpec;

export type OpenExplorer = (spec: ExplorerSpec, options?: { signal?: AbortSignal }) => Promise<Explorer>;

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** A SparqlExplorer over `spec` (credentials in the URL move to the header). */
export function openEndpoint(spec: EndpointSpec): SparqlExplorer {
  const q = splitCredentials(spec.endpoint);
  const u = spec.update !== undefined ? splitCredentials(spec.update) : undefined;
  const authorization = authorizationOf(spec.auth ?? q.auth ?? u?.auth);
  return new SparqlExplorer({
    query: q.url,
    ...(u ? { update: u.url } : {}),
    ...(spec.graph !== undefined ? { graph: spec.graph } : {}),
    ...(authorization ? { authorization } : {}),
    ...(spec.timeoutMs !== undefined ? { timeoutMs: spec.timeoutMs } : {}),
    ...(spec.log ? { log: spec.log } : {}),
    ...(spec.fetch ? { fetch: spec.fetch } : {}),
  });
}

/** Opens the data `spec` names; a file that does not load is ExplorerError `invalid-data` with its problems. */
export const openExplorer: OpenExplorer = async (spec, options) => {
  options?.signal?.throwIfAborted();
  if (typeof spec === 'object' && 'endpoint' in spec) return openEndpoint(spec);
  const files = typeof spec === 'string' ? [spec] : spec.files;
  if (files.length !== 1)
    throw new ExplorerError({
      code: 'bad-request',
      message: `one dataset file is needed, got ${files.length}`,
      hint: 'name one dataset file',
    });
  const path = files[0]!;
  if (isUrl(path)) return openEndpoint({ endpoint: path });
  // The default data was checked when the CLI was built: its snapshot, while its files are unchanged.
  const kept = path === DEFAULT_DATASET ? defaultFromSnapshot() : undefined;
  if (kept) return kept;
  const result = loadStoreFile(path);
  if (!result.ok || !result.store) {
    const problems = result.problems.filter((p) => p.severity === 'error');
    throw new ExplorerError({
      code: 'invalid-data',
      message: `cannot load ${path}: ${problems.length} error(s)`,
      hint: `run 'actorgraph validate ${path}'`,
      problems,
    });
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
  return {
    file,
    ok: r.ok,
    problems: r.problems,
    counts: r.dataset ? { entities: r.dataset.entities.length, triples: r.dataset.triples.length } : undefined,
  };
}
