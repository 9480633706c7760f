// Undo and redo across a reload: the history kept as the work it started
// from and the edits since (not a copy of the data per step), and rebuilt by
// replaying them. Pure data, unit-tested in Node.
import { applyEdit, history, type Edit, type History, type Work } from './work.ts';

export interface HistoryLog {
  /** The work before the first edit that can be undone. */
  origin: Work;
  done: Edit[];
  undone: Edit[];
}

export function historyLog(h: History): HistoryLog {
  return { origin: h.past[0] ?? h.present, done: h.done, undone: h.undone };
}

/** Same data: the replay gave what was saved (a log from another version of the work is dropped). */
const same = (a: Work, b: Work) =>
  a.dataset.sources.length === b.dataset.sources.length &&
  a.dataset.entities.length === b.dataset.entities.length &&
  a.dataset.triples.length === b.dataset.triples.length &&
  JSON.stringify(a.added) === JSON.stringify(b.added);

/** The history of `work` from its log; no undo when the log is missing or does not lead to `work`. */
export function restoreHistory(work: Work, log: HistoryLog | undefined): History {
  if (!log || !Array.isArray(log.done) || !Array.isArray(log.undone) || !log.origin?.dataset) return history(work);
  try {
    const past: Work[] = [];
    let cur = log.origin;
    for (const e of log.done) {
      past.push(cur);
      cur = applyEdit(cur, e);
    }
    if (!same(cur, work)) return history(work);
    const future: Work[] = [];
    cur = work;
    for (const e of log.undone) {
      cur = applyEdit(cur, e);
      future.push(cur);
    }
    return { past, present: work, future, done: log.done, undone: log.undone };
  } catch {
    return history(work);
  }
}
