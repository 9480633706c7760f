// The shapes a store is built from and lends out: triple columns, trust columns, build options.
import type { Attributes, Source } from './model.ts';

/** Triples as columns, one slot per triple; indices into the dataset's entities, the schema's predicates and the sources. */
export interface TripleColumns {
  count: number;
  subj: Uint32Array;
  obj: Uint32Array;
  pred: Uint16Array | Uint32Array;
  src: Uint16Array | Uint32Array;
  /** undefined: an unsourced relation. */
  evidence: (string | undefined)[];
  /** Optional fields: absent when no triple has them; undefined / NaN slots where a triple lacks it. */
  date?: (string | undefined)[];
  confidence?: Float64Array;
  attributedTo?: (string | undefined)[];
  qualifier?: (string | undefined)[];
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
  evidence: readonly (string | undefined)[];
  src: Uint16Array | Uint32Array;
  date?: readonly (string | undefined)[];
  attributedTo?: readonly (string | undefined)[];
  qualifier?: readonly (string | undefined)[];
  credibility?: Uint8Array;
}

export interface BuildOptions {
  /** Text of a source that has only a `path` (the Node loader reads it). */
  sourceText?: (s: Source) => string | undefined;
}
