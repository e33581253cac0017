/** Which per-question estimator to average: pass@k (any of k succeeds) or pass^k (all k succeed). */
export type PassEstimator = 'pass@k' | 'pass^k';

/** Per-question sample count `n` and success count `c`. */
export interface QuestionCounts {
  n: number;
  c: number;
}

/** Column form of per-question counts: `n[i]` samples and `c[i]` successes for question i. */
export interface QuestionCountColumns {
  n: Int32Array | number[];
  c: Int32Array | number[];
}

/** Result of averaging an estimator over questions. */
export interface MeanPassResult {
  /** Mean over the covered questions, or null when no question has n ≥ k. */
  value: number | null;
  /** Number of questions with n ≥ k (the ones averaged). */
  questions: number;
  /** Total number of questions given. */
  total: number;
}

function validate(n: number, c: number, k: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(c) || c < 0 || c > n) {
    throw new RangeError(`c must be an integer with 0 ≤ c ≤ n (n=${n}), got ${c}`);
  }
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
}

function isColumns(q: readonly QuestionCounts[] | QuestionCountColumns): q is QuestionCountColumns {
  return !Array.isArray(q);
}

/** Unbiased pass@k (Chen et al. 2021): 1 − C(n−c,k)/C(n,k); null when n < k (not computable). */
export function passAtK(n: number, c: number, k: number): number | null {
  validate(n, c, k);
  if (n < k) return null;
  if (n - c < k) return 1;
  // 1 − ∏_{i=n−c+1..n} (1 − k/i)
  let prod = 1;
  for (let i = n - c + 1; i <= n; i++) prod *= 1 - k / i;
  return 1 - prod;
}

/** tau-bench pass^k: C(c,k)/C(n,k), the chance that k draws without replacement all succeed; null when n < k. */
export function passHatK(n: number, c: number, k: number): number | null {
  validate(n, c, k);
  if (n < k) return null;
  if (c < k) return 0;
  // ∏_{i=0..k−1} (c − i)/(n − i)
  let prod = 1;
  for (let i = 0; i < k; i++) prod *= (c - i) / (n - i);
  return prod;
}

/** The per-question estimate of `estimator`, once `k` is checked (a positive integer). */
function estimatorFor(estimator: PassEstimator, k: number): typeof passAtK {
  const estimate = estimator === 'pass@k' ? passAtK : estimator === 'pass^k' ? passHatK : null;
  if (estimate === null) throw new RangeError(`unknown estimator: ${String(estimator)}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  return estimate;
}

/** Mean of pass@k (or pass^k) over the questions with n ≥ k; value null when none qualifies. */
export function meanPassAtK(
  questions: readonly QuestionCounts[] | QuestionCountColumns,
  k: number,
  estimator: PassEstimator = 'pass@k',
): MeanPassResult {
  const estimate = estimatorFor(estimator, k);

  let total: number;
  let nAt: (i: number) => number;
  let cAt: (i: number) => number;
  if (isColumns(questions)) {
    const { n, c } = questions;
    if (n.length !== c.length) {
      throw new RangeError(`n and c must have the same length (${n.length} vs ${c.length})`);
    }
    total = n.length;
    nAt = (i) => n[i];
    cAt = (i) => c[i];
  } else {
    total = questions.length;
    nAt = (i) => questions[i].n;
    cAt = (i) => questions[i].c;
  }

  let sum = 0;
  let covered = 0;
  for (let i = 0; i < total; i++) {
    const v = estimate(nAt(i), cAt(i), k);
    if (v === null) continue;
    sum += v;
    covered++;
  }
  return { value: covered === 0 ? null : sum / covered, questions: covered, total };
}

/**
 * How many questions have each (n, c), by n: the only inputs of pass@k and pass^k, so every k and estimator is
 * averaged from one pass over the questions. Throws as passAtK does on a count that is not a valid (n, c).
 */
export function countHistogram(questions: QuestionCountColumns): Map<number, Float64Array> {
  const { n, c } = questions;
  if (n.length !== c.length) {
    throw new RangeError(`n and c must have the same length (${n.length} vs ${c.length})`);
  }
  const byN = new Map<number, Float64Array>();
  let lastN = NaN;
  let row: Float64Array | undefined;
  for (let i = 0; i < n.length; i++) {
    const ni = n[i];
    const ci = c[i];
    if (ni !== lastN) {
      validate(ni, 0, 1);
      lastN = ni;
      row = byN.get(ni);
      if (!row) byN.set(ni, (row = new Float64Array(ni + 1)));
    }
    if (!(Number.isInteger(ci) && ci >= 0 && ci <= ni)) validate(ni, ci, 1);
    row![ci]++;
  }
  return byN;
}

/** meanPassAtK over a countHistogram: the same questions and mean (summed per (n, c) instead of per question). */
export function meanPassAtKOfHistogram(
  histogram: Map<number, Float64Array>,
  k: number,
  estimator: PassEstimator = 'pass@k',
): MeanPassResult {
  const estimate = estimatorFor(estimator, k);
  let sum = 0;
  let covered = 0;
  let total = 0;
  for (const [n, counts] of histogram) {
    for (let c = 0; c <= n; c++) {
      total += counts[c];
      if (n < k || counts[c] === 0) continue;
      sum += counts[c] * estimate(n, c, k)!;
      covered += counts[c];
    }
  }
  return { value: covered === 0 ? null : sum / covered, questions: covered, total };
}
