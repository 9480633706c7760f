// The Explorer over an in-memory TripleStore: what the CLI and the UI use today.
// The work is synchronous, so a signal is checked before it starts (a remote
// Explorer passes it on to its requests instead).
import {
  DEFAULT_LIMITS,
  type Capabilities,
  type CallOptions,
  type DetailsOptions,
  type Explorer,
  type ExportOptions,
  type PageOptions,
  type SourcesQuery,
  type SourcesResult,
  type SubgraphResult,
} from './explorer.ts';
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
  Subgraph,
  Triple,
} from './model.ts';
import { checkSignal, ExplorerError } from './errors.ts';
import { exportDataset } from './export.ts';
import { neighbourhood } from './neighbourhood.ts';
import { findPaths, MAX_ALL_SHORTEST, MAX_K } from './paths.ts';
import { relations } from './relations.ts';
import { EntitySearch, MAX_SEARCH_LIMIT } from './search.ts';
import { graphColumns, type GraphColumns } from './columns.ts';
import type { TripleStore } from './store.ts';
import { CLAIM_STATUSES } from './trust.ts';
import { dateSpans } from './relation-filter.ts';

export const MEMORY_CAPABILITIES: Capabilities = {
  backend: 'memory',
  columns: true,
  shareCurrent: true,
  pathModes: { shortest: true, allShortest: true, kShortest: true },
  typoTolerantSearch: true,
  write: false,
  limits: { maxK: MAX_K, maxAllShortest: MAX_ALL_SHORTEST, maxSearch: MAX_SEARCH_LIMIT },
};

/** What a merge elsewhere starts from: the data as a dataset with every known source text inline. */
export interface DataSnapshot {
  dataset: Dataset;
  schema: Schema;
  file: string;
}

export function snapshot(store: TripleStore, file: string): DataSnapshot {
  const ds = store.toDataset();
  ds.sources = ds.sources.map((s) => {
    if (s.text !== undefined) return s;
    const text = store.sourceText(s.id);
    return text === undefined ? s : { ...s, text };
  });
  return { dataset: ds, schema: store.schema.schema, file };
}

/** A limit from a caller: a whole number ≥ 0, else `bad-request`. */
function limitOf(value: number | undefined, fallback: number, name = 'limit'): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0)
    throw new ExplorerError({ code: 'bad-request', message: `${name} must be a number ≥ 0, got ${value}` });
  return Math.floor(value);
}

export class MemoryExplorer implements Explorer {
  private searchIndex?: EntitySearch;
  private byDegree?: Uint32Array;

  /** `file`: the name the data came from (for snapshots); `stats`: the store's, when known (a snapshot keeps them). */
  constructor(
    readonly store: TripleStore,
    readonly file = 'dataset',
    private statsMemo?: Stats,
  ) {}

  /** The search index, built on first use (it costs time and memory a CLI `path` does not need). */
  get entitySearch(): EntitySearch {
    return (this.searchIndex ??= new EntitySearch(this.store));
  }

  async capabilities(options?: CallOptions): Promise<Capabilities> {
    checkSignal(options?.signal);
    return MEMORY_CAPABILITIES;
  }

  async schema(options?: CallOptions): Promise<Schema> {
    checkSignal(options?.signal);
    return this.store.schema.schema;
  }

  async stats(options?: CallOptions): Promise<Stats> {
    checkSignal(options?.signal);
    // The store does not change: counted once (a million triples take a while).
    return structuredClone((this.statsMemo ??= computeStats(this.store)));
  }

  async search(text: string, options?: SearchOptions & CallOptions): Promise<SearchHit[]> {
    checkSignal(options?.signal);
    const { signal: _s, ...rest } = options ?? {};
    return this.entitySearch.search(text, rest);
  }

  async entity(id: string, options?: CallOptions): Promise<Entity | undefined> {
    checkSignal(options?.signal);
    return this.store.entity(id);
  }

  async entities(ids: string[], options?: { limit?: number } & CallOptions): Promise<(Entity | undefined)[]> {
    checkSignal(options?.signal);
    const limit = limitOf(options?.limit, DEFAULT_LIMITS.entities);
    if (ids.length > limit)
      throw new ExplorerError({
        code: 'too-large',
        message: `${ids.length} entities asked at once; at most ${limit}`,
        hint: 'ask in batches, or pass a larger limit',
      });
    return ids.map((id) => this.store.entity(id));
  }

  async details(id: string, options?: DetailsOptions): Promise<EntityDetails | undefined> {
    checkSignal(options?.signal);
    return entityDetails(this.store, id, options);
  }

  async source(id: string, options?: CallOptions): Promise<Source | undefined> {
    checkSignal(options?.signal);
    const s = this.store.source(id);
    if (!s) return undefined;
    const text = this.store.sourceText(id);
    return text !== undefined && s.text === undefined ? { ...s, text } : s;
  }

  async sources(query: SourcesQuery = {}, options?: CallOptions): Promise<SourcesResult> {
    checkSignal(options?.signal);
    const all = this.store.sources;
    let chosen: Source[];
    if (query.ids) {
      const wanted = new Set(query.ids);
      chosen = all.filter((s) => wanted.has(s.id));
    } else chosen = all;
    const offset = limitOf(query.offset, 0, 'offset');
    const limit = limitOf(query.limit, DEFAULT_LIMITS.sources);
    const page = chosen.slice(offset, offset + limit).map(({ text: _t, ...s }) => s);
    return { sources: page, total: chosen.length, truncated: offset + page.length < chosen.length };
  }

  async neighbourhood(query: NeighbourhoodQuery, options?: CallOptions): Promise<NeighbourhoodResult> {
    checkSignal(options?.signal);
    return neighbourhood(this.store, { ...query, limit: limitOf(query.limit, DEFAULT_LIMITS.neighbourhood) });
  }

  async paths(query: PathQuery, options?: CallOptions): Promise<PathResult> {
    checkSignal(options?.signal);
    return findPaths(this.store, query);
  }

  async relations(query: RelationsQuery, options?: CallOptions): Promise<RelationsResult> {
    checkSignal(options?.signal);
    return relations(this.store, {
      ...query,
      limit: limitOf(query.limit, DEFAULT_LIMITS.relations),
      offset: limitOf(query.offset, 0, 'offset'),
    });
  }

  async subgraph(entityIds: string[], options?: PageOptions & CallOptions): Promise<SubgraphResult> {
    checkSignal(options?.signal);
    const r = subgraphOf(
      this.store,
      entityIds,
      limitOf(options?.limit, DEFAULT_LIMITS.subgraph),
      limitOf(options?.offset, 0, 'offset'),
    );
    return { ...r, truncated: r.truncated ?? false };
  }

  async topEntities(n: number, options?: CallOptions): Promise<Entity[]> {
    checkSignal(options?.signal);
    const store = this.store;
    if (!this.byDegree) {
      // Sorted once: degree descending, then file order (a counting sort: degrees are small whole numbers).
      const n = store.entityCount;
      const deg = new Uint32Array(n);
      let max = 0;
      for (let i = 0; i < n; i++) max = Math.max(max, (deg[i] = store.degree(i)));
      const start = new Uint32Array(max + 2);
      for (let i = 0; i < n; i++) start[max - deg[i]! + 1]!++;
      for (let d = 0; d <= max; d++) start[d + 1]! += start[d]!;
      const order = new Uint32Array(n);
      for (let i = 0; i < n; i++) order[start[max - deg[i]!]!++] = i;
      this.byDegree = order;
    }
    const k = Math.max(0, Math.min(Math.floor(n), store.entityCount));
    return Array.from(this.byDegree.subarray(0, k), (i) => store.entityAt(i));
  }

  async exportDataset(options: ExportOptions, call?: CallOptions): Promise<Dataset> {
    checkSignal(call?.signal);
    const store = this.store;
    const opts =
      options.all && !options.triples
        ? { ...options, entities: Array.from({ length: store.entityCount }, (_, i) => store.entityAt(i).id) }
        : options;
    const ds = exportDataset(store, opts);
    if (options.maxTriples !== undefined && ds.triples.length > options.maxTriples) {
      throw new ExplorerError({
        code: 'too-large',
        message: `the export holds ${ds.triples.length} triples, more than the ${options.maxTriples} allowed`,
        hint: 'export fewer entities, or allow more triples',
      });
    }
    return ds;
  }

  async columns(options?: CallOptions): Promise<GraphColumns> {
    checkSignal(options?.signal);
    return graphColumns(this.store);
  }

  shareCurrent(port: MessagePort): void {
    port.postMessage(snapshot(this.store, this.file));
    port.close();
  }
}

export function computeStats(store: TripleStore): Stats {
  const byType: Record<string, number> = {};
  for (let k = 0; k < store.typeCount; k++) {
    const c = store.entitiesOfType(k).length;
    if (c) byType[store.typeId(k)] = c;
  }
  const byPredicate: Record<string, number> = {};
  for (let p = 0; p < store.predicateCount; p++) {
    const c = store.triplesWithPredicate(p).length;
    if (c) byPredicate[store.predicateId(p)] = c;
  }
  const byStatus: Partial<Record<(typeof CLAIM_STATUSES)[number], number>> = {};
  const counts = new Uint32Array(CLAIM_STATUSES.length);
  for (const c of store.statusCodeColumn()) counts[c]!++;
  CLAIM_STATUSES.forEach((s, k) => {
    if (counts[k]) byStatus[s] = counts[k];
  });
  return {
    ...(store.title !== undefined ? { title: store.title } : {}),
    entities: store.entityCount,
    triples: store.tripleCount,
    sources: store.sources.length,
    types: store.schema.types.size,
    predicates: store.schema.predicates.size,
    byType,
    byPredicate,
    byStatus,
    undated: store.tripleCount - dateSpans(store).dated,
  };
}

/** An entity and its triples, at most `limit` per direction from `offset` (a hub has hundreds of thousands). */
export function entityDetails(store: TripleStore, id: string, page: PageOptions = {}): EntityDetails | undefined {
  const i = store.indexOf(id);
  if (i < 0) return undefined;
  const limit = limitOf(page.limit, DEFAULT_LIMITS.details),
    offset = limitOf(page.offset, 0, 'offset');
  const out = store.outTriples(i),
    inc = store.inTriples(i);
  const outgoing: Triple[] = Array.from(out.subarray(offset, offset + limit), (t) => store.tripleAt(t));
  const incoming: Triple[] = Array.from(inc.subarray(offset, offset + limit), (t) => store.tripleAt(t));
  const details: EntityDetails = { entity: store.entityAt(i), outgoing, incoming };
  if (offset + outgoing.length < out.length || offset + incoming.length < inc.length) {
    details.truncated = true;
    details.totalOutgoing = out.length;
    details.totalIncoming = inc.length;
  }
  return details;
}

/** The given entities (unknown ids skipped, duplicates once) and every triple among them, in file order. */
export function subgraphOf(
  store: TripleStore,
  entityIds: string[],
  limit = Infinity,
  offset = 0,
): Subgraph & Partial<SubgraphResult> {
  const inSet = new Uint8Array(store.entityCount);
  const chosen: number[] = [];
  for (const id of entityIds) {
    const i = store.indexOf(id);
    if (i < 0 || inSet[i]) continue;
    inSet[i] = 1;
    chosen.push(i);
  }
  const tripleIdx: number[] = [];
  for (const i of chosen) {
    for (const t of store.outTriples(i)) if (inSet[store.objectOf(t)]) tripleIdx.push(t);
  }
  tripleIdx.sort((a, b) => a - b);
  const page = tripleIdx.slice(offset, offset + limit);
  const truncated = offset + page.length < tripleIdx.length;
  const result: Subgraph & Partial<SubgraphResult> = {
    entities: chosen.map((i) => store.entityAt(i)),
    triples: page.map((t) => store.tripleAt(t)),
  };
  if (truncated) {
    result.truncated = true;
    result.totalTriples = tripleIdx.length;
  }
  return result;
}
