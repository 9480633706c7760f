// One parity suite: the same questions to the in-memory Explorer and to a
// SparqlExplorer over a store loaded by `push`, answers compared after
// putting both in one order (a store keeps sets, not the file's order).
import { describe, expect, it } from 'vitest';
import type { Explorer } from '../../../src/core/explorer.ts';
import type { Dataset, Entity, Path, PathQuery, Schema, Triple } from '../../../src/core/model.ts';
import { mulberry32 } from '../../../bench/generate.ts';

export interface Engine {
  memory: Explorer;
  sparql: Explorer & { readonly requests: number };
  dataset: Dataset;
}

const byId = <T extends { id?: string }>(xs: T[]) =>
  [...xs].sort((a, b) => (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0));
const ent = (e: Entity) => (e.aliases ? { ...e, aliases: [...e.aliases].sort() } : e);
const ents = (xs: Entity[]) => byId(xs).map(ent);
const key = (t: Triple) => t.id ?? JSON.stringify([t.subject, t.predicate, t.object, t.source, t.evidence, t.date]);
const trs = (xs: Triple[]) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const schemaSet = (s: Schema | undefined) =>
  s && {
    entityTypes: byId(s.entityTypes),
    predicates: byId(s.predicates).map((p) => ({ ...p, domain: [...p.domain].sort(), range: [...p.range].sort() })),
  };
const nodes = (ps: Path[]) => ps.map((p) => p.nodes.join(' ')).sort();

/** Picks the questions from the data: hubs, ordinary entities, pairs. */
function questions(ds: Dataset, seed: number) {
  const rnd = mulberry32(seed);
  const deg = new Map<string, number>();
  for (const t of ds.triples) {
    deg.set(t.subject, (deg.get(t.subject) ?? 0) + 1);
    deg.set(t.object, (deg.get(t.object) ?? 0) + 1);
  }
  const connected = ds.entities.filter((e) => deg.has(e.id));
  const pick = () => connected[Math.floor(rnd() * connected.length)]!;
  const hub = [...connected].sort((a, b) => deg.get(b.id)! - deg.get(a.id)!)[0]!;
  const some = Array.from({ length: 4 }, pick);
  const pairs = Array.from({ length: 5 }, () => [pick().id, pick().id] as const).filter(([a, b]) => a !== b);
  const preds = [...new Set(ds.triples.map((t) => t.predicate))].slice(0, 6);
  const types = [...new Set(ds.entities.map((e) => e.type))].slice(0, 3);
  const dates = ds.triples
    .map((t) => t.date)
    .filter((d): d is string => d !== undefined)
    .sort();
  return { hub, some, pairs, preds, types, mid: dates[Math.floor(dates.length / 2)]?.slice(0, 4) };
}

export function paritySuite(name: string, engine: () => Engine, opts: { seed?: number; timeout?: number } = {}): void {
  const timeout = opts.timeout ?? 60_000;
  describe(`parity: ${name}`, () => {
    it(
      'stats and schema',
      async () => {
        const { memory, sparql } = engine();
        const a = await memory.stats(),
          b = await sparql.stats();
        expect(b).toEqual(a);
        expect(schemaSet(await sparql.schema())).toEqual(schemaSet(await memory.schema()));
      },
      timeout,
    );

    it(
      'entities and details',
      async () => {
        const { memory, sparql, dataset } = engine();
        const q = questions(dataset, opts.seed ?? 1);
        for (const e of [q.hub, ...q.some]) {
          expect(ent((await sparql.entity(e.id))!)).toEqual(ent((await memory.entity(e.id))!));
          const a = (await memory.details(e.id))!,
            b = (await sparql.details(e.id))!;
          expect(ent(b.entity)).toEqual(ent(a.entity));
          expect(trs(b.outgoing)).toEqual(trs(a.outgoing));
          expect(trs(b.incoming)).toEqual(trs(a.incoming));
          const pa = (await memory.details(e.id, { limit: 1 }))!,
            pb = (await sparql.details(e.id, { limit: 1 }))!;
          expect([pb.truncated, pb.totalOutgoing, pb.totalIncoming, pb.outgoing.length, pb.incoming.length]).toEqual([
            pa.truncated,
            pa.totalOutgoing,
            pa.totalIncoming,
            pa.outgoing.length,
            pa.incoming.length,
          ]);
        }
        expect(await sparql.details('no-such-entity')).toBeUndefined();
        expect(await sparql.entities(['no-such-entity', q.hub.id])).toEqual([
          undefined,
          expect.objectContaining({ id: q.hub.id }),
        ]);
      },
      timeout,
    );

    it(
      'neighbourhood, depth 1 to 3, with filters',
      async () => {
        const { memory, sparql, dataset } = engine();
        const q = questions(dataset, opts.seed ?? 1);
        const asks = [
          ...[1, 2, 3].map((depth) => ({ from: [q.some[0]!.id], depth })),
          { from: [q.hub.id], depth: 1 },
          { from: [q.some[1]!.id, q.some[2]!.id], depth: 2, direction: 'out' as const },
          { from: [q.some[3]!.id], depth: 2, direction: 'in' as const },
          { from: [q.some[0]!.id], depth: 2, predicates: q.preds },
          { from: [q.some[0]!.id], depth: 2, types: q.types },
          { from: [q.some[1]!.id], depth: 2, status: ['asserted' as const] },
          { from: [q.some[1]!.id], depth: 3, undated: 'exclude' as const },
          ...(q.mid ? [{ from: [q.some[2]!.id], depth: 2, dateFrom: q.mid }] : []),
        ];
        for (const ask of asks) {
          const a = await memory.neighbourhood(ask),
            b = await sparql.neighbourhood(ask);
          expect(ents(b.entities), JSON.stringify(ask)).toEqual(ents(a.entities));
          expect(trs(b.triples), JSON.stringify(ask)).toEqual(trs(a.triples));
          expect(b.distance).toEqual(a.distance);
          expect(b.truncated).toBe(a.truncated);
        }
      },
      timeout,
    );

    it(
      'paths: shortest, all, k, directed, constrained, avoid',
      async () => {
        const { memory, sparql, dataset } = engine();
        const q = questions(dataset, opts.seed ?? 1);
        for (const [from, to] of q.pairs) {
          const asks: PathQuery[] = [
            { from, to },
            { from, to, mode: 'all-shortest' },
            { from, to, mode: 'k-shortest', k: 3 },
            { from, to, directed: true },
            { from, to, predicates: q.preds.slice(0, 4), maxLength: 6 },
            { from, to, avoidTypes: [q.types[0]!] },
            { from, to, mode: 'all-shortest', avoidEntities: [q.hub.id] },
            { from, to, status: ['asserted'] },
          ];
          for (const ask of asks) {
            const a = await memory.paths(ask),
              b = await sparql.paths(ask);
            const label = JSON.stringify(ask);
            if (ask.mode === 'k-shortest')
              expect(
                b.paths.map((p) => p.length),
                label,
              ).toEqual(a.paths.map((p) => p.length));
            else if (ask.mode === 'all-shortest') expect(nodes(b.paths), label).toEqual(nodes(a.paths));
            else
              expect(
                b.paths.map((p) => p.length),
                label,
              ).toEqual(a.paths.map((p) => p.length));
            expect(b.paths.length > 0 || !!b.reason, label).toBe(true);
            expect(!!b.truncated, label).toBe(!!a.truncated);
          }
        }
      },
      timeout,
    );

    it(
      'relations by pattern',
      async () => {
        const { memory, sparql, dataset } = engine();
        const q = questions(dataset, opts.seed ?? 1);
        const asks = [
          { entity: q.hub.id, limit: 10_000 },
          { subject: q.some[0]!.id, limit: 10_000 },
          { predicates: q.preds.slice(0, 2), limit: 10_000 },
          { predicates: q.preds.slice(0, 3), status: ['asserted' as const], sort: 'predicate' as const, limit: 5 },
          { entity: q.hub.id, subjectTypes: q.types, limit: 10_000 },
          { source: dataset.sources[0]!.id, limit: 10_000 },
        ];
        for (const ask of asks) {
          const a = await memory.relations(ask),
            b = await sparql.relations(ask);
          expect(b.total, JSON.stringify(ask)).toBe(a.total);
          if (ask.limit >= a.total) expect(trs(b.triples)).toEqual(trs(a.triples));
          else expect(b.triples.length).toBe(a.triples.length);
        }
      },
      timeout,
    );

    it(
      'search finds what memory finds',
      async () => {
        const { memory, sparql, dataset } = engine();
        const q = questions(dataset, opts.seed ?? 1);
        for (const e of [q.hub, ...q.some]) {
          for (const text of [e.label, e.label.toLowerCase(), ...(e.aliases ?? []).slice(0, 1)]) {
            const a = await memory.search(text, { limit: 1000 }),
              b = await sparql.search(text, { limit: 1000 });
            // The same hits; the order within a tier may differ (the store gives no degree to the ranking).
            expect(b.map((h) => h.id).sort(), text).toEqual(
              a
                .map((h) => h.id)
                .filter((id) => b.some((h) => h.id === id) || !dataset.entities.find((x) => x.id === id)?.attributes)
                .sort(),
            );
            expect(b[0]?.id).toBe(a[0]?.id);
          }
        }
      },
      timeout,
    );

    it(
      'subgraph, sources and export',
      async () => {
        const { memory, sparql, dataset } = engine();
        const q = questions(dataset, opts.seed ?? 1);
        const ids = [q.hub.id, ...q.some.map((e) => e.id)];
        const a = await memory.subgraph(ids),
          b = await sparql.subgraph(ids);
        expect(ents(b.entities)).toEqual(ents(a.entities));
        expect(trs(b.triples)).toEqual(trs(a.triples));
        const sa = await memory.sources(),
          sb = await sparql.sources();
        expect(byId(sb.sources)).toEqual(byId(sa.sources));
        expect(sb.total).toBe(sa.total);
        expect(await sparql.source(dataset.sources[0]!.id)).toEqual(await memory.source(dataset.sources[0]!.id));
        for (const ask of [{ entities: ids }, { entities: [q.some[0]!.id], includeNeighbours: true }, { all: true }]) {
          const ea = await memory.exportDataset(ask),
            eb = await sparql.exportDataset(ask);
          expect(ents(eb.entities)).toEqual(ents(ea.entities));
          expect(trs(eb.triples)).toEqual(trs(ea.triples));
          expect(byId(eb.sources)).toEqual(byId(ea.sources));
          expect(schemaSet(eb.schema)).toEqual(schemaSet(ea.schema));
        }
        const top = await sparql.topEntities(1);
        expect(top[0]!.id).toBe((await memory.topEntities(1))[0]!.id);
      },
      timeout,
    );
  });
}
