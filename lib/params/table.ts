import { INT32_MAX } from '../limits';
import { FINGERPRINT_MAX_CHARS } from '../ingest/error-fingerprint';
import { float, int, list, NO_BOUND, oneOf, text, type ParamSpec } from './spec';
import { ANY_TOOL, FAILURE_SORTS, GROUP_BYS, QUESTION_SORTS, QUESTION_STATUSES } from '../vocabulary';

export {
  ANY_TOOL,
  FAILURE_SORTS,
  GROUP_BYS,
  QUESTION_SORTS,
  QUESTION_STATUSES,
  type FailureSort,
  type GroupBy,
  type QuestionSort,
  type QuestionStatus,
} from '../vocabulary';

export { NO_BOUND } from './spec';

/**
 * The failure list's `reward_max` when the URL gives none (failure-cases, the Failures tab, which shows it as a chip);
 * `reward_max=any` lifts it.
 */
export const FAILURES_REWARD_MAX = 0.5;

/** What failure-signatures groups (`signature_of`): failed tool calls' error messages, or failed trajectories' answers. */
export const SIGNATURE_OF = ['tool_calls', 'final_answers'] as const;
export type SignatureOf = (typeof SIGNATURE_OF)[number];

export const TABS = [
  'overview',
  'progress',
  'health',
  'questions',
  'comparison',
  'failures',
  'tool-contexts',
] as const;
export type Tab = (typeof TABS)[number];

/** The columns the home page's runs table sorts by (`runs_sort`). */
export const RUN_SORT_COLUMNS = [
  'name',
  'health',
  'trajectories',
  'epochs',
  'pass',
  'change',
  'reward',
  'updated',
  'started',
] as const;
export type RunSortColumn = (typeof RUN_SORT_COLUMNS)[number];
/** A column ascending, or `-column` descending. */
export type RunSort = RunSortColumn | `-${RunSortColumn}`;
export const RUN_SORTS: readonly RunSort[] = RUN_SORT_COLUMNS.flatMap((column): RunSort[] => [
  column,
  `-${column}`,
]);

/** The most pieces of a run name the runs table groups by (`part1` … `part12`). */
export const MAX_NAME_PARTS = 12;
/** How the home page's runs table groups its rows (`runs_group`): by agent, dataset or a piece of the run name. */
export type RunGroup = 'agent' | 'dataset' | `part${number}`;
export const RUN_GROUPS: readonly RunGroup[] = [
  'agent',
  'dataset',
  ...Array.from({ length: MAX_NAME_PARTS }, (_, i): RunGroup => `part${i + 1}`),
];

/**
 * Every URL / API parameter, once. The nuqs parsers, the server validation, the filter chips, the `where` compiler and
 * the parameter table of docs/api.md are all derived from this; a new parameter is one more entry. Order matters: it is
 * the order of chips and of the documentation.
 */
export const PARAMS = {
  training_id: list({
    role: 'filter',
    chip: 'training:',
    where: { op: 'in', column: 'training_id' },
    doc: 'one or more trainings; an unknown id is a 404',
  }),
  epoch_id: int({
    role: 'filter',
    min: 0,
    max: INT32_MAX,
    chip: 'epoch',
    where: { op: '=', column: 'epoch_id' },
    doc: 'one epoch (not together with `epoch_min` / `epoch_max`)',
  }),
  epoch_min: int({
    role: 'filter',
    min: 0,
    max: INT32_MAX,
    chip: 'epoch ≥',
    where: { op: '>=', column: 'epoch_id' },
    doc: 'first epoch of an inclusive range',
  }),
  epoch_max: int({
    role: 'filter',
    min: 0,
    max: INT32_MAX,
    chip: 'epoch ≤',
    where: { op: '<=', column: 'epoch_id' },
    doc: 'last epoch of an inclusive range',
  }),
  reward_min: float({
    role: 'filter',
    chip: 'reward ≥',
    where: { op: '>=', column: 'reward' },
    doc: 'inclusive lower reward bound',
  }),
  reward_max: float({
    role: 'filter',
    chip: 'reward ≤',
    where: { op: '<=', column: 'reward' },
    unbounded: NO_BOUND,
    doc: `inclusive upper reward bound; \`${NO_BOUND}\`: none, which also lifts the failure list's default of ${FAILURES_REWARD_MAX} (failure-cases, the Failures tab)`,
  }),
  termination_reason: list({
    role: 'filter',
    chip: 'termination:',
    where: { op: 'in', column: 'termination_reason' },
    doc: 'one or more termination reasons',
  }),
  tools_any: list({
    role: 'filter',
    chip: 'uses tool:',
    where: { op: 'has_any', column: 'tools_used' },
    doc: 'trajectories that called any of these tools',
  }),
  tools_all: list({
    role: 'filter',
    chip: 'uses all of:',
    where: { op: 'has_all', column: 'tools_used' },
    doc: 'trajectories that called all of these tools',
  }),
  tools_none: list({
    role: 'filter',
    chip: 'never uses:',
    where: { op: 'has_none', column: 'tools_used' },
    doc: 'trajectories that called none of these tools',
  }),
  tool_failed: text({
    role: 'filter',
    chip: 'tool failed:',
    where: { op: 'failed_tool' },
    doc: `a tool name (a call to it failed), or \`${ANY_TOOL}\``,
  }),
  signature: text({
    role: 'filter',
    chip: 'error:',
    maxLength: FINGERPRINT_MAX_CHARS,
    where: { op: 'has_any', column: 'error_fingerprints' },
    doc: 'a failure signature (as failure-signatures gives it): trajectories with a failed tool call whose error message has it',
  }),
  tool_calls_min: int({
    role: 'filter',
    min: 0,
    max: INT32_MAX,
    chip: 'tool calls ≥',
    where: { op: '>=', column: 'tool_call_count' },
    doc: 'fewest tool calls',
  }),
  tool_calls_max: int({
    role: 'filter',
    min: 0,
    max: INT32_MAX,
    chip: 'tool calls ≤',
    where: { op: '<=', column: 'tool_call_count' },
    doc: 'most tool calls',
  }),
  agent_name: list({
    role: 'filter',
    chip: 'agent:',
    where: { op: 'in', column: 'agent_name' },
    doc: 'one or more agents',
  }),
  dataset: list({
    role: 'filter',
    chip: 'dataset:',
    where: { op: 'in', column: 'dataset' },
    doc: 'one or more datasets (as the importer or `--dataset` named them)',
  }),
  response_tokens_min: int({
    role: 'filter',
    min: 0,
    max: INT32_MAX,
    chip: 'response tokens ≥',
    where: { op: '>=', column: 'response_tokens' },
    doc: 'fewest response tokens (trajectories that logged none never match)',
  }),
  response_tokens_max: int({
    role: 'filter',
    min: 0,
    max: INT32_MAX,
    chip: 'response tokens ≤',
    where: { op: '<=', column: 'response_tokens' },
    doc: 'most response tokens (trajectories that logged none never match)',
  }),
  truncated: int({
    role: 'filter',
    min: 0,
    max: 1,
    chip: 'truncated =',
    where: { op: '=', column: 'truncated' },
    doc: '1: trajectories that hit a length, token or step limit; 0: those known not to',
  }),
  data_id: list({
    role: 'filter',
    chip: 'question:',
    where: { op: 'in', column: 'data_id' },
    doc: 'one or more questions (exact `data_id`)',
  }),
  q: text({
    role: 'filter',
    chip: 'search:',
    where: { op: 'contains', columns: ['question', 'data_id'], steps: true },
    doc: 'case-insensitive text search in the question and `data_id`, or every word of it in the steps (unless STEP_SEARCH_INDEX=off)',
  }),
  label: list({
    role: 'filter',
    chip: 'label:',
    maxLength: 40,
    doc: 'one or more note labels (`reward-hack`): trajectories carrying any of them, on themselves, their question or their group (see "Annotations")',
  }),
  k: int({
    role: 'metric',
    min: 1,
    max: 1000,
    doc: 'the k of `pass_at_k`; default: the most common samples-per-question count (ties: the larger); questions with fewer than k samples are left out of pass@k',
  }),
  success_threshold: float({ role: 'metric', default: 0, doc: 'success is `reward > success_threshold`' }),
  perfect_threshold: float({
    role: 'metric',
    default: 1,
    doc: 'perfect reward category: `reward ≥ perfect_threshold`',
  }),
  failure_threshold: float({
    role: 'metric',
    default: 0,
    doc: 'failure reward category: `reward ≤ failure_threshold` (below `perfect_threshold`)',
  }),
  group_by: oneOf({
    role: 'endpoint',
    values: GROUP_BYS,
    doc: 'answer one result per group (groupable stats)',
  }),
  training_ids: list({
    role: 'endpoint',
    onPage: true,
    doc: 'the runs to compare (training-comparison; the comparison tab)',
  }),
  metrics: list({
    role: 'endpoint',
    doc: 'the per-epoch fields to return (epoch-progression); default: all',
  }),
  sort: oneOf({ role: 'endpoint', onPage: true, values: FAILURE_SORTS, doc: 'order of the failure list' }),
  tool: text({
    role: 'endpoint',
    onPage: true,
    doc: 'the tool whose failed calls are listed (unexpected-tool-contexts)',
  }),
  signature_of: oneOf({
    role: 'endpoint',
    onPage: true,
    values: SIGNATURE_OF,
    default: 'tool_calls',
    doc: 'what failure-signatures groups: the error messages of failed tool calls, or the final answers of failed trajectories',
  }),
  limit: int({ role: 'endpoint', min: 1, max: 1000, doc: 'page size of a list' }),
  offset: int({ role: 'endpoint', min: 0, max: 10_000_000, default: 0, doc: 'rows of a list to skip' }),
  solved_rate: float({
    role: 'endpoint',
    onPage: true,
    min: 0,
    max: 1,
    default: 0.5,
    doc: 'a question is solved in an epoch when the success rate of its samples there is ≥ this (question-learning)',
  }),
  question_sort: oneOf({
    role: 'endpoint',
    onPage: true,
    values: QUESTION_SORTS,
    default: 'data_id',
    doc: 'order of the questions × epochs grid (question-learning)',
  }),
  status: oneOf({
    role: 'endpoint',
    onPage: true,
    values: QUESTION_STATUSES,
    doc: 'keep the questions with this status in `status_epoch` (question-learning)',
  }),
  status_epoch: int({
    role: 'endpoint',
    onPage: true,
    min: 0,
    max: INT32_MAX,
    doc: 'the epoch of `status`; default: the last epoch (question-learning)',
  }),
  epoch_a: int({
    role: 'endpoint',
    onPage: true,
    min: 0,
    max: INT32_MAX,
    doc: 'side a of a diff: the earlier epoch of one `training_id`, or the epoch of the first of `training_ids=r1,r2` (with `epoch_b`; diff)',
  }),
  epoch_b: int({
    role: 'endpoint',
    onPage: true,
    min: 0,
    max: INT32_MAX,
    doc: 'side b of a diff: the other epoch of one `training_id`, or the epoch of the second of `training_ids` (with `epoch_a`; diff)',
  }),
  tab: oneOf({ role: 'view', values: TABS, default: 'overview', doc: 'the dashboard tab' }),
  page: int({ role: 'view', min: 1, max: INT32_MAX, doc: 'page of a list on the dashboard (1-based)' }),
  trajectory: text({ role: 'view', maxLength: 1024, doc: 'the trajectory open in the failure drawer' }),
  alert: text({
    role: 'view',
    maxLength: 1024,
    doc: 'the health alert (its `id`, as run-alerts gives it) the Health tab scrolls to and highlights',
  }),
  runs_q: text({
    role: 'view',
    maxLength: 200,
    doc: "the home page's runs table: keep the runs whose name, agent or dataset holds every word of it (case-insensitive)",
  }),
  runs_sort: oneOf({
    role: 'view',
    values: RUN_SORTS,
    default: '-updated',
    doc: "the home page's runs table: the column it is sorted by, `-` first for descending; runs without a value (unscored, never judged) last either way, ties by name",
  }),
  runs_group: oneOf({
    role: 'view',
    values: RUN_GROUPS,
    doc: "the home page's runs table: rows grouped by `agent`, `dataset` (with the domain its question ids name: `tau2/airline` of `tau2/airline:11`) or `partN`, the N-th piece of the run name cut at every `-`, `/` and `_` (empty pieces skipped): `tau2-384954369-airline-xai/grok-3` has part3 `airline` and part4 `xai`",
  }),
  author: text({
    role: 'view',
    doc: 'the Notes page (`/notes`): keep the notes of this author (with `label`: of this author and label)',
  }),
  shown: list({
    role: 'view',
    doc: "the compared runs the Comparison tab's charts draw, in this order (at most 12; the table lists every run); default: the best 5 by their latest epoch's pass@1",
  }),
  step: int({
    role: 'trajectory',
    min: 1,
    max: INT32_MAX,
    doc: 'the step whose window of steps the trajectory page opens (1-based); default: the first',
  }),
  id: text({
    role: 'trajectory',
    doc: 'the trajectory of `/trajectories?id=…`, the form of its page for the ids `.` and `..` (they cannot be a path segment)',
  }),
  a: text({
    role: 'trajectory',
    doc: 'the trajectory in the left column of the side-by-side page `/trajectories/compare` (with `b`; `step` opens the window holding that step, default: the first difference)',
  }),
  b: text({
    role: 'trajectory',
    doc: 'the trajectory in the right column of `/trajectories/compare`, aligned step by step with `a`',
  }),
} as const satisfies Record<string, ParamSpec>;

export type Params = typeof PARAMS;
export type ParamName = keyof Params;

type KeysOf<R> = { [K in ParamName]: Params[K]['role'] extends R ? K : never }[ParamName];
export type FilterKey = KeysOf<'filter'>;
type MetricKey = KeysOf<'metric'>;
export type ViewKey = KeysOf<'view'>;
type EndpointKey = KeysOf<'endpoint'>;
export type TrajectoryKey = KeysOf<'trajectory'>;

const NAMES = Object.keys(PARAMS) as ParamName[];

/** The spec of a parameter name from a URL, or undefined (never an inherited property such as `constructor`). */
export function paramSpec(name: string): ParamSpec | undefined {
  return Object.hasOwn(PARAMS, name) ? PARAMS[name as ParamName] : undefined;
}

function namesWith(test: (spec: ParamSpec) => boolean): ParamName[] {
  return NAMES.filter((name) => test(PARAMS[name]));
}

export const PARAM_NAMES: readonly ParamName[] = NAMES;
export const FILTER_KEYS = namesWith((spec) => spec.role === 'filter') as FilterKey[];
export const METRIC_KEYS = namesWith((spec) => spec.role === 'metric') as MetricKey[];
export const VIEW_KEYS = namesWith((spec) => spec.role === 'view') as ViewKey[];
/** Parameters of the trajectory page's URL besides the search `q` it was found by. */
export const TRAJECTORY_KEYS = namesWith((spec) => spec.role === 'trajectory') as TrajectoryKey[];
/** Endpoint parameters that are also part of the dashboard URL. */
export const PAGE_KEYS = namesWith(
  (spec) => spec.role === 'endpoint' && spec.onPage === true,
) as EndpointKey[];
