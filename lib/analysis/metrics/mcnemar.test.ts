import { describe, expect, it } from 'vitest';
import { mcnemarExactP } from './mcnemar';

/** The same p-value from exact integer arithmetic: 2 · Σ_{k ≤ min} C(n, k) / 2^n, capped at 1. */
function exactByBigInt(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  let binomial = 1n;
  let tail = 0n;
  for (let k = 0; k <= Math.min(b, c); k++) {
    tail += binomial;
    binomial = (binomial * BigInt(n - k)) / BigInt(k + 1);
  }
  // Below 2^1024 both integers are finite doubles (relative error 1e-16 each); above, the quotient is scaled by 1e15
  // before it is divided, keeping fifteen significant digits of a p-value that is not tiny.
  if (n < 1024) return Math.min(1, Number(2n * tail) / Number(2n ** BigInt(n)));
  const scale = 10n ** 15n;
  return Math.min(1, Number((2n * tail * scale) / 2n ** BigInt(n)) / 1e15);
}

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
