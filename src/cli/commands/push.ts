// push: a dataset into a SPARQL store, as `export --format nt` writes it.
import { push as pushDataset } from '../../core/sparql/push.ts';
import type { OpenExplorer } from '../../node/open-explorer.ts';
import { openEndpoint, type EndpointSpec } from '../../node/open-explorer.ts';
import { CliError, EXIT_FOUND, int, open, type Io, type Values } from '../context.ts';

export async function pushCmd(
  args: string[],
  values: Values,
  io: Io,
  factory: OpenExplorer,
  endpoint: EndpointSpec | undefined,
): Promise<number> {
  if (args.length > 1) throw new CliError('push takes at most one dataset file');
  if (!endpoint) throw new CliError('push needs --endpoint URL (or ACTORGRAPH_ENDPOINT)');
  const source = await open(args[0] ?? values.data, factory);
  const dataset = await source.exportDataset({ all: true });
  const store = openEndpoint(endpoint);
  const batch = int(values, 'batch', 2000, 1, 1_000_000);
  const concurrency = int(values, 'concurrency', 3, 1, 64);
  const gs = values['graph-store'];
  const t0 = Date.now();
  const r = await pushDataset(store.client, dataset, {
    ...(endpoint.graph !== undefined ? { graph: endpoint.graph } : {}),
    replace: values.replace,
    batch,
    concurrency,
    ...(gs !== undefined ? { graphStore: gs === 'none' ? false : gs } : {}),
    progress: (sent, total) => io.err(`pushed ${sent} of ${total} triples`),
  });
  const how = r.method === 'graph-store' ? `to the Graph Store ${r.graphStore}` : 'by INSERT DATA';
  const line = `${r.triples} triples pushed ${how} in ${r.requests} requests (${((Date.now() - t0) / 1000).toFixed(1)} s); the ${endpoint.graph ? `graph ${endpoint.graph}` : 'default graph'} holds ${r.stored}`;
  if (values.json) io.out(JSON.stringify({ ...r, seconds: (Date.now() - t0) / 1000 }));
  else io.out(line);
  return EXIT_FOUND;
}
