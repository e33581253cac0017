import { z } from 'zod';
import { QUESTION_SORTS, QUESTION_STATUSES, type QuestionSort, type QuestionStatus } from '../../vocabulary';
import { singleTraining } from './epoch-progression';
import { AnalysisError } from '../errors';
import { questionCells, compareDataIds, type QuestionCells } from './question-cells';
import type { Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { count, epochId, rate } from './response-parts';

/**
 * Which questions a training gains and loses, epoch by epoch. A question is solved in an epoch when the success rate
 * of its samples there is ≥ `solved_rate` (success itself is reward > success_threshold).
 */

export { QUESTION_SORTS, QUESTION_STATUSES, type QuestionSort, type QuestionStatus };

export const DEFAULT_QUESTION_LIMIT = 50;

const questionCell = z
  .object({ samples: count, successes: count, success_rate: rate, solved: z.boolean() })
  .strict();
export type QuestionCell = z.infer<typeof questionCell>;

const questionRowSchema = z
  .object({
    data_id: z.string(),
    samples: count,
    /** Successes over samples across every epoch: the question's difficulty (lower is harder). */
    success_rate: rate,
    /** First and last epoch in which it was solved; null when never. */
    first_solved: epochId.nullable(),
    last_solved: epochId.nullable(),
    /** How often it switched between solved and unsolved from one epoch it appears in to the next. */
    flips: count,
    /** Aligned with `epochs`; null where the question has no samples in that epoch. */
    cells: z.array(questionCell.nullable()),
  })
  .strict();
export type QuestionRow = z.infer<typeof questionRowSchema>;

const epochTransitionsSchema = z
  .object({
    epoch_id: epochId,
    questions: count,
    solved: count,
    /** Solved here, not in the question's previous epoch; null in the first epoch (nothing to compare with). */
    newly_solved: count.nullable(),
    /** Solved in the previous epoch, not here; null in the first epoch. */
    regressed: count.nullable(),
    /** Solved in every epoch so far. */
    always_solved: count,
    /** Solved in no epoch so far. */
    never_solved: count,
  })
  .strict();
export type EpochTransitions = z.infer<typeof epochTransitionsSchema>;

export interface QuestionLearningOptions {
  successThreshold: number;
  solvedRate: number;
  sort: QuestionSort;
  /** Keep only the questions with this status at `statusEpoch` (the last epoch when absent). */
  status?: QuestionStatus;
  statusEpoch?: number;
  limit: number;
  offset: number;
}

export const questionLearningResponse = z
  .object({
    training_id: z.string(),
    success_threshold: z.number(),
    solved_rate: rate,
    epochs: z.array(epochId),
    transitions: z.array(epochTransitionsSchema),
    sort: z.enum(QUESTION_SORTS),
    status: z.enum(QUESTION_STATUSES).nullable(),
    status_epoch: epochId.nullable(),
    /** Questions after the status filter, before paging. */
    total: count,
    limit: z.number().int().positive(),
    offset: count,
    questions: z.array(questionRowSchema),
  })
  .strict();
export type QuestionLearning = z.infer<typeof questionLearningResponse>;

const ABSENT = -1;

/** Per cell: 1 solved, 0 unsolved, -1 no samples. */
function solvedStates(cells: QuestionCells, solvedRate: number): Int8Array {
  const states = new Int8Array(cells.n.length);
  for (let i = 0; i < states.length; i++)
    states[i] = cells.n[i] === 0 ? ABSENT : cells.c[i] / cells.n[i] >= solvedRate ? 1 : 0;
  return states;
}

/**
 * Every question's status in every epoch, in one walk along its epochs: the status of question q at epoch index e is
 * at `q * epochs.length + e` as bit flags (newly solved 1, regressed 2, always solved 4, never solved 8).
 */
function statusFlags(cells: QuestionCells, states: Int8Array): Uint8Array {
  const width = cells.epochs.length;
  const flags = new Uint8Array(states.length);
  for (let q = 0; q < cells.dataIds.length; q++) {
    let previous = ABSENT;
    let everSolved = false;
    let everUnsolved = false;
    for (let e = 0; e < width; e++) {
      const at = q * width + e;
      const state = states[at];
      if (state === ABSENT) continue;
      let flag = 0;
      if (previous !== ABSENT && state === 1 && previous === 0) flag |= 1;
      if (previous !== ABSENT && state === 0 && previous === 1) flag |= 2;
      everSolved ||= state === 1;
      everUnsolved ||= state === 0;
      if (!everUnsolved) flag |= 4;
      if (!everSolved) flag |= 8;
      flags[at] = flag;
      previous = state;
    }
  }
  return flags;
}

const STATUS_FLAG: Record<QuestionStatus, number> = {
  newly_solved: 1,
  regressed: 2,
  always_solved: 4,
  never_solved: 8,
};

function epochTransitions(cells: QuestionCells, states: Int8Array, flags: Uint8Array): EpochTransitions[] {
  const width = cells.epochs.length;
  return cells.epochs.map((epoch_id, e) => {
    const count = { questions: 0, solved: 0, newly: 0, regressed: 0, always: 0, never: 0 };
    for (let q = 0; q < cells.dataIds.length; q++) {
      const at = q * width + e;
      if (states[at] === ABSENT) continue;
      count.questions++;
      if (states[at] === 1) count.solved++;
      if (flags[at] & STATUS_FLAG.newly_solved) count.newly++;
      if (flags[at] & STATUS_FLAG.regressed) count.regressed++;
      if (flags[at] & STATUS_FLAG.always_solved) count.always++;
      if (flags[at] & STATUS_FLAG.never_solved) count.never++;
    }
    return {
      epoch_id,
      questions: count.questions,
      solved: count.solved,
      newly_solved: e === 0 ? null : count.newly,
      regressed: e === 0 ? null : count.regressed,
      always_solved: count.always,
      never_solved: count.never,
    };
  });
}

function questionRow(cells: QuestionCells, states: Int8Array, q: number): QuestionRow {
  const width = cells.epochs.length;
  let samples = 0;
  let successes = 0;
  let first: number | null = null;
  let last: number | null = null;
  let flips = 0;
  let previous = ABSENT;
  const row: (QuestionCell | null)[] = [];
  for (let e = 0; e < width; e++) {
    const at = q * width + e;
    const state = states[at];
    if (state === ABSENT) {
      row.push(null);
      continue;
    }
    samples += cells.n[at];
    successes += cells.c[at];
    if (state === 1) {
      first ??= cells.epochs[e];
      last = cells.epochs[e];
    }
    if (previous !== ABSENT && previous !== state) flips++;
    previous = state;
    row.push({
      samples: cells.n[at],
      successes: cells.c[at],
      success_rate: cells.c[at] / cells.n[at],
      solved: state === 1,
    });
  }
  return {
    data_id: cells.dataIds[q],
    samples,
    success_rate: samples > 0 ? successes / samples : 0,
    first_solved: first,
    last_solved: last,
    flips,
    cells: row,
  };
}

/** Never-solved questions (null epochs) go last in both directions of the epoch sorts. */
function compareNullable(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * direction;
}

function compareQuestions(sort: QuestionSort): (a: QuestionRow, b: QuestionRow) => number {
  const direction = sort.startsWith('-') ? -1 : 1;
  const key = sort.replace(/^-/, '') as 'data_id' | 'difficulty' | 'first_solved' | 'last_solved' | 'flips';
  const primary = (a: QuestionRow, b: QuestionRow): number => {
    switch (key) {
      case 'difficulty':
        return (a.success_rate - b.success_rate) * direction;
      case 'first_solved':
        return compareNullable(a.first_solved, b.first_solved, direction);
      case 'last_solved':
        return compareNullable(a.last_solved, b.last_solved, direction);
      case 'flips':
        return (a.flips - b.flips) * direction;
      default:
        return 0;
    }
  };
  return (a, b) => primary(a, b) || compareDataIds(a.data_id, b.data_id);
}

/** The grid, the per-epoch transition counts and one page of questions of one training's rows. */
export function computeQuestionLearning(
  scan: Scan,
  rows: Int32Array,
  trainingId: string,
  options: QuestionLearningOptions,
): QuestionLearning {
  const cells = questionCells(scan, rows, options.successThreshold);
  const states = solvedStates(cells, options.solvedRate);
  const flags = statusFlags(cells, states);
  const width = cells.epochs.length;

  let statusEpoch: number | null = null;
  let indices = cells.dataIds.map((_, q) => q);
  if (options.status) {
    statusEpoch = options.statusEpoch ?? cells.epochs.at(-1) ?? null;
    const e = statusEpoch === null ? -1 : cells.epochs.indexOf(statusEpoch);
    const flag = STATUS_FLAG[options.status];
    indices = e < 0 ? [] : indices.filter((q) => (flags[q * width + e] & flag) !== 0);
  }
  const questions = indices.map((q) => questionRow(cells, states, q)).sort(compareQuestions(options.sort));
  return {
    training_id: trainingId,
    success_threshold: options.successThreshold,
    solved_rate: options.solvedRate,
    epochs: cells.epochs,
    transitions: epochTransitions(cells, states, flags),
    sort: options.sort,
    status: options.status ?? null,
    status_epoch: statusEpoch,
    total: questions.length,
    limit: options.limit,
    offset: options.offset,
    questions: questions.slice(options.offset, options.offset + options.limit),
  };
}

/** The question-level learning of one training: grid, transitions and a page of questions. */
export const questionLearning = defineStat({
  name: 'question-learning',
  doc: {
    params:
      '`training_id` (exactly one), `solved_rate` (0–1), `question_sort` (`data_id`, `difficulty`, `first_solved`, `last_solved`, `flips`, each also `-…`), `status` + `status_epoch`, `limit` (default 50), `offset`',
    answers:
      'which questions one run gains and loses epoch by epoch: transitions per epoch and a page of questions with a cell per epoch',
  },
  response: questionLearningResponse,
  columns: ['epoch_id', 'data_id', 'reward'],
  params: [
    'training_id',
    'success_threshold',
    'solved_rate',
    'question_sort',
    'status',
    'status_epoch',
    'limit',
    'offset',
  ],
  prepare: (query) => {
    singleTraining(query);
    if (query.status_epoch !== undefined && query.status === undefined)
      throw new AnalysisError('status_epoch: give a status too', 'status_epoch');
    return query;
  },
  compute: ({ scan, rows }, query) =>
    computeQuestionLearning(scan, rows, singleTraining(query), {
      successThreshold: query.success_threshold,
      solvedRate: query.solved_rate,
      sort: query.question_sort,
      status: query.status,
      statusEpoch: query.status_epoch,
      limit: query.limit ?? DEFAULT_QUESTION_LIMIT,
      offset: query.offset,
    }),
});
