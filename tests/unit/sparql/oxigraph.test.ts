// The parity suite over Oxigraph (in process, behind the SPARQL protocol):
// the default data and a synthetic graph, loaded by push.
import { beforeAll, describe } from 'vitest';
import { MemoryExplorer } from '../../../src/core/memory-explorer.ts';
import { TripleStore } from '../../../src/core/store.ts';
import { SparqlClient } from '../../../src/core/sparql/client.ts';
import { SparqlExplorer } from '../../../src/core/sparql/explorer.ts';
import { push } from '../../../src/core/sparql/push.ts';
import { DEFAULT_DATASET, openExplorer } from '../../../src/node/open-explorer.ts';
import { generateDataset, loadSchema } from '../../../bench/generate.ts';
import type { Dataset } from '../../../src/core/model.ts';
import { oxigraphEndpoint } from './oxigraph-fetch.ts';
import { paritySuite, type Engine } from './parity.ts';

/** The store and memory over the same dataset (an export: source texts inline, as push sends them). */
async function engineOver(dataset: Dataset, graph?: string): Promise<Engine> {
  const ep = oxigraphEndpoint();
  await push(new SparqlClient({ query: 'http://oxigraph.test/sparql', fetch: ep.fetch }), dataset, { graph });
  const mem = new MemoryExplorer(TripleStore.build(dataset, dataset.schema!));
  return {
    memory: mem,
    dataset,
    sparql: new SparqlExplorer({ query: 'http://oxigraph.test/sparql', fetch: ep.fetch, graph }),
  };
}

describe('oxigraph', () => {
  let def: Engine, synth: Engine;
  beforeAll(async () => {
    const mem = (await openExplorer(DEFAULT_DATASET)) as MemoryExplorer;
    def = await engineOver(await mem.exportDataset({ all: true }));
    const ds = generateDataset({
      triples: Number(process.env.ACTORGRAPH_PARITY_TRIPLES ?? 3000),
      seed: 11,
      schema: loadSchema(),
    });
    synth = await engineOver(
      await new MemoryExplorer(TripleStore.build(ds, ds.schema ?? loadSchema())).exportDataset({ all: true }),
      'https://example.org/graph/synthetic',
    );
  }, 300_000);
  paritySuite('default data on Oxigraph', () => def);
  paritySuite('synthetic graph on Oxigraph (named graph)', () => synth, { seed: 5, timeout: 120_000 });
});
