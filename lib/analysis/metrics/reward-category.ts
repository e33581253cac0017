/** Reward bucket of one trajectory. */
export type RewardCategory = 'perfect_score' | 'partial_success' | 'complete_failure';

/** All reward categories, best first. */
export const REWARD_CATEGORIES: readonly RewardCategory[] = [
  'perfect_score',
  'partial_success',
  'complete_failure',
];

/** Thresholds for {@link rewardCategory}; `perfect` must exceed `failure`. */
export interface RewardThresholds {
  /** Rewards at or above this are perfect (default 1). */
  perfect?: number;
  /** Rewards at or below this are failures (default 0). */
  failure?: number;
}

/** Bucket a reward: 'perfect_score' if r ≥ perfect, 'complete_failure' if r ≤ failure, else 'partial_success'. */
export function rewardCategory(
  reward: number,
  { perfect = 1, failure = 0 }: RewardThresholds = {},
): RewardCategory {
  if (!(perfect > failure)) {
    throw new RangeError(`perfect (${perfect}) must be greater than failure (${failure})`);
  }
  if (Number.isNaN(reward)) throw new RangeError('reward must not be NaN');
  if (reward >= perfect) return 'perfect_score';
  if (reward <= failure) return 'complete_failure';
  return 'partial_success';
}
