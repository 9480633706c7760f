// The working dataset through the core's own checker: an edit that would add
// an error is refused, and the problems are shown as they are.
import type { Problem } from '../../core/problems.ts';
import { validateDataset } from '../../core/validate.ts';
import { applyEdit, type Edit, type Work } from './work.ts';

export const WORK_FILE = 'working dataset';

export function checkWork(w: Work): Problem[] {
  return validateDataset(w.dataset, { file: WORK_FILE, defaultSchema: w.dataset.schema }).problems;
}

const key = (p: Problem) => `${p.code}|${p.path}|${p.message}`;

/** The errors `e` would add to `w` (none: the edit may go ahead). */
export function newErrors(w: Work, e: Edit, before: Problem[] = checkWork(w)): Problem[] {
  const had = new Set(before.filter((p) => p.severity === 'error').map(key));
  return checkWork(applyEdit(w, e)).filter((p) => p.severity === 'error' && !had.has(key(p)));
}
