/**
 * McNemar's exact test on paired binary outcomes: of the pairs that disagree, `b` went one way and `c` the other.
 * Under the null hypothesis each discordant pair goes either way with probability 1/2, so min(b, c) is the lower tail
 * of a Binomial(b + c, 1/2). The two-sided p-value is min(1, 2 · P(X ≤ min(b, c))); 1 when no pair disagrees.
 *
 * The binomial terms are summed in log space (log C(n, k) − n log 2, built term by term), so the value stays exact to
 * floating point for n up to many thousands, where C(n, k) and 2^n overflow.
 */
export function mcnemarExactP(b: number, c: number): number {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0)
    throw new RangeError(`discordant counts must be non-negative integers, got ${b} and ${c}`);
  const n = b + c;
  if (n === 0) return 1;
  const tail = Math.min(b, c);
  let logTerm = -n * Math.LN2;
  // The largest term of the tail is its last one: summing relative to it keeps the sum from underflowing.
  const logs = new Float64Array(tail + 1);
  for (let k = 0; k <= tail; k++) {
    logs[k] = logTerm;
    logTerm += Math.log(n - k) - Math.log(k + 1);
  }
  const top = logs[tail];
  let sum = 0;
  for (let k = 0; k <= tail; k++) sum += Math.exp(logs[k] - top);
  return Math.min(1, 2 * Math.exp(top + Math.log(sum)));
}
