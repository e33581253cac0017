import { z } from 'zod';
import { QUESTION_SORTS, QUESTION_STATUSES } from '../analysis/stats/question-learning';

/** Strict response schemas of the question-level endpoints (question-*, group-*). */

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);
const epoch = z.number().int().nonnegative();

const questionCell = z
  .object({ samples: count, successes: count, success_rate: rate, solved: z.boolean() })
  .strict();

export const questionLearningSchema = z
  .object({
    training_id: z.string(),
    success_threshold: z.number(),
    solved_rate: rate,
    epochs: z.array(epoch),
    transitions: z.array(
      z
        .object({
          epoch_id: epoch,
          questions: count,
          solved: count,
          newly_solved: count.nullable(),
          regressed: count.nullable(),
          always_solved: count,
          never_solved: count,
        })
        .strict(),
    ),
    sort: z.enum(QUESTION_SORTS),
    status: z.enum(QUESTION_STATUSES).nullable(),
    status_epoch: epoch.nullable(),
    total: count,
    limit: z.number().int().positive(),
    offset: count,
    questions: z.array(
      z
        .object({
          data_id: z.string(),
          samples: count,
          success_rate: rate,
          first_solved: epoch.nullable(),
          last_solved: epoch.nullable(),
          flips: count,
          cells: z.array(questionCell.nullable()),
        })
        .strict(),
    ),
  })
  .strict();

export const groupDetailSchema = z
  .object({
    training_id: z.string(),
    epoch_id: epoch,
    data_id: z.string(),
    question: z.string().nullable(),
    success_threshold: z.number(),
    samples: z.array(
      z
        .object({
          trajectory_id: z.string(),
          sample_id: z.number().int(),
          reward: z.number(),
          success: z.boolean(),
          advantage: z.number(),
          termination_reason: z.string(),
          step_count: count,
          tool_path: z.array(z.object({ tool: z.string(), failed: z.boolean() }).strict()),
          tool_call_count: count,
        })
        .strict(),
    ),
    mean_reward: z.number(),
    reward_std: z.number().nonnegative(),
    min_reward: z.number(),
    max_reward: z.number(),
    success_rate: rate,
    learning_signal: z.boolean(),
    previous_data_id: z.string().nullable(),
    next_data_id: z.string().nullable(),
    previous_epoch: epoch.nullable(),
    next_epoch: epoch.nullable(),
  })
  .strict();

export const groupZeroVarianceSchema = z
  .object({
    training_id: z.string(),
    success_threshold: z.number(),
    epochs: z.array(
      z
        .object({
          epoch_id: epoch,
          groups: count,
          zero_variance: count,
          all_pass: count,
          all_fail: count,
          zero_variance_share: rate,
          all_pass_share: rate,
          all_fail_share: rate,
        })
        .strict(),
    ),
  })
  .strict();

export const questionAcrossRunsSchema = z
  .object({
    data_id: z.string(),
    epoch_id: epoch.nullable(),
    success_threshold: z.number(),
    runs: z.array(
      z
        .object({
          training_id: z.string(),
          epoch_id: epoch.nullable(),
          samples: count,
          successes: count,
          success_rate: rate.nullable(),
          avg_reward: z.number().nullable(),
          rewards: z.array(z.number()),
          curve: z.array(
            z.object({ epoch_id: epoch, samples: count, successes: count, success_rate: rate }).strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();

export const questionDisagreementSchema = z
  .object({
    training_ids: z.tuple([z.string(), z.string()]),
    success_threshold: z.number(),
    total: count,
    limit: z.number().int().positive(),
    offset: count,
    questions: z.array(
      z
        .object({
          data_id: z.string(),
          shared_epochs: z.number().int().positive(),
          samples: z.tuple([count, count]),
          success_rates: z.tuple([rate, rate]),
          difference: z.number().min(-1).max(1),
        })
        .strict(),
    ),
  })
  .strict();
