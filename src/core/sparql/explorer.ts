// The Explorer over any SPARQL 1.1 store holding actorgraph's RDF mapping
// (docs/rdf.md). Each method fetches the few nodes it needs in bounded
// requests (VALUES batches, one request per hop), reads them back with the
// one mapping into a small TripleStore and lets the in-memory algorithms
// answer over it, so answers equal MemoryExplorer's (ADR 0009).
import {
  DEFAULT_LIMITS,
  type Additions,
  type Capabilities,
  type CallOptions,
  type DetailsOptions,
  type Explorer,
  type ExportOptions,
  type PageOptions,
  type SaveResult,
  type SourcesQuery,
  type SourcesResult,
  type SubgraphResult,
} from '../explorer.ts';
import type {
  Dataset,
  Entity,
  EntityDetails,
  NeighbourhoodQuery,
  NeighbourhoodResult,
  PathQuery,
  PathResult,
  RelationsQuery,
  RelationsResult,
  Schema,
  SearchHit,
  SearchOptions,
  Source,
  Stats,
} from '../model.ts';
import { ExplorerError, checkSignal } from '../errors.ts';
import { subgraphOf } from '../memory-explorer.ts';
import { neighbourhood } from '../neighbourhood.ts';
import { findPaths, MAX_ALL_SHORTEST, MAX_K, DEFAULT_K } from '../paths.ts';
import { relations } from '../relations.ts';
import { EntitySearch, MAX_SEARCH_LIMIT, searchTokens } from '../search.ts';
import { exportDataset } from '../export.ts';
import { HEDGES } from '../trust.ts';
import { checkFilter } from '../relation-filter.ts';
import { readOwnMapping } from '../rdf/from-rdf.ts';
import { RdfGraph } from '../rdf/graph.ts';
import { AG, DEFAULT_BASE, idUnder, irisFor, RDF_TYPE, T, type Iris } from '../rdf/vocab.ts';
import type { TripleStore } from '../store.ts';
import { SparqlClient, type Binding, type SparqlEndpoint } from './client.ts';
import { Fragment, fragmentStore, termOf } from './fragment.ts';
import * as Q from './queries.ts';
import { iriRef } from './escape.ts';
import { saveAdditions } from './save.ts';
import { callSignal, noteRequest, noteStep } from './call.ts';

export interface SparqlExplorerOptions extends SparqlEndpoint {
  /** The named graph holding the data (default: the default graph). */
  graph?: string;
  /** Rows one request may answer; more means the answer was cut. */
  maxRows?: number;
  /** Statements a path search may gather before it stops. */
  maxPathStatements?: number;
  /** Never write (capabilities().write is false). */
  readOnly?: boolean;
}

export const SPARQL_CAPABILITIES: Capabilities = {
  backend: 'sparql',
  columns: false,
  shareCurrent: false,
  pathModes: { shortest: true, allShortest: true, kShortest: true },
  typoTolerantSearch: true,
  write: true,
  limits: { maxK: MAX_K, maxAllShortest: MAX_ALL_SHORTEST, maxSearch: MAX_SEARCH_LIMIT },
};

/** Candidates a search ranks (the store finds them by a word's start). */
const SEARCH_CANDIDATES = 5000;
/** Statements `relations` gathers before it refuses (the rest of its filters run in the client). */
const MAX_RELATION_STATEMENTS = 100_000;
/** Rows per page of a whole export. */
const EXPORT_PAGE = 50_000;

interface Head {
  base: string;
  schema: Schema;
  title?: string;
}

function limitOf(value: number | undefined, fallback: number, name = 'limit'): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0)
    throw new ExplorerError({ code: 'bad-request', message: `${name} must be a number ≥ 0, got ${value}` });
  return Math.floor(value);
}

const chunks = <T>(xs: readonly T[], n = Q.VALUES_BATCH): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

export class SparqlExplorer implements Explorer {
  readonly client: SparqlClient;
  private head?: Promise<Head>;
  private readonly sourceCache = new Map<string, Source>();
  private readonly maxRows: number;
  private readonly graph: string | undefined;
  /** Whether the store has Virtuoso's text index (asked once). */
  private virtuoso?: Promise<boolean>;

  constructor(readonly options: SparqlExplorerOptions) {
    this.client = new SparqlClient(options);
    this.maxRows = options.maxRows ?? 200_000;
    this.graph = options.graph;
    if (this.graph !== undefined) iriRef(this.graph);
  }

  /** Requests sent so far. */
  get requests(): number {
    return this.client.requests;
  }

  private async rows(query: string, signal?: AbortSignal): Promise<Binding[]> {
    const rows = await this.client.select(query, signal);
    noteRequest(signal);
    return rows;
  }

  /** The dataset node and the schema, once. */
  private info(signal?: AbortSignal): Promise<Head> {
    this.head ??= (async () => {
      const g = new RdfGraph();
      for (const r of await this.rows(Q.headQuery(this.graph), signal))
        if (r.s && r.p && r.o) g.add(r.s.value, false, { line: 1, column: 1 }, r.p.value, termOf(r.o));
      let base = DEFAULT_BASE;
      for (const n of g.nodes.values()) {
        const i = n.p.findIndex((p, k) => p === RDF_TYPE && n.o[k]!.value === AG.Dataset);
        if (i < 0) continue;
        const b = n.p.indexOf(AG.base);
        if (b >= 0) base = n.o[b]!.value;
      }
      const recs = readOwnMapping(g);
      const schema = (recs.schema ?? { entityTypes: [], predicates: [] }) as Schema;
      if (!schema.entityTypes.length && !recs.format) {
        throw new ExplorerError({
          code: 'invalid-data',
          message: 'the store holds no actorgraph dataset (no ag:Dataset node, no schema)',
          hint: "load one with 'actorgraph push FILE --endpoint URL'",
        });
      }
      return { base, schema, ...(typeof recs.title === 'string' ? { title: recs.title } : {}) };
    })();
    this.head.catch(() => {
      this.head = undefined;
    });
    return this.head;
  }

  private async iris(signal?: AbortSignal): Promise<Iris> {
    return irisFor((await this.info(signal)).base);
  }

  private async fragment(signal?: AbortSignal): Promise<Fragment> {
    return new Fragment((await this.info(signal)).base);
  }

  /** Whole nodes not yet in `frag`, by IRI, in VALUES batches. */
  private async describe(
    frag: Fragment,
    iris: Iterable<string>,
    signal?: AbortSignal,
    withText = false,
  ): Promise<void> {
    const want = [...new Set(iris)].filter((i) => !frag.has(i));
    for (const batch of chunks(want))
      frag.add(await this.rows(Q.describeQuery(batch, frag.base, this.graph, withText), signal));
  }

  /** One hop from `ids`: their statements and the entities at the other end. True when a request was cut. */
  private hop(frag: Fragment, ids: readonly string[], walk: Q.Walk, signal?: AbortSignal): Promise<boolean> {
    const iris = frag.iris;
    return this.hopIris(
      frag,
      ids.map((id) => iris.entity(id)),
      walk,
      signal,
    );
  }

  private async hopIris(
    frag: Fragment,
    entities: readonly string[],
    walk: Q.Walk,
    signal?: AbortSignal,
  ): Promise<boolean> {
    let cut = false;
    noteStep(signal, { frontier: entities.length });
    for (const batch of chunks(entities)) {
      const rows = await this.rows(Q.hopQuery(batch, walk, frag.base, this.maxRows, this.graph), signal);
      if (rows.length >= this.maxRows) cut = true;
      frag.add(rows);
      noteStep(signal, { relations: frag.ends.size });
    }
    return cut;
  }

  /** The statements among `ids` (both ends in it). */
  private async among(frag: Fragment, ids: readonly string[], signal?: AbortSignal): Promise<void> {
    const iris = frag.iris;
    const all = chunks(ids.map((id) => iris.entity(id)));
    for (const a of all)
      for (const b of all) frag.add(await this.rows(Q.amongQuery(a, b, this.maxRows, this.graph), signal));
  }

  /** Sources the fragment's statements cite, without texts (cached: they are few and do not change). */
  private async sourcesFor(frag: Fragment, signal?: AbortSignal): Promise<Map<string, Source>> {
    const prefix = `${frag.base}source/`;
    const want = new Set<string>();
    for (const n of frag.graph.nodes.values()) {
      for (let i = 0; i < n.p.length; i++)
        if (n.p[i] === T.wasDerivedFrom) {
          const id = idUnder(n.o[i]!.value, prefix);
          if (id !== undefined && !this.sourceCache.has(id)) want.add(n.o[i]!.value);
        }
    }
    if (want.size) {
      const f = new Fragment(frag.base);
      await this.describe(f, want, signal);
      for (const s of f.records().sources) this.sourceCache.set(s.id, s);
    }
    return this.sourceCache;
  }

  private async store(frag: Fragment, signal?: AbortSignal): Promise<TripleStore> {
    const head = await this.info(signal);
    return fragmentStore(frag, head.schema, await this.sourcesFor(frag, signal), head.title);
  }

  async capabilities(options?: CallOptions): Promise<Capabilities> {
    checkSignal(options?.signal);
    return this.options.readOnly ? { ...SPARQL_CAPABILITIES, write: false } : SPARQL_CAPABILITIES;
  }

  /** Adds what the store lacks of `additions` with INSERT DATA only (save.ts). */
  async save(additions: Additions, options?: CallOptions): Promise<SaveResult> {
    if (this.options.readOnly)
      throw new ExplorerError({ code: 'not-supported', message: 'this store is open read-only' });
    const { base } = await this.info(options?.signal);
    return saveAdditions(this.client, additions, { base, graph: this.graph, signal: options?.signal });
  }

  async schema(options?: CallOptions): Promise<Schema> {
    return (await this.info(options?.signal)).schema;
  }

  async stats(options?: CallOptions): Promise<Stats> {
    const signal = callSignal(options);
    const head = await this.info(signal);
    const iris = irisFor(head.base);
    const byType: Record<string, number> = {},
      byPredicate: Record<string, number> = {};
    let sources = 0,
      undated = 0;
    for (const r of await this.rows(Q.countsQuery(this.graph), signal)) {
      const n = Number(r.n?.value ?? 0),
        k = r.k?.value ?? '';
      switch (r.what?.value) {
        case 'type': {
          const id = idUnder(k, `${iris.base}type/`);
          if (id !== undefined && n) byType[id] = n;
          break;
        }
        case 'predicate': {
          const id = idUnder(k, `${iris.base}predicate/`);
          if (id !== undefined && n) byPredicate[id] = n;
          break;
        }
        case 'source':
          sources = n;
          break;
        case 'undated':
          undated = n;
          break;
      }
    }
    const byStatus: Stats['byStatus'] = {};
    for (const r of await this.rows(Q.statusQuery(HEDGES, this.graph), signal)) {
      const s = r.status?.value as keyof NonNullable<Stats['byStatus']> | undefined;
      if (s) byStatus[s] = Number(r.n?.value ?? 0);
    }
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    return {
      ...(head.title !== undefined ? { title: head.title } : {}),
      entities: sum(byType),
      triples: sum(byPredicate),
      sources,
      types: head.schema.entityTypes.length,
      predicates: head.schema.predicates.length,
      byType,
      byPredicate,
      byStatus,
      undated,
    };
  }

  /** Only Virtuoso knows its bif: functions (asked by SELECT: Virtuoso 7 answers ASK as a one-row SELECT). */
  private hasTextIndex(signal?: AbortSignal): Promise<boolean> {
    this.virtuoso ??= this.rows(`SELECT (bif:length("abc") AS ?n) WHERE {}`, signal).then(
      (r) => r[0]?.n?.value === '3',
      () => false,
    );
    return this.virtuoso;
  }

  async search(text: string, options?: SearchOptions & CallOptions): Promise<SearchHit[]> {
    const { signal, ...rest } = options ?? {};
    const words = searchTokens(text);
    if (!words.length) return [];
    const frag = await this.fragment(signal);
    // The longest word's start finds the candidates (typos after it are forgiven in the ranking).
    const word = words.reduce((a, b) => (b.length > a.length ? b : a));
    // As typed (lower case) too: a store's LCASE keeps diacritics that search folds away.
    const raw = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .reduce((a, b) => (b.length > a.length ? b : a), '');
    const needles = [...new Set([word.slice(0, 3), ...(raw ? [raw.slice(0, 3)] : [])])];
    let rows = await this.rows(Q.candidatesQuery(needles, SEARCH_CANDIDATES, this.graph), signal);
    // Nothing by the word's start: Virtuoso's text index, where it has one (an error there means it has none).
    if (!rows.length && word.length >= 4 && (await this.hasTextIndex(signal))) {
      rows = await this.rows(Q.candidatesVirtuosoQuery(word, SEARCH_CANDIDATES, this.graph), signal).catch(
        (e: unknown) => {
          if (ExplorerError.from(e).code === 'aborted') throw e;
          return [];
        },
      );
    }
    await this.describe(
      frag,
      rows.map((r) => r.s?.value).filter((x): x is string => x !== undefined),
      signal,
    );
    const store = await this.store(frag, signal);
    return new EntitySearch(store).search(text, rest);
  }

  async entity(id: string, options?: CallOptions): Promise<Entity | undefined> {
    return (await this.entities([id], options))[0];
  }

  async entities(ids: string[], options?: { limit?: number } & CallOptions): Promise<(Entity | undefined)[]> {
    const limit = limitOf(options?.limit, DEFAULT_LIMITS.entities);
    if (ids.length > limit)
      throw new ExplorerError({
        code: 'too-large',
        message: `${ids.length} entities asked at once; at most ${limit}`,
        hint: 'ask in batches, or pass a larger limit',
      });
    const signal = callSignal(options);
    const frag = await this.fragment(signal);
    await this.describe(
      frag,
      ids.map((id) => frag.iris.entity(id)),
      signal,
    );
    const byId = new Map(frag.records().entities.map((e) => [e.id, e]));
    return ids.map((id) => byId.get(id));
  }

  async details(id: string, options?: DetailsOptions): Promise<EntityDetails | undefined> {
    const signal = callSignal(options);
    const limit = limitOf(options?.limit, DEFAULT_LIMITS.details),
      offset = limitOf(options?.offset, 0, 'offset');
    const frag = await this.fragment(signal);
    const e = frag.iris.entity(id);
    await this.describe(frag, [e], signal);
    if (!frag.records().entities.some((x) => x.id === id)) return undefined;
    const page = async (side: 'subject' | 'object') =>
      (await this.rows(Q.sideQuery(e, side, limit + 1, offset, this.graph), signal))
        .map((r) => r.s?.value)
        .filter((x): x is string => x !== undefined);
    const sts = [...(await page('subject')), ...(await page('object'))];
    for (const b of chunks(sts)) frag.add(await this.rows(Q.statementsQuery(b, this.graph), signal));
    const { entities, triples } = frag.records();
    const byId = (a: { id?: string }, b: { id?: string }) => (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0);
    const outgoing = triples.filter((t) => t.subject === id).sort(byId);
    const incoming = triples.filter((t) => t.object === id).sort(byId);
    const details: EntityDetails = {
      entity: entities.find((x) => x.id === id)!,
      outgoing: outgoing.slice(0, limit),
      incoming: incoming.slice(0, limit),
    };
    if (outgoing.length > limit || incoming.length > limit) {
      details.truncated = true;
      details.totalOutgoing = Number(
        (await this.rows(Q.countSideQuery(e, 'subject', this.graph), signal))[0]?.n?.value ?? 0,
      );
      details.totalIncoming = Number(
        (await this.rows(Q.countSideQuery(e, 'object', this.graph), signal))[0]?.n?.value ?? 0,
      );
    }
    return details;
  }

  async source(id: string, options?: CallOptions): Promise<Source | undefined> {
    const signal = callSignal(options);
    const frag = await this.fragment(signal);
    await this.describe(frag, [frag.iris.source(id)], signal, true);
    return frag.records().sources.find((s) => s.id === id);
  }

  async sources(query: SourcesQuery = {}, options?: CallOptions): Promise<SourcesResult> {
    const signal = callSignal(options);
    const offset = limitOf(query.offset, 0, 'offset'),
      limit = limitOf(query.limit, DEFAULT_LIMITS.sources);
    const frag = await this.fragment(signal);
    if (query.ids) {
      await this.describe(
        frag,
        query.ids.map((id) => frag.iris.source(id)),
        signal,
      );
      const found = new Map(frag.records().sources.map((s) => [s.id, s]));
      const chosen = [...new Set(query.ids)].map((id) => found.get(id)).filter((s): s is Source => s !== undefined);
      const page = chosen.slice(offset, offset + limit);
      return { sources: page, total: chosen.length, truncated: offset + page.length < chosen.length };
    }
    const total = Number((await this.rows(Q.sourceCountQuery(this.graph), signal))[0]?.n?.value ?? 0);
    const ids = (await this.rows(Q.sourcePageQuery(limit, offset, this.graph), signal))
      .map((r) => r.s?.value)
      .filter((x): x is string => x !== undefined);
    await this.describe(frag, ids, signal);
    const page = frag.records().sources.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { sources: page, total, truncated: offset + page.length < total };
  }

  async neighbourhood(query: NeighbourhoodQuery, options?: CallOptions): Promise<NeighbourhoodResult> {
    const signal = callSignal(options);
    checkFilter(query);
    const q = { ...query, limit: limitOf(query.limit, DEFAULT_LIMITS.neighbourhood) };
    const depth = Math.max(0, Math.floor(q.depth));
    const frag = await this.fragment(signal);
    await this.describe(
      frag,
      q.from.map((id) => frag.iris.entity(id)),
      signal,
    );
    let store = await this.store(frag, signal);
    let frontier = neighbourhood(store, { ...q, depth: 0 }).entities.map((e) => e.id);
    let cut = false;
    for (let d = 1; d <= depth && frontier.length; d++) {
      cut = (await this.hop(frag, frontier, q.direction ?? 'both', signal)) || cut;
      store = await this.store(frag, signal);
      // The memory walk over what is known says which entities are at distance d under the filters.
      const r = neighbourhood(store, { ...q, depth: d });
      frontier = Object.entries(r.distance)
        .filter(([, k]) => k === d)
        .map(([id]) => id);
      if (r.truncated) break;
    }
    // Triples from the last ring, which was not expanded: among itself when walking both ways, else its own
    // direction (a relation back to an inner ring is among the answer's triples too).
    const walk = q.direction ?? 'both';
    if (frontier.length > (walk === 'both' ? 1 : 0)) {
      if (walk === 'both') await this.among(frag, frontier, signal);
      else cut = (await this.hop(frag, frontier, walk, signal)) || cut;
      store = await this.store(frag, signal);
    }
    const r = neighbourhood(store, q);
    return cut ? { ...r, truncated: true } : r;
  }

  async paths(query: PathQuery, options?: CallOptions): Promise<PathResult> {
    const signal = callSignal(options);
    checkFilter(query);
    const frag = await this.fragment(signal);
    const iris = frag.iris;
    await this.describe(frag, [iris.entity(query.from), iris.entity(query.to)], signal);
    const known = new Set(frag.records().entities.map((e) => e.id));
    let store = await this.store(frag, signal);
    if (!known.has(query.from) || !known.has(query.to) || query.from === query.to) return findPaths(store, query);
    const maxLength = query.maxLength !== undefined && query.maxLength >= 0 ? Math.floor(query.maxLength) : Infinity;
    const k =
      (query.mode ?? 'shortest') === 'k-shortest' ? Math.max(1, Math.min(MAX_K, Math.floor(query.k ?? DEFAULT_K))) : 1;
    const avoid = new Set((query.avoidEntities ?? []).map((id) => iris.entity(id)));
    const cap = this.options.maxPathStatements ?? 500_000;
    const side = (start: string, walk: Q.Walk) => ({ seen: new Set([start]), frontier: [start], radius: 0, walk });
    // Sides walk IRIs; the fragment's statement ends say who is next to whom.
    const fwd = side(iris.entity(query.from), query.directed ? 'out' : 'both');
    const bwd = side(iris.entity(query.to), query.directed ? 'in' : 'both');
    let cut = false;
    for (;;) {
      // Expand the smaller frontier: a path of length L is found in about L round trips.
      const s = fwd.frontier.length && (fwd.frontier.length <= bwd.frontier.length || !bwd.frontier.length) ? fwd : bwd;
      cut = (await this.hopIris(frag, s.frontier, s.walk, signal)) || cut;
      s.radius++;
      const next: string[] = [];
      const front = new Set(s.frontier);
      const step = (a: string, b: string) => {
        if (front.has(a) && !s.seen.has(b)) {
          s.seen.add(b);
          if (!avoid.has(b)) next.push(b);
        }
      };
      for (const [a, b] of frag.ends.values()) {
        if (s.walk !== 'in') step(a, b);
        if (s.walk !== 'out') step(b, a);
      }
      s.frontier = next;
      const exhausted = !fwd.frontier.length || !bwd.frontier.length;
      const reach = fwd.radius + bwd.radius;
      const size = frag.ends.size;
      let met = false;
      for (const x of fwd.seen)
        if (bwd.seen.has(x)) {
          met = true;
          break;
        }
      if (!met && !exhausted && reach < maxLength && size < cap) continue;
      store = await this.store(frag, signal);
      const r = findPaths(store, query);
      const longest = r.paths.reduce((m, p) => Math.max(m, p.length), 0);
      // Every path no longer than fwd.radius + bwd.radius lies in what was fetched.
      const complete =
        exhausted ||
        reach >= maxLength ||
        (r.paths.length > 0 &&
          longest <= reach &&
          (r.paths.length >= k || (query.mode ?? 'shortest') !== 'k-shortest'));
      if (complete || size >= cap) {
        if (!complete || cut)
          return {
            ...r,
            truncated: true,
            note: [r.note, `searched ${reach} steps out (${size} relations) before stopping`]
              .filter(Boolean)
              .join('; '),
          };
        return r;
      }
    }
  }

  async relations(query: RelationsQuery, options?: CallOptions): Promise<RelationsResult> {
    const signal = callSignal(options);
    checkFilter(query);
    const q = {
      ...query,
      limit: limitOf(query.limit, DEFAULT_LIMITS.relations),
      offset: limitOf(query.offset, 0, 'offset'),
    };
    const frag = await this.fragment(signal);
    const iris = frag.iris;
    const named = [q.subject, q.object, q.entity, q.attributedTo].filter((x): x is string => x !== undefined);
    await this.describe(
      frag,
      named.map((id) => iris.entity(id)),
      signal,
    );
    const pattern: Q.RelationPattern = {
      ...(q.subject !== undefined ? { subjects: [iris.entity(q.subject)] } : {}),
      ...(q.object !== undefined ? { objects: [iris.entity(q.object)] } : {}),
      ...(q.entity !== undefined ? { entity: iris.entity(q.entity) } : {}),
      ...(q.predicates?.length ? { predicates: q.predicates.map((p) => iris.predicate(p)) } : {}),
      ...(q.source !== undefined ? { source: iris.source(q.source) } : {}),
      ...(q.attributedTo !== undefined ? { attributedTo: iris.entity(q.attributedTo) } : {}),
    };
    const rows = await this.rows(Q.relationsQuery(pattern, MAX_RELATION_STATEMENTS + 1, this.graph), signal);
    frag.add(rows);
    const statements = new Set(rows.map((r) => r.s?.value));
    if (statements.size > MAX_RELATION_STATEMENTS)
      throw new ExplorerError({
        code: 'too-large',
        message: `more than ${MAX_RELATION_STATEMENTS} relations match before the filters that run in the client`,
        hint: 'name a subject, an object, an entity, a predicate or a source',
      });
    const ends = new Set<string>();
    for (const t of frag.records().triples) {
      ends.add(iris.entity(t.subject));
      ends.add(iris.entity(t.object));
    }
    await this.describe(frag, ends, signal);
    const head = await this.info(signal);
    const sources = await this.sourcesFor(frag, signal);
    if (q.source !== undefined && !sources.has(q.source)) {
      const f = new Fragment(frag.base);
      await this.describe(f, [iris.source(q.source)], signal);
      for (const s of f.records().sources) this.sourceCache.set(s.id, s);
    }
    const store = fragmentStore(frag, head.schema, sources, head.title, q.source !== undefined ? [q.source] : []);
    return relations(store, q);
  }

  async subgraph(entityIds: string[], options?: PageOptions & CallOptions): Promise<SubgraphResult> {
    const signal = callSignal(options);
    const limit = limitOf(options?.limit, DEFAULT_LIMITS.subgraph),
      offset = limitOf(options?.offset, 0, 'offset');
    const frag = await this.fragment(signal);
    const ids = [...new Set(entityIds)];
    await this.describe(
      frag,
      ids.map((id) => frag.iris.entity(id)),
      signal,
    );
    await this.among(frag, ids, signal);
    const r = subgraphOf(await this.store(frag, signal), entityIds, limit, offset);
    return { ...r, truncated: r.truncated ?? false };
  }

  async topEntities(n: number, options?: CallOptions): Promise<Entity[]> {
    const signal = callSignal(options);
    const k = Math.max(0, Math.floor(n));
    if (!k) return [];
    const frag = await this.fragment(signal);
    const order = (await this.rows(Q.topQuery(k, this.graph), signal))
      .map((r) => r.e?.value)
      .filter((x): x is string => x !== undefined);
    await this.describe(frag, order, signal);
    const byIri = new Map(frag.records().entities.map((e) => [frag.iris.entity(e.id), e]));
    return order.map((i) => byIri.get(i)).filter((e): e is Entity => e !== undefined);
  }

  async exportDataset(options: ExportOptions, call?: CallOptions): Promise<Dataset> {
    const signal = callSignal(call);
    const head = await this.info(signal);
    const frag = await this.fragment(signal);
    const iris = frag.iris;
    let opts = options;
    if (options.triples) {
      for (const b of chunks(options.triples.map((t) => iris.statement(t))))
        frag.add(await this.rows(Q.statementsQuery(b, this.graph), signal));
      const ends = new Set<string>();
      for (const t of frag.records().triples) {
        ends.add(iris.entity(t.subject));
        ends.add(iris.entity(t.object));
      }
      await this.describe(frag, ends, signal);
    } else if (options.all) {
      // Page by page in a stable order; a node may span two pages, so rows go straight into the graph.
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        checkSignal(signal);
        const rows = await this.rows(Q.allQuery(EXPORT_PAGE, offset, this.graph), signal);
        frag.addPage(rows);
        if (rows.length < EXPORT_PAGE) break;
      }
      opts = { ...options, all: false, entities: frag.records().entities.map((e) => e.id) };
    } else {
      const ids = options.entities ?? [];
      await this.describe(
        frag,
        ids.map((id) => iris.entity(id)),
        signal,
      );
      if (options.includeNeighbours) await this.hop(frag, ids, 'both', signal);
      else await this.among(frag, ids, signal);
    }
    // Sources with their texts, and entities a relation is attributed to: an export stands alone.
    const cited = new Set<string>(),
      named = new Set<string>();
    for (const t of frag.records().triples) {
      cited.add(iris.source(t.source));
      if (t.attributedTo !== undefined) named.add(iris.entity(t.attributedTo));
    }
    await this.describe(frag, named, signal);
    const sf = new Fragment(frag.base);
    await this.describe(sf, cited, signal, true);
    const sources = new Map(sf.records().sources.map((s) => [s.id, s]));
    const store = fragmentStore(frag, head.schema, sources, head.title);
    const ds = exportDataset(store, opts);
    // Ids the file did not give stay derived, as in memory.
    const derived = frag.records().derivedIds;
    ds.triples = ds.triples.map((t) =>
      t.id !== undefined && derived.has(t.id) ? (({ id: _i, ...rest }) => rest)(t) : t,
    );
    if (options.maxTriples !== undefined && ds.triples.length > options.maxTriples) {
      throw new ExplorerError({
        code: 'too-large',
        message: `the export holds ${ds.triples.length} triples, more than the ${options.maxTriples} allowed`,
        hint: 'export fewer entities, or allow more triples',
      });
    }
    return ds;
  }
}
