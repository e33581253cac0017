import { describe, expect, it } from 'vitest';
import { exactMcnemarByBigInt as exactByBigInt } from '../../test-support/exact-binomial';
import { mcnemarExactP } from './mcnemar';

describe('mcnemarExactP', () => {
  it('gives the hand-computed exact binomial p-values', () => {
    // b=0, c=5: 2 · C(5,0)/2^5 = 2/32.
    expect(mcnemarExactP(0, 5)).toBe(0.0625);
    expect(mcnemarExactP(5, 0)).toBe(0.0625);
    // b=1, c=9: 2 · (1 + 10)/2^10 = 22/1024.
    expect(mcnemarExactP(1, 9)).toBeCloseTo(0.021484375, 15);
    // b=2, c=8: 2 · (1 + 10 + 45)/1024 = 112/1024.
    expect(mcnemarExactP(2, 8)).toBeCloseTo(0.109375, 15);
    // b=1, c=1 and b=3, c=3: the tail holds at least half: capped at 1.
    expect(mcnemarExactP(1, 1)).toBe(1);
    expect(mcnemarExactP(3, 3)).toBe(1);
  });

  it('is 1 when no pair disagrees', () => {
    expect(mcnemarExactP(0, 0)).toBe(1);
  });

  it('agrees with exact integer arithmetic for counts up to thousands', () => {
    for (const [b, c] of [
      [7, 19],
      [40, 60],
      [120, 80],
      [480, 520],
      [900, 1100],
      [1500, 1700],
    ]) {
      const expected = exactByBigInt(b, c);
      expect(Math.abs(mcnemarExactP(b, c) - expected), `${b}, ${c}`).toBeLessThan(1e-12 + expected * 1e-9);
    }
    // Far in the tail the value is tiny but not zero, and still relative-exact.
    const far = mcnemarExactP(100, 300);
    expect(far).toBeGreaterThan(0);
    expect(Math.abs(far / exactByBigInt(100, 300) - 1)).toBeLessThan(1e-9);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => mcnemarExactP(-1, 2)).toThrow(RangeError);
    expect(() => mcnemarExactP(1.5, 2)).toThrow(RangeError);
  });
});
