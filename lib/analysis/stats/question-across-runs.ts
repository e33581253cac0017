import { z } from 'zod';
import { AnalysisError } from '../errors';
import { compareDataIds } from './question-cells';
import type { AnalysisQuery } from '../filters/query';
import { floats, ints, strings, type Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { count, epochId, rate } from './response-parts';

/**
 * One question (data_id) in each of several runs, side by side: its samples at the same epoch, or at each run's last
 * epoch with that question, and its success rate per epoch in every run.
 */

const questionRunEpoch = z
  .object({ epoch_id: epochId, samples: count, successes: count, success_rate: rate })
  .strict();
export type QuestionRunEpoch = z.infer<typeof questionRunEpoch>;

const questionRun = z
  .object({
    training_id: z.string(),
    /** The epoch shown: the requested one, or the run's last epoch with this question; null when it has none. */
    epoch_id: epochId.nullable(),
    samples: count,
    successes: count,
    success_rate: rate.nullable(),
    avg_reward: z.number().nullable(),
    /** Rewards of the shown epoch's samples, by sample id. */
    rewards: z.array(z.number()),
    /** The question's success rate in every epoch of this run. */
    curve: z.array(questionRunEpoch),
  })
  .strict();
export type QuestionRun = z.infer<typeof questionRun>;

export const questionAcrossRunsResponse = z
  .object({
    data_id: z.string(),
    /** The requested epoch; null means each run's last epoch with this question. */
    epoch_id: epochId.nullable(),
    success_threshold: z.number(),
    runs: z.array(questionRun),
  })
  .strict();
export type QuestionAcrossRuns = z.infer<typeof questionAcrossRunsResponse>;

export const ACROSS_RUNS_COLUMNS = ['training_id', 'epoch_id', 'sample_id', 'reward'] as const;

/**
 * Over the rows of one question (any runs, any epochs), one entry per run of `trainingIds` in that order (a run
 * without the question gets an empty entry).
 */
export function computeQuestionRuns(
  scan: Scan,
  rows: Int32Array,
  trainingIds: readonly string[],
  epoch: number | null,
  successThreshold: number,
): QuestionRun[] {
  const training = strings(scan, 'training_id');
  const epochOf = ints(scan, 'epoch_id');
  const sample = ints(scan, 'sample_id');
  const reward = floats(scan, 'reward');
  const byRun = new Map<string, number[]>(trainingIds.map((id) => [id, []]));
  for (const i of rows) byRun.get(training.values[training.codes[i]])?.push(i);

  return trainingIds.map((training_id) => {
    const runRows = byRun.get(training_id)!;
    const perEpoch = new Map<number, { n: number; c: number }>();
    for (const i of runRows) {
      const entry = perEpoch.get(epochOf[i]) ?? { n: 0, c: 0 };
      entry.n++;
      if (reward[i] > successThreshold) entry.c++;
      perEpoch.set(epochOf[i], entry);
    }
    const curve = [...perEpoch.entries()]
      .sort(([a], [b]) => a - b)
      .map(([epoch_id, { n, c }]) => ({ epoch_id, samples: n, successes: c, success_rate: c / n }));
    const shown = epoch ?? curve.at(-1)?.epoch_id ?? null;
    const shownRows = runRows.filter((i) => epochOf[i] === shown).sort((a, b) => sample[a] - sample[b]);
    const rewards = shownRows.map((i) => reward[i]);
    const successes = rewards.filter((r) => r > successThreshold).length;
    return {
      training_id,
      epoch_id: rewards.length > 0 ? shown : null,
      samples: rewards.length,
      successes,
      success_rate: rewards.length > 0 ? successes / rewards.length : null,
      avg_reward: rewards.length > 0 ? rewards.reduce((a, b) => a + b, 0) / rewards.length : null,
      rewards,
      curve,
    };
  });
}

/** The one question a query names (data_id given exactly once). */
function singleQuestion(query: Pick<AnalysisQuery, 'data_id'>): string {
  if (query.data_id?.length !== 1) throw new AnalysisError('data_id: give exactly one question', 'data_id');
  return query.data_id[0];
}

/** One question in the runs of `training_id` (every run that has it when none is named), side by side. */
export const questionAcrossRuns = defineStat({
  name: 'question-across-runs',
  doc: {
    params:
      "`data_id` (exactly one), `training_id` (the runs, in this order; default every run with the question), `epoch_id` (default: each run's last epoch with the question)",
    answers: 'one question in each run: its samples at the epoch shown and its success-rate curve',
  },
  response: questionAcrossRunsResponse,
  columns: ACROSS_RUNS_COLUMNS,
  params: ['data_id', 'training_id', 'epoch_id', 'success_threshold'],
  prepare: (query) => {
    singleQuestion(query);
    return query;
  },
  compute: ({ scan, rows }, query): QuestionAcrossRuns => {
    const present = strings(scan, 'training_id');
    const runs =
      query.training_id ??
      [...new Set(Array.from(rows, (i) => present.values[present.codes[i]]))].sort(compareDataIds);
    return {
      data_id: singleQuestion(query),
      epoch_id: query.epoch_id ?? null,
      success_threshold: query.success_threshold,
      runs: computeQuestionRuns(scan, rows, runs, query.epoch_id ?? null, query.success_threshold),
    };
  },
});
