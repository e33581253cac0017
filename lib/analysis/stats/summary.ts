import { z } from 'zod';
import { questionCounts, questionCountsByGroup } from '../engine/question-groups';
import { passMetrics, PASS_COLUMNS, rewardSummary, type QuestionTable } from '../metrics/pass-metrics';
import type { AnalysisQuery } from '../filters/query';
import type { Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { count, interval, nullableNumber, passAt, passAtQuestions } from './response-parts';

/** The fields of a summary, shared by the answers that repeat them per epoch or per run. */
export const summaryFields = {
  trajectory_count: count,
  /** Mean reward over trajectories; null for an empty selection. */
  avg_reward: nullableNumber,
  /**
   * 95% bootstrap CI over questions (question-mean rewards resampled, seeded); where epochs or runs are pooled, a
   * question's data_id is resampled with all its epochs together (clustered), so repeats of it are not independent.
   */
  avg_reward_ci: interval,
  question_count: count,
  /** Smallest and largest number of samples per question. */
  samples_per_question: z.tuple([z.number().int(), z.number().int()]).nullable(),
  pass_at_1: nullableNumber,
  pass_at_k: nullableNumber,
  k: z.number().int().positive().nullable(),
  /** How many questions pass_at_k averages over: those with at least k samples. */
  pass_at_k_questions: count,
  /** pass@k for k = 1, 5, 10 and the chosen k; null where no question has k samples. */
  pass_at: passAt,
  pass_at_questions: passAtQuestions,
  /** pass^k (all k attempts succeed) for the chosen k. */
  pass_hat_k: nullableNumber,
  success_threshold: z.number(),
};

export const summaryResponse = z.object(summaryFields).strict();

/** Headline figures of a selection: size, pass@1 / pass@k and average reward with its CI. */
export type Summary = z.infer<typeof summaryResponse>;

export function computeSummary(
  scan: Scan,
  rows: Int32Array,
  query: Pick<AnalysisQuery, 'success_threshold' | 'k'>,
  { withCi = true }: { withCi?: boolean } = {},
): Summary {
  return summaryOf(questionCounts(scan, rows, query.success_threshold), query, withCi);
}

function summaryOf(
  table: QuestionTable,
  query: Pick<AnalysisQuery, 'success_threshold' | 'k'>,
  withCi: boolean,
): Summary {
  return {
    ...rewardSummary(table, withCi),
    ...passMetrics(table, query.k),
    success_threshold: query.success_threshold,
  };
}

export const summary = defineStat({
  name: 'summary',
  doc: {
    params: '`group_by`',
    answers:
      'size, pass@1 / pass@k (with how many questions pass@k covers), pass^k, average reward with its CI',
  },
  response: summaryResponse,
  columns: PASS_COLUMNS,
  params: ['success_threshold', 'k'],
  groupable: true,
  compute: ({ scan, rows }, query) => computeSummary(scan, rows, query),
  computeGroups: ({ scan, rows }, groupBy, query) => {
    const tables = questionCountsByGroup(scan, rows, query.success_threshold, groupBy);
    return new Map([...tables].map(([key, table]) => [key, summaryOf(table, query, true)]));
  },
});
