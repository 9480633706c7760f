// The shareable part of the view, kept in the URL query string. Every field has
// a type, a default and a validator; unknown or invalid parameters are dropped,
// and defaults are left out of the URL so links stay short.
import type { ClaimStatus, Direction, Reliability } from '../../core/model.ts';
import { CLAIM_STATUSES, RELIABILITIES } from '../../core/trust.ts';
import { isIsoDate } from './time.ts';
import type { ColourBy, SizeMetric } from '../graph/metric-shape.ts';

export type QueryView = 'none' | 'neighbourhood' | 'path';
/** What the bar under the graph shows ('none': only the filters, so the graph gets the height). */
export type BottomView = 'timeline' | 'relations' | 'none';

export interface UrlState {
  /** Selected entity id. */
  entity?: string;
  /** Selected relation (triple id): its evidence is shown in the source. */
  relation?: string;
  view: QueryView;
  depth: number;
  direction: Direction;
  predicates: string[];
  types: string[];
  /** Entities outside a query result (a neighbourhood or paths): dimmed or hidden. */
  outside: 'dim' | 'hide';
  from?: string;
  to?: string;
  k: number;
  directed: boolean;
  pathPredicates: string[];
  avoidTypes: string[];
  pathIndex: number;
  hiddenTypes: string[];
  /** Trust and time filters (see trust-filter.ts): statuses kept (empty: all), lowest grades kept, a time window. */
  status: ClaimStatus[];
  minReliability: Reliability;
  minCredibility: number;
  timeFrom?: string;
  timeTo?: string;
  undated: 'include' | 'exclude';
  /** Paths whose steps are dated no earlier than the step before. */
  chronological: boolean;
  bottom: BottomView;
  /** Node colour: by entity type, or by community (Louvain). */
  colour: ColourBy;
  /** Node size: by degree, PageRank or betweenness. */
  size: SizeMetric;
  /** Opened data kept in this browser, by its content hash (store/steps.ts). */
  dataset?: string;
}

interface Field<T> {
  param: string;
  default: T;
  parse(raw: string): T | undefined;
  format(v: T): string;
}

const MAX_ID = 200;
const idParse = (raw: string): string | undefined => (raw.length > 0 && raw.length <= MAX_ID ? raw : undefined);
const str: Field<string | undefined> = { param: '', default: undefined, parse: idParse, format: (v) => v ?? '' };
const list: Field<string[]> = {
  param: '',
  default: [],
  parse: (raw) => {
    const items = raw.split(',').filter((s) => s.length > 0 && s.length <= MAX_ID);
    return items.length ? [...new Set(items)].slice(0, 100) : undefined;
  },
  format: (v) => v.join(','),
};
const int = (min: number, max: number, def: number): Field<number> => ({
  param: '',
  default: def,
  parse: (raw) => (/^\d{1,3}$/.test(raw) && +raw >= min && +raw <= max ? +raw : undefined),
  format: String,
});
const oneOf = <T extends string>(values: readonly T[], def: T): Field<T> => ({
  param: '',
  default: def,
  parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined),
  format: (v) => v,
});
const date: Field<string | undefined> = {
  param: '',
  default: undefined,
  parse: (raw) => (isIsoDate(raw) ? raw : undefined),
  format: (v) => v ?? '',
};
const listOf = <T extends string>(values: readonly T[]): Field<T[]> => ({
  param: '',
  default: [],
  parse: (raw) => {
    const items = raw.split(',');
    // Known values only, in their canonical order: a link with one unknown value is refused whole.
    if (!items.every((x) => (values as readonly string[]).includes(x))) return undefined;
    return values.filter((v) => items.includes(v));
  },
  format: (v) => v.join(','),
});
const bool: Field<boolean> = {
  param: '',
  default: false,
  parse: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
  format: (v) => (v ? '1' : '0'),
};

const f = <T>(param: string, base: Field<T>): Field<T> => ({ ...base, param });

const FIELDS: { [K in keyof UrlState]-?: Field<UrlState[K]> } = {
  entity: f('e', str),
  relation: f('rel', str),
  view: f('q', oneOf(['none', 'neighbourhood', 'path'] as const, 'none')),
  depth: f('d', int(1, 3, 1)),
  direction: f('dir', oneOf(['both', 'out', 'in'] as const, 'both')),
  predicates: f('p', list),
  types: f('t', list),
  outside: f('out', oneOf(['dim', 'hide'] as const, 'dim')),
  from: f('from', str),
  to: f('to', str),
  k: f('k', int(1, 10, 3)),
  directed: f('dr', bool),
  pathPredicates: f('pp', list),
  avoidTypes: f('av', list),
  pathIndex: f('pi', int(0, 49, 0)),
  hiddenTypes: f('hide', list),
  status: f('st', listOf(CLAIM_STATUSES)),
  minReliability: f('mr', oneOf(RELIABILITIES, 'F')),
  minCredibility: f('mc', int(1, 6, 6)),
  timeFrom: f('since', date),
  timeTo: f('until', date),
  undated: f('und', oneOf(['include', 'exclude'] as const, 'include')),
  chronological: f('chr', bool),
  bottom: f('bot', oneOf(['timeline', 'relations', 'none'] as const, 'timeline')),
  colour: f('col', oneOf(['type', 'community'] as const, 'type')),
  size: f('sz', oneOf(['degree', 'pagerank', 'betweenness'] as const, 'degree')),
  dataset: f('ds', { ...str, parse: (raw) => (/^[0-9a-f]{32}$/.test(raw) ? raw : undefined) }),
};

const KEYS = Object.keys(FIELDS) as (keyof UrlState)[];

export function defaultUrlState(): UrlState {
  const s = {} as Record<string, unknown>;
  for (const k of KEYS) {
    const d = FIELDS[k].default;
    if (d !== undefined) s[k] = Array.isArray(d) ? [...d] : d;
  }
  return s as unknown as UrlState;
}

/** Reads a query string ("?e=iran&q=neighbourhood&d=2"); anything unknown or invalid is dropped. */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const s = defaultUrlState() as unknown as Record<string, unknown>;
  for (const k of KEYS) {
    const field = FIELDS[k] as Field<unknown>;
    const raw = params.get(field.param);
    if (raw === null) continue;
    const v = field.parse(raw);
    if (v !== undefined) s[k] = v;
  }
  return s as unknown as UrlState;
}

function isDefault(v: unknown, d: unknown): boolean {
  if (Array.isArray(v) && Array.isArray(d)) return v.length === d.length && v.every((x, i) => x === d[i]);
  return v === d;
}

/** The query string for a state ("" when everything is default), fields in a fixed order. */
export function serialiseUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  for (const k of KEYS) {
    const field = FIELDS[k] as Field<unknown>;
    const v = state[k];
    if (v === undefined || isDefault(v, field.default)) continue;
    const text = field.format(v);
    if (text !== '' && field.parse(text) !== undefined) params.set(field.param, text);
  }
  const q = params.toString();
  return q ? `?${q}` : '';
}

/**
 * `?data=/path/file.json` opens a dataset served by this same site instead of
 * the bundled one (`&view=all` draws it whole). Only a path on this origin is
 * accepted: it starts with a single `/`, has no backslash, scheme or host, and
 * names a .json file; anything else is refused with the reason.
 */
export interface DataParam {
  url?: string;
  name?: string;
  whole: boolean;
  error?: string;
}

export function parseDataParam(search: string, origin: string): DataParam {
  const params = new URLSearchParams(search);
  const raw = params.get('data');
  const whole = params.get('view') === 'all';
  if (raw === null) return { whole };
  const refuse = (why: string): DataParam => ({ whole, error: `the data parameter "${raw.slice(0, 120)}" ${why}` });
  if (raw.length === 0 || raw.length > 500) return refuse('must be a path of 1 to 500 characters');
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\'))
    return refuse('must be a path on this site starting with a single "/" (e.g. /data/graph.json)');
  if (/[\u0000-\u001f\u007f]/.test(raw)) return refuse('must not hold control characters');
  let u: URL;
  try {
    u = new URL(raw, origin);
  } catch {
    return refuse('is not a valid path');
  }
  if (u.origin !== new URL(origin).origin) return refuse('must stay on this site');
  if (!/\.json$/i.test(u.pathname)) return refuse('must name a .json dataset file');
  const name = decodeURIComponent(u.pathname.slice(u.pathname.lastIndexOf('/') + 1));
  return { url: u.pathname + u.search, name, whole };
}

/** The `data` and `view` parameters of `search`, kept when the rest of the state is rewritten. */
export function dataParams(search: string): string {
  const params = new URLSearchParams(search);
  const keep = new URLSearchParams();
  for (const k of ['data', 'view']) {
    const v = params.get(k);
    if (v !== null) keep.set(k, v);
  }
  return keep.toString();
}
