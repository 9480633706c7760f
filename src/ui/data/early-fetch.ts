// `?data=` starts loading as soon as the entry script runs (the loader worker
// fetches the file itself) while the app's code is still downloading; the app
// then takes over the load under way. So does `?ds=HASH` (data kept in this
// browser): its snapshot is read and decoded in a worker meanwhile. Imports
// only the worker's page side, so the entry chunk stays small.
import { parseDataParam } from '../state/url-state.ts';
import { isDataHash } from '../store/steps.ts';
import { loadInWorker, restoreInWorker, type WorkerLoad } from './worker-explorer.ts';
import type { Progress } from './protocol.ts';

let early: { url: string; load: WorkerLoad; listen(cb: (p: Progress) => void): void } | undefined;
let earlyRestore: { hash: string; load: WorkerLoad } | undefined;

export function prefetchData(): void {
  const d = parseDataParam(location.search, location.origin);
  const hash = new URLSearchParams(location.search).get('ds');
  if (!d.url && !d.error && hash && isDataHash(hash)) {
    earlyRestore = { hash, load: restoreInWorker(hash, 'kept data') };
    return;
  }
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

/** The restore of `hash` started early (once), if any: the caller takes it over (or cancels it). */
export function takeEarlyRestore(hash: string): WorkerLoad | undefined {
  if (earlyRestore?.hash !== hash) return undefined;
  const { load } = earlyRestore;
  earlyRestore = undefined;
  return load;
}
