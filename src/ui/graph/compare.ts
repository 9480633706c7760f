// Small helpers of the sigma controller: comparing focus inputs, bounded waits.
import type { FocusInput } from './highlight.ts';

const sameSet = (a?: ReadonlySet<string>, b?: ReadonlySet<string>) =>
  a === b || (!!a && !!b && a.size === b.size && [...a].every((x) => b.has(x)));

export const sameFocus = (a: FocusInput, b: FocusInput) =>
  a.selected === b.selected &&
  a.outside === b.outside &&
  sameSet(a.hiddenTypes, b.hiddenTypes) &&
  a.relation === b.relation &&
  sameSet(a.filteredEdges, b.filteredEdges) &&
  sameSet(a.focusNodes, b.focusNodes) &&
  sameSet(a.focusEdges, b.focusEdges) &&
  sameSet(a.pathNodes, b.pathNodes) &&
  sameSet(a.pathEdges, b.pathEdges);

export const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms))]);
