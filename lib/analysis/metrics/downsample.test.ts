import { describe, expect, it } from 'vitest';
import { downsample } from './downsample';

function isStrictlyIncreasing(xs: Int32Array): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i] <= xs[i - 1]) return false;
  return true;
}

describe('downsample', () => {
  it('returns every index when count ≤ maxPoints', () => {
    expect(Array.from(downsample(4, 10))).toEqual([0, 1, 2, 3]);
    expect(Array.from(downsample(4, 4, 1))).toEqual([0, 1, 2, 3]);
    expect(downsample(0, 5)).toHaveLength(0);
  });

  it('evenly spreads indices, keeping the first and the last', () => {
    expect(Array.from(downsample(10, 4))).toEqual([0, 3, 6, 9]);
    // step 2.5: positions 0, 2.5, 5, 7.5, 10 rounded half up
    expect(Array.from(downsample(11, 5))).toEqual([0, 3, 5, 8, 10]);
    expect(Array.from(downsample(1000, 2))).toEqual([0, 999]);
    expect(Array.from(downsample(1000, 1))).toEqual([0]);
    expect(downsample(1000, 0)).toHaveLength(0);
  });

  it('evenly spread output is strictly increasing and exactly maxPoints long', () => {
    for (const [count, max] of [
      [101, 100],
      [1_000_003, 5000],
      [7, 6],
    ]) {
      const idx = downsample(count, max);
      expect(idx).toHaveLength(max);
      expect(isStrictlyIncreasing(idx)).toBe(true);
      expect(idx[0]).toBe(0);
      expect(idx[idx.length - 1]).toBe(count - 1);
    }
  });

  it('seeded random subsets are deterministic, sorted, distinct and in range', () => {
    const a = downsample(100_000, 500, 42);
    const b = downsample(100_000, 500, 42);
    const c = downsample(100_000, 500, 43);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toHaveLength(500);
    expect(isStrictlyIncreasing(a)).toBe(true);
    expect(a[0]).toBeGreaterThanOrEqual(0);
    expect(a[a.length - 1]).toBeLessThan(100_000);
  });

  it('seeded random subsets are roughly uniform over indices', () => {
    // Pick 3 of 10 over many seeds: each index should appear ≈ 30% of the time.
    const hits = new Array<number>(10).fill(0);
    const trials = 4000;
    for (let seed = 0; seed < trials; seed++) for (const i of downsample(10, 3, seed)) hits[i]++;
    for (const h of hits) expect(Math.abs(h / trials - 0.3)).toBeLessThan(0.04);
  });

  it('rejects negative or non-integer sizes', () => {
    expect(() => downsample(-1, 5)).toThrow(RangeError);
    expect(() => downsample(10, -1)).toThrow(RangeError);
    expect(() => downsample(10.5, 5)).toThrow(RangeError);
    expect(() => downsample(10, 2.5)).toThrow(RangeError);
  });
});
