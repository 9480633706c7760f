// The SPARQL 1.1 Protocol over an in-process Oxigraph store: a fetch that
// answers POSTed queries and updates, so SparqlExplorer runs unchanged
// against a real engine in every `npm test`.
import oxigraph from 'oxigraph';

export interface FakeEndpoint {
  store: oxigraph.Store;
  fetch: typeof fetch;
  /** Bodies of the requests seen. */
  seen: string[];
}

/** `graphStore`: also the Graph Store Protocol at …/sparql-graph-crud (POST of N-Triples), as Virtuoso has it. */
export function oxigraphEndpoint(opts: { authorization?: string; graphStore?: boolean } = {}): FakeEndpoint {
  const store = new oxigraph.Store();
  const seen: string[] = [];
  const f = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    init?.signal?.throwIfAborted();
    const headers = new Headers(init?.headers);
    if (opts.authorization && headers.get('authorization') !== opts.authorization)
      return new Response('unauthorized', { status: 401 });
    const u = new URL(String(url));
    if (u.pathname.endsWith('/sparql-graph-crud')) {
      if (!opts.graphStore) return new Response('not found', { status: 404 });
      const graph = u.searchParams.get('graph');
      seen.push(`GSP ${graph ?? 'default'}`);
      try {
        store.load(String(init?.body ?? ''), {
          format: 'application/n-triples',
          to_graph_name: graph ? oxigraph.namedNode(graph) : oxigraph.defaultGraph(),
        });
        return new Response('', { status: 201 });
      } catch (e) {
        return new Response(String((e as Error).message), { status: 400 });
      }
    }
    const form = new URLSearchParams(String(init?.body ?? ''));
    const query = form.get('query'),
      update = form.get('update');
    seen.push(query ?? update ?? '');
    try {
      if (update !== null) {
        store.update(update);
        return new Response('', { status: 200 });
      }
      if (query === null) return new Response('no query', { status: 400 });
      const out = store.query(query, { results_format: 'application/sparql-results+json' });
      return new Response(String(out), { status: 200, headers: { 'content-type': 'application/sparql-results+json' } });
    } catch (e) {
      return new Response(String((e as Error).message), { status: 400 });
    }
  };
  return { store, fetch: f as typeof fetch, seen };
}
