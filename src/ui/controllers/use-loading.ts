// Data in: the bundled dataset or a `?data=` link at start, files opened or
// dropped later (replace or merge), cancelling, and drawing a large view whole.
// The current data stays on screen until the next one is ready.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { openExplorer, pickDataset, type FileLoad, type ReadChoices } from '../data/load.ts';
import { configuredEndpoint, loadEndpoint } from '../data/sparql.ts';
import { parseDataParam, parseUrlState } from '../state/url-state.ts';
import type { AppAction, AppState, OpenMode } from '../state/app-reducer.ts';
import { useEvent } from '../hooks/use-event.ts';
import { ExplorerError } from '../../core/errors.ts';
import { canDrawAll, canMerge, errorText, prepare, prepareWhole, type Loaded } from './gateway.ts';
import { nextSteps, stepsHash, type DataStep } from '../store/steps.ts';
import { keepData } from '../store/kept.ts';
import { reopenKept, type Follow } from './reopen.ts';

type Dispatch = (a: AppAction) => void;

export interface Loading {
  /** Opens files (one dataset, optionally its schema and source texts); `read`: how to read it (the CSV mapping). */
  importFiles(files: File[], mode: 'replace' | 'merge', read?: ReadChoices): void;
  cancel(): void;
  showAll(): void;
}

export function useLoading(state: AppState, dispatch: Dispatch): Loading {
  const view = state.view;
  // The load in flight (a worker): the only one whose outcome is applied.
  const pending = useRef<FileLoad | undefined>(undefined);
  // How the data on screen came (replayable), and what a link names it by.
  const steps = useRef<DataStep[]>([{ kind: 'bundled' }]);
  const keep = useEvent((next: DataStep[], v: Loaded, name: string, hash?: Promise<string>) => {
    steps.current = next;
    void (hash ?? stepsHash(next)).then(async (h) => {
      if (!(await keepData(h, next, name))) return;
      dispatch({ type: 'kept', view: v, hash: h });
      // After the first frame: the worker encodes and stores it while the page is drawn.
      await v.data.keepSnapshot?.(h);
    });
  });

  // `link`: in place of data on screen (back to an address without other data); `default`: only if nothing came first.
  const startDefault = useEvent((mode: 'default' | 'link' = 'default') => {
    // Started against a SPARQL store (npm start -- --endpoint URL): that instead of the bundled data.
    const endpoint = configuredEndpoint();
    (endpoint ? loadEndpoint(endpoint) : openExplorer({ bundled: true }).done)
      .then(async (r) => {
        if (!r.ok && endpoint) {
          dispatch({
            type: 'fatal',
            message: `Could not reach the SPARQL store ${endpoint}.`,
            problems: { file: endpoint, list: r.problems },
          });
          return;
        }
        if (!r.ok) {
          dispatch({
            type: 'fatal',
            message: 'The bundled dataset is invalid.',
            problems: { file: 'graph-data/dataset.json', list: r.problems },
          });
          return;
        }
        dispatch({ type: 'opened', view: await prepare(r.data), mode, name: r.data.file, warnings: [] });
      })
      .catch((e: unknown) => dispatch({ type: 'fatal', message: `Could not load the data: ${errorText(e)}` }));
  });

  /** Follows a load in a loader worker (a chosen file, or `?data=`). */
  const follow: Follow = useEvent(
    async (
      load: FileLoad,
      name: string,
      o: { mode: OpenMode; whole: boolean; onFail?: () => void; onOpened?: (v: Loaded) => void },
    ) => {
      pending.current?.cancel();
      pending.current = load;
      let failed = true;
      try {
        const r = await load.done;
        performance.mark('actorgraph:worker-loaded');
        if (pending.current !== load) return;
        if (!r.ok) {
          if (!r.cancelled) dispatch({ type: 'problems', problems: { file: name, list: r.problems } });
          return;
        }
        let next: Awaited<ReturnType<typeof prepare>>;
        try {
          next = await prepare(r.data, { whole: o.whole });
        } catch (e) {
          r.data.dispose();
          throw e;
        }
        if (pending.current !== load) {
          r.data.dispose();
          return;
        }
        failed = false;
        performance.mark('actorgraph:view-ready');
        dispatch({ type: 'opened', view: next, mode: o.mode, name, warnings: r.data.warnings });
        o.onOpened?.(next);
      } catch (e) {
        const err = ExplorerError.from(e);
        if (pending.current === load)
          dispatch({
            type: 'problems',
            problems: {
              file: name,
              list: err.problems?.length
                ? err.problems
                : [
                    {
                      severity: 'error',
                      code: 'load-failed',
                      file: name,
                      path: '',
                      message: `could not load the file: ${err.message}`,
                      hint: err.hint ?? 'check that it is a dataset in a format actorgraph reads and try again',
                    },
                  ],
            },
          });
      } finally {
        if (pending.current === load) {
          pending.current = undefined;
          dispatch({ type: 'load-progress', progress: undefined });
        }
        // Nothing on screen yet (a `?data=` that failed): the bundled data (ignored if something else came meanwhile).
        if (failed) o.onFail?.();
      }
    },
  );

  /** The data the address names: at start, and when back/forward reaches an address naming other data. */
  const startFromAddress = useEvent((fallback: 'default' | 'link') => {
    const orDefault = () => startDefault(fallback);
    // `?data=/same-site/file.json[&view=all]`: that dataset instead of the bundled one.
    const d = parseDataParam(location.search, location.origin);
    const ds = parseUrlState(location.search).dataset;
    if (!d.url && ds) {
      void reopenKept(ds, { dispatch, pending, steps, follow, startDefault: orDefault });
      return;
    }
    if (d.error) {
      dispatch({
        type: 'problems',
        problems: {
          file: 'data parameter',
          list: [
            {
              severity: 'error',
              code: 'bad-data-url',
              file: 'page address',
              path: 'data',
              message: d.error,
              hint: 'give the path of a .json dataset served by this site, e.g. ?data=/datasets/graph.json',
            },
          ],
        },
      });
    }
    if (!d.url) {
      steps.current = [{ kind: 'bundled' }];
      orDefault();
      return;
    }
    const url = d.url,
      name = d.name ?? url;
    dispatch({ type: 'load-progress', progress: { phase: 'reading', done: 0, total: 0, file: name } });
    // The loader worker fetches the file itself; failures (HTTP status, not JSON) come back as problems, then the bundled data is shown.
    // `let`: a load started early reports its last progress at once, before `load` is assigned.
    let load: FileLoad | undefined;
    load = openExplorer(
      { url, name },
      {
        onProgress: (p) => {
          if (load && pending.current === load) dispatch({ type: 'load-progress', progress: { ...p, file: name } });
        },
      },
    );
    steps.current = [{ kind: 'url', url }];
    void follow(load, name, { mode: 'link', whole: d.whole, onFail: orDefault });
  });
  useEffect(() => startFromAddress('default'), []);
  useEffect(() => {
    if (state.dataSwitch) startFromAddress('link');
  }, [state.dataSwitch]);

  // Data let go once other data answers (or the page goes).
  useEffect(() => {
    const data = view?.data;
    return () => data?.dispose();
  }, [view?.data]);

  // Work for one view (drawing it whole) stops when the view changes.
  const life = useMemo(() => new AbortController(), [view]);
  useEffect(() => () => life.abort(), [life]);

  const importFiles = useEvent((all: File[], mode: 'replace' | 'merge', read?: ReadChoices) => {
    // Which file is the dataset: its name and size for the progress bar (openExplorer picks it the same way).
    const picked = pickDataset(all);
    if ('problem' in picked) {
      dispatch({ type: 'problems', problems: { file: picked.problem.file, list: [picked.problem] } });
      return;
    }
    const f = picked.dataset;
    if (mode === 'merge' && view && !canMerge(view)) {
      dispatch({
        type: 'problems',
        problems: {
          file: f.name,
          list: [
            {
              severity: 'error',
              code: 'merge-not-supported',
              file: f.name,
              path: '',
              message: 'the data open cannot take another file merged into it',
              hint: 'choose "replace" to open the file on its own',
            },
          ],
        },
      });
      return;
    }
    let load: FileLoad | undefined;
    load = openExplorer(
      { files: all, read },
      {
        merge: mode === 'merge' ? view?.data : undefined,
        onProgress: (p) => {
          if (load && pending.current === load) dispatch({ type: 'load-progress', progress: { ...p, file: f.name } });
        },
      },
    );
    dispatch({ type: 'load-progress', progress: { phase: 'reading', done: 0, total: f.size, file: f.name } });
    const next = nextSteps(steps.current, all, read, mode === 'merge');
    const hash = stepsHash(next);
    // The file a link named and this browser lacked: opened in the link's view.
    const missing = state.missing;
    void (missing ? hash : Promise.resolve('')).then((h) =>
      follow(load!, f.name, {
        mode: missing && h === missing.hash ? 'link' : mode,
        whole: false,
        onOpened: (v) => keep(next, v, f.name, hash),
      }),
    );
  });

  const cancel = useEvent(() => {
    const load = pending.current;
    if (!load) return;
    pending.current = undefined;
    load.cancel();
    dispatch({ type: 'load-cancelled' });
  });

  const showAll = useEvent(() => {
    const cur = view;
    if (!cur?.partial || state.drawingAll || !canDrawAll(cur.caps, cur.stats)) return;
    dispatch({ type: 'drawing-all', view: cur });
    prepareWhole(cur.data, cur.schema, cur.stats, cur.caps, () => !life.signal.aborted)
      .then((next) => dispatch({ type: 'drew-all', from: cur, view: next }))
      .catch((e: unknown) => dispatch({ type: 'draw-all-failed', from: cur, error: errorText(e) }));
  });

  return { importFiles, cancel, showAll };
}
