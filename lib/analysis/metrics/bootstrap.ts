import { mulberry32, type Rng } from './random';

/** Options for {@link bootstrapMeanCI}. */
export interface BootstrapOptions {
  /** Number of bootstrap resamples (default 1000). */
  resamples?: number;
  /** Two-sided confidence level in (0, 1) (default 0.95). */
  confidence?: number;
  /** PRNG seed; the same seed gives the same interval (default 42). */
  seed?: number;
}

/** Sample mean with its bootstrap confidence interval [low, high]. */
export interface MeanCI {
  mean: number;
  low: number;
  high: number;
}

/**
 * Up to this many values the interval is the percentile bootstrap, each resample drawing every value
 * (resamples × values draws). Above it, the normal interval mean ± z·s/√n is given: with this many values the mean is
 * close to normal, the two intervals differ by less than the bootstrap's own Monte Carlo noise (a tenth of the half
 * width), and a per-epoch band over thousands of epochs stays a few milliseconds instead of seconds.
 */
export const BOOTSTRAP_MAX_VALUES = 500;

/**
 * Fewest questions a paired difference needs before its interval may call it real. Below it the percentile bootstrap
 * has too few distinct resamples to mean anything: one question gives a zero-width interval, a handful that moved
 * the same way give one that excludes 0 on no evidence (McNemar's exact test needs six such flips out of six to reach
 * p < 0.05). Views then say "too few questions to judge" and no run is "better from epoch N" on such an epoch.
 */
export const MIN_QUESTIONS_FOR_VERDICT = 10;

/** The standard normal CDF, from the Taylor series of erf (accurate to ~1e-12 for |x| ≤ 6). */
function normalCdf(x: number): number {
  const t = Math.min(Math.abs(x), 6) / Math.SQRT2;
  let term = t;
  let sum = t;
  for (let n = 1; Math.abs(term) > 1e-17 * Math.abs(sum) && n < 200; n++) {
    term *= (-t * t) / n;
    sum += term / (2 * n + 1);
  }
  const erf = (2 / Math.sqrt(Math.PI)) * sum;
  return x < 0 ? (1 - erf) / 2 : (1 + erf) / 2;
}

/** The z with P(|Z| ≤ z) = confidence for a standard normal Z, by bisection (confidence up to 1 − 1e-9). */
export function twoSidedZ(confidence: number): number {
  let z = zByConfidence.get(confidence);
  if (z === undefined) zByConfidence.set(confidence, (z = bisectZ(confidence)));
  return z;
}

const zByConfidence = new Map<number, number>();

function bisectZ(confidence: number): number {
  const target = (1 + confidence) / 2;
  let low = 0;
  let high = 6;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (normalCdf(mid) < target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Linear-interpolation quantile (type 7) of an ascending-sorted array, q in [0, 1]. */
function sortedQuantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Resample means drawing every value on its own. */
function resampleEach(data: Float64Array, rng: Rng, means: Float64Array): void {
  const count = data.length;
  for (let b = 0; b < means.length; b++) {
    let s = 0;
    // Same draw as randomInt(rng, count), inlined: this loop runs resamples × count times.
    for (let i = 0; i < count; i++) s += data[Math.floor(rng() * count)];
    means[b] = s / count;
  }
}

/**
 * CI of the mean (NaN entries ignored): the percentile bootstrap up to {@link BOOTSTRAP_MAX_VALUES} values, the
 * normal interval mean ± z·s/√n above; null for empty input, zero width for one value.
 */
export function bootstrapMeanCI(
  values: Float64Array | readonly number[],
  { resamples = 1000, confidence = 0.95, seed = 42 }: BootstrapOptions = {},
): MeanCI | null {
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  }

  let count = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    count++;
    sum += values[i];
  }
  if (count === 0) return null;
  const mean = sum / count;
  if (count === 1) return { mean, low: mean, high: mean };
  if (count > BOOTSTRAP_MAX_VALUES) {
    let squares = 0;
    for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) squares += (values[i] - mean) ** 2;
    const margin = twoSidedZ(confidence) * Math.sqrt(squares / (count - 1) / count);
    return { mean, low: mean - margin, high: mean + margin };
  }
  const data = new Float64Array(count);
  for (let i = 0, j = 0; i < values.length; i++) if (!Number.isNaN(values[i])) data[j++] = values[i];

  const rng = mulberry32(seed);
  const means = new Float64Array(resamples);
  resampleEach(data, rng, means);
  means.sort();
  const alpha = 1 - confidence;
  return { mean, low: sortedQuantile(means, alpha / 2), high: sortedQuantile(means, 1 - alpha / 2) };
}
