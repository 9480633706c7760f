// The data model: what a dataset file holds. Plain JSON-compatible types only,
// so the same objects travel between files, the store, workers and the UI.

export const DATASET_FORMAT = 'actorgraph/dataset';
export const DATASET_VERSION = 1;

export interface EntityType {
  id: string;
  label: string;
  /** CSS colour (#rrggbb) used for nodes of this type. */
  color: string;
  /** A broader type: an armed-group is-a organization. Domain/range checks follow it. */
  parent?: string;
  description?: string;
}

export interface Predicate {
  id: string;
  /** Reads subject → object: "backed by". */
  label: string;
  /** Reads object → subject: "backs". */
  inverseLabel: string;
  /** Entity types allowed as subject (a type also admits its subtypes). */
  domain: string[];
  /** Entity types allowed as object. */
  range: string[];
  symmetric?: boolean;
  description?: string;
}

export interface Schema {
  entityTypes: EntityType[];
  predicates: Predicate[];
}

export interface Source {
  id: string;
  title: string;
  publisher?: string;
  /** ISO date, YYYY-MM-DD. */
  published?: string;
  url?: string;
  /** Text of the source, relative to the dataset file. */
  path?: string;
  /** Text of the source inline (exports embed it so they stand alone). */
  text?: string;
  /** Admiralty source reliability, A (completely reliable) … F (cannot be judged); absent reads as F. */
  reliability?: Reliability;
  /** About the source: why it is graded as it is, say. */
  description?: string;
}

/** Extra values a record carries beyond the model's fields (from a spreadsheet, GEXF, RDF …). */
export type Attributes = Record<string, string | number | boolean>;

/** Admiralty / NATO source reliability grade. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** Admiralty / NATO information credibility grade: 1 confirmed … 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * How a source holds a relation: in its own voice (asserted), as someone's
 * claim (attributed), with a hedge (hedged), or with no quote at all (unsourced).
 */
export type ClaimStatus = 'asserted' | 'attributed' | 'hedged' | 'unsourced';

export interface Entity {
  id: string;
  label: string;
  type: string;
  aliases?: string[];
  description?: string;
  /** For events: ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or interval "start/end". */
  date?: string;
  attributes?: Attributes;
  /** A starting layout position (GEXF, GraphML and graphology files carry one). */
  position?: { x: number; y: number };
}

export interface Triple {
  /** Stable id; optional in files (unique when present). The store derives
   *  `subject|predicate|object` (then `#2`, `#3` for repeats) when absent; a derived
   *  id that would clash with another triple's id gets `~2`, `~3`. */
  id?: string;
  subject: string;
  predicate: string;
  object: string;
  /** Source id. */
  source: string;
  /** Verbatim quote from the source that states this relation; absent: the relation is unsourced. */
  evidence?: string;
  /** ISO date or interval "start/end" when the relation held or happened. */
  date?: string;
  /** 0..1. */
  confidence?: number;
  /** Entity whose claim this is, when the source reports it rather than states it. */
  attributedTo?: string;
  /** Hedge the source puts on it: "reportedly", "likely", "suspected". */
  qualifier?: string;
  /** Derived when absent (see core/trust.ts `statusOf`). */
  status?: ClaimStatus;
  /** Admiralty information credibility; absent reads as 6. */
  credibility?: Credibility;
  attributes?: Attributes;
}

export interface Dataset {
  format: typeof DATASET_FORMAT;
  version: typeof DATASET_VERSION;
  title?: string;
  /** When absent the default schema applies. */
  schema?: Schema;
  sources: Source[];
  entities: Entity[];
  triples: Triple[];
}

/** A set of entities and the triples among them: what queries return and views show. */
export interface Subgraph {
  entities: Entity[];
  triples: Triple[];
}

/** One triple of a path, with the direction it is walked in. */
export interface PathStep {
  triple: Triple;
  /** true when walked subject → object. */
  forward: boolean;
}

export interface Path {
  /** Number of steps. */
  length: number;
  /** Entity ids along the path, from → to (length + 1 of them). */
  nodes: string[];
  steps: PathStep[];
}

export type Direction = 'out' | 'in' | 'both';

/**
 * Which relations a query may use, by trust and time. Absent fields filter
 * nothing. Absent grades read as F / 6, so a minimum leaves ungraded ones out.
 */
export interface RelationFilter {
  /** Only relations of these statuses (empty or absent: all). */
  status?: ClaimStatus[];
  /** Only relations whose source is graded this or better (A best). */
  minReliability?: Reliability;
  /** Only relations graded this or better (1 best). */
  minCredibility?: Credibility;
  /** A time window (ISO YYYY, YYYY-MM or YYYY-MM-DD, either end optional): a relation is in it when its date or
   *  interval overlaps it, compared at the precision given ('2021' overlaps '2021-02-25').
   *  (Not `from`/`to`: those name entities in neighbourhood and path queries.) */
  dateFrom?: string;
  dateTo?: string;
  /** Relations without a date when a window is given: kept (default) or left out. Without a window, 'exclude' leaves them out too. */
  undated?: 'include' | 'exclude';
}

export interface NeighbourhoodQuery extends RelationFilter {
  /** Entity ids to start from. */
  from: string[];
  /** 1.. hops. */
  depth: number;
  direction?: Direction;
  /** Only follow these predicates (empty or absent: all). */
  predicates?: string[];
  /** Only reach entities of these types (subtypes included; empty or absent: all). */
  types?: string[];
  /** Most entities to return; the nearest come first. */
  limit?: number;
}

export interface NeighbourhoodResult extends Subgraph {
  /** Hop distance of every returned entity from the start set. */
  distance: Record<string, number>;
  /** True when the limit cut the result. */
  truncated: boolean;
}

export type PathMode = 'shortest' | 'all-shortest' | 'k-shortest';

export interface PathQuery extends RelationFilter {
  from: string;
  to: string;
  mode?: PathMode;
  /** For k-shortest. */
  k?: number;
  /** Follow triples only subject → object. */
  directed?: boolean;
  predicates?: string[];
  avoidTypes?: string[];
  avoidEntities?: string[];
  /** Most steps a path may have. */
  maxLength?: number;
  /** For all-shortest: most paths to list (capped by the Explorer's limits.maxAllShortest). */
  limit?: number;
  /** Each step dated no earlier than the dated step before it ("what led to what"); undated steps do not move the clock. Shortest mode only. */
  chronological?: boolean;
}

export type RelationSort =
  | 'file'
  | 'date'
  | 'predicate'
  | 'subject'
  | 'object'
  | 'source'
  | 'status'
  | 'credibility'
  | 'reliability';

/** Relations by pattern across the whole graph: every field narrows; none given lists them all. */
export interface RelationsQuery extends RelationFilter {
  /** Entity id of the subject, of the object, or of either end. */
  subject?: string;
  object?: string;
  entity?: string;
  /** Entity types of the subject / object (subtypes included). */
  subjectTypes?: string[];
  objectTypes?: string[];
  predicates?: string[];
  /** Source id. */
  source?: string;
  /** Entity id whose claim the relation is. */
  attributedTo?: string;
  /** Words that must all begin words of the evidence (case, diacritics and punctuation aside). */
  text?: string;
  /** Default 'file' (dataset order); ties keep file order. */
  sort?: RelationSort;
  descending?: boolean;
  /** Default 100; the Explorer caps it (DEFAULT_LIMITS.relations). */
  limit?: number;
  offset?: number;
}

export interface RelationsResult {
  /** The page asked for. */
  triples: Triple[];
  /** How many relations match in all. */
  total: number;
}

export interface PathResult {
  paths: Path[];
  /** When no path: why, in words a person can act on. */
  reason?: string;
  /** True when a cap cut the paths (more exist than are listed). */
  truncated?: boolean;
  /** How many paths of this kind exist, when known (all-shortest counts them; a lower bound when `totalIsLowerBound`). */
  total?: number;
  totalIsLowerBound?: boolean;
  /** The cap in words, when one applied: "only the first 100 shortest paths are listed; there are 252". */
  note?: string;
}

export interface SearchHit {
  id: string;
  label: string;
  type: string;
  score: number;
  /** The alias that matched, when it was not the label. */
  matchedAlias?: string;
  /** The attribute whose text matched, when no name did. */
  matchedAttribute?: string;
}

export interface SearchOptions {
  limit?: number;
  types?: string[];
}

/** What `show` needs: an entity and every triple it takes part in. */
export interface EntityDetails {
  entity: Entity;
  outgoing: Triple[];
  incoming: Triple[];
  /** True when a limit cut `outgoing` or `incoming`; the totals say by how much. */
  truncated?: boolean;
  totalOutgoing?: number;
  totalIncoming?: number;
}

export interface Stats {
  /** The dataset's title, when it has one. */
  title?: string;
  entities: number;
  triples: number;
  sources: number;
  types: number;
  predicates: number;
  byType: Record<string, number>;
  byPredicate: Record<string, number>;
  /** Triples by claim status (statuses with none left out). */
  byStatus?: Partial<Record<ClaimStatus, number>>;
  /** Triples with no (valid) date: a timeline counts them apart. */
  undated?: number;
}
