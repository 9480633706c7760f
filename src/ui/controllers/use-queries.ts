// What the state asks of the data: the selected entity's details, the
// neighbourhood or path query, the text a selected relation quotes. Each
// query has its own AbortController: when the question changes, the one in
// flight is aborted (a worker's answer to it is dropped) and its failure
// ignored; other failures are shown with their hint. Each is tracked (the
// status shows a long one, and Cancel aborts it through its controller); an
// answer lands only if its query was not aborted, so a cancel leaves the view.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityDetails, NeighbourhoodResult, PathResult } from '../../core/model.ts';
import type { AppAction, AppState } from '../state/app-reducer.ts';
import { QUERY_LIMIT } from '../graph/view.ts';
import { useEvent } from '../hooks/use-event.ts';
import {
  errorText,
  isAborted,
  lookupEntities,
  queryDetails,
  queryNeighbourhood,
  queryPaths,
  querySourceText,
} from './gateway.ts';
import { queryOptions, trustFilterOf } from '../state/trust-filter.ts';
import type { QueryTracker } from './use-query-status.ts';

export interface Answers {
  details?: EntityDetails;
  nb?: NeighbourhoodResult;
  paths?: PathResult;
  sourceText?: { id: string; text?: string };
  /** Looks up the labels of entities not known yet (large data, paths, relations). */
  ensureLabels(ids: Iterable<string>, signal?: AbortSignal): Promise<void>;
}

export function useQueries(
  state: AppState,
  dispatch: (a: AppAction) => void,
  ready: boolean,
  showInView: (ids: string[], near?: string, signal?: AbortSignal) => Promise<string[]>,
  track: Pick<QueryTracker, 'begin' | 'idle' | 'status'>,
  onDetails?: () => void,
): Answers {
  const { view, url } = state;
  const [details, setDetails] = useState<EntityDetails>();
  const [nb, setNb] = useState<NeighbourhoodResult>();
  const [paths, setPaths] = useState<PathResult>();
  const [sourceText, setSourceText] = useState<{ id: string; text?: string }>();

  const ensureLabels = useEvent(async (ids: Iterable<string>, signal?: AbortSignal) => {
    const cur = view;
    if (!cur) return;
    const missing = [...new Set(ids)].filter((id) => !state.labels.has(id));
    if (!missing.length) return;
    // One call for all of them (a hub can have hundreds of neighbours not drawn).
    dispatch({ type: 'labels-found', view: cur, entities: await lookupEntities(cur, missing, { signal }) });
  });

  const nameOf = (id: string) => state.labels.get(id)?.label ?? id;
  // The question each answer on screen answers: when a cancel puts it back in the address bar, nothing is asked.
  const shown = useRef<Partial<Record<'details' | 'nb' | 'paths', { view: unknown; key: string }>>>({});
  const isShown = (k: 'details' | 'nb' | 'paths', key: string) =>
    shown.current[k]?.view === view && shown.current[k]?.key === key;

  /** A query's failure: nothing when it was superseded or cancelled, else its message and hint. */
  const failed = useEvent((e: unknown) => {
    if (!isAborted(e)) dispatch({ type: 'notice', text: `The query failed: ${errorText(e)}` });
  });

  useEffect(() => {
    if (!view || !url.entity) {
      setDetails(undefined);
      shown.current.details = undefined;
      return;
    }
    // Until the link is checked the last answer stays.
    if (!ready || isShown('details', url.entity)) return;
    const ac = new AbortController(),
      signal = ac.signal;
    const key = url.entity;
    const op = track.begin('details', `Loading ${nameOf(url.entity)}`, ac);
    queryDetails(view, url.entity, op.options)
      .then(async (d) => {
        if (d)
          await ensureLabels(
            [
              ...d.outgoing.map((t) => t.object),
              ...d.incoming.map((t) => t.subject),
              ...[...d.outgoing, ...d.incoming].flatMap((t) => (t.attributedTo ? [t.attributedTo] : [])),
            ],
            signal,
          );
        if (!signal.aborted) {
          setDetails(d);
          shown.current.details = { view, key };
          onDetails?.();
        }
      })
      .catch(failed)
      .finally(op.end);
    return () => ac.abort();
  }, [view, ready, url.entity]);

  // The trust and time filters go into both queries.
  const filter = queryOptions(trustFilterOf(url));
  const filterKey = JSON.stringify(filter);
  const nbKey = JSON.stringify([url.view, url.entity, url.depth, url.direction, url.predicates, url.types, filterKey]);
  useEffect(() => {
    if (!view || url.view !== 'neighbourhood' || !url.entity) {
      setNb(undefined);
      shown.current.nb = undefined;
      return;
    }
    if (!ready || isShown('nb', nbKey)) return;
    const key = nbKey;
    const ac = new AbortController(),
      signal = ac.signal;
    const from = url.entity;
    const op = track.begin('neighbourhood', `Walking ${url.depth} steps around ${nameOf(from)}`, ac);
    queryNeighbourhood(
      view,
      {
        ...filter,
        from: [from],
        depth: url.depth,
        direction: url.direction,
        predicates: url.predicates,
        types: url.types,
        limit: view.partial ? QUERY_LIMIT : 2000,
      },
      op.options,
    )
      .then(async (r) => {
        if (signal.aborted) return;
        await showInView(
          r.entities.map((e) => e.id),
          from,
          signal,
        );
        if (signal.aborted) return;
        setNb(r);
        shown.current.nb = { view, key };
      })
      .catch(failed)
      .finally(op.end);
    return () => ac.abort();
  }, [view, ready, nbKey]);

  const pathKey = JSON.stringify([
    url.view,
    url.from,
    url.to,
    url.k,
    url.directed,
    url.pathPredicates,
    url.avoidTypes,
    url.chronological,
    filterKey,
  ]);
  useEffect(() => {
    if (!view || url.view !== 'path' || !url.from || !url.to) {
      setPaths(undefined);
      shown.current.paths = undefined;
      return;
    }
    if (!ready || isShown('paths', pathKey)) return;
    const key = pathKey;
    const ac = new AbortController(),
      signal = ac.signal;
    const from = url.from;
    const op = track.begin('path', `Finding paths from ${nameOf(from)} to ${nameOf(url.to)}`, ac);
    queryPaths(
      view,
      {
        ...filter,
        from,
        to: url.to,
        // A chronological path is a shortest one (the Explorer's rule): one path.
        ...(url.chronological
          ? { mode: 'shortest' as const, chronological: true }
          : { mode: 'k-shortest' as const, k: url.k }),
        directed: url.directed,
        predicates: url.pathPredicates,
        avoidTypes: url.avoidTypes,
      },
      op.options,
    )
      .then(async (r) => {
        const nodes = r.paths.flatMap((p) => p.nodes);
        await ensureLabels(nodes, signal);
        if (signal.aborted) return;
        await showInView(nodes, from, signal);
        if (signal.aborted) return;
        setPaths(r);
        shown.current.paths = { view, key };
      })
      .catch(failed)
      .finally(op.end);
    return () => ac.abort();
  }, [view, ready, pathKey]);

  // The text of the source a selected relation quotes, from the data (a worker, for files).
  const relationSource =
    url.relation && details
      ? [...details.outgoing, ...details.incoming].find((t) => t.id === url.relation)?.source
      : undefined;
  useEffect(() => {
    if (!view || !relationSource) {
      setSourceText(undefined);
      return;
    }
    const ac = new AbortController(),
      signal = ac.signal;
    const op = track.begin('source', 'Loading the source', ac);
    querySourceText(view, relationSource, op.options)
      .then((text) => {
        if (!signal.aborted) setSourceText({ id: relationSource, text });
      })
      .catch(failed)
      .finally(op.end);
    return () => ac.abort();
  }, [view, relationSource]);

  // Last, once the effects above have asked what they ask: with nothing under way, the view answers the address.
  useEffect(() => track.idle(url), [url, track.status.settled]);

  return { details, nb, paths, sourceText, ensureLabels };
}
