import { describe, expect, it } from 'vitest';
import { pairedDifference, sharedBootstrap, type RunQuestions } from '../stats/training-comparison';
import { bootstrapMeanCI } from './bootstrap';
import { mulberry32, type Rng } from './random';

/**
 * Coverage of the comparison's pooled interval on simulated runs with a known true difference. Each dataset: 100
 * questions, each answered by runs A and B in 12 epochs with 4 samples. A question has a difficulty d ~ N(0, 1.5²) and
 * its own gain from A to B, u ~ N(0, 0.8²), both the same in every epoch (so its epochs are correlated):
 * P(success in A) = σ(d), in B σ(d + δ + u). The true difference of success rates is E[σ(d + δ + u)] − E[σ(d)] over
 * the population of questions, computed by quadrature. The interval pairedDifference gives (questions resampled with
 * all their epochs) must cover it in 95 % ± 2 % of the datasets; the old interval, which resampled question × epoch
 * pairs as if independent, falls well short.
 */

const QUESTIONS = 100;
const EPOCHS = 12;
const SAMPLES = 4;
const DATASETS = 2000;
const SD_DIFFICULTY = 1.5;
const SD_GAIN = 0.8;
const DELTA = 0.5;
const PAIRED_SEED = 3;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function normal(rng: Rng): number {
  const u1 = 1 - rng();
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** E[σ(mean + sd·Z)] for a standard normal Z, by the trapezoid rule over ±12 sd. */
function meanSigmoid(mean: number, sd: number): number {
  const steps = 40_000;
  const h = 24 / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const z = -12 + i * h;
    const weight = i === 0 || i === steps ? 0.5 : 1;
    sum += weight * sigmoid(mean + sd * z) * Math.exp((-z * z) / 2);
  }
  return (sum * h) / Math.sqrt(2 * Math.PI);
}

/** d + u ~ N(0, SD_DIFFICULTY² + SD_GAIN²). */
const TRUTH =
  meanSigmoid(DELTA, Math.sqrt(SD_DIFFICULTY ** 2 + SD_GAIN ** 2)) - meanSigmoid(0, SD_DIFFICULTY);

function run(id: string, probability: Float64Array, rng: Rng): RunQuestions {
  const size = QUESTIONS * EPOCHS;
  const out: RunQuestions = {
    id,
    n: new Int32Array(size).fill(SAMPLES),
    c: new Int32Array(size),
    rewardSum: new Float64Array(size),
    epochs: new Int32Array(size),
    pairKeys: new Float64Array(size),
    clusters: new Int32Array(size),
  };
  for (let e = 0, slot = 0; e < EPOCHS; e++)
    for (let q = 0; q < QUESTIONS; q++, slot++) {
      let successes = 0;
      for (let s = 0; s < SAMPLES; s++) successes += +(rng() < probability[q]);
      out.c[slot] = successes;
      out.rewardSum[slot] = successes;
      out.epochs[slot] = e;
      out.pairKeys[slot] = e * QUESTIONS + q;
      out.clusters[slot] = q;
    }
  return out;
}

describe('coverage of the pooled paired interval', () => {
  it('covers the true difference 95 % ± 2 % of the time; resampling question × epoch pairs does not', () => {
    expect(TRUTH).toBeGreaterThan(0.05);
    const rng = mulberry32(20_261_207);
    const ci = sharedBootstrap();
    let clusteredCovers = 0;
    let naiveCovers = 0;
    let widthRatio = 0;
    for (let dataset = 0; dataset < DATASETS; dataset++) {
      const pA = new Float64Array(QUESTIONS);
      const pB = new Float64Array(QUESTIONS);
      for (let q = 0; q < QUESTIONS; q++) {
        const difficulty = SD_DIFFICULTY * normal(rng);
        const gain = SD_GAIN * normal(rng);
        pA[q] = sigmoid(difficulty);
        pB[q] = sigmoid(difficulty + DELTA + gain);
      }
      const a = run('A', pA, rng);
      const b = run('B', pB, rng);
      const paired = pairedDifference(a, b, ci);
      expect(paired.common_questions).toBe(QUESTIONS * EPOCHS);
      const clustered = paired.delta_ci!;
      if (clustered.low <= TRUTH && TRUTH <= clustered.high) clusteredCovers++;
      // The interval as it was: every question × epoch difference resampled on its own.
      const deltas = Array.from(b.c, (c, slot) => c / SAMPLES - a.c[slot] / SAMPLES);
      const naive = bootstrapMeanCI(deltas, { resamples: 1000, seed: PAIRED_SEED })!;
      if (naive.low <= TRUTH && TRUTH <= naive.high) naiveCovers++;
      widthRatio += (clustered.high - clustered.low) / (naive.high - naive.low) / DATASETS;
    }
    const coverage = clusteredCovers / DATASETS;
    const naiveCoverage = naiveCovers / DATASETS;
    console.info(
      `true difference ${TRUTH.toFixed(4)}; coverage clustered ${(coverage * 100).toFixed(1)} %, ` +
        `question × epoch ${(naiveCoverage * 100).toFixed(1)} %; clustered interval ${widthRatio.toFixed(2)}× as wide`,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
    expect(naiveCoverage).toBeLessThan(0.85);
    expect(widthRatio).toBeGreaterThan(1.3);
  });
});
