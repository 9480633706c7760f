// The long-query status: when a query shows, what it says, how Cancel and a
// newer query end it.
import { describe, expect, it } from 'vitest';
import {
  cancelledText,
  idleStatus,
  progressText,
  reduceQueryStatus as reduce,
  SHOW_AFTER_MS,
  shownQuery,
  type QueryStatus,
  type QueryStatusAction,
} from '../../src/ui/state/query-status.ts';

const run = (...actions: QueryStatusAction[]): QueryStatus => actions.reduce(reduce, idleStatus);
const path = { type: 'start', id: 1, kind: 'path', label: 'Finding paths from A to B', at: 1000 } as const;

describe('query status', () => {
  it('shows a query only once it has run for a moment', () => {
    const s = run(path);
    expect(shownQuery(s, 1000 + SHOW_AFTER_MS - 1)).toBeUndefined();
    expect(shownQuery(s, 1000 + SHOW_AFTER_MS)?.label).toBe('Finding paths from A to B');
    // Answered: gone without a word.
    const done = reduce(s, { type: 'finish', id: 1 });
    expect(done).toEqual({ running: [], settled: 1 });
    expect(shownQuery(done, 5000)).toBeUndefined();
  });

  it('says how long it has run and what the explorer reports', () => {
    let s = run(path);
    expect(progressText(s.running[0]!, 3400)).toBe('2.4 s');
    s = reduce(s, { type: 'progress', id: 1, progress: { requests: 5, frontier: 1320, relations: 20000 } });
    expect(progressText(s.running[0]!, 3400)).toBe('2.4 s · 5 requests · frontier 1,320 · 20,000 relations');
    s = reduce(s, { type: 'progress', id: 1, progress: { requests: 1 } });
    expect(progressText(s.running[0]!, 1500, 1)).toBe('0.5 s · 1 request · and 1 more');
    // Progress of a query that ended changes nothing.
    expect(
      reduce(reduce(s, { type: 'finish', id: 1 }), { type: 'progress', id: 1, progress: { requests: 9 } }),
    ).toEqual({ running: [], settled: 1 });
  });

  it('a newer query of the same kind takes the older one’s place; other kinds run beside it', () => {
    const s = run(
      path,
      { type: 'start', id: 2, kind: 'details', label: 'Loading A', at: 1100 },
      { type: 'start', id: 3, kind: 'path', label: 'Finding paths from A to C', at: 1200 },
    );
    expect(s.running.map((r) => r.id)).toEqual([2, 3]);
    // The older one's end (its caller aborted it) changes nothing.
    expect(reduce(s, { type: 'finish', id: 1 })).toBe(s);
    expect(shownQuery(s, 1450)?.label).toBe('Loading A');
    // Settled once both are answered, not before.
    const one = reduce(s, { type: 'finish', id: 2 });
    expect(one.settled).toBe(0);
    expect(reduce(one, { type: 'finish', id: 3 }).settled).toBe(1);
  });

  it('Cancel ends every query under way and says which was cancelled, after how long', () => {
    const s = run(
      path,
      { type: 'start', id: 2, kind: 'details', label: 'Loading A', at: 3000 },
      { type: 'cancel', at: 3100 },
    );
    expect(s.running).toEqual([]);
    expect(s.cancelled).toEqual({ label: 'Finding paths from A to B', after: 2100 });
    expect(cancelledText(s.cancelled!)).toBe(
      'Finding paths from A to B: cancelled after 2.1 s. The view is as it was.',
    );
    // Their late ends change nothing; a dismiss clears the message; a new query runs as usual.
    expect(reduce(s, { type: 'finish', id: 2 })).toBe(s);
    expect(s.settled).toBe(0);
    expect(reduce(s, { type: 'dismiss' })).toEqual({ running: [], settled: 0 });
    expect(reduce(s, { ...path, id: 4, at: 4000 }).running.map((r) => r.id)).toEqual([4]);
    // Nothing running: a cancel is nothing.
    expect(reduce(idleStatus, { type: 'cancel', at: 1 })).toBe(idleStatus);
  });
});
