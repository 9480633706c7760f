// A dataset into a SPARQL store: the N-Triples lines `export --format nt`
// writes (one mapping, so push and export cannot drift apart), sent in
// INSERT DATA batches. RDF graphs are sets, so a second push adds nothing;
// `replace` clears the graph first. Ends with a count check.
import type { Dataset } from '../model.ts';
import { ExplorerError } from '../errors.ts';
import { nTriplesLines } from '../writers/rdf.ts';
import type { SparqlClient } from './client.ts';
import { iriRef } from './escape.ts';

export interface PushOptions {
  /** The named graph (default: the default graph). */
  graph?: string;
  /** Clear the graph before loading. */
  replace?: boolean;
  /** Triples per INSERT DATA (default 2000: Virtuoso's SPARQL compiler runs out of memory near 5000). */
  batch?: number;
  progress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

export interface PushResult {
  /** Distinct triples of the dataset. */
  triples: number;
  /** Triples in the graph afterwards. */
  stored: number;
  requests: number;
}

export async function push(client: SparqlClient, dataset: Dataset, opts: PushOptions = {}): Promise<PushResult> {
  const lines = [...new Set(nTriplesLines(dataset))];
  const before = client.requests;
  if (opts.replace)
    await client.update(opts.graph ? `CLEAR SILENT GRAPH ${iriRef(opts.graph)}` : 'CLEAR SILENT DEFAULT', opts.signal);
  await insertData(client, lines, opts);
  const rows = await client.select(
    `SELECT (COUNT(*) AS ?n) ${opts.graph ? `FROM ${iriRef(opts.graph)} ` : ''}WHERE { ?s ?p ?o }`,
    opts.signal,
  );
  const stored = Number(rows[0]?.n?.value ?? NaN);
  if (!(stored >= lines.length) || (opts.replace && stored !== lines.length)) {
    throw new ExplorerError({
      code: 'internal',
      message: `the store holds ${stored} triples after the push; ${lines.length} were sent`,
      hint: "check the store's log; push again with --replace",
    });
  }
  return { triples: lines.length, stored, requests: client.requests - before };
}

/** N-Triples lines sent as INSERT DATA in batches: it only adds (an RDF graph is a set, so a line twice is once). */
export async function insertData(
  client: SparqlClient,
  lines: readonly string[],
  opts: Pick<PushOptions, 'graph' | 'batch' | 'progress' | 'signal'> = {},
): Promise<void> {
  const batch = Math.max(1, opts.batch ?? 2000);
  const wrap = (body: string) =>
    opts.graph ? `INSERT DATA { GRAPH ${iriRef(opts.graph)} {\n${body}} }` : `INSERT DATA {\n${body}}`;
  for (let i = 0; i < lines.length; i += batch) {
    await client.update(
      wrap(
        lines
          .slice(i, i + batch)
          .map(sparqlSafe)
          .join(''),
      ),
      opts.signal,
    );
    opts.progress?.(Math.min(i + batch, lines.length), lines.length);
  }
}

/**
 * An N-Triples line as SPARQL data. SPARQL reads \uXXXX before it parses, so a text holding a backslash then `u`
 * (written `\\u` in N-Triples) could be read as an escape: its `u` is written as \u0075, which the first pass turns
 * back into a plain `u` after the escaped backslash.
 */
export function sparqlSafe(line: string): string {
  return line.includes('\\\\')
    ? line.replace(/\\\\([uU])/g, (_m, u: string) => `\\\\\\u00${u === 'u' ? '75' : '55'}`)
    : line;
}
