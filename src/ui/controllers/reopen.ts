// Reopening data kept in this browser (`?ds=HASH`): from its snapshot when one
// is kept and readable (no reading, checking or indexing), else by replaying
// the kept steps (the files as they were opened), after which a new snapshot
// is kept for next time.
import { takeEarlyRestore } from '../data/early-fetch.ts';
import { openExplorer, type FileLoad } from '../data/load.ts';
import type { AppAction, OpenMode } from '../state/app-reducer.ts';
import { keptData } from '../store/kept.ts';
import { replayBase, specOf } from '../store/replay.ts';
import type { DataStep } from '../store/steps.ts';
import { errorText, type Loaded } from './gateway.ts';

export type Follow = (
  load: FileLoad,
  name: string,
  o: { mode: OpenMode; whole: boolean; onFail?: () => void; onOpened?: (v: Loaded) => void },
) => Promise<void>;

export interface ReopenDeps {
  dispatch(a: AppAction): void;
  /** The load in flight: only its outcome is applied. */
  pending: { current: FileLoad | undefined };
  /** How the data on screen came (set once the kept data is open). */
  steps: { current: DataStep[] };
  follow: Follow;
  startDefault(): void;
}

export async function reopenKept(hash: string, d: ReopenDeps): Promise<void> {
  const { dispatch, pending, steps, follow, startDefault } = d;
  // Marks read by the benchmark (where a reopen's time goes).
  performance.mark('actorgraph:reopen-start');
  const kept = await keptData(hash);
  performance.mark('actorgraph:kept-read');
  if (!kept) {
    takeEarlyRestore(hash)?.cancel();
    dispatch({ type: 'missing-data', hash });
    startDefault();
    return;
  }
  const name = kept.title;
  dispatch({ type: 'load-progress', progress: { phase: 'reading', done: 0, total: 0, file: name } });
  const snap = openExplorer({ snapshot: hash, name });
  pending.current = snap;
  const s = await snap.done;
  if (pending.current !== snap) {
    // Something else was opened meanwhile.
    if (s.ok) s.data.dispose();
    return;
  }
  pending.current = undefined;
  if (s.ok) {
    s.data.from = 'snapshot';
    await follow(snap, name, {
      mode: 'link',
      whole: false,
      onFail: startDefault,
      onOpened: () => {
        steps.current = kept.steps;
      },
    });
    return;
  }
  try {
    const base = await replayBase(kept.steps);
    const last = kept.steps[kept.steps.length - 1]!;
    let load: FileLoad | undefined;
    load = openExplorer(specOf(last), {
      merge: base,
      onProgress: (p) => {
        if (load && pending.current === load) dispatch({ type: 'load-progress', progress: { ...p, file: name } });
      },
    });
    await follow(load, name, {
      mode: 'link',
      whole: false,
      onFail: startDefault,
      onOpened: (v) => {
        steps.current = kept.steps;
        v.data.from = 'steps';
        void v.data.keepSnapshot?.(hash);
      },
    });
    base?.dispose();
  } catch (e) {
    dispatch({ type: 'load-progress', progress: undefined });
    dispatch({ type: 'notice', text: `Could not reopen the kept data: ${errorText(e)}` });
    startDefault();
  }
}
