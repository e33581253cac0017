import { z } from 'zod';
import { FAILURES_REWARD_MAX, NO_BOUND } from '../../params/table';
import { FAILURE_SORTS, type FailureSort } from '../../vocabulary';
import { orderedPage } from '../engine/order';
import type { Filters } from '../filters/query';
import { parseSteps, previewSteps, takeRows } from '../records/rows';
import { defineStat } from '../stat';
import { count, epochId } from './response-parts';

/** The default `reward_max` of the failure list, declared in the parameter table; `reward_max=any` lifts it. */
export const FAILURE_REWARD_MAX = FAILURES_REWARD_MAX;
export const DEFAULT_FAILURE_LIMIT = 100;

const stepPreview = z
  .object({
    step_id: z.number().int(),
    action: z.string(),
    /** The observation on one line, cut short ("" when none). */
    observation: z.string(),
    tool_status: z.enum(['success', 'error']).nullable(),
    /** The tool arguments on one line, cut short ("" when none). */
    action_input: z.string(),
  })
  .strict();

const failureCase = z
  .object({
    trajectory_id: z.string(),
    training_id: z.string(),
    epoch_id: epochId,
    sample_id: z.number().int(),
    data_id: z.string(),
    question: z.string().nullable(),
    reward: z.number(),
    termination_reason: z.string(),
    step_count: count,
    tool_error_count: count,
    agent_name: z.string().nullable(),
    /** The first steps, observations cut short. */
    steps_preview: z.array(stepPreview),
  })
  .strict();
export type FailureCase = z.infer<typeof failureCase>;

/** The filters as given: a list filter with one value is that value, with several the list. */
const filtersAppliedSchema = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));
export type FiltersApplied = z.infer<typeof filtersAppliedSchema>;

export const failureCasesResponse = z
  .object({
    total: count,
    limit: z.number().int().positive(),
    offset: count,
    sort: z.enum(FAILURE_SORTS),
    /** The filters applied, reward_max included (FAILURE_REWARD_MAX unless given; `"any"` when lifted). */
    filters_applied: filtersAppliedSchema,
    data: z.array(failureCase),
  })
  .strict();
export type FailureCases = z.infer<typeof failureCasesResponse>;

const SORT_KEY: Record<FailureSort, { column: 'reward' | 'step_count' | 'epoch_id'; descending: boolean }> = {
  reward: { column: 'reward', descending: false },
  '-reward': { column: 'reward', descending: true },
  step_count: { column: 'step_count', descending: false },
  '-step_count': { column: 'step_count', descending: true },
  epoch_id: { column: 'epoch_id', descending: false },
  '-epoch_id': { column: 'epoch_id', descending: true },
};

const PAGE_COLUMNS = [
  'trajectory_id',
  'training_id',
  'epoch_id',
  'sample_id',
  'data_id',
  'question',
  'reward',
  'termination_reason',
  'step_count',
  'tool_error_count',
  'agent_name',
  'steps_json',
];

export function appliedFilters(filters: Filters): FiltersApplied {
  const applied: FiltersApplied = {};
  for (const [key, value] of Object.entries(filters) as [string, string | number | string[]][]) {
    // A lifted bound (`reward_max=any`, read as ±∞) is echoed as the word it was given as: JSON has no infinity.
    if (typeof value === 'number' && !Number.isFinite(value)) applied[key] = NO_BOUND;
    else applied[key] = Array.isArray(value) && value.length === 1 ? value[0] : value;
  }
  return applied;
}

/** The failing trajectories of a selection, sorted and paged: sort keys are scanned, only the page is read in full. */
export const failureCases = defineStat({
  name: 'failure-cases',
  doc: {
    params: `\`limit\` (1–1000, default 100), \`offset\`, \`sort\`; \`reward_max\` defaults to ${FAILURES_REWARD_MAX}, \`reward_max=${NO_BOUND}\` lifts it (every scored trajectory)`,
    answers:
      'the failing trajectories, paged; `filters_applied` echoes the filters as given (one value as itself, several as a list); `steps_preview` is the first 4 steps',
  },
  response: failureCasesResponse,
  columns: ['reward', 'step_count', 'epoch_id'],
  params: ['limit', 'offset', 'sort'],
  withRowIds: true,
  // Failures are the trajectories at or below the failure reward bound, unless the filters set their own.
  prepare: (query) => ({ ...query, reward_max: query.reward_max ?? FAILURE_REWARD_MAX }),
  compute: async ({ scan, rows }, query, { source, filters }): Promise<FailureCases> => {
    const sort = query.sort ?? 'reward';
    const limit = query.limit ?? DEFAULT_FAILURE_LIMIT;
    const offset = query.offset ?? 0;
    const { column, descending } = SORT_KEY[sort];
    const rowIds = scan.rowIds!;
    const order = orderedPage(scan, rows, column, descending, offset, limit);
    const page = Array.from(order, (i) => rowIds[i]);
    const fetched = source.table ? await takeRows(source.table, page, PAGE_COLUMNS) : [];
    const data = fetched.map((row): FailureCase => ({
      trajectory_id: String(row.trajectory_id),
      training_id: String(row.training_id),
      epoch_id: Number(row.epoch_id),
      sample_id: Number(row.sample_id),
      data_id: String(row.data_id),
      question: (row.question as string | null) ?? null,
      reward: Number(row.reward),
      termination_reason: String(row.termination_reason),
      step_count: Number(row.step_count),
      tool_error_count: Number(row.tool_error_count),
      agent_name: (row.agent_name as string | null) ?? null,
      steps_preview: previewSteps(parseSteps(row.steps_json)),
    }));
    return { total: rows.length, limit, offset, sort, filters_applied: appliedFilters(filters), data };
  },
});
