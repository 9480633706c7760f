// The explorer page over a SPARQL store: the start server (bin/start.mjs)
// proxies /sparql, and only that path, to the store, so the page stays
// within `connect-src 'self'` and never holds credentials.
import type { Problem } from '../../core/problems.ts';
import { ExplorerError } from '../../core/errors.ts';
import { SparqlExplorer } from '../../core/sparql/explorer.ts';
import { countAllQuery } from '../../core/sparql/queries.ts';
import { acceptsUpdates } from '../../core/sparql/save.ts';
import { loadedData, type LoadOutcome } from './load.ts';
import { formatCount } from '../../core/format.ts';

/** The store the page was started against (its URL without credentials), if any. */
export function configuredEndpoint(): string | undefined {
  const v = (import.meta as { env?: Record<string, string | undefined> }).env?.VITE_ACTORGRAPH_ENDPOINT;
  return v || undefined;
}

/** A plain problem from an ExplorerError (unreachable, timeout, refused password, not SPARQL). */
function problem(label: string, e: unknown): Problem {
  const err = ExplorerError.from(e);
  return {
    severity: 'error',
    code: `sparql-${err.code}`,
    file: label,
    path: '',
    message: err.message,
    hint: err.hint ?? 'check the endpoint given to npm start',
  };
}

/** Connects to the store behind /sparql: stats first, so a dead store is said at once. */
export async function loadEndpoint(label: string, signal?: AbortSignal): Promise<LoadOutcome> {
  const graph = (import.meta as { env?: Record<string, string | undefined> }).env?.VITE_ACTORGRAPH_GRAPH;
  const options = { query: '/sparql', timeoutMs: 60_000, ...(graph ? { graph } : {}) };
  let explorer = new SparqlExplorer(options);
  try {
    const stats = await explorer.stats({ signal });
    // Save to store is offered only when the store takes updates.
    if (!(await acceptsUpdates(explorer.client, signal))) explorer = new SparqlExplorer({ ...options, readOnly: true });
    const triples = Number(
      (await explorer.client.select(countAllQuery(graph || undefined), signal))[0]?.n?.value ?? NaN,
    );
    const sources = (await explorer.sources({ limit: 1000 }, { signal })).sources;
    const title = `${stats.title ?? 'SPARQL store'} — connected to ${label} (${Number.isFinite(triples) ? `${formatCount(triples)} RDF triples` : 'size unknown'})`;
    return { ok: true, data: loadedData(explorer, { file: label, title, sources, warnings: [] }, () => {}) };
  } catch (e) {
    return {
      ok: false,
      problems: [problem(label, e)],
      ...(ExplorerError.from(e).code === 'aborted' ? { cancelled: true } : {}),
    };
  }
}
