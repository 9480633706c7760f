// The whole graph in a compact form for drawing it all: entities as they are,
// triples as index columns and ids. 50k Triple objects with their evidence
// would cost the page a long structured-clone; these columns cost little and
// the typed arrays are transferred, not copied.
import type { Entity } from './model.ts';
import type { TripleStore } from './store.ts';
import { dateSpans } from './relation-filter.ts';

export interface GraphColumns {
  entities: Entity[];
  /** Row i: triple i of the store (file order). Entity rows index `entities`. */
  subject: Uint32Array;
  object: Uint32Array;
  predicate: Uint32Array;
  predicateIds: string[];
  tripleIds: string[];
  /** Claim status per triple: its index in CLAIM_STATUSES (core/trust.ts), for edge styles. */
  status: Uint8Array;
  /** First and last day of each triple's date as YYYYMMDD numbers; -1 when undated (for a timeline). */
  dateLo: Int32Array;
  dateHi: Int32Array;
}

export function graphColumns(store: TripleStore): GraphColumns {
  const n = store.entityCount,
    m = store.tripleCount;
  const entities = new Array<Entity>(n);
  for (let i = 0; i < n; i++) entities[i] = store.entityAt(i);
  const subject = new Uint32Array(m),
    object = new Uint32Array(m),
    predicate = new Uint32Array(m);
  const tripleIds = new Array<string>(m);
  for (let t = 0; t < m; t++) {
    subject[t] = store.subjectOf(t);
    object[t] = store.objectOf(t);
    predicate[t] = store.predicateOf(t);
    tripleIds[t] = store.tripleId(t);
  }
  const predicateIds = Array.from({ length: store.predicateCount }, (_, p) => store.predicateId(p));
  // Copies: the typed arrays are transferred away from the worker, and the store keeps its own.
  const status = store.statusCodeColumn().slice();
  const spans = dateSpans(store);
  return {
    entities,
    subject,
    object,
    predicate,
    predicateIds,
    tripleIds,
    status,
    dateLo: spans.lo.slice(),
    dateHi: spans.hi.slice(),
  };
}
