// A dataset into a SPARQL store: the N-Triples lines `export --format nt`
// writes (one mapping, so push and export cannot drift apart). Where the store
// offers the SPARQL 1.1 Graph Store Protocol they are POSTed as N-Triples
// (parsed by the store's RDF loader, far quicker than its SPARQL compiler);
// otherwise sent as INSERT DATA. A few requests are in flight at once. RDF
// graphs are sets, so a second push adds nothing and a batch sent twice (a
// fallback after a refused first batch) does no harm; `replace` clears the
// graph first. Ends with a count check.
import type { Dataset } from '../model.ts';
import { aborted, ExplorerError } from '../errors.ts';
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
  /** Requests in flight at once (default 3). */
  concurrency?: number;
  /**
   * The Graph Store Protocol URL (Virtuoso: …/sparql-graph-crud, Fuseki: …/data, Oxigraph: …/store); false: never
   * use one, INSERT DATA only. Default: tried at the usual places beside the query URL.
   */
  graphStore?: string | false;
  progress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

export type PushMethod = 'graph-store' | 'insert-data';

export interface PushResult {
  /** Distinct triples of the dataset. */
  triples: number;
  /** Triples in the graph afterwards. */
  stored: number;
  requests: number;
  /** How the triples went in. */
  method: PushMethod;
  /** The Graph Store URL used, when one was. */
  graphStore?: string;
}

/** Bytes of N-Triples per Graph Store POST: large enough that per-request costs vanish, small enough to stream. */
export const GSP_BATCH_BYTES = 4_000_000;
/** Bytes per INSERT DATA besides the triple count (a few long source texts must not make one huge update). */
const INSERT_BATCH_BYTES = 1_000_000;

export async function push(client: SparqlClient, dataset: Dataset, opts: PushOptions = {}): Promise<PushResult> {
  const lines = [...new Set(nTriplesLines(dataset))];
  const before = client.requests;
  const { signal } = opts;
  if (opts.replace)
    await client.update(opts.graph ? `CLEAR SILENT GRAPH ${iriRef(opts.graph)}` : 'CLEAR SILENT DEFAULT', signal);
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 3));
  let done = 0;
  const sent = (n: number) => {
    done += n;
    opts.progress?.(done, lines.length);
  };
  let method: PushMethod = 'insert-data';
  let graphStore: string | undefined;
  let rest = lines;
  if (opts.graphStore !== false && lines.length) {
    const batches = batchesOf(lines, Infinity, GSP_BATCH_BYTES);
    const first = batches[0]!;
    for (const base of opts.graphStore ? [opts.graphStore] : graphStoreCandidates(client.endpoint.query)) {
      const url = graphStoreUrl(base, opts.graph);
      if (await offers(client, url, first, opts.graph, signal)) {
        method = 'graph-store';
        graphStore = base;
        sent(first.length);
        await inParallel(batches.slice(1), concurrency, signal, async (b, s) => {
          await client.postTriples(url, b.join(''), s);
          sent(b.length);
        });
        rest = [];
        break;
      }
    }
  }
  await insertData(client, rest, { ...opts, concurrency, progress: undefined, onBatch: sent });
  const rows = await client.select(
    `SELECT (COUNT(*) AS ?n) ${opts.graph ? `FROM ${iriRef(opts.graph)} ` : ''}WHERE { ?s ?p ?o }`,
    signal,
  );
  const stored = Number(rows[0]?.n?.value ?? NaN);
  if (!(stored >= lines.length) || (opts.replace && stored !== lines.length)) {
    throw new ExplorerError({
      code: 'internal',
      message: `the store holds ${stored} triples after the push; ${lines.length} were sent`,
      hint: "check the store's log; push again with --replace",
    });
  }
  return {
    triples: lines.length,
    stored,
    requests: client.requests - before,
    method,
    ...(graphStore ? { graphStore } : {}),
  };
}

/** Where stores usually serve the Graph Store Protocol, beside a query URL. */
export function graphStoreCandidates(queryUrl: string): string[] {
  let u: URL;
  try {
    u = new URL(queryUrl);
  } catch {
    return [];
  }
  const at = (path: string) => new URL(path, u.origin).toString();
  const m = /^(.*\/)(sparql|query)\/?$/.exec(u.pathname);
  if (!m) return [];
  const dir = m[1]!;
  return [
    ...(m[2] === 'sparql' ? [at(`${dir}sparql-graph-crud`)] : []), // Virtuoso
    at(`${dir}data`), // Fuseki (/ds/sparql, /ds/query → /ds/data)
    ...(m[2] === 'query' ? [at(`${dir}store`)] : []), // Oxigraph
  ];
}

/** The GSP URL naming `graph` (or the default graph). */
export function graphStoreUrl(base: string, graph: string | undefined): string {
  const u = new URL(base);
  if (graph === undefined) u.searchParams.set('default', '');
  else u.searchParams.set('graph', graph);
  return u
    .toString()
    .replace(/default=$/, 'default')
    .replace(/default=&/, 'default&');
}

/**
 * Whether `url` takes the first batch as a Graph Store: the POST succeeds and its first triple is then in the
 * graph (a server that answers 200 to anything is not mistaken for one).
 */
async function offers(
  client: SparqlClient,
  url: string,
  batch: string[],
  graph: string | undefined,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    await client.postTriples(url, batch.join(''), signal);
    const t = sparqlSafe(batch[0]!).trimEnd().replace(/ \.$/, '');
    // Not ASK: Virtuoso 7 answers it as a one-row SELECT.
    const q = `SELECT ?s WHERE { ${graph ? `GRAPH ${iriRef(graph)} { ${t} }` : t} BIND(1 AS ?s) } LIMIT 1`;
    return (await client.select(q, signal)).length > 0;
  } catch (e) {
    if (signal?.aborted || ExplorerError.from(e).code === 'aborted') throw e;
    return false;
  }
}

/** Consecutive runs of at most `count` lines and about `bytes` characters (never empty). */
export function batchesOf(lines: readonly string[], count: number, bytes: number): string[][] {
  const out: string[][] = [];
  let cur: string[] = [],
    size = 0;
  for (const l of lines) {
    if (cur.length && (cur.length >= count || size + l.length > bytes)) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(l);
    size += l.length;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Runs `fn` over `items`, `n` at a time; the first failure stops the rest (their requests are aborted). */
async function inParallel<T>(
  items: readonly T[],
  n: number,
  signal: AbortSignal | undefined,
  fn: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  if (signal?.aborted) throw aborted();
  const stop = new AbortController();
  const both = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  let next = 0;
  const lane = async () => {
    while (next < items.length && !both.aborted) await fn(items[next++]!, both);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
  } catch (e) {
    stop.abort();
    throw signal?.aborted ? aborted() : e;
  }
}

/** N-Triples lines sent as INSERT DATA in batches, a few at once: it only adds (an RDF graph is a set, so a line twice is once). */
export async function insertData(
  client: SparqlClient,
  lines: readonly string[],
  opts: Pick<PushOptions, 'graph' | 'batch' | 'progress' | 'signal' | 'concurrency'> & {
    /** Told how many lines each batch carried, once it is in. */
    onBatch?: (lines: number) => void;
  } = {},
): Promise<void> {
  const wrap = (body: string) =>
    opts.graph ? `INSERT DATA { GRAPH ${iriRef(opts.graph)} {\n${body}} }` : `INSERT DATA {\n${body}}`;
  let done = 0;
  await inParallel(
    batchesOf(lines, Math.max(1, opts.batch ?? 2000), INSERT_BATCH_BYTES),
    Math.max(1, Math.floor(opts.concurrency ?? 1)),
    opts.signal,
    async (b, s) => {
      await client.update(wrap(b.map(sparqlSafe).join('')), s);
      done += b.length;
      opts.onBatch?.(b.length);
      opts.progress?.(done, lines.length);
    },
  );
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
