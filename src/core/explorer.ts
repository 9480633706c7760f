// The one query interface the UI and the CLI speak to. The in-memory store
// implements it today; a remote store (a SPARQL endpoint) can implement it
// later, which is why every method is async.
import type {
  Entity, EntityDetails, NeighbourhoodQuery, NeighbourhoodResult, PathQuery, PathResult,
  Schema, SearchHit, SearchOptions, Source, Stats, Subgraph, Dataset,
} from './model.ts';

export interface ExportOptions {
  /** Entities to export (ignored when `triples` is given). */
  entities?: string[];
  /** Also the triples among them (default true). */
  includeTriples?: boolean;
  /** Also every direct neighbour of them and the triples that reach it (default false). */
  includeNeighbours?: boolean;
  /** Or export exactly these triples (and their endpoints); overrides the above. */
  triples?: string[];
  title?: string;
}

export interface Explorer {
  schema(): Promise<Schema>;
  stats(): Promise<Stats>;
  search(text: string, options?: SearchOptions): Promise<SearchHit[]>;
  entity(id: string): Promise<Entity | undefined>;
  details(id: string): Promise<EntityDetails | undefined>;
  source(id: string): Promise<Source | undefined>;
  neighbourhood(query: NeighbourhoodQuery): Promise<NeighbourhoodResult>;
  paths(query: PathQuery): Promise<PathResult>;
  /** The entities and the triples among them. */
  subgraph(entityIds: string[]): Promise<Subgraph>;
  /** The n entities with most triples: where a view of a large graph starts. */
  topEntities(n: number): Promise<Entity[]>;
  /** A standalone dataset (schema items and sources it uses included) that loads back unchanged. */
  exportDataset(options: ExportOptions): Promise<Dataset>;
}
