// The shapes a store is built from and lends out: triple columns, trust columns, build options.
import type { Attributes, Schema, Source } from './model.ts';
import type { EntityTable } from './store-entities.ts';
import type { Csr } from './store-tables.ts';

/**
 * Optional strings, one slot per triple: an array, or a snapshot's column that makes each string when asked.
 * Read with `at(t)` (t ≥ 0).
 */
export interface StringColumn {
  readonly length: number;
  at(t: number): string | undefined;
  /** Whether slot t holds a string, without making it (columns that can tell). */
  has?(t: number): boolean;
}

/** Triples as columns, one slot per triple; indices into the dataset's entities, the schema's predicates and the sources. */
export interface TripleColumns {
  count: number;
  subj: Uint32Array;
  obj: Uint32Array;
  pred: Uint16Array | Uint32Array;
  src: Uint16Array | Uint32Array;
  /** undefined: an unsourced relation. */
  evidence: StringColumn;
  /** Optional fields: absent when no triple has them; undefined / NaN slots where a triple lacks it. */
  date?: StringColumn;
  confidence?: Float64Array;
  attributedTo?: StringColumn;
  qualifier?: StringColumn;
  givenIds?: (string | undefined)[];
  /** Explicit status: its index in CLAIM_STATUSES + 1; 0 = derived. */
  status?: Uint8Array;
  /** Admiralty credibility 1..6; 0 = absent. */
  credibility?: Uint8Array;
  /** Attributes of the few triples that have some, by triple index. */
  attributes?: Map<number, Attributes>;
}

/** Read-only views of the columns that scans over trust, time and text need. */
export interface TrustColumns {
  evidence: StringColumn;
  src: Uint16Array | Uint32Array;
  date?: StringColumn;
  attributedTo?: StringColumn;
  qualifier?: StringColumn;
  credibility?: Uint8Array;
}

export interface BuildOptions {
  /** Text of a source that has only a `path` (the Node loader reads it). */
  sourceText?: (s: Source) => string | undefined;
}

/** The store's indexes, as a snapshot keeps them (see ADR 0002 for what each is). */
export interface StoreIndexes {
  /** The schema's predicates, then any the triples used beyond it. */
  predIds: string[];
  /** Sources appended for triples citing a source the dataset lacks (the last ones of `sources`). */
  extraSourceCount: number;
  out: Csr;
  inn: Csr;
  outNbr: Uint32Array;
  inNbr: Uint32Array;
  outPred: Uint16Array | Uint32Array;
  inPred: Uint16Array | Uint32Array;
  byPredicate: Csr;
  byType: Csr;
  repeatOrdinal: Map<number, number>;
  derivedOverride?: Map<number, string>;
  /** Types by index and each entity's type index, kept so a restore need not visit the entities. */
  typeIds?: string[];
  entityType?: Uint16Array | Uint32Array;
}

/** Everything a store holds: what `TripleStore.parts()` gives and `TripleStore.restore` takes. */
export interface StoreParts {
  title?: string;
  schema: Schema;
  /** Whether the dataset embedded its schema. */
  embeddedSchema: boolean;
  /** Every source, those appended for unknown references last. */
  sources: Source[];
  entities: EntityTable;
  cols: TripleColumns;
  indexes: StoreIndexes;
  /** Source texts by source id (inline or read beside the dataset); a function makes the text when first asked. */
  sourceTexts: ReadonlyMap<string, string | (() => string)>;
}
