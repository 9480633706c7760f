import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { progressDetail } from '../../src/ui/components/LoadProgress.tsx';

describe('load progress', () => {
  it('says how much is read, of how much when the size is known', () => {
    expect(progressDetail('reading', 3 * 1024 * 1024, 10 * 1024 * 1024)).toBe('3.0 MB of 10.0 MB');
    // A compressed response gives no size to compare with: no "of 0 B".
    expect(progressDetail('reading', 7.4 * 1024 * 1024, 0)).toBe('7.4 MB read');
    expect(progressDetail('indexing', 0, 1)).toBe('building the graph index');
  });

  it('keeps the bar still: no animation, which would repaint the window while the loader works', () => {
    const css = readFileSync('src/ui/styles.css', 'utf8');
    const rules = [...css.matchAll(/([^{}]*\.load-bar[^{}]*)\{([^}]*)\}/g)];
    expect(rules.length).toBeGreaterThan(2);
    for (const [, selector, body] of rules) expect(body, selector).not.toMatch(/animation/);
  });
});
