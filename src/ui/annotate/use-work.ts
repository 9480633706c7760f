// The working graph's history: loaded from IndexedDB (or started from the
// data open in the explorer), saved as it changes, and merged with what
// other tabs save.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { exportDataset } from '../controllers/gateway.ts';
import { clearWork, loadStored, saveWork, type Stored } from './persist.ts';
import { rebase } from './merge.ts';
import { history, startWork, type History } from './work.ts';
import { historyLog, restoreHistory } from './history-log.ts';
import type { WorkspaceProps } from './entry.tsx';

export type SaveState = 'saved' | 'saving' | 'failed';

async function startFrom(view: WorkspaceProps['view']) {
  const ds = await exportDataset(view, { all: true });
  return startWork(view.data.file, ds, view.schema.schema);
}

export function useWork(view: WorkspaceProps['view']) {
  const [h, setH] = useState<History>();
  const [saved, setSaved] = useState<SaveState>('saved');
  // What this tab last loaded or saved: its own edits are the difference.
  const synced = useRef<Stored | undefined>(undefined);
  const channel = useMemo(
    () => (typeof BroadcastChannel === 'function' ? new BroadcastChannel('actorgraph-annotate') : undefined),
    [],
  );

  useEffect(() => {
    let live = true;
    void (async () => {
      const stored = await loadStored().catch(() => undefined);
      const s = stored ?? { work: await startFrom(view), rev: 0 };
      synced.current = s;
      if (live) setH(restoreHistory(s.work, stored?.log));
    })();
    return () => {
      live = false;
      channel?.close();
    };
  }, []);

  const work = h?.present;
  useEffect(() => {
    if (!h || !work || !synced.current || work === synced.current.work) return;
    setSaved('saving');
    saveWork(work, synced.current, historyLog(h)).then(
      (s) => {
        synced.current = s;
        channel?.postMessage(s.rev);
        setSaved('saved');
        // Another tab's work came in: show the merge. Undo starts afresh, so it cannot take back the other tab's edits.
        if (s.work !== work) setH((x) => (x && x.present === work ? history(s.work) : x));
      },
      () => setSaved('failed'),
    );
  }, [work]);

  // Another tab saved: take its work, with this tab's unsaved edits replayed on it.
  useEffect(() => {
    if (!channel) return;
    channel.onmessage = () => {
      void loadStored().then((s) => {
        const base = synced.current;
        if (!s || !base || s.rev <= base.rev) return;
        setH((x) => {
          if (!x) return x;
          const mine = x.present;
          synced.current = s;
          return history(mine === base.work ? s.work : rebase(mine, base.work, s.work));
        });
      });
    };
  }, [channel]);

  /** Drops the stored work and starts again from the data open in the explorer. */
  const reset = () =>
    clearWork()
      .then(() => startFrom(view))
      .then((w) => {
        synced.current = { work: w, rev: 0 };
        setH(history(w));
      });
  return { h, setH, saved, reset };
}
