import { describe, expect, it } from 'vitest';
import { mulberry32, randomInt } from './random';

describe('mulberry32', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const c = mulberry32(124);
    const sa = Array.from({ length: 20 }, () => a());
    const sb = Array.from({ length: 20 }, () => b());
    const sc = Array.from({ length: 20 }, () => c());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const rng = mulberry32(1);
    const bins = new Array<number>(10).fill(0);
    const N = 100_000;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < N; i++) {
      const u = rng();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
      bins[Math.floor(u * 10)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / N - 0.5)).toBeLessThan(0.01);
    // Each bin expects 10 000 with sd ≈ 95; allow a wide margin.
    for (const count of bins) expect(Math.abs(count - N / 10)).toBeLessThan(600);
  });

  it('rejects a non-finite seed', () => {
    expect(() => mulberry32(Number.NaN)).toThrow(RangeError);
  });
});

describe('randomInt', () => {
  it('returns integers in [0, n) covering the range', () => {
    const rng = mulberry32(9);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const v = randomInt(rng, 7);
      expect(Number.isInteger(v) && v >= 0 && v < 7).toBe(true);
      seen.add(v);
    }
    expect(seen.size).toBe(7);
  });

  it('rejects n < 1 and non-integers', () => {
    const rng = mulberry32(0);
    expect(() => randomInt(rng, 0)).toThrow(RangeError);
    expect(() => randomInt(rng, 2.5)).toThrow(RangeError);
  });
});
