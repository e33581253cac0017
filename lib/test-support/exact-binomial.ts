/**
 * McNemar's exact two-sided p-value from integer arithmetic, 2 · Σ_{k ≤ min(b, c)} C(b + c, k) / 2^(b + c), capped
 * at 1: the tests' reference, independent of lib/analysis/metrics/mcnemar.ts (which sums in log space).
 */
export function exactMcnemarByBigInt(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  let binomial = 1n;
  let tail = 0n;
  for (let k = 0; k <= Math.min(b, c); k++) {
    tail += binomial;
    binomial = (binomial * BigInt(n - k)) / BigInt(k + 1);
  }
  // Below 2^1024 both integers are finite doubles (relative error 1e-16 each); above, the quotient is scaled by 1e15
  // before it is divided, keeping fifteen significant digits of a p-value that is not tiny.
  if (n < 1024) return Math.min(1, Number(2n * tail) / Number(2n ** BigInt(n)));
  const scale = 10n ** 15n;
  return Math.min(1, Number((2n * tail * scale) / 2n ** BigInt(n)) / 1e15);
}
