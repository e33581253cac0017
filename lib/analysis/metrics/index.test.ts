import { describe, expect, it } from 'vitest';
import * as metrics from '@/lib/analysis/metrics';
import * as bootstrap from './bootstrap';
import * as correlation from './correlation';
import * as downsample from './downsample';
import * as passAtK from './pass-at-k';
import * as random from './random';
import * as ratio from './ratio';
import * as rewardCategory from './reward-category';

/**
 * The index's own contract: every export of each metric module reaches it, and the metrics, taken from it, agree on
 * one small campaign worked out by hand (DESIGN §4). The formulas themselves are tested against their vectors in the
 * sibling tests (pass-at-k.test.ts holds the DESIGN vectors); this file checks that the pieces fit together.
 */
const MODULES: Record<string, Record<string, unknown>> = {
  bootstrap,
  correlation,
  downsample,
  'pass-at-k': passAtK,
  random,
  ratio,
  'reward-category': rewardCategory,
};

/**
 * One training epoch: three questions, four samples each (the `alpha` epoch 0 of lib/test-support/fixture.ts).
 * Success is reward > 0: q1 c = 2, q2 c = 0, q3 c = 4.
 */
const REWARDS = {
  q1: [1, 0, 0, 1],
  q2: [0, 0, 0, -0.5],
  q3: [1, 1, 0.5, 1],
};
const questions = Object.values(REWARDS).map((rewards) => ({
  n: rewards.length,
  c: rewards.filter((reward) => reward > 0).length,
}));
const EPS = 1e-12;

describe('metrics index', () => {
  it('re-exports every export of every metric module, the same object, with no name lost to a clash', () => {
    const index = metrics as Record<string, unknown>;
    const names = new Set<string>();
    for (const [module, exports] of Object.entries(MODULES)) {
      const own = Object.keys(exports);
      expect(own.length, `${module} exports something`).toBeGreaterThan(0);
      for (const name of own) {
        expect(index[name], `${module}.${name}`).toBe(exports[name]);
        names.add(name);
      }
    }
    // `export *` drops a name two modules both export, silently: the union would then be larger than the index.
    expect(Object.keys(index).sort()).toEqual([...names].sort());
  });

  it('pass@k and pass^k from per-question counts equal the same figures from their histogram', () => {
    expect(questions).toEqual([
      { n: 4, c: 2 },
      { n: 4, c: 0 },
      { n: 4, c: 4 },
    ]);
    const columns = { n: questions.map((q) => q.n), c: questions.map((q) => q.c) };
    const histogram = metrics.countHistogram(columns);
    // By hand: pass@1 = (2/4 + 0 + 1)/3; pass@2 = (1 − C(2,2)/C(4,2) + 0 + 1)/3 = (5/6 + 1)/3; pass@4 = (1 + 0 + 1)/3;
    // pass^2 = (C(2,2)/C(4,2) + 0 + C(4,2)/C(4,2))/3 = (1/6 + 1)/3.
    const cases = [
      [1, 'pass@k', 1 / 2],
      [2, 'pass@k', 11 / 18],
      [4, 'pass@k', 2 / 3],
      [2, 'pass^k', 7 / 18],
    ] as const;
    for (const [k, estimator, expected] of cases) {
      const direct = metrics.meanPassAtK(questions, k, estimator);
      expect(direct.questions).toBe(3);
      expect(direct.total).toBe(3);
      expect(Math.abs(direct.value! - expected), `${estimator} k=${k}`).toBeLessThan(EPS);
      const fromHistogram = metrics.meanPassAtKOfHistogram(histogram, k, estimator);
      expect(fromHistogram.questions).toBe(3);
      expect(Math.abs(fromHistogram.value! - expected), `${estimator} k=${k} (histogram)`).toBeLessThan(EPS);
    }
    // Four samples cannot give pass@5: null over no question, never 1.
    expect(metrics.meanPassAtK(questions, 5)).toEqual({ value: null, questions: 0, total: 3 });
    expect(metrics.meanPassAtKOfHistogram(histogram, 5)).toEqual({ value: null, questions: 0, total: 3 });
  });

  it('pass@1 is the mean success rate, which the bootstrap interval is centred on', () => {
    const rates = questions.map((q) => q.c / q.n);
    expect(rates).toEqual([0.5, 0, 1]);
    const ci = metrics.bootstrapMeanCI(rates, { seed: 7 })!;
    expect(Math.abs(ci.mean - metrics.meanPassAtK(questions, 1).value!)).toBeLessThan(EPS);
    expect(ci.low).toBeGreaterThanOrEqual(0);
    expect(ci.low).toBeLessThan(ci.mean);
    expect(ci.high).toBeGreaterThan(ci.mean);
    expect(ci.high).toBeLessThanOrEqual(1);
    expect(metrics.bootstrapMeanCI(rates, { seed: 7 })).toEqual(ci);
  });

  it('reward categories counted per trajectory give the shares of the categories', () => {
    const counts = Object.fromEntries(metrics.REWARD_CATEGORIES.map((category) => [category, 0]));
    for (const reward of Object.values(REWARDS).flat()) counts[metrics.rewardCategory(reward)]++;
    // Rewards ≥ 1: five; 0.5: one; ≤ 0: six, of twelve.
    expect(metrics.countsToRatios(counts)).toEqual({
      perfect_score: { count: 5, ratio: 5 / 12 },
      partial_success: { count: 1, ratio: 1 / 12 },
      complete_failure: { count: 6, ratio: 6 / 12 },
    });
  });

  it('success rate and mean reward per question correlate as computed by hand', () => {
    const rates = questions.map((q) => q.c / q.n); // 0.5, 0, 1
    const meanRewards = Object.values(REWARDS).map((r) => r.reduce((a, b) => a + b, 0) / r.length); // 0.5, −0.125, 0.875
    // Deviations: x (0, −1/2, 1/2), y (1/12, −13/24, 11/24): Sxy = 1/2, Sxx = 1/2, Syy = 49/96, so r = √(48/49) = 4√3/7.
    // With n = 3 (one degree of freedom) t = r·√(1/(1 − r²)) = 4√3, and p = 1 − (2/π)·atan(t) (Cauchy).
    const r = (4 * Math.sqrt(3)) / 7;
    const result = metrics.pearson(rates, meanRewards);
    expect(result.n).toBe(3);
    expect(Math.abs(result.r! - r)).toBeLessThan(EPS);
    expect(Math.abs(result.p! - (1 - (2 / Math.PI) * Math.atan(4 * Math.sqrt(3))))).toBeLessThan(1e-9);
    // Same order on both sides: the ranks agree exactly.
    expect([...metrics.rank(rates)]).toEqual([2, 1, 3]);
    expect([...metrics.rank(meanRewards)]).toEqual([2, 1, 3]);
    expect(metrics.spearman(rates, meanRewards)).toMatchObject({ r: 1, p: 0, n: 3 });
  });

  it('a downsampled set of questions is averaged like any other', () => {
    // Two of three, evenly spread: the first and the last (q1 c = 2 of 4, q3 c = 4 of 4).
    const kept = [...metrics.downsample(questions.length, 2)];
    expect(kept).toEqual([0, 2]);
    expect(
      metrics.meanPassAtK(
        kept.map((i) => questions[i]),
        1,
      ).value,
    ).toBe(0.75);
    // A seeded subset is the same for the same seed, and picks questions that exist.
    const rng = metrics.mulberry32(3);
    const picks = Array.from({ length: 20 }, () => metrics.randomInt(rng, questions.length));
    const again = metrics.mulberry32(3);
    expect(Array.from({ length: 20 }, () => metrics.randomInt(again, questions.length))).toEqual(picks);
    expect(new Set(picks)).toEqual(new Set([0, 1, 2]));
  });
});
