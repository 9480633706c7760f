// The relations table's page: asked of the data whenever the filters, the
// table's question, its sort or its page change (and only while it shows).
import { useEffect, useState } from 'preact/hooks';
import type { RelationsResult } from '../../core/model.ts';
import type { AppState } from '../state/app-reducer.ts';
import { relationsQuery } from '../state/relations-query.ts';
import { isAborted, queryRelations } from './gateway.ts';
import type { QueryTracker } from './use-query-status.ts';

export interface RelationsPage {
  result?: RelationsResult;
  error?: string;
  loading: boolean;
}

export function useRelations(
  state: AppState,
  ready: boolean,
  ensureLabels: (ids: Iterable<string>, signal?: AbortSignal) => Promise<void>,
  track: Pick<QueryTracker, 'begin'>,
): RelationsPage {
  const { view, url, table } = state;
  const [page, setPage] = useState<RelationsPage>({ loading: false });
  const show = url.bottom === 'relations';
  const q = relationsQuery(url, table);
  const key = JSON.stringify(q);
  useEffect(() => {
    if (!view || !ready || !show) return;
    const ac = new AbortController();
    const op = track.begin('relations', 'Listing relations', ac);
    setPage((p) => ({ ...p, loading: true }));
    queryRelations(view, q, op.options)
      .then(async (r) => {
        await ensureLabels(
          r.triples.flatMap((t) => [t.subject, t.object, ...(t.attributedTo ? [t.attributedTo] : [])]),
          ac.signal,
        );
        if (!ac.signal.aborted) setPage({ result: r, loading: false });
      })
      .catch((e: unknown) => {
        // Cancelled: the page shown stays.
        if (isAborted(e)) setPage((p) => ({ ...p, loading: false }));
        else if (!ac.signal.aborted) setPage({ loading: false, error: e instanceof Error ? e.message : String(e) });
      })
      .finally(op.end);
    return () => ac.abort();
  }, [view, ready, show, key]);
  return page;
}
