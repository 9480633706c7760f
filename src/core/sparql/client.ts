// The SPARQL 1.1 Protocol, as actorgraph uses it: POST, JSON results,
// separate query and update URLs, an optional Authorization header that is
// never logged nor put in a URL, a timeout and the caller's signal on every
// request, and a count of requests (what `--verbose` prints).
import { ExplorerError, aborted } from '../errors.ts';

export interface SparqlEndpoint {
  /** The query URL. */
  query: string;
  /** The update URL (default: the query URL). */
  update?: string;
  /** The whole header value: "Basic …" or "Bearer …". */
  authorization?: string;
  /** Milliseconds per request (default 30 s). */
  timeoutMs?: number;
  /** Told about each request, without credentials. */
  log?: (line: string) => void;
  /** Replaces the global fetch (tests, an in-process engine). */
  fetch?: typeof fetch;
}

export type RdfJsonTerm = {
  type: 'uri' | 'literal' | 'typed-literal' | 'bnode';
  value: string;
  datatype?: string;
  'xml:lang'?: string;
};
export type Binding = Record<string, RdfJsonTerm | undefined>;

export const DEFAULT_TIMEOUT_MS = 30_000;

function netError(message: string, hint: string): ExplorerError {
  return new ExplorerError({ code: 'unreachable', message, hint });
}

/** "user:password" or a token as a header value: Basic for a pair, Bearer otherwise (or as written when it names its scheme). */
export function authorizationOf(auth: string | undefined): string | undefined {
  if (!auth) return undefined;
  if (/^(Basic|Bearer) /i.test(auth)) return auth;
  if (auth.includes(':')) return `Basic ${Buffer.from(auth, 'utf8').toString('base64')}`;
  return `Bearer ${auth}`;
}

/** The URL with any user:password taken out (it goes to the header instead, never to logs). */
export function splitCredentials(url: string): { url: string; auth?: string } {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return { url };
    const auth = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
    u.username = '';
    u.password = '';
    return { url: u.toString(), auth };
  } catch {
    return { url };
  }
}

export class SparqlClient {
  /** Requests sent so far. */
  requests = 0;

  constructor(readonly endpoint: SparqlEndpoint) {
    for (const u of [endpoint.query, endpoint.update]) {
      if (u !== undefined && !/^https?:\/\//i.test(u) && !u.startsWith('/'))
        throw new ExplorerError({
          code: 'bad-request',
          message: `not an http(s) endpoint: ${u}`,
          hint: 'give a URL like http://localhost:8890/sparql',
        });
    }
  }

  /** SELECT or ASK: the bindings (ASK: one row with `boolean`). */
  async select(query: string, signal?: AbortSignal): Promise<Binding[]> {
    const json = await this.send(this.endpoint.query, 'query', query, 'application/sparql-results+json', signal);
    let data: { results?: { bindings?: Binding[] }; boolean?: boolean };
    try {
      data = JSON.parse(json) as typeof data;
    } catch {
      throw notSparql(this.endpoint.query, json);
    }
    if (typeof data.boolean === 'boolean') return [{ boolean: { type: 'literal', value: String(data.boolean) } }];
    if (!data.results || !Array.isArray(data.results.bindings)) throw notSparql(this.endpoint.query, json);
    return data.results.bindings;
  }

  async update(update: string, signal?: AbortSignal): Promise<void> {
    await this.send(this.endpoint.update ?? this.endpoint.query, 'update', update, '*/*', signal);
  }

  /** POSTs N-Triples to a Graph Store Protocol URL (SPARQL 1.1 GSP): adds them to the graph the URL names. */
  async postTriples(url: string, nTriples: string, signal?: AbortSignal): Promise<void> {
    await this.send(url, 'data', nTriples, '*/*', signal);
  }

  private async send(
    url: string,
    kind: 'query' | 'update' | 'data',
    text: string,
    accept: string,
    signal?: AbortSignal,
  ): Promise<string> {
    if (signal?.aborted) throw aborted();
    this.requests++;
    const n = this.requests;
    this.endpoint.log?.(
      `sparql #${n} ${kind} ${url} (${text.length} chars)${text.length <= 2000 && kind !== 'data' ? `\n${text}` : ''}`,
    );
    const timeout = AbortSignal.timeout(this.endpoint.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      'content-type':
        kind === 'data' ? 'application/n-triples;charset=UTF-8' : 'application/x-www-form-urlencoded;charset=UTF-8',
      accept,
    };
    if (this.endpoint.authorization) headers.authorization = this.endpoint.authorization;
    const t0 = Date.now();
    let res: Response;
    let body: string;
    const go = () =>
      (this.endpoint.fetch ?? fetch)(url, {
        method: 'POST',
        headers,
        body: kind === 'data' ? text : new URLSearchParams({ [kind]: text }).toString(),
        signal: both,
      });
    try {
      try {
        res = await go();
      } catch (e) {
        // A kept-alive connection the server closed while idle: a query is safe to send once more.
        if (kind !== 'query' || both.aborted) throw e;
        res = await go();
      }
      body = await res.text();
    } catch (e) {
      if (signal?.aborted) throw aborted();
      if (timeout.aborted)
        throw new ExplorerError({
          code: 'timeout',
          message: `the SPARQL endpoint did not answer within ${Math.round((this.endpoint.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s`,
          hint: 'try a narrower query, or a longer --timeout',
        });
      throw netError(
        `cannot reach the SPARQL endpoint ${url}: ${(e as Error & { cause?: Error }).cause?.message ?? (e as Error).message}`,
        'check the URL and that the store is running',
      );
    }
    this.endpoint.log?.(`sparql #${n} ${res.status} in ${Date.now() - t0} ms, ${body.length} chars`);
    if (res.status === 401 || res.status === 403) {
      throw new ExplorerError({
        code: 'unauthorized',
        message: `the SPARQL endpoint refused the request (${res.status})`,
        hint: this.endpoint.authorization
          ? 'check the credentials given with --auth or ACTORGRAPH_AUTH'
          : 'give credentials with --auth USER:PASSWORD or TOKEN (or ACTORGRAPH_AUTH)',
      });
    }
    if (!res.ok) {
      throw new ExplorerError({
        code: 'bad-request',
        message: `the SPARQL endpoint answered ${res.status}: ${body.slice(0, 300).trim()}`,
        hint:
          kind !== 'query'
            ? 'the endpoint may not accept updates: give --update-endpoint, or grant SPARQL_UPDATE'
            : 'check that the URL is a SPARQL endpoint',
      });
    }
    return body;
  }
}

function notSparql(url: string, body: string): ExplorerError {
  return new ExplorerError({
    code: 'bad-answer',
    message: `${url} did not answer as a SPARQL endpoint: ${JSON.stringify(body.slice(0, 80))}`,
    hint: 'check that the URL is the SPARQL endpoint itself (often …/sparql or …/query)',
  });
}
