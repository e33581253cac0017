import { downsample, pearson, spearman } from './metrics';
import { floats, type Scan } from './scan/scan';
import { defineStat } from './stat';

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
  const x: number[] = [];
  const y: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    if (Number.isNaN(process[i])) continue;
    x.push(process[i]);
    y.push(reward[i]);
  }
  const p = pearson(x, y);
  const s = spearman(x, y);
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
