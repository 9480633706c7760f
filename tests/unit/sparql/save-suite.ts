// Save to store, for any engine: two workspaces saving at once keep the
// union, a second save adds nothing, the data reads back through
// SparqlExplorer, an id the store holds otherwise is a conflict, and a
// refused or dead store gives a plain error. Run over Oxigraph
// (save.test.ts) and Virtuoso (virtuoso.test.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Additions } from '../../../src/core/explorer.ts';
import type { Dataset, Entity, Source, Triple } from '../../../src/core/model.ts';
import { ExplorerError } from '../../../src/core/errors.ts';
import { MemoryExplorer } from '../../../src/core/memory-explorer.ts';
import { TripleStore } from '../../../src/core/store.ts';
import { SparqlClient } from '../../../src/core/sparql/client.ts';
import { SparqlExplorer } from '../../../src/core/sparql/explorer.ts';
import { push } from '../../../src/core/sparql/push.ts';
import { acceptsUpdates } from '../../../src/core/sparql/save.ts';
import { nTriplesLines } from '../../../src/core/writers/rdf.ts';
import { DEFAULT_DATASET, openExplorer } from '../../../src/node/open-explorer.ts';

/** Where the suite saves: the store's URL and, for an in-process engine, its fetch. */
export interface SaveTarget {
  query: string;
  fetch?: typeof fetch;
}
const GRAPH = 'https://example.org/graph/annotated';

const report: Source = {
  id: 'field-report',
  title: 'Field report',
  publisher: 'Desk',
  published: '2026-11-30',
  // Hostile for SPARQL text: quotes, braces, a backslash before u, a newline, a hash.
  text: 'Kataib Hezbollah met Iran\'s envoy. He said "no" } # \\u0022 twice.\nThe Harbour Brigade guards the port.',
};
const brigade: Entity = { id: 'harbour-brigade', label: 'Harbour Brigade', type: 'armed-group' };
const rel = (id: string, subject: string, predicate: string, object: string, evidence: string): Triple => ({
  id,
  subject,
  predicate,
  object,
  source: report.id,
  evidence,
  status: 'asserted',
  confidence: 0.75,
});
const shared = rel('field-report-r-shared', 'harbour-brigade', 'backed-by', 'kataib-hezbollah', 'Harbour Brigade');
const onlyA = rel('field-report-r-a', 'kataib-hezbollah', 'backed-by', 'iran', 'Kataib Hezbollah met Iran');
const onlyB = rel('field-report-r-b', 'harbour-brigade', 'backed-by', 'iran', 'The Harbour Brigade');

const A: Additions = {
  sources: [report],
  entities: [brigade],
  aliases: [
    { entity: 'iran', alias: 'Teheran' },
    { entity: 'iran', alias: 'the "Islamic Republic" \\u0041 }' },
  ],
  triples: [shared, onlyA],
};
const B: Additions = {
  sources: [report],
  entities: [brigade],
  aliases: [
    { entity: 'iran', alias: 'Teheran' },
    { entity: 'iran', alias: 'Persia' },
  ],
  triples: [shared, onlyB],
};

let base: Dataset;
let ep: SaveTarget;
const explorer = (f = ep.fetch) =>
  new SparqlExplorer({ query: ep.query, graph: GRAPH, timeoutMs: 120_000, ...(f ? { fetch: f } : {}) });
const client = () => new SparqlClient({ query: ep.query, ...(ep.fetch ? { fetch: ep.fetch } : {}) });
const count = async () =>
  Number((await client().select(`SELECT (COUNT(*) AS ?n) FROM <${GRAPH}> WHERE { ?s ?p ?o }`))[0]!.n!.value);

/** The default data with both workspaces' additions, as one dataset. */
function union(): Dataset {
  const iran = base.entities.find((e) => e.id === 'iran')!;
  const aliases = [...new Set([...(iran.aliases ?? []), ...[...A.aliases, ...B.aliases].map((a) => a.alias)])];
  return {
    ...base,
    sources: [...base.sources, report],
    entities: [...base.entities.map((e) => (e.id === 'iran' ? { ...e, aliases } : e)), brigade],
    triples: [...base.triples, shared, onlyA, onlyB],
  };
}

export function saveSuite(name: string, target: () => SaveTarget, timeout = 60_000): void {
  describe(`save to a SPARQL store: ${name}`, { timeout }, () => {
    beforeEach(async () => {
      base ??= await ((await openExplorer(DEFAULT_DATASET)) as MemoryExplorer).exportDataset({ all: true });
      ep = target();
      await push(client(), base, { graph: GRAPH, replace: true });
    }, 300_000);

    it('two saves at once keep the union, each only adding, nothing twice', async () => {
      expect((await explorer().capabilities()).write).toBe(true);
      // Every request seen, to find that only INSERT DATA reached the store: no DELETE, CLEAR or DROP.
      const sent: string[] = [];
      const spy = (async (u: string | URL | Request, init?: RequestInit) => {
        sent.push(new URLSearchParams(String(init?.body ?? '')).get('update') ?? '');
        return (ep.fetch ?? fetch)(u, init);
      }) as typeof fetch;
      const [a, b] = await Promise.all([explorer(spy).save(A), explorer(spy).save(B)]);
      expect(a.conflicts).toEqual([]);
      expect(b.conflicts).toEqual([]);
      const updates = sent.filter(Boolean);
      expect(updates.length).toBeGreaterThan(0);
      expect(updates.every((u) => u.startsWith('INSERT DATA'))).toBe(true);
      // The store holds exactly the mapping of the union: nothing lost, nothing doubled.
      expect(await count()).toBe(new Set(nTriplesLines(union())).size);
      const iran = (await explorer().entity('iran'))!;
      expect(iran.aliases).toEqual(expect.arrayContaining(['Teheran', 'Persia', 'the "Islamic Republic" \\u0041 }']));
    });

    it('saving twice adds nothing and says what the store held already', async () => {
      const first = await explorer().save(A);
      expect(first.saved.map((i) => i.kind).sort()).toEqual([
        'alias',
        'alias',
        'entity',
        'relation',
        'relation',
        'source',
      ]);
      expect(first.triples).toBeGreaterThan(10);
      const n = await count();
      const again = await explorer().save(A);
      expect(again.saved).toEqual([]);
      expect(again.triples).toBe(0);
      expect(again.already).toHaveLength(first.saved.length);
      expect(await count()).toBe(n);
      // The other workspace: its shared items are there already, the rest is saved.
      const b = await explorer().save(B);
      expect(b.already).toEqual(
        expect.arrayContaining([
          { kind: 'source', id: report.id },
          { kind: 'entity', id: brigade.id },
          { kind: 'relation', id: shared.id },
          { kind: 'alias', id: 'iran', alias: 'Teheran' },
        ]),
      );
      expect(b.saved).toEqual([
        { kind: 'alias', id: 'iran', alias: 'Persia' },
        { kind: 'relation', id: onlyB.id },
      ]);
    });

    it('reads back through SparqlExplorer: details, paths, the source text', async () => {
      await explorer().save(A);
      await explorer().save(B);
      const ex = explorer();
      const d = (await ex.details('harbour-brigade'))!;
      expect(d.entity).toEqual(brigade);
      expect(d.outgoing.map((t) => t.id).sort()).toEqual([onlyB.id, shared.id].sort());
      expect(d.outgoing.find((t) => t.id === onlyB.id)).toEqual(onlyB);
      const p = await ex.paths({ from: 'harbour-brigade', to: 'united-states', mode: 'shortest' });
      expect(p.paths.length).toBeGreaterThan(0);
      expect(p.paths[0]!.nodes[0]).toBe('harbour-brigade');
      expect((await ex.source(report.id))?.text).toBe(report.text);
      // The same answers as memory over the union.
      const u = union();
      const mem = new MemoryExplorer(TripleStore.build(u, u.schema!));
      const sortIds = (ts: Triple[]) => ts.map((t) => t.id).sort();
      const [m, s] = [(await mem.details('iran'))!, (await ex.details('iran'))!];
      expect(sortIds(s.incoming)).toEqual(sortIds(m.incoming));
      expect([...s.entity.aliases!].sort()).toEqual([...m.entity.aliases!].sort());
      const mp = await mem.paths({ from: 'harbour-brigade', to: 'united-states', mode: 'shortest' });
      expect(p.paths.map((x) => x.nodes.join(' ')).sort()).toEqual(mp.paths.map((x) => x.nodes.join(' ')).sort());
    });

    it('an id the store holds for something else is a conflict: not written, nor what names it', async () => {
      await explorer().save(A);
      const n = await count();
      const other: Additions = {
        sources: [{ ...report, title: 'Another report' }],
        entities: [{ ...brigade, label: 'Port Guards' }],
        aliases: [],
        triples: [{ ...onlyB, id: 'field-report-r-c' }],
      };
      const r = await explorer().save(other);
      expect(r.saved).toEqual([]);
      expect(r.conflicts).toEqual([
        { kind: 'source', id: report.id },
        { kind: 'entity', id: brigade.id },
        { kind: 'relation', id: 'field-report-r-c' },
      ]);
      expect(await count()).toBe(n);
    });

    it('a store that refuses updates, or is down: a plain error, nothing half-said', async () => {
      const n0 = await count();
      const refusing = (async (u: string | URL | Request, init?: RequestInit) =>
        /update=/.test(String(init?.body))
          ? new Response('updates are not allowed', { status: 403 })
          : (ep.fetch ?? fetch)(u, init)) as typeof fetch;
      const e1 = await explorer(refusing)
        .save(A)
        .catch((e: unknown) => ExplorerError.from(e));
      expect(e1).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/refused/) });
      const dead = new SparqlExplorer({ query: 'http://127.0.0.1:9/sparql', graph: GRAPH, timeoutMs: 5000 });
      const e2 = await dead.save(A).catch((e: unknown) => ExplorerError.from(e));
      expect(e2).toMatchObject({ code: 'unreachable' });
      // What the page asks before it offers Save to store.
      const withFetch = (f: typeof fetch | undefined) =>
        new SparqlClient({ query: ep.query, ...(f ? { fetch: f } : {}) });
      expect(await acceptsUpdates(withFetch(ep.fetch))).toBe(true);
      expect(await acceptsUpdates(withFetch(refusing))).toBe(false);
      expect(await count()).toBe(n0);
      const ro = new SparqlExplorer({
        query: ep.query,
        graph: GRAPH,
        readOnly: true,
        ...(ep.fetch ? { fetch: ep.fetch } : {}),
      });
      expect((await ro.capabilities()).write).toBe(false);
      await expect(ro.save(A)).rejects.toMatchObject({ code: 'not-supported' });
      // The in-memory explorer cannot write.
      const mem = (await openExplorer(DEFAULT_DATASET)) as MemoryExplorer;
      expect((await mem.capabilities()).write).toBe(false);
      expect((mem as { save?: unknown }).save).toBeUndefined();
    });
  });
}
