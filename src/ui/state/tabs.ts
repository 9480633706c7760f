// Tabs as the ARIA pattern has them: arrows move to the next or previous tab
// (wrapping), Home and End to the first and last.

/** The tab a key leads to, or undefined when the key is not a tab key. */
export function nextTab<T>(tabs: readonly T[], current: T, key: string): T | undefined {
  const i = Math.max(0, tabs.indexOf(current));
  if (key === 'ArrowRight' || key === 'ArrowDown') return tabs[(i + 1) % tabs.length];
  if (key === 'ArrowLeft' || key === 'ArrowUp') return tabs[(i + tabs.length - 1) % tabs.length];
  if (key === 'Home') return tabs[0];
  if (key === 'End') return tabs[tabs.length - 1];
  return undefined;
}
