// The one door to the data for the UI and the CLI. The in-memory store
// implements it today (MemoryExplorer, in the page or behind a worker); a
// remote store (a SPARQL endpoint) can implement it later, which is why every
// method is async, takes an abort signal, and answers large results in bounded
// pages that say when they were cut. Errors are ExplorerError ({code, message, hint}).
import type {
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
  Dataset,
  Triple,
} from './model.ts';
import type { GraphColumns } from './columns.ts';

export type { ExplorerError, ExplorerErrorCode, ExplorerErrorData } from './errors.ts';
export type { GraphColumns } from './columns.ts';

/** Every method takes these last. */
export interface CallOptions {
  /** Cancels the request: it rejects with ExplorerError `aborted`. */
  signal?: AbortSignal;
  /** Told as a long call goes (a remote store: after each request). Explorers that cannot say never call it. */
  onProgress?: (p: CallProgress) => void;
}

/** How far a call has gone. */
export interface CallProgress {
  /** Requests to the store so far in this call. */
  requests: number;
  /** Entities the current step expands (a hop's frontier), when the step is a hop. */
  frontier?: number;
  /** Relations gathered so far, when the call gathers them. */
  relations?: number;
}

/** A window onto a large answer. */
export interface PageOptions {
  limit?: number;
  offset?: number;
}

/** Most items of a large answer when the caller gives no limit. */
export const DEFAULT_LIMITS = {
  /** Triples per direction in `details`. */
  details: 1000,
  /** Triples in `subgraph`. */
  subgraph: 100_000,
  /** Entities in `neighbourhood`. */
  neighbourhood: 10_000,
  /** Sources in `sources`. */
  sources: 1000,
  /** Entities in `entities`. */
  entities: 10_000,
  /** Triples per page of `relations` (at most 10,000 whatever the limit). */
  relations: 100,
} as const;

export interface ExportOptions {
  /** Entities to export (ignored when `triples` or `all` is given). */
  entities?: string[];
  /** The whole dataset. */
  all?: boolean;
  /** Also the triples among them (default true). */
  includeTriples?: boolean;
  /** Also every direct neighbour of them and the triples that reach it (default false). */
  includeNeighbours?: boolean;
  /** Or export exactly these triples (and their endpoints); overrides the above. */
  triples?: string[];
  title?: string;
  /** Refuse (ExplorerError `too-large`) rather than write more triples than this: an export is never cut. */
  maxTriples?: number;
}

export interface DetailsOptions extends PageOptions, CallOptions {}

export interface SubgraphResult extends Subgraph {
  /** True when `limit` cut the triples (the entities are all there). */
  truncated: boolean;
  /** Triples among the entities, when known. */
  totalTriples?: number;
}

export interface SourcesQuery extends PageOptions {
  /** Only these sources (unknown ids skipped). */
  ids?: string[];
}

export interface SourcesResult {
  /** Without their texts (those come from `source`). */
  sources: Source[];
  total: number;
  truncated: boolean;
}

/** What an Explorer can do, so that callers ask instead of assume. */
export interface Capabilities {
  /** 'memory' today; 'sparql' later. */
  backend: string;
  /** `columns()`: the whole graph at once, for drawing it all. */
  columns: boolean;
  /** `shareCurrent()`: a snapshot of the data as a dataset, for a merge elsewhere. */
  shareCurrent: boolean;
  /** Path modes `paths` answers. */
  pathModes: { shortest: boolean; allShortest: boolean; kShortest: boolean };
  /** Search forgives typos and diacritics. */
  typoTolerantSearch: boolean;
  /** `save()`: new items can be added where the data is kept (a store others may share). */
  write: boolean;
  /** The largest answers it gives (larger requests are cut, and say so). */
  limits: { maxK: number; maxAllShortest: number; maxSearch: number };
}

/** New items for `save`: what the annotation workspace added to the data. */
export interface Additions {
  sources: Source[];
  /** New entities, whole. */
  entities: Entity[];
  /** New names of entities the data holds already. */
  aliases: { entity: string; alias: string }[];
  /** New relations (with their ids). */
  triples: Triple[];
}

export type SavedItem =
  | { kind: 'source' | 'entity' | 'relation'; id: string }
  | { kind: 'alias'; id: string; alias: string };

export interface SaveResult {
  /** Written now. */
  saved: SavedItem[];
  /** Held already, the same (saved before, from here or elsewhere): nothing written for them. */
  already: SavedItem[];
  /** Not written: the data holds something else under the same id, or they name such an item. */
  conflicts: SavedItem[];
  /** RDF triples sent. */
  triples: number;
}

export interface Explorer {
  capabilities(options?: CallOptions): Promise<Capabilities>;
  schema(options?: CallOptions): Promise<Schema>;
  /** Counts, and the dataset's title. */
  stats(options?: CallOptions): Promise<Stats>;
  search(text: string, options?: SearchOptions & CallOptions): Promise<SearchHit[]>;
  entity(id: string, options?: CallOptions): Promise<Entity | undefined>;
  /** Many at once, in the order asked (undefined for unknown ids); at most DEFAULT_LIMITS.entities unless `limit`. */
  entities(ids: string[], options?: { limit?: number } & CallOptions): Promise<(Entity | undefined)[]>;
  /** An entity and its triples, at most `limit` (default DEFAULT_LIMITS.details) per direction from `offset`. */
  details(id: string, options?: DetailsOptions): Promise<EntityDetails | undefined>;
  source(id: string, options?: CallOptions): Promise<Source | undefined>;
  sources(query?: SourcesQuery, options?: CallOptions): Promise<SourcesResult>;
  /** Bounded by `query.limit` (default DEFAULT_LIMITS.neighbourhood); `truncated` says when cut. */
  neighbourhood(query: NeighbourhoodQuery, options?: CallOptions): Promise<NeighbourhoodResult>;
  /** `truncated`, `total` and `note` say when a cap cut the paths. Trust and time filters apply to both. */
  paths(query: PathQuery, options?: CallOptions): Promise<PathResult>;
  /** Relations by pattern across the graph, one page (`limit`, default DEFAULT_LIMITS.relations, from `offset`) and the total. */
  relations(query: RelationsQuery, options?: CallOptions): Promise<RelationsResult>;
  /** The entities and the triples among them, at most `limit` triples (default DEFAULT_LIMITS.subgraph). */
  subgraph(entityIds: string[], options?: PageOptions & CallOptions): Promise<SubgraphResult>;
  /** The n entities with most triples: where a view of a large graph starts. */
  topEntities(n: number, options?: CallOptions): Promise<Entity[]>;
  /** A standalone dataset (schema items and sources it uses included) that loads back unchanged. */
  exportDataset(options: ExportOptions, call?: CallOptions): Promise<Dataset>;
  /** Only when capabilities().columns: the whole graph, compact, for drawing it all. */
  columns?(options?: CallOptions): Promise<GraphColumns>;
  /**
   * Only when capabilities().write: adds the items the data lacks, through the one RDF mapping. It only adds, never
   * removes or replaces, so two writers at once lose nothing; saving twice adds nothing.
   */
  save?(additions: Additions, options?: CallOptions): Promise<SaveResult>;
  /** Only when capabilities().shareCurrent: posts the data (a dataset with source texts inline) on `port`. */
  shareCurrent?(port: MessagePort): void;
}
