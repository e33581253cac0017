import { z } from 'zod';
import { commonK, computeEpochPoints } from './epoch-progression';
import { PASS_COLUMNS } from '../metrics/pass-metrics';
import { defineStat } from '../stat';
import { count, epochId, nullableNumber, passAt } from './response-parts';

const epochListItem = z
  .object({
    epoch_id: epochId,
    trajectory_count: count,
    question_count: count,
    avg_reward: nullableNumber,
    pass_at_1: nullableNumber,
    pass_at_k: nullableNumber,
    k: z.number().int().positive().nullable(),
    /** Questions with at least k samples (those pass_at_k averages over). */
    pass_at_k_questions: count,
    pass_at: passAt,
  })
  .strict();
export type EpochListItem = z.infer<typeof epochListItem>;

export const epochListResponse = z
  .object({
    /** The training when exactly one is selected; null when the epochs pool several (or all) trainings. */
    training_id: z.string().nullable(),
    k: z.number().int().positive().nullable(),
    epochs: z.array(epochListItem),
  })
  .strict();
export type EpochList = z.infer<typeof epochListResponse>;

/**
 * The epochs of the selection with their headline figures (the epoch selector's data): of one training, or pooled over
 * every training in scope when none (or several) is given. Questions stay per training and epoch either way.
 */
export const epochList = defineStat({
  name: 'epoch-list',
  doc: {
    params: '`training_id` optional',
    answers:
      'the epochs of one training, or pooled over every training in scope, with trajectory count, average reward, pass@1 and pass@k',
  },
  response: epochListResponse,
  columns: PASS_COLUMNS,
  params: ['training_id', 'k', 'success_threshold'],
  compute: ({ scan, rows }, query): EpochList => {
    const k = query.k ?? commonK(scan, rows, query.success_threshold);
    const epochs = computeEpochPoints(scan, rows, query, k).map(({ epoch, summary }) => ({
      epoch_id: epoch,
      trajectory_count: summary.trajectory_count,
      question_count: summary.question_count,
      avg_reward: summary.avg_reward,
      pass_at_1: summary.pass_at_1,
      pass_at_k: summary.pass_at_k,
      k: summary.k,
      pass_at_k_questions: summary.pass_at_k_questions,
      pass_at: summary.pass_at,
    }));
    const ids = query.training_id ?? [];
    return { training_id: ids.length === 1 ? ids[0] : null, k, epochs };
  },
});
