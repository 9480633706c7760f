// A value computed once the page has drawn: the render that shows a new view
// (and the graph's first frame, drawn in a layout effect before that paint) is not held up by it.
import { useEffect, useState } from 'preact/hooks';

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `compute()` for `deps`, run in a task after this render's effects; `pending` until then (never a stale value). */
export function useAfterPaint<T>(compute: () => T, deps: readonly unknown[]): { value: T } | 'pending' {
  const [done, setDone] = useState<{ deps: readonly unknown[]; value: T }>();
  useEffect(() => {
    const id = setTimeout(() => setDone({ deps, value: compute() }), 0);
    return () => clearTimeout(id);
  }, deps);
  return done && same(done.deps, deps) ? { value: done.value } : 'pending';
}
