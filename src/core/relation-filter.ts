// The trust and time filter of a query as one allow mask over triples,
// computed once per query (and kept for the next one with the same filter),
// so the walks test a byte per edge instead of reading objects.
import type { RelationFilter } from './model.ts';
import type { TripleStore } from './store.ts';
import { ExplorerError } from './errors.ts';
import { CLAIM_STATUSES, isClaimStatus, isCredibility, isReliability, reliabilityRank, statusCode } from './trust.ts';

/** Earliest and latest day of an ISO date as YYYYMMDD numbers ('2021' → 20210101..20211231); undefined when not a date. */
export function dateBounds(d: string): [number, number] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
  if (!m) return undefined;
  const y = Number(m[1]) * 10000;
  if (m[2] === undefined) return [y + 101, y + 1231];
  const mo = Number(m[2]) * 100;
  if (m[3] === undefined) return [y + mo + 1, y + mo + 31];
  const day = y + mo + Number(m[3]);
  return [day, day];
}

const OPEN_LO = 0,
  OPEN_HI = 99_999_999;

/** The span of a date or interval ('a/b', either side may be empty); undefined when it is no date. */
export function spanOf(d: string | undefined): [number, number] | undefined {
  if (d === undefined) return undefined;
  const slash = d.indexOf('/');
  if (slash < 0) return dateBounds(d);
  const a = d.slice(0, slash),
    b = d.slice(slash + 1);
  const lo = a === '' ? OPEN_LO : dateBounds(a)?.[0];
  const hi = b === '' ? OPEN_HI : dateBounds(b)?.[1];
  return lo === undefined || hi === undefined ? undefined : [lo, hi];
}

/** Per triple: the earliest and latest day of its date (YYYYMMDD), -1 when undated. Built once per store. */
export interface DateSpans {
  lo: Int32Array;
  hi: Int32Array;
  dated: number;
}
const spans = new WeakMap<TripleStore, DateSpans>();

export function dateSpans(store: TripleStore): DateSpans {
  let s = spans.get(store);
  if (s) return s;
  const m = store.tripleCount;
  const lo = new Int32Array(m).fill(-1),
    hi = new Int32Array(m).fill(-1);
  const dates = store.trustColumns.date;
  let dated = 0;
  if (dates) {
    const memo = new Map<string, [number, number] | undefined>();
    for (let t = 0; t < m; t++) {
      const d = dates.at(t);
      if (d === undefined) continue;
      let sp = memo.get(d);
      if (sp === undefined && !memo.has(d)) {
        sp = spanOf(d);
        memo.set(d, sp);
      }
      if (sp) {
        lo[t] = sp[0];
        hi[t] = sp[1];
        dated++;
      }
    }
  }
  spans.set(store, (s = { lo, hi, dated }));
  return s;
}

/** Whether the filter filters anything. */
export function filters(f: RelationFilter): boolean {
  return !!(
    f.status?.length ||
    f.minReliability !== undefined ||
    f.minCredibility !== undefined ||
    f.dateFrom !== undefined ||
    f.dateTo !== undefined ||
    f.undated === 'exclude'
  );
}

function bad(message: string, hint: string): ExplorerError {
  return new ExplorerError({ code: 'bad-request', message, hint });
}

/** The filter checked (bad values are `bad-request`), with the window as YYYYMMDD bounds. */
export function checkFilter(f: RelationFilter): { lo: number; hi: number; windowed: boolean } {
  for (const s of f.status ?? [])
    if (!isClaimStatus(s)) throw bad(`unknown status '${s}'`, `use one of: ${CLAIM_STATUSES.join(', ')}`);
  if (f.minReliability !== undefined && !isReliability(f.minReliability))
    throw bad(
      `minReliability must be a letter A to F, got '${f.minReliability}'`,
      'A is the best grade, F "cannot be judged"',
    );
  if (f.minCredibility !== undefined && !isCredibility(f.minCredibility))
    throw bad(
      `minCredibility must be a whole number 1 to 6, got '${f.minCredibility}'`,
      '1 is the best grade, 6 "cannot be judged"',
    );
  if (f.undated !== undefined && f.undated !== 'include' && f.undated !== 'exclude')
    throw bad(
      `undated must be 'include' or 'exclude', got '${f.undated}'`,
      'say whether relations without a date stay in',
    );
  const end = (d: string | undefined, which: 'dateFrom' | 'dateTo'): number | undefined => {
    if (d === undefined) return undefined;
    const b = dateBounds(d);
    if (!b)
      throw bad(
        `'${which}' must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got '${d}'`,
        'write it as 2021, 2021-02 or 2021-02-25',
      );
    return which === 'dateFrom' ? b[0] : b[1];
  };
  const lo = end(f.dateFrom, 'dateFrom'),
    hi = end(f.dateTo, 'dateTo');
  if (lo !== undefined && hi !== undefined && lo > hi)
    throw bad(`the window ends (${f.dateTo}) before it starts (${f.dateFrom})`, 'give the earlier date first');
  return { lo: lo ?? OPEN_LO, hi: hi ?? OPEN_HI, windowed: lo !== undefined || hi !== undefined };
}

interface LastMask {
  key: string;
  mask: Uint8Array;
}
const lastMasks = new WeakMap<TripleStore, LastMask>();

/**
 * 1 per triple the filter lets through, or undefined when it filters
 * nothing. Shared with the next query of the same filter: read it, never write it.
 */
export function allowMask(store: TripleStore, f: RelationFilter): Uint8Array | undefined {
  const win = checkFilter(f);
  if (!filters(f)) return undefined;
  const key = JSON.stringify([
    f.status ? [...f.status].sort() : [],
    f.minReliability,
    f.minCredibility,
    f.dateFrom,
    f.dateTo,
    f.undated,
  ]);
  const last = lastMasks.get(store);
  if (last && last.key === key) return last.mask;

  const m = store.tripleCount;
  const mask = new Uint8Array(m).fill(1);
  if (f.status?.length) {
    const ok = new Uint8Array(CLAIM_STATUSES.length);
    for (const s of f.status) ok[statusCode(s)] = 1;
    const codes = store.statusCodeColumn();
    for (let t = 0; t < m; t++) if (!ok[codes[t]!]) mask[t] = 0;
  }
  if (f.minReliability !== undefined && f.minReliability !== 'F') {
    const max = reliabilityRank(f.minReliability);
    const ranks = store.sourceReliabilityRanks();
    const src = store.trustColumns.src;
    for (let t = 0; t < m; t++) if (ranks[src[t]!]! > max) mask[t] = 0;
  }
  if (f.minCredibility !== undefined && f.minCredibility !== 6) {
    const cred = store.trustColumns.credibility;
    const max = f.minCredibility;
    // Absent (0) reads as 6.
    for (let t = 0; t < m; t++) {
      const c = cred ? cred[t]! : 0;
      if ((c || 6) > max) mask[t] = 0;
    }
  }
  if (win.windowed || f.undated === 'exclude') {
    const { lo, hi } = dateSpans(store);
    const keepUndated = f.undated !== 'exclude';
    for (let t = 0; t < m; t++) {
      const a = lo[t]!;
      if (a < 0) {
        if (!keepUndated) mask[t] = 0;
        continue;
      }
      if (a > win.hi || hi[t]! < win.lo) mask[t] = 0;
    }
  }
  lastMasks.set(store, { key, mask });
  return mask;
}
