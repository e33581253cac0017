import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_MAX_VALUES, bootstrapMeanCI, twoSidedZ } from './bootstrap';
import { clusterMeanCI, clusterTotals } from './cluster-bootstrap';
import { mulberry32 } from './random';

function uniform(n: number, seed: number): number[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => rng());
}

describe('clusterTotals', () => {
  it('sums and counts each cluster in order of first appearance, NaN left out', () => {
    const totals = clusterTotals([1, 2, 3, NaN, 5], [7, 2, 7, 2, 0]);
    expect(Array.from(totals.sums)).toEqual([4, 2, 5]);
    expect(Array.from(totals.sizes)).toEqual([2, 1, 1]);
    expect([totals.count, totals.sum]).toEqual([4, 11]);
  });

  it('rejects ids that are not non-negative integers and lengths that differ', () => {
    expect(() => clusterTotals([1], [-1])).toThrow(RangeError);
    expect(() => clusterTotals([1], [0.5])).toThrow(RangeError);
    expect(() => clusterTotals([1, 2], [0])).toThrow(RangeError);
  });
});

describe('clusterMeanCI', () => {
  it('is bootstrapMeanCI, figure for figure, when every cluster holds one value', () => {
    for (const n of [2, 37, BOOTSTRAP_MAX_VALUES, BOOTSTRAP_MAX_VALUES + 1, 2000]) {
      const values = uniform(n, n);
      const ids = values.map((_, i) => (i * 7919) % (n * 3));
      for (const seed of [1, 3]) {
        expect(clusterMeanCI(values, ids, { seed }), `n=${n}`).toEqual(bootstrapMeanCI(values, { seed }));
      }
    }
  });

  it('draws only the means two clusters can give', () => {
    // Cluster 0 holds [1, 1], cluster 1 holds [0]: a resample is both (mean 2/3), cluster 0 twice (1) or 1 twice (0).
    const ci = clusterMeanCI([1, 0, 1], [0, 1, 0], { seed: 5 })!;
    expect(ci.mean).toBeCloseTo(2 / 3, 15);
    for (const end of [ci.low, ci.high])
      expect([0, 2 / 3, 1].some((m) => Math.abs(m - end) < 1e-12)).toBe(true);
    expect(ci.low).toBe(0);
    expect(ci.high).toBe(1);
  });

  it('is null without values and of zero width for one cluster', () => {
    expect(clusterMeanCI([], [])).toBeNull();
    expect(clusterMeanCI([NaN], [0])).toBeNull();
    expect(clusterMeanCI([0.2, 0.4, 0.9], [4, 4, 4])).toEqual({ mean: 0.5, low: 0.5, high: 0.5 });
  });

  it('resamples whole clusters: twelve equal copies per cluster give the interval of the cluster means', () => {
    const clusterMeans = uniform(100, 9);
    const values = clusterMeans.flatMap((v) => Array<number>(12).fill(v));
    const ids = clusterMeans.flatMap((_, g) => Array<number>(12).fill(g));
    const clustered = clusterMeanCI(values, ids, { seed: 3 })!;
    const ofMeans = bootstrapMeanCI(clusterMeans, { seed: 3 })!;
    expect(clustered.mean).toBeCloseTo(ofMeans.mean, 12);
    expect(clustered.low).toBeCloseTo(ofMeans.low, 12);
    expect(clustered.high).toBeCloseTo(ofMeans.high, 12);
    // Treating the 1,200 copies as independent makes the interval about √12 ≈ 3.5 times narrower.
    const naive = bootstrapMeanCI(values, { seed: 3 })!;
    const ratio = (clustered.high - clustered.low) / (naive.high - naive.low);
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(4);
  });

  it('beyond the bootstrap limit, gives the normal interval with the cluster-robust variance', () => {
    const groups = BOOTSTRAP_MAX_VALUES + 100;
    const draws = uniform(groups * 3, 11);
    // Clusters of 1, 2 or 3 values.
    const values: number[] = [];
    const ids: number[] = [];
    for (let g = 0; g < groups; g++)
      for (let k = 0; k <= g % 3; k++) {
        values.push(draws[g * 3 + k] + (g % 5) / 5);
        ids.push(g);
      }
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sums = new Array<number>(groups).fill(0);
    const sizes = new Array<number>(groups).fill(0);
    values.forEach((v, i) => {
      sums[ids[i]] += v;
      sizes[ids[i]]++;
    });
    const variance =
      ((groups / (groups - 1)) * sums.reduce((acc, s, g) => acc + (s - mean * sizes[g]) ** 2, 0)) / (n * n);
    const margin = twoSidedZ(0.95) * Math.sqrt(variance);
    const ci = clusterMeanCI(values, ids)!;
    expect(ci.mean).toBeCloseTo(mean, 12);
    expect(ci.low).toBeCloseTo(mean - margin, 12);
    expect(ci.high).toBeCloseTo(mean + margin, 12);
  });
});
