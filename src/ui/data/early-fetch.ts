// `?data=` starts loading as soon as the entry script runs (the loader worker
// fetches the file itself) while the app's code is still downloading; the app
// then takes over the load under way. Imports only the worker's page side, so
// the entry chunk stays small.
import { parseDataParam } from '../state/url-state.ts';
import { loadInWorker, type WorkerLoad } from './worker-explorer.ts';
import type { Progress } from './protocol.ts';

let early: { url: string; load: WorkerLoad; listen(cb: (p: Progress) => void): void } | undefined;

export function prefetchData(): void {
  const d = parseDataParam(location.search, location.origin);
  if (!d.url) return;
  let last: Progress | undefined;
  let listener: ((p: Progress) => void) | undefined;
  const load = loadInWorker({ url: d.url }, d.name ?? d.url, {
    onProgress: (p) => {
      last = p;
      listener?.(p);
    },
  });
  early = {
    url: d.url,
    load,
    listen: (cb) => {
      listener = cb;
      if (last) cb(last);
    },
  };
}

/** The load of `url` started early (once), else a new one; `onProgress` gets its progress from now on. */
export function loadDataUrl(url: string, name: string, onProgress: (p: Progress) => void): WorkerLoad {
  if (early?.url === url) {
    const e = early;
    early = undefined;
    e.listen(onProgress);
    return e.load;
  }
  return loadInWorker({ url }, name, { onProgress });
}
