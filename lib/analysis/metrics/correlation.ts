import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { distinctSorted, indexOfSorted, ranksOfCodes } from './sorted';

/** Numeric column; null, undefined and NaN entries mark missing values. */
export type NumericInput = ArrayLike<number | null | undefined>;

/** Correlation coefficient, its two-sided p-value, and the number of complete pairs used. */
export interface CorrelationResult {
  /** Coefficient in [−1, 1], or null when n < 3 or either side has zero variance. */
  r: number | null;
  /** Two-sided p-value from Student's t with n − 2 degrees of freedom, or null with r. */
  p: number | null;
  /** Number of pairs where both values are present. */
  n: number;
}

function isPresent(v: number | null | undefined): v is number {
  return typeof v === 'number' && !Number.isNaN(v);
}

/** Keep only the pairs where both x and y are present (not null/undefined/NaN). */
function completePairs(x: NumericInput, y: NumericInput): [Float64Array, Float64Array] {
  if (x.length !== y.length) {
    throw new RangeError(`x and y must have the same length (${x.length} vs ${y.length})`);
  }
  if (x instanceof Float64Array && y instanceof Float64Array) {
    // The common case, typed columns: NaN is the only missing value.
    let complete = true;
    for (let i = 0; i < x.length && complete; i++) complete = !Number.isNaN(x[i]) && !Number.isNaN(y[i]);
    if (complete) return [x, y];
  }
  let count = 0;
  for (let i = 0; i < x.length; i++) if (isPresent(x[i]) && isPresent(y[i])) count++;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let i = 0, j = 0; i < x.length; i++) {
    if (!isPresent(x[i]) || !isPresent(y[i])) continue;
    xs[j] = x[i] as number;
    ys[j++] = y[i] as number;
  }
  return [xs, ys];
}

/** Two-sided p-value of a correlation r over n pairs: t = r·√((n−2)/(1−r²)), df = n − 2; |r| = 1 → 0. */
export function correlationPValue(r: number, n: number): number {
  if (n < 3) throw new RangeError(`n must be at least 3, got ${n}`);
  const a = Math.abs(r);
  if (a >= 1) return 0;
  const df = n - 2;
  const t = a * Math.sqrt(df / (1 - a * a));
  return Math.min(1, 2 * tCdf(-t, df));
}

/** Pearson product-moment r of complete pairs (two-pass, centred sums). */
function pearsonOf(xs: Float64Array, ys: Float64Array): CorrelationResult {
  const n = xs.length;
  if (n < 3) return { r: null, p: null, n };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return { r: null, p: null, n };
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  return { r, p: correlationPValue(r, n), n };
}

/** 1-based ranks of `values`, ties given the average of the ranks they span (NaN is rejected). */
export function rank(values: ArrayLike<number>): Float64Array {
  for (let i = 0; i < values.length; i++)
    if (Number.isNaN(values[i])) throw new RangeError(`cannot rank NaN (index ${i})`);
  const distinct = distinctSorted(values);
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = indexOfSorted(distinct, values[i]);
  return ranksOfCodes(codes, distinct.length);
}

/** Pearson correlation r = cov(x, y)/(σx·σy) over complete pairs, with a two-sided t-test p-value. */
export function pearson(x: NumericInput, y: NumericInput): CorrelationResult {
  const [xs, ys] = completePairs(x, y);
  return pearsonOf(xs, ys);
}

/** Spearman rank correlation: Pearson r of the average ranks of complete pairs, with a t-test p-value. */
export function spearman(x: NumericInput, y: NumericInput): CorrelationResult {
  const [xs, ys] = completePairs(x, y);
  return pearsonOf(rank(xs), rank(ys));
}
