import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/core/format.ts';

describe('formatCount', () => {
  it('groups digits by three with commas, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 100_000, 1_000_000, 987_654_321, -1234, 2 ** 40])
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
  });
  it('rounds fractions and leaves non-finite numbers as they are', () => {
    expect(formatCount(1234.6)).toBe('1,235');
    expect(formatCount(-0.2)).toBe('0');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });
});
