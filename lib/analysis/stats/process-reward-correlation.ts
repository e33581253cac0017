import { z } from 'zod';
import { ranksAmong } from '../engine/value-ranks';
import { downsample, pearson } from '../metrics';
import { floats, type Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { count, nullableNumber } from './response-parts';

export const SCATTER_POINTS = 500;

const correlation = z.object({ r: nullableNumber, p: nullableNumber }).strict();

export const processRewardCorrelationResponse = z
  .object({
    /** Trajectories with a process reward (the pairs correlated). */
    n: count,
    /** Trajectories in the selection without any process reward. */
    missing: count,
    pearson: correlation,
    spearman: correlation,
    /** At most SCATTER_POINTS (process_reward_mean, reward) pairs, a seeded sample for plotting. */
    scatter: z
      .array(z.object({ process_reward_mean: z.number(), reward: z.number() }).strict())
      .max(SCATTER_POINTS),
  })
  .strict();
export type ProcessRewardCorrelation = z.infer<typeof processRewardCorrelationResponse>;

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
  doc: {
    params: '`group_by`',
    answers: 'Pearson and Spearman between mean process reward and reward, ≤ 500 scatter points',
  },
  response: processRewardCorrelationResponse,
  columns: ['reward', 'process_reward_mean'],
  params: [],
  groupable: true,
  compute: ({ scan, rows }) => computeProcessRewardCorrelation(scan, rows),
});
