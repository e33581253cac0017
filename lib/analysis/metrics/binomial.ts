import type { Rng } from './random';

/** ln(i!) for i = 0 … n, summed exactly in order (one table per bootstrap, shared by its draws). */
export function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) table[i] = table[i - 1] + Math.log(i);
  return table;
}

/**
 * A Binomial(n, p) draw by inversion searched outward from the mode: one uniform, the probabilities of the mode and
 * its neighbours subtracted from it until it is used up, so the expected cost is of the order of the standard
 * deviation √(np(1 − p)) rather than n. `logFactorial` must reach n.
 */
export function binomialDraw(rng: Rng, n: number, p: number, logFactorial: Float64Array): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const atMode = Math.exp(
    logFactorial[n] -
      logFactorial[mode] -
      logFactorial[n - mode] +
      mode * Math.log(p) +
      (n - mode) * Math.log(q),
  );
  let u = rng() - atMode;
  if (u < 0) return mode;
  let up = mode;
  let down = mode;
  let upMass = atMode;
  let downMass = atMode;
  while (up < n || down > 0) {
    if (up < n) {
      upMass *= ((n - up) / (up + 1)) * (p / q);
      up++;
      u -= upMass;
      if (u < 0) return up;
    }
    if (down > 0) {
      downMass *= (down / (n - down + 1)) * (q / p);
      down--;
      u -= downMass;
      if (u < 0) return down;
    }
  }
  // Rounding left a sliver of the uniform unused: the mode is the most likely value.
  return mode;
}

/**
 * A Multinomial(n, counts / Σcounts) draw into `out`, by a binomial per category on what the earlier ones left.
 */
export function multinomialDraw(
  rng: Rng,
  n: number,
  counts: Int32Array,
  logFactorial: Float64Array,
  out: Int32Array,
): void {
  let remainingDraws = n;
  let remainingWeight = 0;
  for (let k = 0; k < counts.length; k++) remainingWeight += counts[k];
  for (let k = 0; k < counts.length; k++) {
    const drawn =
      k === counts.length - 1
        ? remainingDraws
        : binomialDraw(rng, remainingDraws, counts[k] / remainingWeight, logFactorial);
    out[k] = drawn;
    remainingDraws -= drawn;
    remainingWeight -= counts[k];
  }
}
