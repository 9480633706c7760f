import { describe, expect, it } from 'vitest';
import { nextTab } from '../../src/ui/state/tabs.ts';

describe('tabs by keyboard', () => {
  const tabs = ['a', 'b', 'c'] as const;
  it('arrows move and wrap; Home and End go to the ends; other keys do nothing', () => {
    expect(nextTab(tabs, 'a', 'ArrowRight')).toBe('b');
    expect(nextTab(tabs, 'c', 'ArrowRight')).toBe('a');
    expect(nextTab(tabs, 'a', 'ArrowLeft')).toBe('c');
    expect(nextTab(tabs, 'b', 'ArrowUp')).toBe('a');
    expect(nextTab(tabs, 'b', 'Home')).toBe('a');
    expect(nextTab(tabs, 'a', 'End')).toBe('c');
    expect(nextTab(tabs, 'a', 'x')).toBeUndefined();
  });
});
