/**
 * The rules every detector applies to its per-epoch series (pure). A detector turns a run's rows into, per epoch, a
 * count of trajectories (or groups, or calls) showing its pathology out of the counted ones; these rules say when
 * that share has jumped beyond what the run itself did before.
 */

/** Epochs with fewer rows are neither judged nor used as a baseline (a live run's partial epoch waits for them). */
export const MIN_EPOCH_ROWS = 50;

/** How many earlier judged epochs make a baseline: recent enough that ordinary learning (a slow drift) moves it. */
export const BASELINE_EPOCHS = 3;

/** How many standard errors a jump must clear (two-proportion z-test, one-sided). */
export const MIN_Z = 3;

/** One epoch of a share series: `hits` of `total` show the pathology. */
export interface ShareCount {
  epoch_id: number;
  hits: number;
  total: number;
}

/** What a rule says about one epoch. */
export interface Judged {
  epoch_id: number;
  value: number;
  /** The pooled share of the baseline epochs, or null when the epoch has none (the first judged epochs). */
  baseline: number | null;
  severity: 'warning' | 'critical' | null;
}

export interface ShareRule {
  /** Smallest rise over the baseline that fires a warning (absolute share). */
  warning: number;
  /** Rise that makes it critical. */
  critical: number;
  /** Smallest `total` an epoch needs to be judged (default MIN_EPOCH_ROWS). */
  minTotal?: number;
}

/**
 * Judges each epoch of a share series against the pooled share of its `BASELINE_EPOCHS` previous judged epochs: it
 * fires when the share rose by at least `rule.warning` and the rise is at least `MIN_Z` standard errors
 * (two-proportion z-test with the pooled share). Epochs below `minTotal` are skipped. Sorted by epoch.
 */
export function judgeShares(series: readonly ShareCount[], rule: ShareRule): Judged[] {
  const minTotal = rule.minTotal ?? MIN_EPOCH_ROWS;
  const judged = [...series].filter((s) => s.total >= minTotal).sort((a, b) => a.epoch_id - b.epoch_id);
  return judged.map((current, index) => {
    const value = current.hits / current.total;
    const before = judged.slice(Math.max(0, index - BASELINE_EPOCHS), index);
    if (before.length === 0) return { epoch_id: current.epoch_id, value, baseline: null, severity: null };
    const hits0 = before.reduce((sum, s) => sum + s.hits, 0);
    const total0 = before.reduce((sum, s) => sum + s.total, 0);
    const baseline = hits0 / total0;
    const rise = value - baseline;
    const pooled = (hits0 + current.hits) / (total0 + current.total);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / total0 + 1 / current.total));
    const significant = se === 0 ? rise > 0 : rise / se >= MIN_Z;
    const severity =
      !significant || rise < rule.warning ? null : rise >= rule.critical ? 'critical' : 'warning';
    return { epoch_id: current.epoch_id, value, baseline, severity };
  });
}

/** One epoch of a mean series: the mean of `n` values with their standard deviation. */
export interface MeanCount {
  epoch_id: number;
  mean: number;
  sd: number;
  n: number;
}

export interface MeanRule {
  /** Smallest relative rise (0.5 = +50 %) over the baseline mean that fires a warning. */
  warning: number;
  critical: number;
  minTotal?: number;
}

/**
 * The same for a mean (response length): fires when the mean rose by `rule.warning` of the baseline mean (pooled over
 * the previous judged epochs) and by `MIN_Z` standard errors of the difference.
 */
export function judgeMeans(series: readonly MeanCount[], rule: MeanRule): Judged[] {
  const minTotal = rule.minTotal ?? MIN_EPOCH_ROWS;
  const judged = [...series].filter((s) => s.n >= minTotal).sort((a, b) => a.epoch_id - b.epoch_id);
  return judged.map((current, index) => {
    const before = judged.slice(Math.max(0, index - BASELINE_EPOCHS), index);
    if (before.length === 0)
      return { epoch_id: current.epoch_id, value: current.mean, baseline: null, severity: null };
    const n0 = before.reduce((sum, s) => sum + s.n, 0);
    const mean0 = before.reduce((sum, s) => sum + s.mean * s.n, 0) / n0;
    // Pooled variance of the baseline epochs: within-epoch spread plus the spread of their means.
    const var0 = before.reduce((sum, s) => sum + s.n * (s.sd ** 2 + (s.mean - mean0) ** 2), 0) / n0;
    const se = Math.sqrt(var0 / n0 + current.sd ** 2 / current.n);
    const rise = current.mean - mean0;
    const relative = mean0 > 0 ? rise / mean0 : 0;
    const significant = se === 0 ? rise > 0 : rise / se >= MIN_Z;
    const severity =
      !significant || relative < rule.warning ? null : relative >= rule.critical ? 'critical' : 'warning';
    return { epoch_id: current.epoch_id, value: current.mean, baseline: mean0, severity };
  });
}

/**
 * The episodes of a judged series: each run of consecutive firing epochs, as its first epoch with the highest
 * severity it reached. An alert is one episode; a pathology that fades and comes back is a new alert.
 */
export function episodes(judged: readonly Judged[]): { first: Judged; severity: 'warning' | 'critical' }[] {
  const found: { first: Judged; severity: 'warning' | 'critical' }[] = [];
  let open: { first: Judged; severity: 'warning' | 'critical' } | null = null;
  for (const epoch of judged) {
    if (!epoch.severity) {
      open = null;
      continue;
    }
    if (!open) found.push((open = { first: epoch, severity: epoch.severity }));
    else if (epoch.severity === 'critical') open.severity = 'critical';
  }
  return found;
}

/** Wilson score interval of a proportion (95 %). */
export function wilson(hits: number, total: number): { low: number; high: number } {
  if (total === 0) return { low: 0, high: 1 };
  const z = 1.959964;
  const p = hits / total;
  const denominator = 1 + (z * z) / total;
  const centre = (p + (z * z) / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
