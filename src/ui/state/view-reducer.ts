// The trust filters, the relations table and the timeline's playback: their
// state and changes, pure. app-reducer.ts hands these actions here.
import type { UrlState } from './url-state.ts';
import type { DayRange } from './time.ts';
import { windowRange } from './time.ts';
import { stepWindow, type TimeUnit } from '../timeline/bins.ts';

import type { RelationSort } from '../../core/model.ts';

/** The Explorer's relation sort keys ('file' is dataset order). */
export type RelationSortKey = RelationSort;

/** The relations table's own question, beyond the shared filters. */
export interface TableState {
  subject?: string;
  object?: string;
  predicate?: string;
  source?: string;
  text?: string;
  sort: RelationSortKey;
  desc: boolean;
  offset: number;
  limit: number;
}

export const TABLE_PAGE = 50;
export const initialTable = (): TableState => ({ sort: 'file', desc: false, offset: 0, limit: TABLE_PAGE });

export type TableQueryPatch = Partial<Pick<TableState, 'subject' | 'object' | 'predicate' | 'source' | 'text'>>;

/** The URL fields the filter bar and the timeline change. */
export type FilterPatch = Partial<
  Pick<UrlState, 'status' | 'minReliability' | 'minCredibility' | 'timeFrom' | 'timeTo' | 'undated' | 'chronological'>
>;

export type ViewAction =
  | { type: 'filter'; patch: FilterPatch }
  | { type: 'clear-filters' }
  | { type: 'table-query'; patch: TableQueryPatch }
  | { type: 'table-sort'; key: RelationSortKey }
  | { type: 'table-page'; offset: number; total: number }
  | { type: 'brush'; from?: string; to?: string }
  | { type: 'play'; unit: TimeUnit }
  | { type: 'pause' }
  | { type: 'tick'; span: DayRange };

export interface ViewSlice {
  url: UrlState;
  table: TableState;
  /** The timeline plays by this unit. */
  playing?: TimeUnit;
}

/** The slice after an action, and whether the URL changed (it is then written, replacing the entry). */
export function reduceView(s: ViewSlice, a: ViewAction): { next: ViewSlice; urlChanged: boolean } {
  const withUrl = (patch: Partial<UrlState>, extra: Partial<ViewSlice> = {}) => ({
    // A new filter changes every answer: the table starts again at its first page, paths at the first.
    next: {
      ...s,
      ...extra,
      url: { ...s.url, ...patch, pathIndex: 0 },
      table: { ...(extra.table ?? s.table), offset: 0 },
    },
    urlChanged: true,
  });
  const same = { next: s, urlChanged: false };
  switch (a.type) {
    case 'filter':
      return withUrl(a.patch, 'timeFrom' in a.patch || 'timeTo' in a.patch ? { playing: undefined } : {});
    case 'clear-filters':
      return withUrl(
        {
          status: [],
          minReliability: 'F',
          minCredibility: 6,
          timeFrom: undefined,
          timeTo: undefined,
          undated: 'include',
        },
        { playing: undefined },
      );
    case 'table-query':
      return { next: { ...s, table: { ...s.table, ...a.patch, offset: 0 } }, urlChanged: false };
    case 'table-sort': {
      const desc = s.table.sort === a.key ? !s.table.desc : false;
      return { next: { ...s, table: { ...s.table, sort: a.key, desc, offset: 0 } }, urlChanged: false };
    }
    case 'table-page': {
      const last = Math.max(0, Math.floor((a.total - 1) / s.table.limit) * s.table.limit);
      const offset = Math.min(last, Math.max(0, Math.floor(a.offset / s.table.limit) * s.table.limit));
      return offset === s.table.offset ? same : { next: { ...s, table: { ...s.table, offset } }, urlChanged: false };
    }
    case 'brush':
      // A window drawn by hand stops the playback.
      return withUrl({ timeFrom: a.from, timeTo: a.to }, { playing: undefined });
    case 'play':
      return s.playing === a.unit ? same : { next: { ...s, playing: a.unit }, urlChanged: false };
    case 'pause':
      return s.playing ? { next: { ...s, playing: undefined }, urlChanged: false } : same;
    case 'tick': {
      if (!s.playing) return same;
      const next = stepWindow(windowRange(s.url.timeFrom, s.url.timeTo), s.playing, a.span);
      // Past the end: it stops, the last window stays.
      if (!next) return { next: { ...s, playing: undefined }, urlChanged: false };
      return {
        next: { ...s, url: { ...s.url, timeFrom: next.from, timeTo: next.to }, table: { ...s.table, offset: 0 } },
        urlChanged: true,
      };
    }
  }
}
