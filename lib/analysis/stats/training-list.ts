import { z } from 'zod';
import { parseAnalysisQuery } from '../filters/query';
import { ints, strings, type Scan } from '../scan/scan';
import type { Source } from '../source';
import { defineStat } from '../stat';
import { epochId } from './response-parts';

const trainingSummary = z
  .object({
    training_id: z.string(),
    trajectory_count: z.number().int().positive(),
    /** [first epoch, last epoch]. */
    epoch_range: z.tuple([epochId, epochId]),
    epoch_count: z.number().int().positive(),
    /** The agent that produced most of the run's trajectories (null when none is recorded). */
    agent_name: z.string().nullable(),
    /** Earliest rollout time in Unix seconds, or null when none is recorded. */
    created_at: z.number().nullable(),
    /** [earliest, latest] rollout time in Unix seconds, or null when none is recorded. */
    date_range: z.tuple([z.number(), z.number()]).nullable(),
  })
  .strict();
export type TrainingSummary = z.infer<typeof trainingSummary>;

export const trainingListResponse = z.object({ trainings: z.array(trainingSummary) }).strict();
export type TrainingList = z.infer<typeof trainingListResponse>;

const COLUMNS = ['training_id', 'epoch_id', 'agent_name', 'created_at'] as const;

/** Every training in the table, sorted by id. */
export function computeTrainingList(scan: Scan, rows: Int32Array): TrainingList {
  const training = strings(scan, 'training_id');
  const agent = strings(scan, 'agent_name');
  const epoch = ints(scan, 'epoch_id');
  const created = scan.createdAt ?? new Float64Array(scan.length).fill(NaN);
  const perTraining = training.values.map(() => ({
    count: 0,
    min: Infinity,
    max: -Infinity,
    epochs: new Set<number>(),
    agents: new Map<number, number>(),
    first: Infinity,
    last: -Infinity,
  }));
  for (const i of rows) {
    const t = perTraining[training.codes[i]];
    t.count++;
    t.min = Math.min(t.min, epoch[i]);
    t.max = Math.max(t.max, epoch[i]);
    t.epochs.add(epoch[i]);
    const a = agent.codes[i];
    if (a >= 0) t.agents.set(a, (t.agents.get(a) ?? 0) + 1);
    // NaN (no time recorded) fails both comparisons.
    if (created[i] < t.first) t.first = created[i];
    if (created[i] > t.last) t.last = created[i];
  }
  const counted = perTraining.flatMap((t, code) => (t.count > 0 ? [{ ...t, code }] : []));
  const trainings = counted.map((t): TrainingSummary => {
    let topAgent: number | null = null;
    for (const [a, n] of t.agents) if (topAgent === null || n > t.agents.get(topAgent)!) topAgent = a;
    return {
      training_id: training.values[t.code],
      trajectory_count: t.count,
      epoch_range: [t.min, t.max],
      epoch_count: t.epochs.size,
      agent_name: topAgent === null ? null : agent.values[topAgent],
      created_at: Number.isFinite(t.first) ? t.first / 1000 : null,
      date_range: Number.isFinite(t.first) ? [t.first / 1000, t.last / 1000] : null,
    };
  });
  trainings.sort((a, b) => (a.training_id < b.training_id ? -1 : a.training_id > b.training_id ? 1 : 0));
  return { trainings };
}

/** Every training in the table (filters do not apply). */
export const trainingList = defineStat({
  name: 'training-list',
  doc: {
    params: 'none (filters do not apply)',
    answers: 'every training: count, epoch range, agent, `created_at` and `date_range` in Unix seconds',
  },
  response: trainingListResponse,
  columns: COLUMNS,
  params: [],
  filters: false,
  compute: ({ scan, rows }) => computeTrainingList(scan, rows),
});

const NO_PARAMETERS = parseAnalysisQuery({}, [], { filters: false });

/** The training list, for pages. */
export function listTrainings(source?: Source): Promise<TrainingList> {
  return trainingList(NO_PARAMETERS, source);
}
