// The Explorer over an in-memory TripleStore: what the CLI and the UI use.
import type { Explorer, ExportOptions } from './explorer.ts';
import type {
  Dataset, Entity, EntityDetails, NeighbourhoodQuery, NeighbourhoodResult, PathQuery, PathResult,
  Schema, SearchHit, SearchOptions, Source, Stats, Subgraph, Triple,
} from './model.ts';
import { exportDataset } from './export.ts';
import { neighbourhood } from './neighbourhood.ts';
import { findPaths } from './paths.ts';
import { EntitySearch } from './search.ts';
import type { TripleStore } from './store.ts';

export class MemoryExplorer implements Explorer {
  private searchIndex?: EntitySearch;
  private byDegree?: Uint32Array;

  constructor(readonly store: TripleStore) {}

  /** The search index, built on first use (it costs time and memory a CLI `path` does not need). */
  get entitySearch(): EntitySearch {
    return (this.searchIndex ??= new EntitySearch(this.store));
  }

  async schema(): Promise<Schema> {
    return this.store.schema.schema;
  }

  async stats(): Promise<Stats> {
    return computeStats(this.store);
  }

  async search(text: string, options?: SearchOptions): Promise<SearchHit[]> {
    return this.entitySearch.search(text, options);
  }

  async entity(id: string): Promise<Entity | undefined> {
    return this.store.entity(id);
  }

  async details(id: string): Promise<EntityDetails | undefined> {
    return entityDetails(this.store, id);
  }

  async source(id: string): Promise<Source | undefined> {
    const s = this.store.source(id);
    if (!s) return undefined;
    const text = this.store.sourceText(id);
    return text !== undefined && s.text === undefined ? { ...s, text } : s;
  }

  async neighbourhood(query: NeighbourhoodQuery): Promise<NeighbourhoodResult> {
    return neighbourhood(this.store, query);
  }

  async paths(query: PathQuery): Promise<PathResult> {
    return findPaths(this.store, query);
  }

  async subgraph(entityIds: string[]): Promise<Subgraph> {
    return subgraphOf(this.store, entityIds);
  }

  async topEntities(n: number): Promise<Entity[]> {
    const store = this.store;
    if (!this.byDegree) {
      // Sorted once: degree descending, then file order.
      const order = new Uint32Array(store.entityCount);
      for (let i = 0; i < order.length; i++) order[i] = i;
      const deg = new Uint32Array(store.entityCount);
      for (let i = 0; i < deg.length; i++) deg[i] = store.degree(i);
      order.sort((a, b) => deg[b]! - deg[a]! || a - b);
      this.byDegree = order;
    }
    const k = Math.max(0, Math.min(Math.floor(n), store.entityCount));
    return Array.from(this.byDegree.subarray(0, k), (i) => store.entityAt(i));
  }

  async exportDataset(options: ExportOptions): Promise<Dataset> {
    return exportDataset(this.store, options);
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
  return {
    entities: store.entityCount,
    triples: store.tripleCount,
    sources: store.sources.length,
    types: store.schema.types.size,
    predicates: store.schema.predicates.size,
    byType,
    byPredicate,
  };
}

export function entityDetails(store: TripleStore, id: string): EntityDetails | undefined {
  const i = store.indexOf(id);
  if (i < 0) return undefined;
  const outgoing: Triple[] = Array.from(store.outTriples(i), (t) => store.tripleAt(t));
  const incoming: Triple[] = Array.from(store.inTriples(i), (t) => store.tripleAt(t));
  return { entity: store.entityAt(i), outgoing, incoming };
}

/** The given entities (unknown ids skipped, duplicates once) and every triple among them, in file order. */
export function subgraphOf(store: TripleStore, entityIds: string[]): Subgraph {
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
  return { entities: chosen.map((i) => store.entityAt(i)), triples: tripleIdx.map((t) => store.tripleAt(t)) };
}
