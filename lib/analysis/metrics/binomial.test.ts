import { describe, expect, it } from 'vitest';
import { binomialDraw, logFactorials, multinomialDraw } from './binomial';
import { mulberry32 } from './random';

describe('logFactorials', () => {
  it('holds ln(i!)', () => {
    const table = logFactorials(5);
    expect(table[0]).toBe(0);
    expect(table[1]).toBe(0);
    expect(Math.exp(table[5])).toBeCloseTo(120, 9);
  });
});

describe('binomialDraw', () => {
  it('gives the edge values for p = 0, p = 1 and n = 0', () => {
    const rng = mulberry32(1);
    const table = logFactorials(10);
    expect(binomialDraw(rng, 10, 0, table)).toBe(0);
    expect(binomialDraw(rng, 10, 1, table)).toBe(10);
    expect(binomialDraw(rng, 0, 0.5, table)).toBe(0);
  });

  it('draws each value with its binomial probability', () => {
    // Binomial(6, 0.3): P(k) = C(6, k) 0.3^k 0.7^(6−k).
    const expected = [0.117649, 0.302526, 0.324135, 0.18522, 0.059535, 0.010206, 0.000729];
    const rng = mulberry32(5);
    const table = logFactorials(6);
    const draws = 200_000;
    const seen = new Array<number>(7).fill(0);
    for (let i = 0; i < draws; i++) seen[binomialDraw(rng, 6, 0.3, table)]++;
    for (let k = 0; k <= 6; k++) {
      const sd = Math.sqrt((expected[k] * (1 - expected[k])) / draws);
      expect(Math.abs(seen[k] / draws - expected[k])).toBeLessThan(5 * sd);
    }
  });

  it('has mean np and variance np(1 − p) for a large n', () => {
    // n = 100,000, p = 0.02: mean 2000, variance 1960.
    const rng = mulberry32(9);
    const table = logFactorials(100_000);
    const draws = 20_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < draws; i++) {
      const x = binomialDraw(rng, 100_000, 0.02, table);
      sum += x;
      squares += x * x;
    }
    const mean = sum / draws;
    expect(Math.abs(mean - 2000)).toBeLessThan(5 * Math.sqrt(1960 / draws));
    expect(squares / draws - mean * mean).toBeGreaterThan(1960 * 0.95);
    expect(squares / draws - mean * mean).toBeLessThan(1960 * 1.05);
  });
});

describe('multinomialDraw', () => {
  it('places every draw, each category in proportion to its count', () => {
    const rng = mulberry32(3);
    const counts = Int32Array.from([1, 2, 5, 2]);
    const table = logFactorials(1000);
    const out = new Int32Array(4);
    const totals = [0, 0, 0, 0];
    for (let r = 0; r < 2000; r++) {
      multinomialDraw(rng, 1000, counts, table, out);
      expect(out.reduce((a, b) => a + b, 0)).toBe(1000);
      for (let k = 0; k < 4; k++) totals[k] += out[k];
    }
    // Expected shares 0.1, 0.2, 0.5, 0.2 of 2,000,000 draws; a share's standard error is √(p(1 − p) / 2,000,000).
    [0.1, 0.2, 0.5, 0.2].forEach((share, k) => {
      const sd = Math.sqrt((share * (1 - share)) / 2_000_000);
      expect(Math.abs(totals[k] / 2_000_000 - share)).toBeLessThan(5 * sd);
    });
  });
});
