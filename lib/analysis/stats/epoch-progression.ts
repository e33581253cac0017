import { z } from 'zod';
import { questionCounts } from '../engine/question-groups';
import { AnalysisError } from '../errors';
import { groupRows } from '../grouping';
import { defaultK, PASS_COLUMNS, passAt1CI } from '../metrics/pass-metrics';
import type { AnalysisQuery } from '../filters/query';
import { computeRewardCategoryStats } from './reward-category-stats';
import { ints, type Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { computeSummary, summaryFields } from './summary';
import { count, countRatios, epochId, interval, nullableNumber, rewardDistribution } from './response-parts';
import { computeTerminationStats } from './termination-stats';
import { computeToolReturnStats } from './tool-return-stats';

const epochProgressionPoint = z
  .object({
    epoch_id: epochId,
    ...summaryFields,
    /** 95% bootstrap CI of pass_at_1 over questions (their success rates resampled, seeded). */
    pass_at_1_ci: interval,
    termination_stats: countRatios,
    reward_distribution: rewardDistribution,
    avg_step_count: nullableNumber,
    tool_calls: count,
    tool_failures: count,
    /** failures / calls over all tools; null when no tool was called. */
    tool_failure_rate: nullableNumber,
    /** Per tool: calls and failures in this epoch. */
    tools: z.record(
      z.string(),
      z.object({ calls: z.number().int(), failures: z.number().int(), failure_rate: z.number() }).strict(),
    ),
  })
  .strict();
export type EpochProgressionPoint = z.infer<typeof epochProgressionPoint>;

export const epochProgressionResponse = z
  .object({
    training_id: z.string(),
    /** The k of pass_at_k, the same for every epoch so the line is comparable. */
    k: z.number().int().positive().nullable(),
    success_threshold: z.number(),
    epochs: z.array(epochProgressionPoint),
  })
  .strict();
export type EpochProgression = z.infer<typeof epochProgressionResponse>;

/** The per-epoch fields `metrics` may choose (every field of a point besides epoch_id). */
export const EPOCH_METRICS = [
  'trajectory_count',
  'avg_reward',
  'avg_reward_ci',
  'question_count',
  'samples_per_question',
  'pass_at_1',
  'pass_at_1_ci',
  'pass_at_k',
  'k',
  'pass_at_k_questions',
  'pass_at',
  'pass_at_questions',
  'pass_hat_k',
  'success_threshold',
  'termination_stats',
  'reward_distribution',
  'avg_step_count',
  'tool_calls',
  'tool_failures',
  'tool_failure_rate',
  'tools',
] as const satisfies readonly Exclude<keyof EpochProgressionPoint, 'epoch_id'>[];

export type EpochMetric = (typeof EPOCH_METRICS)[number];

/** The metrics asked for, checked against EPOCH_METRICS (400 naming `metrics` otherwise); undefined means all. */
export function chosenMetrics(query: Pick<AnalysisQuery, 'metrics'>): EpochMetric[] | undefined {
  if (!query.metrics?.length) return undefined;
  const known = new Set<string>(EPOCH_METRICS);
  const unknown = query.metrics.find((metric) => !known.has(metric));
  if (unknown !== undefined)
    throw new AnalysisError(
      `metrics: unknown metric "${unknown}" (one of ${EPOCH_METRICS.join(', ')})`,
      'metrics',
    );
  return query.metrics as EpochMetric[];
}

/**
 * Keeps epoch_id and the chosen metrics of each point. The answer then carries fewer fields than the type says: only
 * API clients ask for a subset, and they read JSON.
 */
function keepMetrics(progression: EpochProgression, metrics: EpochMetric[] | undefined): EpochProgression {
  if (!metrics) return progression;
  const epochs = progression.epochs.map(
    (point) =>
      Object.fromEntries([
        ['epoch_id', point.epoch_id],
        ...metrics.map((metric) => [metric, point[metric]]),
      ]) as EpochProgressionPoint,
  );
  return { ...progression, epochs };
}

type ProgressionQuery = Pick<
  AnalysisQuery,
  'k' | 'success_threshold' | 'perfect_threshold' | 'failure_threshold'
>;

export const PROGRESSION_COLUMNS = [
  ...PASS_COLUMNS,
  'termination_reason',
  'step_count',
  'tool_call_names',
  'tool_call_failed',
] as const;

/** One k for every epoch (or run) of a selection: the default k over all its questions, so the lines are comparable. */
export function commonK(scan: Scan, rows: Int32Array, successThreshold: number): number | null {
  return defaultK(questionCounts(scan, rows, successThreshold).n);
}

/** Per epoch (ascending): its rows and headline figures at a fixed k; `withCi` adds the average reward's CI. */
export function computeEpochPoints(
  scan: Scan,
  rows: Int32Array,
  query: Pick<AnalysisQuery, 'success_threshold'>,
  k: number | null,
  { withCi = false }: { withCi?: boolean } = {},
) {
  return [...groupRows(scan, 'epoch_id', rows)].map(([epoch, epochRows]) => ({
    epoch: Number(epoch),
    rows: epochRows,
    summary: computeSummary(scan, epochRows, { ...query, k: k ?? undefined }, { withCi }),
  }));
}

export function computeEpochProgression(
  scan: Scan,
  rows: Int32Array,
  query: ProgressionQuery,
  trainingId: string,
): EpochProgression {
  const k = query.k ?? commonK(scan, rows, query.success_threshold);
  const stepCount = ints(scan, 'step_count');
  const epochs = computeEpochPoints(scan, rows, query, k, { withCi: true }).map(
    ({ epoch, rows: epochRows, summary }) => {
      const tools = computeToolReturnStats(scan, epochRows);
      let steps = 0;
      for (const i of epochRows) steps += stepCount[i];
      return {
        epoch_id: epoch,
        ...summary,
        pass_at_1_ci: passAt1CI(questionCounts(scan, epochRows, query.success_threshold)),
        termination_stats: computeTerminationStats(scan, epochRows).termination_stats,
        reward_distribution: computeRewardCategoryStats(scan, epochRows, query).reward_distribution,
        avg_step_count: epochRows.length > 0 ? steps / epochRows.length : null,
        tool_calls: tools.total_calls,
        tool_failures: tools.total_failures,
        tool_failure_rate: tools.failure_rate,
        tools: Object.fromEntries(
          tools.tools.map((t) => [
            t.tool,
            { calls: t.calls, failures: t.failures, failure_rate: t.failure_rate },
          ]),
        ),
      };
    },
  );
  return { training_id: trainingId, k, success_threshold: query.success_threshold, epochs };
}

/** The one training an endpoint is about (training_id given exactly once). */
export function singleTraining(query: Pick<AnalysisQuery, 'training_id'>): string {
  const ids = query.training_id ?? [];
  if (ids.length !== 1) throw new AnalysisError('training_id: give exactly one training', 'training_id');
  return ids[0];
}

/** Per-epoch learning curve of one training: pass@k, reward, termination mix and tool failures. */
export const epochProgression = defineStat({
  name: 'epoch-progression',
  doc: {
    params:
      '`training_id` (exactly one), `metrics` (comma list of per-epoch fields; default all; an unknown one is a 400 naming it)',
    answers:
      'per epoch: the `summary` figures, `pass_at_1_ci`, termination mix, reward categories, steps and tool failures; one `k` for all epochs',
  },
  response: epochProgressionResponse,
  columns: PROGRESSION_COLUMNS,
  params: ['training_id', 'k', 'success_threshold', 'perfect_threshold', 'failure_threshold', 'metrics'],
  prepare: (query) => {
    singleTraining(query);
    chosenMetrics(query);
    return query;
  },
  compute: ({ scan, rows }, query) =>
    keepMetrics(computeEpochProgression(scan, rows, query, singleTraining(query)), chosenMetrics(query)),
});
