// The relations table's question as an Explorer query (pure, for the tests).
import type { RelationsQuery } from '../../core/model.ts';
import { queryOptions, trustFilterOf } from './trust-filter.ts';
import type { TableState } from './view-reducer.ts';
import type { UrlState } from './url-state.ts';

/** The Explorer query for the table's current page. */
export function relationsQuery(url: UrlState, table: TableState, page = true): RelationsQuery {
  return {
    ...queryOptions(trustFilterOf(url)),
    subject: table.subject,
    object: table.object,
    predicates: table.predicate ? [table.predicate] : undefined,
    source: table.source,
    text: table.text || undefined,
    sort: table.sort,
    descending: table.desc,
    ...(page ? { limit: table.limit, offset: table.offset } : {}),
  };
}
