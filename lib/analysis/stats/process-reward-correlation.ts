import { ranksAmong } from '../engine/value-ranks';
import { downsample, pearson } from '../metrics';
import { floats, type Scan } from '../scan/scan';
import { defineStat } from '../stat';

export const SCATTER_POINTS = 500;

export interface ProcessRewardCorrelation {
  /** Trajectories with a process reward (the pairs correlated). */
  n: number;
  /** Trajectories in the selection without any process reward. */
  missing: number;
  pearson: { r: number | null; p: number | null };
  spearman: { r: number | null; p: number | null };
  /** At most SCATTER_POINTS (process_reward_mean, reward) pairs, a seeded sample for plotting. */
  scatter: { process_reward_mean: number; reward: number }[];
}

/** Does the mean per-step process reward predict the final reward? */
export function computeProcessRewardCorrelation(scan: Scan, rows: Int32Array): ProcessRewardCorrelation {
  const reward = floats(scan, 'reward');
  const process = floats(scan, 'process_reward_mean');
  let count = 0;
  const kept = new Int32Array(rows.length);
  for (let j = 0; j < rows.length; j++) if (!Number.isNaN(process[rows[j]])) kept[count++] = rows[j];
  const paired = kept.subarray(0, count);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    x[j] = process[paired[j]];
    y[j] = reward[paired[j]];
  }
  const p = pearson(x, y);
  // Spearman: Pearson of the ranks, ranked from the columns' value order (no sort per query).
  const s = pearson(ranksAmong(scan, 'process_reward_mean', paired), ranksAmong(scan, 'reward', paired));
  const sample = downsample(x.length, SCATTER_POINTS, 7);
  return {
    n: x.length,
    missing: rows.length - x.length,
    pearson: { r: p.r, p: p.p },
    spearman: { r: s.r, p: s.p },
    scatter: Array.from(sample, (i) => ({ process_reward_mean: x[i], reward: y[i] })),
  };
}

export const processRewardCorrelation = defineStat({
  name: 'process-reward-correlation',
  columns: ['reward', 'process_reward_mean'],
  params: [],
  groupable: true,
  compute: ({ scan, rows }) => computeProcessRewardCorrelation(scan, rows),
});
