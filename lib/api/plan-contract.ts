import { z } from 'zod';

/**
 * The plan's API contract ("API Endpoint Specifications" of the original plan), one schema per endpoint, written from
 * its JSON examples: every field of an example is required here with the example's type and nesting. The objects are
 * not strict, so the fields we add beside them pass; a missing, renamed, re-typed or re-nested plan field fails.
 *
 * Two readings the examples leave open: a figure that cannot be computed (pass@k of questions with fewer than k
 * samples, the average of nothing) is null rather than a made-up number, and a text the data does not record
 * (agent_name, question, the creation time) is null.
 */

const int = z.number().int();
/** A figure of the examples (0.45, 0.65 …), or null when it cannot be computed. */
const figure = z.number().nullable();
const countRatio = z.object({ count: int.nonnegative(), ratio: z.number().min(0).max(1) });

/** `"termination_stats": {"success": {"count": 68, "ratio": 0.45}, …}`: one entry per termination reason. */
const terminationStats = z.record(z.string(), countRatio);

/** `"reward_distribution": {"perfect_score": …, "partial_success": …, "complete_failure": …}`. */
const rewardDistribution = z.object({
  perfect_score: countRatio,
  partial_success: countRatio,
  complete_failure: countRatio,
});

/** GET /api/analysis-stats/training-list */
export const planTrainingList = z.object({
  trainings: z.array(
    z.object({
      training_id: z.string(),
      trajectory_count: int.nonnegative(),
      epoch_range: z.tuple([int, int]),
      agent_name: z.string().nullable(),
      /** `1704067200.0`: Unix seconds. */
      created_at: z.number().nullable(),
    }),
  ),
});

/** GET /api/analysis-stats/epoch-list[?training_id=…] */
export const planEpochList = z.object({
  epochs: z.array(
    z.object({
      epoch_id: int,
      trajectory_count: int.nonnegative(),
      avg_reward: figure,
      pass_at_1: figure,
      pass_at_k: figure,
    }),
  ),
});

/** GET /api/analysis-stats/epoch-progression?training_id=…[&metrics=…] (all metrics) */
export const planEpochProgression = z.object({
  training_id: z.string(),
  epochs: z.array(
    z.object({
      epoch_id: int,
      pass_at_1: figure,
      pass_at_k: figure,
      avg_reward: figure,
      termination_stats: terminationStats,
      reward_distribution: rewardDistribution,
    }),
  ),
});

/** GET /api/analysis-stats/training-comparison?training_ids=a,b */
export const planTrainingComparison = z.object({
  trainings: z.array(
    z.object({
      training_id: z.string(),
      pass_at_1: figure,
      pass_at_k: figure,
      avg_reward: figure,
      termination_stats: terminationStats,
      reward_distribution: rewardDistribution,
    }),
  ),
});

/** GET /api/analysis-stats/failure-cases?training_id=…&epoch_id=…, the request of the plan's example. */
export const planFailureCases = z.object({
  total: int.nonnegative(),
  filters_applied: z.object({
    training_id: z.string(),
    epoch_id: int,
    reward_max: z.number(),
  }),
  data: z.array(
    z.object({
      trajectory_id: z.string(),
      data_id: z.string(),
      question: z.string().nullable(),
      reward: z.number(),
      termination_reason: z.string(),
      step_count: int.nonnegative(),
      agent_name: z.string().nullable(),
      steps_preview: z.array(z.object({ step_id: int, action: z.string(), observation: z.string() })),
    }),
  ),
});

/**
 * The endpoints that existed before the plan. The plan gives no example of their answers; it asks that they keep
 * their format and that termination and reward figures have the shapes its examples use.
 */
export const planTerminationStats = z.object({ termination_stats: terminationStats });
export const planRewardCategoryStats = z.object({ reward_distribution: rewardDistribution });
