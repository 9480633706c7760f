// What the data is working on, once a query takes longer than a moment: its
// name, the time it has run and, over a store, requests and frontier; Cancel
// (or Escape) stops it. After a cancel, says so until dismissed.
import { useEffect, useState } from 'preact/hooks';
import { cancelledText, progressText, SHOW_AFTER_MS, shownQuery, type QueryStatus } from '../state/query-status.ts';
import './query-status.css';

/** The cancelled message goes by itself after this. */
const CANCELLED_MS = 8000;

export function QueryStatusBar(props: { status: QueryStatus; onCancel(): void; onDismiss(): void }) {
  const { status, onCancel, onDismiss } = props;
  const [now, setNow] = useState(() => performance.now());
  const busy = status.running.length > 0;
  useEffect(() => {
    if (!busy) return;
    setNow(performance.now());
    const t = setInterval(() => setNow(performance.now()), SHOW_AFTER_MS / 3);
    return () => clearInterval(t);
  }, [busy]);
  useEffect(() => {
    if (!status.cancelled) return;
    const t = setTimeout(onDismiss, CANCELLED_MS);
    return () => clearTimeout(t);
  }, [status.cancelled]);
  const q = busy ? shownQuery(status, now) : undefined;
  if (q)
    return (
      <div class="query-status" role="status" data-kind={q.kind}>
        <span class="spinner" aria-hidden="true" />
        <span class="query-label">{q.label}…</span>{' '}
        <span class="query-progress" aria-hidden="true">
          {progressText(q, now, status.running.length - 1)}
        </span>
        <button type="button" class="small" onClick={onCancel} aria-keyshortcuts="Escape">
          Cancel
        </button>
      </div>
    );
  if (status.cancelled)
    return (
      <div class="query-status cancelled" role="status">
        <span>{cancelledText(status.cancelled)}</span>
        <button type="button" class="ghost small" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      </div>
    );
  return null;
}
