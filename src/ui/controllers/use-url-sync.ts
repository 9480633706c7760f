// The address bar and the state: each change of `url` is written as the reducer
// asks (push, replace, clear), back/forward is read back, and state read from
// the bar is checked against the data before it is used.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { AppAction, AppState } from '../state/app-reducer.ts';
import { dataParams, parseUrlState, serialiseUrlState, type UrlState } from '../state/url-state.ts';
import { linkedEntities, type KnownData } from '../state/url-check.ts';
import { lookupEntities, type Loaded } from './gateway.ts';

export const readUrl = (): UrlState => parseUrlState(location.search);

/** What the data knows of the ids a link names, its types and predicates (from the schema and what is used). */
async function knownOf(view: Loaded, url: UrlState): Promise<KnownData> {
  const ids = linkedEntities(url);
  const found = await lookupEntities(
    view,
    ids.filter((id) => !view.labels.has(id)),
  );
  const entities = new Set([...ids.filter((id) => view.labels.has(id)), ...found.map((e) => e.id)]);
  const types = new Set([...view.schema.types.keys(), ...Object.keys(view.stats.byType)]);
  const predicates = new Set([...view.schema.predicates.keys(), ...Object.keys(view.stats.byPredicate)]);
  return { entities, types, predicates, relations: view.stats.triples };
}

/** What in an address names the data (a kept hash, a `?data=` link), as one comparable string. */
export const dataKeyOf = (search: string): string => `${parseUrlState(search).dataset ?? ''}|${dataParams(search)}`;

export function useUrlSync(state: AppState, dispatch: (a: AppAction) => void): void {
  const { url, urlWrite, urlSeq, urlUnchecked, view, awaitingData } = state;
  // The data the address names (as written last): back/forward to another names other data.
  const shownData = useRef(dataKeyOf(location.search));
  // Written in the same task as the change (not after paint): the bar is current as soon as the page is.
  useLayoutEffect(() => {
    if (urlWrite === 'none' || urlSeq === 0) return;
    if (urlWrite === 'clear') {
      history.pushState(null, '', location.pathname);
      shownData.current = dataKeyOf(location.search);
      return;
    }
    const own = serialiseUrlState(url);
    const keep = dataParams(location.search);
    const search = keep ? (own ? `${own}&${keep}` : `?${keep}`) : own;
    if (search !== location.search)
      history[urlWrite === 'push' ? 'pushState' : 'replaceState'](null, '', `${location.pathname}${search}`);
    shownData.current = dataKeyOf(location.search);
  }, [urlSeq]);

  useEffect(() => {
    const onPop = () => {
      const key = dataKeyOf(location.search);
      const otherData = key !== shownData.current;
      shownData.current = key;
      dispatch({ type: 'popstate', url: readUrl(), otherData });
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [dispatch]);

  useEffect(() => {
    if (!view || !urlUnchecked || awaitingData) return;
    let live = true;
    // A look-up that fails drops nothing: the queries then say what they find.
    const fallback = (): KnownData => ({
      entities: new Set(linkedEntities(url)),
      types: new Set([...url.types, ...url.avoidTypes, ...url.hiddenTypes]),
      predicates: new Set([...url.predicates, ...url.pathPredicates]),
    });
    void knownOf(view, url)
      .catch(fallback)
      .then((known) => {
        if (live) dispatch({ type: 'url-checked', view, known });
      });
    return () => {
      live = false;
    };
  }, [view, urlUnchecked, urlSeq, awaitingData]);
}
