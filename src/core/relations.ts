// Relations by pattern across the whole graph: a scan of the typed columns
// (starting from the smallest index that applies: an entity's adjacency, a
// predicate's list, else every triple), a sort on packed numeric keys, and
// Triple objects made only for the page asked.
import type { RelationsQuery, RelationsResult } from './model.ts';
import type { TripleStore } from './store.ts';
import { ExplorerError } from './errors.ts';
import { allowMask, dateSpans } from './relation-filter.ts';
import { predicateMask, typeMaskOf } from './neighbourhood.ts';
import { foldForSearch } from './text.ts';

export const DEFAULT_RELATIONS_LIMIT = 100;
const NON_ASCII = /[^\x00-\x7f]/;
const nonAsciiCache = new WeakMap<TripleStore, Uint8Array>();

/** 1 per triple whose evidence has a character beyond ASCII (search folds those in full); once per store. */
function nonAsciiEvidence(store: TripleStore): Uint8Array {
  let a = nonAsciiCache.get(store);
  if (a) return a;
  const ev = store.trustColumns.evidence;
  a = new Uint8Array(store.tripleCount);
  for (let t = 0; t < a.length; t++) {
    const e = ev.at(t);
    if (e !== undefined && NON_ASCII.test(e)) a[t] = 1;
  }
  nonAsciiCache.set(store, a);
  return a;
}
export const MAX_RELATIONS_LIMIT = 10_000;

function unknown(what: string, id: string): ExplorerError {
  return new ExplorerError({
    code: what === 'entity' ? 'unknown-entity' : 'bad-request',
    message: `unknown ${what} '${id}'`,
    hint: `use ${what} ids of the dataset`,
  });
}

/** Matching triple indices, in file order. */
export function matchRelations(store: TripleStore, q: RelationsQuery): Uint32Array {
  const m = store.tripleCount;
  const ent = (id: string | undefined): number => {
    if (id === undefined) return -1;
    const i = store.indexOf(id);
    if (i < 0) throw unknown('entity', id);
    return i;
  };
  const s = ent(q.subject),
    o = ent(q.object),
    either = ent(q.entity);
  if (q.attributedTo !== undefined) ent(q.attributedTo);
  let src = -1;
  if (q.source !== undefined) {
    src = store.sources.findIndex((x) => x.id === q.source);
    if (src < 0) throw unknown('source', q.source);
  }
  for (const p of q.predicates ?? []) if (store.predicateIndex(p) < 0) throw unknown('predicate', p);
  for (const t of [...(q.subjectTypes ?? []), ...(q.objectTypes ?? [])])
    if (store.typeIndexById(t) < 0) throw unknown('entity type', t);
  const predOk = predicateMask(store, q.predicates);
  const sType = typeMaskOf(store, q.subjectTypes);
  // Both type masks are cached in one slot: build the object one apart.
  const oType = q.objectTypes?.length ? store.typeMask(q.objectTypes) : undefined;
  const allow = allowMask(store, q);
  const { subj, obj, pred, entityType } = store.columns;
  const cols = store.trustColumns;
  // Words must occur in the evidence as search folds it (case, diacritics, punctuation aside). For ASCII
  // evidence folding only lowers case and drops apostrophes, so a regex on the raw text decides without folding.
  const words = q.text ? foldForSearch(q.text).split(' ').filter(Boolean) : [];
  const asciiTests = words.map((w) => new RegExp(`(?<![A-Za-z0-9'\`])['\`]*${w.split('').join("['`]*")}`, 'i'));
  const nonAscii = words.length ? nonAsciiEvidence(store) : undefined;
  const by = q.attributedTo;

  // The candidates: the smallest index that applies.
  let cand: ArrayLike<number> | undefined;
  const consider = (c: ArrayLike<number>) => {
    if (!cand || c.length < cand.length) cand = c;
  };
  if (s >= 0) consider(store.outTriples(s));
  if (o >= 0) consider(store.inTriples(o));
  if (q.predicates?.length === 1) consider(store.triplesWithPredicate(store.predicateIndex(q.predicates[0]!)));
  let eitherList: Uint32Array | undefined;
  if (either >= 0) {
    const out = store.outTriples(either),
      inn = store.inTriples(either);
    eitherList = new Uint32Array(out.length + inn.length);
    eitherList.set(out);
    eitherList.set(inn, out.length);
    eitherList.sort();
    consider(eitherList);
  }
  const n = cand ? cand.length : m;
  const hits = new Uint32Array(n);
  let count = 0;
  let last = -1;
  for (let k = 0; k < n; k++) {
    const t = cand ? cand[k]! : k;
    if (t === last) continue; // a self-loop is in both lists of `either`
    last = t;
    if (s >= 0 && subj[t] !== s) continue;
    if (o >= 0 && obj[t] !== o) continue;
    if (either >= 0 && subj[t] !== either && obj[t] !== either) continue;
    if (predOk && !predOk[pred[t]!]) continue;
    if (allow && !allow[t]) continue;
    if (src >= 0 && cols.src[t] !== src) continue;
    if (sType && !sType[entityType[subj[t]!]!]) continue;
    if (oType && !oType[entityType[obj[t]!]!]) continue;
    if (by !== undefined && cols.attributedTo?.at(t) !== by) continue;
    if (words.length) {
      const ev = cols.evidence.at(t);
      if (ev === undefined) continue;
      if (!nonAscii![t]) {
        if (!asciiTests.every((r) => r.test(ev))) continue;
      } else {
        const folded = ` ${foldForSearch(ev)}`;
        if (!words.every((w) => folded.includes(` ${w}`))) continue;
      }
    }
    hits[count++] = t;
  }
  return hits.subarray(0, count);
}

/** Keys to sort by: a rank per triple, smaller first. */
function sortKeys(store: TripleStore, sort: NonNullable<RelationsQuery['sort']>): (t: number) => number {
  const { subj, obj, pred } = store.columns;
  const rankBy = (count: number, label: (i: number) => string): Uint32Array => {
    const order = Array.from({ length: count }, (_, i) => i);
    const labels = order.map(label);
    order.sort((a, b) => (labels[a]! < labels[b]! ? -1 : labels[a]! > labels[b]! ? 1 : a - b));
    const rank = new Uint32Array(count);
    order.forEach((i, r) => {
      rank[i] = r;
    });
    return rank;
  };
  switch (sort) {
    case 'date': {
      const { lo } = dateSpans(store);
      return (t) => (lo[t]! < 0 ? 99_999_999 : lo[t]!); // undated last
    }
    case 'predicate': {
      const r = rankBy(store.predicateCount, (p) =>
        (store.schema.predicates.get(store.predicateId(p))?.label ?? store.predicateId(p)).toLowerCase(),
      );
      return (t) => r[pred[t]!]!;
    }
    case 'subject':
    case 'object': {
      const r = entityRanks(store);
      const col = sort === 'subject' ? subj : obj;
      return (t) => r[col[t]!]!;
    }
    case 'source': {
      const r = rankBy(store.sources.length, (i) => store.sources[i]!.title.toLowerCase());
      const src = store.trustColumns.src;
      return (t) => r[src[t]!]!;
    }
    case 'status': {
      const c = store.statusCodeColumn();
      return (t) => c[t]!;
    }
    case 'credibility':
      return (t) => store.credibilityAt(t);
    case 'reliability': {
      const ranks = store.sourceReliabilityRanks();
      const src = store.trustColumns.src;
      return (t) => ranks[src[t]!]!;
    }
    default:
      return (t) => t;
  }
}

const labelRanks = new WeakMap<TripleStore, Uint32Array>();
/** Entities ranked by label (case-insensitive), once per store. */
function entityRanks(store: TripleStore): Uint32Array {
  let r = labelRanks.get(store);
  if (r) return r;
  const n = store.entityCount;
  const labels = Array.from({ length: n }, (_, i) => store.entityAt(i).label.toLowerCase());
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    labels[a]! < labels[b]! ? -1 : labels[a]! > labels[b]! ? 1 : a - b,
  );
  r = new Uint32Array(n);
  for (let k = 0; k < n; k++) r[order[k]!] = k;
  labelRanks.set(store, r);
  return r;
}

export function relations(store: TripleStore, q: RelationsQuery): RelationsResult {
  const limit = q.limit === undefined ? DEFAULT_RELATIONS_LIMIT : Math.floor(q.limit);
  const offset = q.offset === undefined ? 0 : Math.floor(q.offset);
  if (!(limit >= 0) || !(offset >= 0))
    throw new ExplorerError({
      code: 'bad-request',
      message: `limit and offset must be numbers ≥ 0, got ${q.limit} and ${q.offset}`,
    });
  const capped = Math.min(limit, MAX_RELATIONS_LIMIT);
  const hits = matchRelations(store, q);
  const total = hits.length;
  let page: ArrayLike<number>;
  const sort = q.sort ?? 'file';
  if (sort === 'file') {
    page = q.descending
      ? Uint32Array.from(hits)
          .reverse()
          .subarray(offset, offset + capped)
      : hits.subarray(offset, offset + capped);
  } else {
    // Packed keys (rank × 2^bits + position) sort as plain numbers: stable, and no comparator calls.
    const key = sortKeys(store, sort);
    const bits = Math.max(1, Math.ceil(Math.log2(store.tripleCount + 1)));
    const scale = 2 ** bits;
    const packed = new Float64Array(total);
    for (let i = 0; i < total; i++) {
      const t = hits[i]!;
      const r = key(t);
      packed[i] = (q.descending ? 2 ** (52 - bits) - 1 - r : r) * scale + t;
    }
    packed.sort();
    const out = new Uint32Array(Math.max(0, Math.min(capped, total - offset)));
    for (let i = 0; i < out.length; i++) out[i] = packed[offset + i]! % scale;
    page = out;
  }
  return { triples: store.triplesAt(page), total };
}
