// Trust of a relation: its claim status (derived once, here), the Admiralty
// grades, and the filters on them and on time that queries share.
import type { ClaimStatus, Credibility, Reliability, Source, Triple } from './model.ts';

export const CLAIM_STATUSES: readonly ClaimStatus[] = ['asserted', 'attributed', 'hedged', 'unsourced'];
export const RELIABILITIES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
export const CREDIBILITIES: readonly Credibility[] = [1, 2, 3, 4, 5, 6];

/** Qualifier words that make a relation hedged (matched case-insensitively as a word of the qualifier). */
export const HEDGES: readonly string[] = [
  'reportedly',
  'allegedly',
  'likely',
  'possibly',
  'suspected',
  'unconfirmed',
  'claimed',
  'believed',
  'apparently',
];
const HEDGE_WORD = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${HEDGES.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** Whether a qualifier hedges: one of its words is in HEDGES. */
export function isHedge(qualifier: string | undefined): boolean {
  return qualifier !== undefined && HEDGE_WORD.test(qualifier);
}

/** The fields status depends on. */
export type StatusFields = Pick<Triple, 'evidence' | 'qualifier' | 'attributedTo' | 'status'>;

/** The one derivation of a relation's status: explicit when given, else from evidence, qualifier and attribution. */
export function statusOf(t: StatusFields): ClaimStatus {
  if (t.status !== undefined) return t.status;
  if (t.evidence === undefined) return 'unsourced';
  if (isHedge(t.qualifier)) return 'hedged';
  if (t.attributedTo !== undefined) return 'attributed';
  return 'asserted';
}

/** Status as a small code (index in CLAIM_STATUSES), for typed columns and masks. */
export function statusCode(s: ClaimStatus): number {
  return CLAIM_STATUSES.indexOf(s);
}

/** Reliability as a rank 0 (A) … 5 (F); absent reads as F. */
export function reliabilityRank(r: Reliability | undefined): number {
  return r === undefined ? 5 : RELIABILITIES.indexOf(r);
}

/** The reliability of a source, absent read as F. */
export function reliabilityOf(s: Pick<Source, 'reliability'> | undefined): Reliability {
  return s?.reliability ?? 'F';
}

/** The credibility of a relation, absent read as 6. */
export function credibilityOf(t: Pick<Triple, 'credibility'>): Credibility {
  return t.credibility ?? 6;
}

export function isReliability(v: unknown): v is Reliability {
  return typeof v === 'string' && (RELIABILITIES as readonly string[]).includes(v);
}
export function isCredibility(v: unknown): v is Credibility {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 6;
}
export function isClaimStatus(v: unknown): v is ClaimStatus {
  return typeof v === 'string' && (CLAIM_STATUSES as readonly string[]).includes(v);
}
