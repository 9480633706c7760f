// The trust and time filters of the URL, as one value: what the queries are
// given, what the drawn graph dims, and what the relations table asks for.
import type { ClaimStatus, Credibility, Reliability, RelationFilter, Triple } from '../../core/model.ts';
import { CLAIM_STATUSES, credibilityOf, reliabilityRank, statusOf } from '../../core/trust.ts';
import type { UrlState } from './url-state.ts';
import { dateRange, overlaps, windowRange } from './time.ts';

export type Undated = 'include' | 'exclude';

export interface TrustFilter {
  /** Empty: every status. */
  status: ClaimStatus[];
  minReliability: Reliability;
  minCredibility: Credibility;
  timeFrom?: string;
  timeTo?: string;
  undated: Undated;
}

export function trustFilterOf(url: UrlState): TrustFilter {
  return {
    status: url.status,
    minReliability: url.minReliability,
    minCredibility: url.minCredibility as Credibility,
    timeFrom: url.timeFrom,
    timeTo: url.timeTo,
    undated: url.undated,
  };
}

/** Nothing is filtered out. */
export function isOpen(f: TrustFilter): boolean {
  return (
    (f.status.length === 0 || f.status.length === CLAIM_STATUSES.length) &&
    f.minReliability === 'F' &&
    f.minCredibility === 6 &&
    !f.timeFrom &&
    !f.timeTo &&
    f.undated === 'include'
  );
}

/** The filter as Explorer query options (neighbourhood, paths, relations); nothing when open. */
export function queryOptions(f: TrustFilter): RelationFilter {
  if (isOpen(f)) return {};
  const o: RelationFilter = {};
  if (f.status.length && f.status.length < CLAIM_STATUSES.length) o.status = f.status;
  if (f.minReliability !== 'F') o.minReliability = f.minReliability;
  if (f.minCredibility !== 6) o.minCredibility = f.minCredibility;
  if (f.timeFrom) o.dateFrom = f.timeFrom;
  if (f.timeTo) o.dateTo = f.timeTo;
  if (f.undated !== 'include') o.undated = f.undated;
  return o;
}

/** What a relation shows of itself to the filter (an edge's attributes carry the same). */
export type TrustFields = Pick<
  Triple,
  'evidence' | 'qualifier' | 'attributedTo' | 'status' | 'credibility' | 'date' | 'source'
>;

/**
 * A predicate over relations, made once per filter, with the same rules as
 * the core's query filter (core/relation-filter.ts), for the drawn graph's edges; `reliabilityOf` gives a relation's source grade. */
export function relationTest(
  f: TrustFilter,
  reliabilityOf: (t: TrustFields) => Reliability | undefined,
): (t: TrustFields) => boolean {
  const statuses = f.status.length ? new Set(f.status) : undefined;
  const maxRel = reliabilityRank(f.minReliability);
  const win = windowRange(f.timeFrom, f.timeTo);
  return (t) => {
    if (statuses && !statuses.has(statusOf(t))) return false;
    if (maxRel < 5 && reliabilityRank(reliabilityOf(t)) > maxRel) return false;
    if (f.minCredibility < 6 && credibilityOf(t) > f.minCredibility) return false;
    const r = dateRange(t.date);
    if (!r) return f.undated === 'include';
    return !win || overlaps(r, win);
  };
}
