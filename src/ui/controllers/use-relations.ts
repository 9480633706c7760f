// The relations table's page: asked of the data whenever the filters, the
// table's question, its sort or its page change (and only while it shows).
import { useEffect, useState } from 'preact/hooks';
import type { RelationsQuery, RelationsResult } from '../../core/model.ts';
import type { AppState } from '../state/app-reducer.ts';
import { queryOptions, trustFilterOf } from '../state/trust-filter.ts';
import type { TableState } from '../state/view-reducer.ts';
import type { UrlState } from '../state/url-state.ts';
import { queryRelations } from './gateway.ts';

export interface RelationsPage { result?: RelationsResult; error?: string; loading: boolean }

/** The Explorer query for the table's current page. */
export function relationsQuery(url: UrlState, table: TableState, page = true): RelationsQuery {
  return {
    ...queryOptions(trustFilterOf(url)),
    subject: table.subject, object: table.object, predicates: table.predicate ? [table.predicate] : undefined,
    source: table.source, text: table.text || undefined,
    sort: table.sort, descending: table.desc,
    ...(page ? { limit: table.limit, offset: table.offset } : {}),
  };
}

export function useRelations(state: AppState, ready: boolean, ensureLabels: (ids: Iterable<string>) => Promise<void>): RelationsPage {
  const { view, url, table } = state;
  const [page, setPage] = useState<RelationsPage>({ loading: false });
  const show = url.bottom === 'relations';
  const q = relationsQuery(url, table);
  const key = JSON.stringify(q);
  useEffect(() => {
    if (!view || !ready || !show) return;
    let live = true;
    setPage((p) => ({ ...p, loading: true }));
    queryRelations(view, q)
      .then(async (r) => {
        await ensureLabels(r.triples.flatMap((t) => [t.subject, t.object, ...(t.attributedTo ? [t.attributedTo] : [])]));
        if (live) setPage({ result: r, loading: false });
      })
      .catch((e: unknown) => { if (live) setPage({ loading: false, error: e instanceof Error ? e.message : String(e) }); });
    return () => { live = false; };
  }, [view, ready, show, key]);
  return page;
}
