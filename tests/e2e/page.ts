// What the large-data and bad-input suites share: the read-only test hook,
// and watching a page for dialogs, errors, CSP violations and foreign requests.
import type { Page } from 'playwright-core';

export const T = 15_000;

export interface Hook {
  ready: boolean;
  layoutRunning: boolean;
  nodes: number;
  edges: number;
  entities: number;
  selected?: string;
  visibleNodes: number;
  highlightedEdges: number;
  file?: string;
  partial: boolean;
  loading?: string;
  nodeIds: string[];
  firstFrame?: number;
  viewSeq: number;
  layoutIterations: number;
  layoutStart?: number;
  layoutEnd?: number;
  viewport?: { width: number; height: number };
  /** Kept data reopened from its snapshot or by replaying its steps. */
  dataFrom?: 'snapshot' | 'steps';
  snapshotKept?: boolean;
}

export const hook = (p: Page): Promise<Hook> =>
  p.evaluate(() => ({ ...(window as unknown as { __actorgraph: Hook }).__actorgraph }));
export const waitReady = (p: Page) =>
  p.waitForFunction(() => (window as unknown as { __actorgraph?: Hook }).__actorgraph?.ready === true, null, {
    timeout: T,
  });

export interface Watched {
  foreign: string[];
  dialogs: string[];
  pageErrors: string[];
  cspErrors: string[];
}

export function watch(
  p: Page,
  origin: string,
  w: Watched = { foreign: [], dialogs: [], pageErrors: [], cspErrors: [] },
): Watched {
  p.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'blob:' && u.protocol !== 'data:' && u.origin !== origin) w.foreign.push(r.url());
  });
  p.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  p.on('pageerror', (e) => w.pageErrors.push(e.message));
  p.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) w.cspErrors.push(m.text());
  });
  return w;
}

/** Records CSP violations in the page itself (also those from workers). */
export const CSP_PROBE = () => {
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};

export async function searchAndChoose(p: Page, text: string, label: string): Promise<void> {
  await p.keyboard.press('Escape');
  await p.locator('#search').fill('', { timeout: T });
  await p.locator('#search').pressSequentially(text, { timeout: T });
  const option = p.locator('#search-list [role=option]', { hasText: label }).first();
  await option.waitFor({ timeout: T });
  await option.click({ timeout: T });
}
