import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_MAX_VALUES, bootstrapMeanCI, twoSidedZ } from './bootstrap';
import { mulberry32 } from './random';

/** Seeded standard-normal draws via Box–Muller, scaled to mean mu and sd sigma. */
function normalSample(n: number, mu: number, sigma: number, seed: number): Float64Array {
  const rng = mulberry32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u1 = 1 - rng(); // (0, 1]
    const u2 = rng();
    out[i] = mu + sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  return out;
}

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

function sd(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

describe('bootstrapMeanCI', () => {
  it('returns null for empty input (or only NaN)', () => {
    expect(bootstrapMeanCI([])).toBeNull();
    expect(bootstrapMeanCI(new Float64Array(0))).toBeNull();
    expect(bootstrapMeanCI([Number.NaN])).toBeNull();
  });

  it('one value gives low = high = mean', () => {
    expect(bootstrapMeanCI([3.5])).toEqual({ mean: 3.5, low: 3.5, high: 3.5 });
  });

  it('ignores NaN entries', () => {
    expect(bootstrapMeanCI([Number.NaN, 2, Number.NaN])).toEqual({ mean: 2, low: 2, high: 2 });
    const withNaN = bootstrapMeanCI([1, Number.NaN, 2, 3, 4]);
    expect(withNaN).toEqual(bootstrapMeanCI([1, 2, 3, 4]));
    expect(withNaN?.mean).toBe(2.5);
  });

  it('is deterministic for a seed', () => {
    const data = normalSample(50, 0, 1, 3);
    const a = bootstrapMeanCI(data, { seed: 7 });
    const b = bootstrapMeanCI(Array.from(data), { seed: 7 });
    expect(a).toEqual(b);
    const c = bootstrapMeanCI(data, { seed: 8 });
    expect(c?.mean).toBe(a?.mean);
    expect(c).not.toEqual(a);
  });

  it('the interval contains the mean, and the mean is the plain sample mean', () => {
    const data = [0, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1];
    const ci = bootstrapMeanCI(data);
    expect(ci?.mean).toBe(7 / 12);
    expect(ci!.low).toBeLessThanOrEqual(ci!.mean);
    expect(ci!.high).toBeGreaterThanOrEqual(ci!.mean);
    expect(ci!.low).toBeGreaterThanOrEqual(0);
    expect(ci!.high).toBeLessThanOrEqual(1);
  });

  it('the interval narrows with more data', () => {
    const small = bootstrapMeanCI(normalSample(20, 5, 2, 11))!;
    const large = bootstrapMeanCI(normalSample(2000, 5, 2, 11))!;
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 4);
  });

  it('a higher confidence gives a wider interval', () => {
    const data = normalSample(100, 0, 1, 5);
    const ci90 = bootstrapMeanCI(data, { confidence: 0.9 })!;
    const ci99 = bootstrapMeanCI(data, { confidence: 0.99 })!;
    expect(ci99.high - ci99.low).toBeGreaterThan(ci90.high - ci90.low);
  });

  it('constant data gives zero width', () => {
    expect(bootstrapMeanCI(new Float64Array(30).fill(0.25))).toEqual({ mean: 0.25, low: 0.25, high: 0.25 });
  });

  it('roughly matches the normal interval mean ± 1.96·sd/√n', () => {
    const n = 400;
    const data = normalSample(n, 10, 3, 2024);
    const ci = bootstrapMeanCI(data, { resamples: 4000 })!;
    const half = (1.96 * sd(data)) / Math.sqrt(n);
    expect(Math.abs(ci.low - (ci.mean - half))).toBeLessThan(0.15 * half);
    expect(Math.abs(ci.high - (ci.mean + half))).toBeLessThan(0.15 * half);
  });

  it('rejects bad options', () => {
    expect(() => bootstrapMeanCI([1, 2], { resamples: 0 })).toThrow(RangeError);
    expect(() => bootstrapMeanCI([1, 2], { resamples: 10.5 })).toThrow(RangeError);
    expect(() => bootstrapMeanCI([1, 2], { confidence: 1 })).toThrow(RangeError);
    expect(() => bootstrapMeanCI([1, 2], { confidence: 0 })).toThrow(RangeError);
    expect(() => bootstrapMeanCI([1, 2], { confidence: Number.NaN })).toThrow(RangeError);
  });
});

/** A plain percentile bootstrap of the mean (type-7 quantiles), the reference the normal interval is held to. */
function percentileBootstrap(values: Float64Array, resamples: number, seed: number) {
  const rng = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < values.length; i++) s += values[Math.floor(rng() * values.length)];
    means[b] = s / values.length;
  }
  means.sort();
  const at = (q: number) => {
    const pos = (means.length - 1) * q;
    const lo = Math.floor(pos);
    return means[lo] + (means[Math.ceil(pos)] - means[lo]) * (pos - lo);
  };
  return { low: at(0.025), high: at(0.975) };
}

/** Success rates c/16 of questions whose per-sample success chance is spread over [0, 1]: few distinct values. */
function successRates(questions: number, seed: number): Float64Array {
  const rng = mulberry32(seed);
  const rates = new Float64Array(questions);
  for (let q = 0; q < questions; q++) {
    const p = rng() ** 2;
    let c = 0;
    for (let s = 0; s < 16; s++) if (rng() < p) c++;
    rates[q] = c / 16;
  }
  return rates;
}

describe('twoSidedZ', () => {
  it('matches the normal table', () => {
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959964, 6);
    expect(twoSidedZ(0.9)).toBeCloseTo(1.644854, 6);
    expect(twoSidedZ(0.99)).toBeCloseTo(2.575829, 6);
  });
});

describe('bootstrapMeanCI on many values', () => {
  it('above BOOTSTRAP_MAX_VALUES, is the normal interval mean ± 1.96·s/√n', () => {
    // 0, 1, …, 2000: mean 1000, s² = 2001 · 2002 / 12 = 333,833.5, s/√n = √(333,833.5 / 2001) = 12.91640.
    const values = Float64Array.from({ length: 2001 }, (_, i) => i);
    const ci = bootstrapMeanCI(values)!;
    expect(ci.mean).toBe(1000);
    expect(ci.low).toBeCloseTo(1000 - 1.959964 * 12.9164, 3);
    expect(ci.high).toBeCloseTo(1000 + 1.959964 * 12.9164, 3);
  });

  it('up to BOOTSTRAP_MAX_VALUES, is the percentile bootstrap drawing every value', () => {
    for (const values of [
      normalSample(BOOTSTRAP_MAX_VALUES, 0.5, 0.4, 9),
      successRates(BOOTSTRAP_MAX_VALUES, 4),
    ]) {
      const reference = percentileBootstrap(values, 1000, 1);
      const ci = bootstrapMeanCI(values, { seed: 1 })!;
      expect(ci.low).toBe(reference.low);
      expect(ci.high).toBe(reference.high);
    }
  });

  it('above BOOTSTRAP_MAX_VALUES, the normal interval is within the percentile bootstrap’s own noise', () => {
    // Continuous values and success rates c/16 (few distinct values, skewed towards 0). The reference draws 10,000
    // resamples, so its own Monte Carlo noise is about 0.014 of the half width; a tenth of the half width leaves room
    // for that noise and the small skew the normal interval leaves out, and no more.
    const cases = [BOOTSTRAP_MAX_VALUES + 1, 1250, 5000].flatMap((n) => [
      normalSample(n, 0.5, 0.4, n),
      successRates(n, n),
    ]);
    for (const values of cases) {
      const reference = percentileBootstrap(values, 10_000, 1);
      const ci = bootstrapMeanCI(values, { seed: 1 })!;
      const halfWidth = (reference.high - reference.low) / 2;
      expect(Math.abs(ci.low - reference.low)).toBeLessThan(halfWidth / 10);
      expect(Math.abs(ci.high - reference.high)).toBeLessThan(halfWidth / 10);
    }
  });
});
