// Long queries on screen: every query the page asks of the data goes through
// `begin` (or `run`), which hands the Explorer call options that report
// progress here; Cancel (or Escape) aborts every one through its own
// controller, so the effects that asked drop their answers, and puts back the
// address bar the view answers (the selection, the query's fields): the view
// is as it was, and asking again asks again.
import { useMemo, useReducer, useRef } from 'preact/hooks';
import type { CallOptions } from '../../core/explorer.ts';
import type { AppAction } from '../state/app-reducer.ts';
import type { UrlState } from '../state/url-state.ts';
import { idleStatus, reduceQueryStatus, shownQuery, type QueryKind, type QueryStatus } from '../state/query-status.ts';

export interface TrackedCall {
  /** For the Explorer: the caller's signal and a progress callback. */
  options: CallOptions & { signal: AbortSignal };
  /** Call once the query and what follows it (labels, drawing) are over, however they ended. */
  end(): void;
}

export interface QueryTracker {
  status: QueryStatus;
  /** Tracks a query that `ac` stops: Cancel aborts it. */
  begin(kind: QueryKind, label: string, ac: AbortController): TrackedCall;
  /** `fn` tracked, stopped by `signal` too. */
  run<T>(
    kind: QueryKind,
    label: string,
    signal: AbortSignal | undefined,
    fn: (o: CallOptions) => Promise<T>,
  ): Promise<T>;
  /** Aborts every query under way once one shows; false when none shows (Escape then does what it did before). */
  cancel(): boolean;
  dismiss(): void;
  /** After the effects that ask: when none is under way, the view answers `url` (what Cancel goes back to). */
  idle(url: UrlState): void;
}

export function useQueryStatus(url: UrlState, dispatchApp: (a: AppAction) => void): QueryTracker {
  const [status, dispatch] = useReducer(reduceQueryStatus, idleStatus);
  // The address the view answers: the last one at which no query was under way.
  const answered = useRef(url);
  const live = useRef(new Map<number, AbortController>());
  const latest = useRef(status);
  latest.current = status;
  const seq = useRef(0);
  const api = useMemo(() => {
    const begin = (kind: QueryKind, label: string, ac: AbortController): TrackedCall => {
      const id = ++seq.current;
      live.current.set(id, ac);
      dispatch({ type: 'start', id, kind, label, at: performance.now() });
      let ended = false;
      return {
        options: {
          signal: ac.signal,
          onProgress: (progress) => {
            if (!ended) dispatch({ type: 'progress', id, progress });
          },
        },
        end() {
          if (ended) return;
          ended = true;
          live.current.delete(id);
          dispatch({ type: 'finish', id });
        },
      };
    };
    return {
      begin,
      run<T>(kind: QueryKind, label: string, signal: AbortSignal | undefined, fn: (o: CallOptions) => Promise<T>) {
        const ac = new AbortController();
        const stop = () => ac.abort();
        if (signal?.aborted) ac.abort();
        signal?.addEventListener('abort', stop, { once: true });
        const call = begin(kind, label, ac);
        return fn(call.options).finally(() => {
          signal?.removeEventListener('abort', stop);
          call.end();
        });
      },
      cancel() {
        if (!live.current.size || !shownQuery(latest.current, performance.now())) return false;
        dispatch({ type: 'cancel', at: performance.now() });
        for (const ac of live.current.values()) ac.abort();
        live.current.clear();
        dispatchApp({ type: 'navigate', patch: answered.current, push: false });
        return true;
      },
      dismiss: () => dispatch({ type: 'dismiss' }),
      idle(at: UrlState) {
        if (!live.current.size) answered.current = at;
      },
    };
  }, []);
  return { status, ...api };
}
