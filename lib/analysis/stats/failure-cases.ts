import type { FailureSort } from '../../vocabulary';
import { orderedPage } from '../engine/order';
import type { Filters } from '../filters/query';
import { parseSteps, previewSteps, takeRows, type StepPreview } from '../records/rows';
import { defineStat } from '../stat';

export const FAILURE_REWARD_MAX = 0.5;
export const DEFAULT_FAILURE_LIMIT = 100;

export interface FailureCase {
  trajectory_id: string;
  training_id: string;
  epoch_id: number;
  sample_id: number;
  data_id: string;
  question: string | null;
  reward: number;
  termination_reason: string;
  step_count: number;
  tool_error_count: number;
  agent_name: string | null;
  /** The first steps, observations cut short. */
  steps_preview: StepPreview[];
}

/** The filters as given: a list filter with one value is that value, with several the list. */
export type FiltersApplied = Record<string, string | number | string[]>;

export interface FailureCases {
  total: number;
  limit: number;
  offset: number;
  sort: FailureSort;
  /** The filters applied, reward_max included (FAILURE_REWARD_MAX unless given). */
  filters_applied: FiltersApplied;
  data: FailureCase[];
}

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

export function filtersApplied(filters: Filters): FiltersApplied {
  const applied: FiltersApplied = {};
  for (const [key, value] of Object.entries(filters) as [string, string | number | string[]][])
    applied[key] = Array.isArray(value) && value.length === 1 ? value[0] : value;
  return applied;
}

/** The failing trajectories of a selection, sorted and paged: sort keys are scanned, only the page is read in full. */
export const failureCases = defineStat({
  name: 'failure-cases',
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
    return { total: rows.length, limit, offset, sort, filters_applied: filtersApplied(filters), data };
  },
});
