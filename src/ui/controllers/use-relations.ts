// The relations table's page: asked of the data whenever the filters, the
// table's question, its sort or its page change (and only while it shows).
import { useEffect, useState } from 'preact/hooks';
import type { RelationsResult } from '../../core/model.ts';
import type { AppState } from '../state/app-reducer.ts';
import { relationsQuery } from '../state/relations-query.ts';
import { queryRelations } from './gateway.ts';

export interface RelationsPage {
  result?: RelationsResult;
  error?: string;
  loading: boolean;
}

export function useRelations(
  state: AppState,
  ready: boolean,
  ensureLabels: (ids: Iterable<string>) => Promise<void>,
): RelationsPage {
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
        await ensureLabels(
          r.triples.flatMap((t) => [t.subject, t.object, ...(t.attributedTo ? [t.attributedTo] : [])]),
        );
        if (live) setPage({ result: r, loading: false });
      })
      .catch((e: unknown) => {
        if (live) setPage({ loading: false, error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [view, ready, show, key]);
  return page;
}
