import { BOOTSTRAP_MAX_VALUES, twoSidedZ, type BootstrapOptions, type MeanCI } from './bootstrap';
import { mulberry32 } from './random';

/**
 * Intervals of a mean whose values come in clusters: the same question answered in several epochs (or runs) is one
 * cluster, its values correlated. Resampling the values one by one treats them as independent and gives an interval
 * too narrow; resampling whole clusters keeps the correlation inside each resample.
 *
 * The statistic is the mean over values (each value counts once); a resample draws clusters with replacement and
 * takes the mean of every value of the drawn clusters (Σ cluster sums / Σ cluster sizes). When every cluster holds one
 * value this is exactly `bootstrapMeanCI`: the same draws in the same order, the same interval.
 */

/** Per cluster (in order of its first value): the sum and the number of its values; NaN values left out. */
export interface ClusterTotals {
  sums: Float64Array;
  sizes: Int32Array;
  /** Values counted (NaN left out). */
  count: number;
  sum: number;
}

/**
 * Sums and sizes per cluster. `clusters[i]` is the cluster of `values[i]`: small non-negative integers (dictionary
 * codes), numbered densely here in order of first appearance.
 */
export function clusterTotals(values: ArrayLike<number>, clusters: ArrayLike<number>): ClusterTotals {
  if (values.length !== clusters.length)
    throw new RangeError(`${values.length} values but ${clusters.length} cluster ids`);
  let top = -1;
  for (let i = 0; i < clusters.length; i++) {
    const id = clusters[i];
    if (!(Number.isInteger(id) && id >= 0))
      throw new RangeError(`cluster ids must be integers ≥ 0, got ${id}`);
    if (id > top) top = id;
  }
  const slotOf = new Int32Array(top + 1).fill(-1);
  const sums: number[] = [];
  const sizes: number[] = [];
  let count = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) continue;
    let slot = slotOf[clusters[i]];
    if (slot < 0) {
      slot = slotOf[clusters[i]] = sums.length;
      sums.push(0);
      sizes.push(0);
    }
    sums[slot] += value;
    sizes[slot]++;
    count++;
    sum += value;
  }
  return { sums: Float64Array.from(sums), sizes: Int32Array.from(sizes), count, sum };
}

/** Linear-interpolation quantile (type 7) of an ascending-sorted array, as bootstrapMeanCI takes it. */
function sortedQuantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * The normal interval of the mean with the cluster-robust (sandwich) variance:
 * Var = G/(G−1) · Σ_g (S_g − mean·n_g)² / N². With one value per cluster it is s²/N, bootstrapMeanCI's normal interval.
 */
function normalInterval(totals: ClusterTotals, mean: number, confidence: number): MeanCI {
  const groups = totals.sums.length;
  let squares = 0;
  for (let g = 0; g < groups; g++) squares += (totals.sums[g] - mean * totals.sizes[g]) ** 2;
  // Written as bootstrapMeanCI writes s²/N, so one value per cluster gives its interval to the last bit.
  let variance = squares / (groups - 1) / groups;
  if (groups !== totals.count) variance *= (groups / totals.count) ** 2;
  const margin = twoSidedZ(confidence) * Math.sqrt(variance);
  return { mean, low: mean - margin, high: mean + margin };
}

/** The percentile interval of resample means (sorted here). */
export function percentileInterval(mean: number, means: Float64Array, confidence = 0.95): MeanCI {
  means.sort();
  const alpha = 1 - confidence;
  return { mean, low: sortedQuantile(means, alpha / 2), high: sortedQuantile(means, 1 - alpha / 2) };
}

/**
 * Resample means of cluster totals for the draws `plan` (resamples × clusters cluster indices, one resample after the
 * other), into `means`.
 */
export function resampleClusterMeans(totals: ClusterTotals, plan: Int32Array, means: Float64Array): void {
  const groups = totals.sums.length;
  const { sums, sizes } = totals;
  for (let b = 0, j = 0; b < means.length; b++) {
    let s = 0;
    let n = 0;
    for (let i = 0; i < groups; i++, j++) {
      const g = plan[j];
      s += sums[g];
      n += sizes[g];
    }
    means[b] = s / n;
  }
}

/**
 * CI of the mean of clustered values: the percentile bootstrap over clusters up to BOOTSTRAP_MAX_VALUES clusters,
 * the normal interval with the cluster-robust variance above; null without values, zero width for one cluster.
 */
export function clusterMeanCI(
  values: ArrayLike<number>,
  clusters: ArrayLike<number>,
  { resamples = 1000, confidence = 0.95, seed = 42 }: BootstrapOptions = {},
): MeanCI | null {
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const totals = clusterTotals(values, clusters);
  return clusterTotalsCI(totals, { resamples, confidence, seed });
}

/** clusterMeanCI of totals already summed per cluster. */
export function clusterTotalsCI(
  totals: ClusterTotals,
  { resamples = 1000, confidence = 0.95, seed = 42 }: BootstrapOptions = {},
): MeanCI | null {
  if (totals.count === 0) return null;
  const mean = totals.sum / totals.count;
  const groups = totals.sums.length;
  if (groups === 1) return { mean, low: mean, high: mean };
  if (groups > BOOTSTRAP_MAX_VALUES) return normalInterval(totals, mean, confidence);
  const rng = mulberry32(seed);
  const plan = new Int32Array(groups * resamples);
  for (let j = 0; j < plan.length; j++) plan[j] = Math.floor(rng() * groups);
  const means = new Float64Array(resamples);
  resampleClusterMeans(totals, plan, means);
  return percentileInterval(mean, means, confidence);
}
