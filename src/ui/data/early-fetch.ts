// `?data=` is fetched as soon as the entry script runs, while the app's code
// is still downloading; the app then takes the response already on its way.
import { parseDataParam } from '../state/url-state.ts';

let early: { url: string; response: Promise<Response> } | undefined;

export function prefetchData(): void {
  const d = parseDataParam(location.search, location.origin);
  if (d.url) early = { url: d.url, response: fetch(d.url, { credentials: 'same-origin', cache: 'no-cache' }) };
}

/** The response for `url` if it was prefetched (once), else a fresh fetch. */
export function fetchData(url: string): Promise<Response> {
  if (early?.url === url) { const r = early.response; early = undefined; return r; }
  return fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
}
