import { z } from 'zod';
import { AnalysisError } from '../errors';
import { compareDataIds } from './question-cells';
import type { AnalysisQuery } from '../filters/query';
import { floats, ints, strings, type Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { count, rate } from './response-parts';

/**
 * The questions on which two runs disagree most: per question, each run's success rate over the epochs in which both
 * runs have samples of it, ordered by the absolute difference, largest first.
 */

const questionDisagreementRow = z
  .object({
    data_id: z.string(),
    shared_epochs: z.number().int().positive(),
    /** Samples and success rates of the first and the second run over the shared epochs. */
    samples: z.tuple([count, count]),
    success_rates: z.tuple([rate, rate]),
    /** Second run's success rate minus the first's. */
    difference: z.number().min(-1).max(1),
  })
  .strict();
export type QuestionDisagreementRow = z.infer<typeof questionDisagreementRow>;

export const questionDisagreementResponse = z
  .object({
    training_ids: z.tuple([z.string(), z.string()]),
    success_threshold: z.number(),
    /** Questions both runs answered in at least one common epoch. */
    total: count,
    limit: z.number().int().positive(),
    offset: count,
    questions: z.array(questionDisagreementRow),
  })
  .strict();
export type QuestionDisagreement = z.infer<typeof questionDisagreementResponse>;

export const DISAGREEMENT_COLUMNS = ['training_id', 'epoch_id', 'data_id', 'reward'] as const;

export function computeDisagreements(
  scan: Scan,
  rows: Int32Array,
  runs: readonly [string, string],
  successThreshold: number,
): QuestionDisagreementRow[] {
  const training = strings(scan, 'training_id');
  const epochOf = ints(scan, 'epoch_id');
  const data = strings(scan, 'data_id');
  const reward = floats(scan, 'reward');
  const side = training.values.map((id) => runs.indexOf(id));
  // Per question, per epoch: [n first, c first, n second, c second].
  const counts = new Map<number, Map<number, [number, number, number, number]>>();
  for (const i of rows) {
    const s = side[training.codes[i]];
    if (s < 0) continue;
    let question = counts.get(data.codes[i]);
    if (!question) counts.set(data.codes[i], (question = new Map()));
    let cell = question.get(epochOf[i]);
    if (!cell) question.set(epochOf[i], (cell = [0, 0, 0, 0]));
    cell[2 * s]++;
    if (reward[i] > successThreshold) cell[2 * s + 1]++;
  }
  const out: QuestionDisagreementRow[] = [];
  for (const [code, epochs] of counts) {
    let shared = 0;
    const total = [0, 0, 0, 0];
    for (const cell of epochs.values()) {
      if (cell[0] === 0 || cell[2] === 0) continue;
      shared++;
      for (let j = 0; j < 4; j++) total[j] += cell[j];
    }
    if (shared === 0) continue;
    const rates: [number, number] = [total[1] / total[0], total[3] / total[2]];
    out.push({
      data_id: data.values[code],
      shared_epochs: shared,
      samples: [total[0], total[2]],
      success_rates: rates,
      difference: rates[1] - rates[0],
    });
  }
  return out.sort(
    (a, b) => Math.abs(b.difference) - Math.abs(a.difference) || compareDataIds(a.data_id, b.data_id),
  );
}

export const DEFAULT_DISAGREEMENT_LIMIT = 20;

/** The two runs a disagreement is about (training_ids=a,b). */
function disagreeingRuns(query: Pick<AnalysisQuery, 'training_ids' | 'training_id'>): [string, string] {
  const ids = [...new Set(query.training_ids ?? [])];
  if (ids.length !== 2)
    throw new AnalysisError('training_ids: give exactly two trainings, comma-separated', 'training_ids');
  if (query.training_id?.length)
    throw new AnalysisError('training_id: use training_ids to choose the two runs', 'training_id');
  return [ids[0], ids[1]];
}

/** The questions on which two runs disagree most, a page at a time. */
export const questionDisagreement = defineStat({
  name: 'question-disagreement',
  doc: {
    params: '`training_ids=a,b` (exactly two), `limit` (default 20), `offset`',
    answers:
      'the questions two runs disagree on most (success rates over shared epochs), largest \\|difference\\| first',
  },
  response: questionDisagreementResponse,
  columns: DISAGREEMENT_COLUMNS,
  params: ['training_ids', 'success_threshold', 'limit', 'offset'],
  trainingsParam: 'training_ids',
  // The two runs are the selection: the other filters still narrow both.
  prepare: (query) => ({ ...query, training_id: disagreeingRuns(query) }),
  compute: ({ scan, rows }, query): QuestionDisagreement => {
    const runs = disagreeingRuns({ training_ids: query.training_ids });
    const all = computeDisagreements(scan, rows, runs, query.success_threshold);
    const limit = query.limit ?? DEFAULT_DISAGREEMENT_LIMIT;
    return {
      training_ids: runs,
      success_threshold: query.success_threshold,
      total: all.length,
      limit,
      offset: query.offset,
      questions: all.slice(query.offset, query.offset + limit),
    };
  },
});
