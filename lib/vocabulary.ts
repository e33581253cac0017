/**
 * The names the URL, the API and the analysis share: orders, groupings, statuses. Declared here, below both the
 * parameter table (lib/params) and the analysis (lib/analysis), so that neither imports the other for them.
 */

/** Orders of the failure list; `-` is descending. */
export const FAILURE_SORTS = [
  'reward',
  '-reward',
  'step_count',
  '-step_count',
  'epoch_id',
  '-epoch_id',
] as const;
export type FailureSort = (typeof FAILURE_SORTS)[number];

/** Orders of the questions × epochs grid (question-learning); `-` is descending. */
export const QUESTION_SORTS = [
  'data_id',
  'difficulty',
  '-difficulty',
  'first_solved',
  '-first_solved',
  'last_solved',
  '-last_solved',
  'flips',
  '-flips',
] as const;
export type QuestionSort = (typeof QUESTION_SORTS)[number];

/** What a question did in an epoch, relative to the epochs before (question-learning). */
export const QUESTION_STATUSES = ['newly_solved', 'regressed', 'always_solved', 'never_solved'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** How a statistic may be split: per training or per epoch. */
export const GROUP_BYS = ['training_id', 'epoch_id'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** The `tool_failed` value meaning "any tool failed". */
export const ANY_TOOL = 'any';
