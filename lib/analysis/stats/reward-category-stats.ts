import { z } from 'zod';
import { countsToRatios, rewardCategory, REWARD_CATEGORIES, type RewardCategory } from '../metrics';
import type { AnalysisQuery } from '../filters/query';
import { floats, type Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { count, nullableNumber, rewardDistribution } from './response-parts';

export const rewardCategoryStatsResponse = z
  .object({
    total_trajectories: count,
    thresholds: z.object({ perfect: z.number(), failure: z.number() }).strict(),
    /** perfect_score: reward ≥ perfect; partial_success: in between; complete_failure: reward ≤ failure. */
    reward_distribution: rewardDistribution,
    avg_reward: nullableNumber,
  })
  .strict();
export type RewardCategoryStats = z.infer<typeof rewardCategoryStatsResponse>;

export function computeRewardCategoryStats(
  scan: Scan,
  rows: Int32Array,
  query: Pick<AnalysisQuery, 'perfect_threshold' | 'failure_threshold'>,
): RewardCategoryStats {
  const reward = floats(scan, 'reward');
  const thresholds = { perfect: query.perfect_threshold, failure: query.failure_threshold };
  const counts = Object.fromEntries(REWARD_CATEGORIES.map((c) => [c, 0])) as Record<RewardCategory, number>;
  let sum = 0;
  for (let j = 0; j < rows.length; j++) {
    const r = reward[rows[j]];
    counts[rewardCategory(r, thresholds)]++;
    sum += r;
  }
  return {
    total_trajectories: rows.length,
    thresholds,
    reward_distribution: countsToRatios(counts) as RewardCategoryStats['reward_distribution'],
    avg_reward: rows.length > 0 ? sum / rows.length : null,
  };
}

export const rewardCategoryStats = defineStat({
  name: 'reward-category-stats',
  doc: {
    params: '`group_by`',
    answers: 'perfect / partial / failure counts and shares',
  },
  response: rewardCategoryStatsResponse,
  columns: ['reward'],
  params: ['perfect_threshold', 'failure_threshold'],
  groupable: true,
  compute: ({ scan, rows }, query) => computeRewardCategoryStats(scan, rows, query),
});
