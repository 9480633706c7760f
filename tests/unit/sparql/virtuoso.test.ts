// The parity suite over Virtuoso Open Source 7, started for the test (a
// private ini, loopback ports). Without virtuoso-t the suite fails in CI and
// is skipped locally with a message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryExplorer } from '../../../src/core/memory-explorer.ts';
import { TripleStore } from '../../../src/core/store.ts';
import { SparqlClient } from '../../../src/core/sparql/client.ts';
import { SparqlExplorer } from '../../../src/core/sparql/explorer.ts';
import { push } from '../../../src/core/sparql/push.ts';
import { DEFAULT_DATASET, openExplorer } from '../../../src/node/open-explorer.ts';
import { generateDataset, loadSchema } from '../../../bench/generate.ts';
import type { Dataset } from '../../../src/core/model.ts';
import { paritySuite, type Engine } from './parity.ts';
import { saveSuite } from './save-suite.ts';
import { hostileDataset } from './hostile-data.ts';
import { hasVirtuoso, startVirtuoso, VIRTUOSO_BIN, type Virtuoso } from '../../../bench/virtuoso-server.ts';

const present = hasVirtuoso();
if (!present && process.env.CI) {
  describe('virtuoso', () => {
    it('is installed (CI needs it: apt-get install virtuoso-opensource)', () => {
      throw new Error(`${VIRTUOSO_BIN} not found`);
    });
  });
} else if (!present) {
  console.warn(
    `[virtuoso] ${VIRTUOSO_BIN} not found: the Virtuoso parity suite is skipped (apt-get install virtuoso-opensource)`,
  );
  describe.skip('virtuoso', () => {
    it('needs virtuoso-t', () => {});
  });
} else {
  describe('virtuoso', () => {
    let v: Virtuoso;
    let def: Engine, synth: Engine;
    const engineOver = async (dataset: Dataset, graph: string): Promise<Engine> => {
      await push(new SparqlClient({ query: v.endpoint }), dataset, { graph, replace: true, batch: 2000 });
      return {
        memory: new MemoryExplorer(TripleStore.build(dataset, dataset.schema!)),
        dataset,
        sparql: new SparqlExplorer({ query: v.endpoint, graph, timeoutMs: 120_000 }),
      };
    };
    beforeAll(async () => {
      v = await startVirtuoso();
      const mem = (await openExplorer(DEFAULT_DATASET)) as MemoryExplorer;
      def = await engineOver(await mem.exportDataset({ all: true }), 'https://example.org/graph/default-data');
      const ds = generateDataset({
        triples: Number(process.env.ACTORGRAPH_PARITY_TRIPLES_VIRTUOSO ?? 2000),
        seed: 11,
        schema: loadSchema(),
      });
      synth = await engineOver(
        await new MemoryExplorer(TripleStore.build(ds, ds.schema ?? loadSchema())).exportDataset({ all: true }),
        'https://example.org/graph/synthetic',
      );
    }, 600_000);
    afterAll(async () => {
      await v?.stop();
    }, 60_000);
    it("a search nothing starts with asks Virtuoso's text index (detected), and says nothing found", async () => {
      const lines: string[] = [];
      const sp = new SparqlExplorer({
        query: v.endpoint,
        graph: 'https://example.org/graph/default-data',
        log: (l) => lines.push(l),
      });
      expect(await sp.search('qqqzzx')).toEqual([]);
      expect(lines.some((l) => l.includes('bif:contains'))).toBe(true);
    }, 60_000);
    paritySuite('default data on Virtuoso', () => def);
    paritySuite('synthetic graph on Virtuoso', () => synth, { seed: 5, timeout: 300_000 });
    saveSuite('Virtuoso', () => ({ query: v.endpoint }), 120_000);
    it('hostile labels survive push by the Graph Store and by INSERT DATA alike', async () => {
      const mem = new MemoryExplorer(TripleStore.build(hostileDataset, hostileDataset.schema!));
      const ds = await mem.exportDataset({ all: true });
      for (const [graph, graphStore] of [
        ['https://example.org/graph/hostile-gsp', undefined],
        ['https://example.org/graph/hostile-insert', false],
      ] as const) {
        const r = await push(new SparqlClient({ query: v.endpoint }), ds, {
          graph,
          ...(graphStore === false ? { graphStore } : {}),
        });
        expect(r.method).toBe(graphStore === false ? 'insert-data' : 'graph-store');
        const sp = new SparqlExplorer({ query: v.endpoint, graph });
        for (const e of ds.entities) expect(await sp.entity(e.id)).toEqual(await mem.entity(e.id));
        const back = await sp.exportDataset({ all: true });
        expect(back.triples.map((t) => t.evidence).sort()).toEqual(ds.triples.map((t) => t.evidence).sort());
        expect(back.sources).toEqual(ds.sources);
        expect((await sp.stats()).title).toBe(hostileDataset.title);
      }
    }, 120_000);
  });
}
