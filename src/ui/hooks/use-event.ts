import { useCallback, useRef } from 'preact/hooks';

/** A stable function that always runs the latest `fn`: for handlers given once to long-lived listeners (sigma, window events). */
export function useEvent<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}
