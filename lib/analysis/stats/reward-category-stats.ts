import {
  countsToRatios,
  rewardCategory,
  REWARD_CATEGORIES,
  type CountRatio,
  type RewardCategory,
} from '../metrics';
import type { AnalysisQuery } from '../filters/query';
import { floats, type Scan } from '../scan/scan';
import { defineStat } from '../stat';

export interface RewardCategoryStats {
  total_trajectories: number;
  thresholds: { perfect: number; failure: number };
  /** perfect_score: reward ≥ perfect; partial_success: in between; complete_failure: reward ≤ failure. */
  reward_distribution: Record<RewardCategory, CountRatio>;
  avg_reward: number | null;
}

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
    reward_distribution: countsToRatios(counts) as Record<RewardCategory, CountRatio>,
    avg_reward: rows.length > 0 ? sum / rows.length : null,
  };
}

export const rewardCategoryStats = defineStat({
  name: 'reward-category-stats',
  columns: ['reward'],
  params: ['perfect_threshold', 'failure_threshold'],
  groupable: true,
  compute: ({ scan, rows }, query) => computeRewardCategoryStats(scan, rows, query),
});
