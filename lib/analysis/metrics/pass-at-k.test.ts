import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { TAU_BENCH_FILE } from '../../test-support/tau-bench-file';
import { countHistogram, meanPassAtK, meanPassAtKOfHistogram, passAtK, passHatK } from './pass-at-k';
import { mulberry32, randomInt } from './random';

const EPS = 1e-12;

/** Exact binomial coefficient C(n, k) as a BigInt (0 when k > n). */
function binom(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let result = 1n;
  for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
  return result;
}

describe('passAtK', () => {
  it.each([
    [5, 2, 1, 0.4],
    [5, 2, 3, 0.9],
    [10, 3, 5, 11 / 12],
    [10, 0, 5, 0],
    [20, 5, 10, 1271 / 1292],
    [200, 13, 10, 0.497551114731],
  ])('pass@k(n=%i, c=%i, k=%i) = %f', (n, c, k, expected) => {
    expect(Math.abs((passAtK(n, c, k) as number) - expected)).toBeLessThan(EPS);
  });

  it('is 1 when every sample succeeds (c = n)', () => {
    expect(passAtK(7, 7, 1)).toBe(1);
    expect(passAtK(7, 7, 7)).toBe(1);
  });

  it('is 0 when no sample succeeds (c = 0)', () => {
    expect(passAtK(7, 0, 1)).toBe(0);
    expect(passAtK(7, 0, 7)).toBe(0);
  });

  it('at k = n is 1 if any sample succeeds, else 0', () => {
    expect(passAtK(4, 1, 4)).toBe(1);
    expect(passAtK(4, 0, 4)).toBe(0);
  });

  it('is 1 when n − c < k ≤ n', () => {
    expect(passAtK(5, 3, 3)).toBe(1);
    expect(passAtK(10, 8, 3)).toBe(1);
  });

  it('is null (not 1) when n < k', () => {
    expect(passAtK(3, 3, 4)).toBeNull();
    expect(passAtK(3, 0, 4)).toBeNull();
    expect(passAtK(0, 0, 1)).toBeNull();
  });

  it('pass@1 equals c/n', () => {
    const rng = mulberry32(7);
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + randomInt(rng, 300);
      const c = randomInt(rng, n + 1);
      expect(Math.abs((passAtK(n, c, 1) as number) - c / n)).toBeLessThan(EPS);
    }
  });

  it('matches exact BigInt binomials 1 − C(n−c,k)/C(n,k) for n ≤ 30', () => {
    for (let n = 1; n <= 30; n++) {
      for (let c = 0; c <= n; c++) {
        for (let k = 1; k <= n; k++) {
          // All binomials here are below 2^53, so the Number conversions are exact.
          const expected = 1 - Number(binom(n - c, k)) / Number(binom(n, k));
          expect(Math.abs((passAtK(n, c, k) as number) - expected)).toBeLessThan(EPS);
        }
      }
    }
  });

  it.each([
    [-1, 0, 1],
    [2.5, 1, 1],
    [5, -1, 1],
    [5, 6, 1],
    [5, 1.5, 1],
    [5, 2, 0],
    [5, 2, 1.5],
    [Number.NaN, 0, 1],
  ])('rejects invalid input (n=%s, c=%s, k=%s)', (n, c, k) => {
    expect(() => passAtK(n, c, k)).toThrow(RangeError);
    expect(() => passHatK(n, c, k)).toThrow(RangeError);
  });
});

describe('passHatK', () => {
  it.each([
    [4, 2, 2, 1 / 6],
    [8, 4, 3, 1 / 14],
    [10, 8, 3, 7 / 15],
  ])('pass^k(n=%i, c=%i, k=%i) = %f', (n, c, k, expected) => {
    expect(Math.abs((passHatK(n, c, k) as number) - expected)).toBeLessThan(EPS);
  });

  it('edge cases', () => {
    expect(passHatK(5, 5, 5)).toBe(1);
    expect(passHatK(5, 5, 2)).toBe(1);
    expect(passHatK(5, 0, 1)).toBe(0);
    expect(passHatK(5, 2, 3)).toBe(0);
    expect(passHatK(5, 4, 5)).toBe(0);
    expect(passHatK(2, 2, 3)).toBeNull();
  });

  it('pass^1 equals pass@1 equals c/n', () => {
    for (let n = 1; n <= 20; n++) {
      for (let c = 0; c <= n; c++) {
        expect(Math.abs((passHatK(n, c, 1) as number) - c / n)).toBeLessThan(EPS);
      }
    }
  });

  it('matches exact BigInt binomials C(c,k)/C(n,k) for n ≤ 30', () => {
    for (let n = 1; n <= 30; n++) {
      for (let c = 0; c <= n; c++) {
        for (let k = 1; k <= n; k++) {
          const expected = Number(binom(c, k)) / Number(binom(n, k));
          expect(Math.abs((passHatK(n, c, k) as number) - expected)).toBeLessThan(EPS);
        }
      }
    }
  });
});

describe('meanPassAtK', () => {
  it('averages over questions with n ≥ k and reports coverage', () => {
    const qs = [
      { n: 5, c: 2 },
      { n: 10, c: 3 },
      { n: 2, c: 2 }, // n < k = 3: excluded, not counted as 1
    ];
    const res = meanPassAtK(qs, 3);
    expect(res.questions).toBe(2);
    expect(res.total).toBe(3);
    // pass@3(5,2) = 0.9; pass@3(10,3) = 1 − C(7,3)/C(10,3) = 1 − 35/120 = 17/24
    expect(Math.abs((res.value as number) - (0.9 + 17 / 24) / 2)).toBeLessThan(EPS);
  });

  it('accepts column form (typed arrays or plain arrays) with the same result', () => {
    const rows = [
      { n: 4, c: 2 },
      { n: 8, c: 4 },
      { n: 10, c: 8 },
    ];
    const cols = { n: Int32Array.from([4, 8, 10]), c: [2, 4, 8] };
    const expected = (1 / 6 + 3 / 14 + 28 / 45) / 3; // pass^2: C(c,2)/C(n,2)
    for (const input of [rows, cols]) {
      const res = meanPassAtK(input, 2, 'pass^k');
      expect(res.questions).toBe(3);
      expect(Math.abs((res.value as number) - expected)).toBeLessThan(EPS);
    }
  });

  it('value is null when no question has n ≥ k', () => {
    expect(meanPassAtK([{ n: 2, c: 1 }], 3)).toEqual({ value: null, questions: 0, total: 1 });
    expect(meanPassAtK([], 1)).toEqual({ value: null, questions: 0, total: 0 });
  });

  it('rejects bad k, mismatched columns and unknown estimators', () => {
    expect(() => meanPassAtK([], 0)).toThrow(RangeError);
    expect(() => meanPassAtK({ n: [1, 2], c: [0] }, 1)).toThrow(RangeError);
    expect(() => meanPassAtK([], 1, 'pass@x' as 'pass@k')).toThrow(RangeError);
  });
});

describe('tau-bench gpt-4o airline reference (50 tasks × 4 trials)', () => {
  async function loadCounts(): Promise<{ n: number; c: number }[]> {
    const byQuestion = new Map<string, { n: number; c: number }>();
    const lines = createInterface({ input: createReadStream(TAU_BENCH_FILE, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as { data_id: string; reward: number };
      const entry = byQuestion.get(row.data_id) ?? { n: 0, c: 0 };
      entry.n += 1;
      if (row.reward > 0) entry.c += 1;
      byQuestion.set(row.data_id, entry);
    }
    return [...byQuestion.values()];
  }

  it('reproduces the published pass@1 / pass@2 / pass@4 and nulls pass@5', async () => {
    const counts = await loadCounts();
    expect(counts).toHaveLength(50);
    expect(counts.every((q) => q.n === 4)).toBe(true);

    const p1 = meanPassAtK(counts, 1);
    expect(p1.questions).toBe(50);
    expect(Math.abs((p1.value as number) - 0.42)).toBeLessThan(EPS);

    const p2 = meanPassAtK(counts, 2);
    expect(p2.value as number).toBeCloseTo(0.5667, 4);

    const p4 = meanPassAtK(counts, 4);
    expect(Math.abs((p4.value as number) - 0.72)).toBeLessThan(EPS);

    expect(meanPassAtK(counts, 5)).toEqual({ value: null, questions: 0, total: 50 });
  });
});

describe('meanPassAtK over many questions', () => {
  it('equals the plain average of the per-question estimates, for mixed sample counts', () => {
    const rng = mulberry32(7);
    const n = Int32Array.from({ length: 5000 }, () => 1 + Math.floor(rng() * 20));
    const c = Int32Array.from(n, (ni) => Math.floor(rng() * (ni + 1)));
    for (const estimator of ['pass@k', 'pass^k'] as const) {
      const one = estimator === 'pass@k' ? passAtK : passHatK;
      for (const k of [1, 2, 4, 8, 16]) {
        let sum = 0;
        let covered = 0;
        for (let i = 0; i < n.length; i++) {
          const v = one(n[i], c[i], k);
          if (v === null) continue;
          sum += v;
          covered++;
        }
        const result = meanPassAtK({ n, c }, k, estimator);
        expect(result.questions).toBe(covered);
        expect(result.value).toBeCloseTo(sum / covered, 12);
      }
    }
  });
});

describe('meanPassAtKOfHistogram', () => {
  it('gives meanPassAtK from the count of each (n, c), for every k and both estimators', () => {
    const rng = mulberry32(11);
    const n = Int32Array.from({ length: 4000 }, () => 1 + Math.floor(rng() * 12));
    const c = Int32Array.from(n, (ni) => Math.floor(rng() * (ni + 1)));
    const histogram = countHistogram({ n, c });
    for (const estimator of ['pass@k', 'pass^k'] as const) {
      for (const k of [1, 3, 8, 12, 13]) {
        const direct = meanPassAtK({ n, c }, k, estimator);
        const fromHistogram = meanPassAtKOfHistogram(histogram, k, estimator);
        expect(fromHistogram.questions).toBe(direct.questions);
        expect(fromHistogram.total).toBe(direct.total);
        if (direct.value === null) expect(fromHistogram.value).toBeNull();
        else expect(fromHistogram.value).toBeCloseTo(direct.value, 12);
      }
    }
  });

  it('rejects counts passAtK rejects', () => {
    expect(() => countHistogram({ n: [4, 4], c: [1, 5] })).toThrow(RangeError);
    expect(() => countHistogram({ n: [-1], c: [0] })).toThrow(RangeError);
    expect(() => countHistogram({ n: [2.5], c: [1] })).toThrow(RangeError);
  });
});
