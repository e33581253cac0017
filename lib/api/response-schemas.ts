import { z } from 'zod';

/**
 * The API contract: one strict zod schema per endpoint response. Route tests validate every answer against these,
 * so a renamed or extra field fails a test.
 */

const num = z.number();
const nullableNum = z.number().nullable();
const countRatio = z.object({ count: z.number().int().nonnegative(), ratio: num.min(0).max(1) }).strict();
const ratios = z.record(z.string(), countRatio);
const rewardDistribution = z
  .object({ perfect_score: countRatio, partial_success: countRatio, complete_failure: countRatio })
  .strict();
const ci = z.object({ low: num, high: num }).strict().nullable();
const passAt = z.record(z.string().regex(/^\d+$/), nullableNum);
const passAtQuestions = z.record(z.string().regex(/^\d+$/), z.number().int().nonnegative());

export const errorSchema = z
  .object({ error: z.object({ message: z.string(), param: z.string().nullable() }).strict() })
  .strict();

export const summaryFields = {
  trajectory_count: z.number().int().nonnegative(),
  avg_reward: nullableNum,
  avg_reward_ci: ci,
  question_count: z.number().int().nonnegative(),
  samples_per_question: z.tuple([z.number().int(), z.number().int()]).nullable(),
  pass_at_1: nullableNum,
  pass_at_k: nullableNum,
  k: z.number().int().positive().nullable(),
  pass_at_k_questions: z.number().int().nonnegative(),
  pass_at: passAt,
  pass_at_questions: passAtQuestions,
  pass_hat_k: nullableNum,
  success_threshold: num,
};
export const summarySchema = z.object(summaryFields).strict();

export const terminationStatsSchema = z
  .object({ total_trajectories: z.number().int().nonnegative(), termination_stats: ratios })
  .strict();

export const rewardCategoryStatsSchema = z
  .object({
    total_trajectories: z.number().int().nonnegative(),
    thresholds: z.object({ perfect: num, failure: num }).strict(),
    reward_distribution: rewardDistribution,
    avg_reward: nullableNum,
  })
  .strict();

export const toolReturnStatsSchema = z
  .object({
    total_calls: z.number().int().nonnegative(),
    total_failures: z.number().int().nonnegative(),
    failure_rate: nullableNum,
    tools: z.array(
      z
        .object({
          tool: z.string(),
          calls: z.number().int().positive(),
          successes: z.number().int().nonnegative(),
          failures: z.number().int().nonnegative(),
          failure_rate: num.min(0).max(1),
          trajectories: z.number().int().positive(),
        })
        .strict(),
    ),
  })
  .strict();

const correlation = z.object({ r: nullableNum, p: nullableNum }).strict();
export const processRewardCorrelationSchema = z
  .object({
    n: z.number().int().nonnegative(),
    missing: z.number().int().nonnegative(),
    pearson: correlation,
    spearman: correlation,
    scatter: z.array(z.object({ process_reward_mean: num, reward: num }).strict()).max(500),
  })
  .strict();

export const groupedSchema = <T extends z.ZodType>(inner: T) =>
  z.object({ group_by: z.enum(['training_id', 'epoch_id']), groups: z.record(z.string(), inner) }).strict();

export const trainingListSchema = z
  .object({
    trainings: z.array(
      z
        .object({
          training_id: z.string(),
          trajectory_count: z.number().int().positive(),
          epoch_range: z.tuple([z.number().int(), z.number().int()]),
          epoch_count: z.number().int().positive(),
          agent_name: z.string().nullable(),
          created_at: num.nullable(),
          date_range: z.tuple([num, num]).nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export const epochListSchema = z
  .object({
    training_id: z.string().nullable(),
    k: z.number().int().positive().nullable(),
    epochs: z.array(
      z
        .object({
          epoch_id: z.number().int(),
          trajectory_count: z.number().int().nonnegative(),
          question_count: z.number().int().nonnegative(),
          avg_reward: nullableNum,
          pass_at_1: nullableNum,
          pass_at_k: nullableNum,
          k: z.number().int().positive().nullable(),
          pass_at_k_questions: z.number().int().nonnegative(),
          pass_at: passAt,
        })
        .strict(),
    ),
  })
  .strict();

export const epochProgressionSchema = z
  .object({
    training_id: z.string(),
    k: z.number().int().positive().nullable(),
    success_threshold: num,
    epochs: z.array(
      z
        .object({
          epoch_id: z.number().int(),
          ...summaryFields,
          pass_at_1_ci: ci,
          termination_stats: ratios,
          reward_distribution: rewardDistribution,
          avg_step_count: nullableNum,
          tool_calls: z.number().int().nonnegative(),
          tool_failures: z.number().int().nonnegative(),
          tool_failure_rate: nullableNum,
          tools: z.record(
            z.string(),
            z.object({ calls: z.number().int(), failures: z.number().int(), failure_rate: num }).strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();

export const trainingComparisonSchema = z
  .object({
    k: z.number().int().positive().nullable(),
    success_threshold: num,
    trainings: z.array(
      z
        .object({
          training_id: z.string(),
          ...summaryFields,
          termination_stats: ratios,
          reward_distribution: rewardDistribution,
          epochs: z.array(
            z
              .object({
                epoch_id: z.number().int(),
                trajectory_count: z.number().int(),
                avg_reward: nullableNum,
                pass_at_1: nullableNum,
                pass_at_k: nullableNum,
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    paired: z.array(
      z
        .object({
          training_id: z.string(),
          baseline: z.string(),
          common_questions: z.number().int().nonnegative(),
          delta_pass_at_1: nullableNum,
          delta_ci: ci,
          wins: z.number().int().nonnegative(),
          ties: z.number().int().nonnegative(),
          losses: z.number().int().nonnegative(),
          per_epoch: z.array(
            z
              .object({
                epoch_id: z.number().int(),
                common_questions: z.number().int().nonnegative(),
                delta_pass_at_1: nullableNum,
                delta_ci: ci,
              })
              .strict(),
          ),
          better_from_epoch: z.number().int().nullable(),
          worse_from_epoch: z.number().int().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export const failureCasesSchema = z
  .object({
    total: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
    offset: z.number().int().nonnegative(),
    sort: z.string(),
    filters_applied: z.record(z.string(), z.union([z.string(), num, z.array(z.string())])),
    data: z.array(
      z
        .object({
          trajectory_id: z.string(),
          training_id: z.string(),
          epoch_id: z.number().int(),
          sample_id: z.number().int(),
          data_id: z.string(),
          question: z.string().nullable(),
          reward: num,
          termination_reason: z.string(),
          step_count: z.number().int().nonnegative(),
          tool_error_count: z.number().int().nonnegative(),
          agent_name: z.string().nullable(),
          steps_preview: z.array(
            z
              .object({
                step_id: z.number().int(),
                action: z.string(),
                observation: z.string(),
                tool_status: z.enum(['success', 'error']).nullable(),
                action_input: z.string(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();

export const stepSchema = z
  .object({
    step_id: z.number().int(),
    thought: z.string().nullable(),
    action: z.string(),
    action_input: z.unknown(),
    observation: z.string().nullable(),
    tool_status: z.enum(['success', 'error']).nullable(),
    process_reward: nullableNum,
  })
  .strict();

export const unexpectedToolContextsSchema = z
  .object({
    total: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
    offset: z.number().int().nonnegative(),
    tool: z.string().nullable(),
    tools: z.record(z.string(), z.number().int().positive()),
    data: z.array(
      z
        .object({
          trajectory_id: z.string(),
          training_id: z.string(),
          epoch_id: z.number().int(),
          data_id: z.string(),
          question: z.string().nullable(),
          reward: num,
          termination_reason: z.string(),
          tool: z.string(),
          step_index: z.number().int().nonnegative(),
          step_count: z.number().int().positive(),
          before: stepSchema.nullable(),
          failed: stepSchema,
          after: stepSchema.nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export const trajectoryDetailSchema = z
  .object({
    trajectory_id: z.string(),
    training_id: z.string(),
    epoch_id: z.number().int(),
    iteration_id: z.number().int(),
    sample_id: z.number().int(),
    data_id: z.string(),
    question: z.string().nullable(),
    reward: num,
    termination_reason: z.string(),
    agent_name: z.string().nullable(),
    created_at: z.string().nullable(),
    step_count: z.number().int(),
    tool_call_count: z.number().int(),
    tool_error_count: z.number().int(),
    tools_used: z.array(z.string()),
    tools_failed: z.array(z.string()),
    process_reward_mean: nullableNum,
    steps: z.array(stepSchema),
  })
  .strict();
