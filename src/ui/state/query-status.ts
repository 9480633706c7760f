// The queries under way and how the last one ended, as pure transitions: a
// query shows once it has run for SHOW_AFTER_MS, with what it is, how long it
// has run and what the explorer says of its progress; Cancel ends every one
// and says so; a newer query of the same kind takes the older one's place.
import type { CallProgress } from '../../core/explorer.ts';
import { formatCount } from '../../core/format.ts';

export type QueryKind = 'search' | 'details' | 'neighbourhood' | 'path' | 'relations' | 'source' | 'export';

export interface RunningQuery {
  id: number;
  kind: QueryKind;
  /** What is running, for people: "Finding paths from A to B". */
  label: string;
  /** When it started (ms, the page's clock). */
  started: number;
  progress?: CallProgress;
}

export interface QueryStatus {
  running: readonly RunningQuery[];
  /** Counts the times the last running query ended other than by Cancel: the view then answers the address bar. */
  settled: number;
  /** The last query the user cancelled, while its message shows. */
  cancelled?: { label: string; after: number };
}

export type QueryStatusAction =
  | { type: 'start'; id: number; kind: QueryKind; label: string; at: number }
  | { type: 'progress'; id: number; progress: CallProgress }
  /** Answered, failed or superseded: it goes without a word. */
  | { type: 'finish'; id: number }
  /** The user cancelled: every running query goes, and the status says which. */
  | { type: 'cancel'; at: number }
  | { type: 'dismiss' };

/** A query quicker than this never shows. */
export const SHOW_AFTER_MS = 300;

export const idleStatus: QueryStatus = { running: [], settled: 0 };

export function reduceQueryStatus(s: QueryStatus, a: QueryStatusAction): QueryStatus {
  switch (a.type) {
    case 'start': {
      const q: RunningQuery = { id: a.id, kind: a.kind, label: a.label, started: a.at };
      // A newer question of the same kind replaces the older one (whose caller aborts it).
      return { running: [...s.running.filter((r) => r.kind !== a.kind), q], settled: s.settled };
    }
    case 'progress':
      if (!s.running.some((r) => r.id === a.id)) return s;
      return { ...s, running: s.running.map((r) => (r.id === a.id ? { ...r, progress: a.progress } : r)) };
    case 'finish': {
      if (!s.running.some((r) => r.id === a.id)) return s;
      const running = s.running.filter((r) => r.id !== a.id);
      return { ...s, running, settled: s.settled + (running.length ? 0 : 1) };
    }
    case 'cancel': {
      const shown = s.running.filter((r) => a.at - r.started >= SHOW_AFTER_MS);
      const first = shown[0] ?? s.running[0];
      if (!first) return s;
      return { running: [], settled: s.settled, cancelled: { label: first.label, after: a.at - first.started } };
    }
    case 'dismiss':
      return s.cancelled ? { running: s.running, settled: s.settled } : s;
  }
}

/** The query the status shows at `now`: the longest-running one past the threshold. */
export function shownQuery(s: QueryStatus, now: number): RunningQuery | undefined {
  return s.running.find((r) => now - r.started >= SHOW_AFTER_MS);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** "2.4 s · 5 requests · frontier 320 · 1,200 relations": how far a query has gone at `now`. */
export function progressText(q: RunningQuery, now: number, others = 0): string {
  const p = q.progress;
  const parts = [seconds(Math.max(0, now - q.started))];
  if (p) {
    parts.push(`${p.requests} ${p.requests === 1 ? 'request' : 'requests'}`);
    if (p.frontier !== undefined) parts.push(`frontier ${formatCount(p.frontier)}`);
    if (p.relations !== undefined) parts.push(`${formatCount(p.relations)} relations`);
  }
  if (others > 0) parts.push(`and ${others} more`);
  return parts.join(' · ');
}

export function cancelledText(c: NonNullable<QueryStatus['cancelled']>): string {
  return `${c.label}: cancelled after ${seconds(c.after)}. The view is as it was.`;
}
