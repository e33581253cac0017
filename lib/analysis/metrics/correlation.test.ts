import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import { correlationPValue, pearson, rank, spearman } from './correlation';

const EPS = 1e-9;

/**
 * Closed-form two-sided Student-t p-values for small df, used as independent references:
 * df=1 (Cauchy): 1 − (2/π)·atan|t|; df=2: 1 − |t|/√(2+t²); df=3: 1 − (2/π)·(atan u + u/(1+u²)), u = |t|/√3.
 */
function closedFormP(t: number, df: 1 | 2 | 3): number {
  const a = Math.abs(t);
  if (df === 1) return 1 - (2 / Math.PI) * Math.atan(a);
  if (df === 2) return 1 - a / Math.sqrt(2 + a * a);
  const u = a / Math.sqrt(3);
  return 1 - (2 / Math.PI) * (Math.atan(u) + u / (1 + u * u));
}

describe('pearson', () => {
  it('x=[1..5], y=[2,4,5,4,5]: r = 6/√60 ≈ 0.7745966692, p ≈ 0.1240', () => {
    const res = pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(res.n).toBe(5);
    expect(Math.abs(res.r! - 0.7745966692)).toBeLessThan(1e-10);
    expect(res.p!).toBeCloseTo(0.124, 4);
    // t² = 3·r²/(1−r²) = 4.5 with df = 3
    expect(Math.abs(res.p! - closedFormP(Math.sqrt(4.5), 3))).toBeLessThan(EPS);
  });

  it('n = 4: r = 0.8 and p = 0.2 (for df = 2, p = 1 − |r|)', () => {
    const res = pearson([1, 2, 3, 4], [1, 3, 2, 4]);
    expect(Math.abs(res.r! - 0.8)).toBeLessThan(1e-12);
    expect(Math.abs(res.p! - 0.2)).toBeLessThan(EPS);
  });

  it('n = 3: r = 0.5 and p = 2/3 (Cauchy, t = 1/√3)', () => {
    const res = pearson([1, 2, 3], [1, 3, 2]);
    expect(Math.abs(res.r! - 0.5)).toBeLessThan(1e-12);
    expect(Math.abs(res.p! - 2 / 3)).toBeLessThan(EPS);
  });

  it('perfect linear relation: r = ±1, p = 0', () => {
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 6, 8, 10])).toEqual({ r: 1, p: 0, n: 5 });
    expect(pearson([1, 2, 3, 4, 5], [10, 8, 6, 4, 2])).toEqual({ r: -1, p: 0, n: 5 });
  });

  it('is invariant to shifting and positive scaling, and symmetric', () => {
    const x = [0.3, 1.7, 2.2, 5.1, 3.3, 0.9];
    const y = [1.1, 2.5, 1.9, 4.4, 3.0, 1.2];
    const base = pearson(x, y).r!;
    expect(pearson(y, x).r!).toBeCloseTo(base, 12);
    expect(
      pearson(
        x.map((v) => 3 * v - 7),
        y.map((v) => v / 2 + 100),
      ).r!,
    ).toBeCloseTo(base, 12);
    expect(
      pearson(
        x.map((v) => -v),
        y,
      ).r!,
    ).toBeCloseTo(-base, 12);
  });

  it('skips pairs where either value is NaN, null or undefined', () => {
    const x = [1, 2, Number.NaN, 3, 4, 5, null, 6, undefined];
    const y = [2, 4, 100, 5, 4, 5, 1, Number.NaN, 3];
    const res = pearson(x, y);
    expect(res.n).toBe(5);
    expect(Math.abs(res.r! - 0.7745966692)).toBeLessThan(1e-10);
  });

  it('accepts typed arrays', () => {
    const res = pearson(Float64Array.from([1, 2, 3, 4, 5]), Float32Array.from([2, 4, 5, 4, 5]));
    expect(Math.abs(res.r! - 0.7745966692)).toBeLessThan(1e-10);
  });

  it('null r and p for zero variance or fewer than 3 pairs', () => {
    expect(pearson([1, 2, 3], [5, 5, 5])).toEqual({ r: null, p: null, n: 3 });
    expect(pearson([4, 4, 4, 4], [1, 2, 3, 4])).toEqual({ r: null, p: null, n: 4 });
    expect(pearson([1, 2], [3, 4])).toEqual({ r: null, p: null, n: 2 });
    expect(pearson([], [])).toEqual({ r: null, p: null, n: 0 });
    expect(pearson([1, 2, Number.NaN], [1, 2, 3])).toEqual({ r: null, p: null, n: 2 });
  });

  it('rejects inputs of different lengths', () => {
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});

describe('spearman', () => {
  it('with ties: matches scipy.stats.spearmanr([1,2,3,4,5],[5,6,7,8,7]) (r 0.8207826817, p 0.0885870053)', () => {
    const res = spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
    expect(res.n).toBe(5);
    expect(Math.abs(res.r! - 0.8207826817)).toBeLessThan(1e-10);
    expect(Math.abs(res.p! - 0.0885870053)).toBeLessThan(1e-9);
  });

  it('perfect monotone (non-linear) relation: r = ±1, p = 0', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 25])).toEqual({ r: 1, p: 0, n: 5 });
    expect(spearman([1, 2, 3, 4, 5], [Math.exp(5), Math.exp(4), 3, 2, -100])).toEqual({ r: -1, p: 0, n: 5 });
  });

  it('constant side → null', () => {
    expect(spearman([1, 2, 3, 4], [7, 7, 7, 7])).toEqual({ r: null, p: null, n: 4 });
  });

  it('skips incomplete pairs before ranking', () => {
    const res = spearman([1, null, 2, 3, 4, 5], [5, 0, 6, 7, 8, 7]);
    expect(res.n).toBe(5);
    expect(Math.abs(res.r! - 0.8207826817)).toBeLessThan(1e-10);
  });
});

describe('correlationPValue', () => {
  it('agrees with closed-form t-distribution p-values for df = 1, 2, 3', () => {
    for (const df of [1, 2, 3] as const) {
      for (const r of [-0.95, -0.5, -0.1, 0, 0.05, 0.3, 0.7, 0.99]) {
        const t = r * Math.sqrt(df / (1 - r * r));
        expect(Math.abs(correlationPValue(r, df + 2) - closedFormP(t, df))).toBeLessThan(EPS);
      }
    }
  });

  it('is 1 at r = 0, 0 at |r| = 1, and shrinks with n at fixed r', () => {
    expect(correlationPValue(0, 10)).toBeCloseTo(1, 12);
    expect(correlationPValue(1, 10)).toBe(0);
    expect(correlationPValue(-1, 10)).toBe(0);
    expect(correlationPValue(0.3, 100)).toBeLessThan(correlationPValue(0.3, 20));
  });

  it('requires n ≥ 3', () => {
    expect(() => correlationPValue(0.5, 2)).toThrow(RangeError);
  });
});

describe('rank', () => {
  it('assigns 1-based ranks in input order', () => {
    expect(Array.from(rank([3, 1, 2]))).toEqual([3, 1, 2]);
    expect(Array.from(rank([-1.5, 10, 0]))).toEqual([1, 3, 2]);
  });

  it('averages tied ranks', () => {
    expect(Array.from(rank([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
    expect(Array.from(rank([5, 6, 7, 8, 7]))).toEqual([1, 2, 3.5, 5, 3.5]);
    expect(Array.from(rank([2, 1, 2, 1, 2]))).toEqual([4, 1.5, 4, 1.5, 4]);
    expect(Array.from(rank([9, 9, 9]))).toEqual([2, 2, 2]);
  });

  it('handles empty input and typed arrays; rejects NaN', () => {
    expect(rank([])).toHaveLength(0);
    expect(Array.from(rank(Int32Array.from([4, 4, 1])))).toEqual([2.5, 2.5, 1]);
    expect(() => rank([1, Number.NaN])).toThrow(RangeError);
  });

  it('counts -0 and 0 as one value, and infinities as the ends', () => {
    expect(Array.from(rank([0, -0, 1, -Infinity, Infinity]))).toEqual([2.5, 2.5, 4, 1, 5]);
  });

  it('equals the rank of each value counted directly, on many values with many ties', () => {
    const rng = mulberry32(3);
    const values = Array.from({ length: 3000 }, () => Math.round(rng() * 40) / 4 - 5);
    const ranks = rank(values);
    for (let i = 0; i < values.length; i += 7) {
      // 1-based average rank = (values below) + (values equal + 1) / 2.
      const below = values.filter((v) => v < values[i]).length;
      const equal = values.filter((v) => v === values[i]).length;
      expect(ranks[i]).toBe(below + (equal + 1) / 2);
    }
  });
});
