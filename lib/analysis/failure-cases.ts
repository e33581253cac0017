import type { FailureSort } from '../search-params';
import { allRows } from './grouping';
import { parseSteps, stepsPreview, takeRows } from './rows';
import { floats, ints, scanTable } from './scan/scan';
import { cached, openSource, type Source } from './source';
import { assertTrainingsExist } from './stat';
import { pickFilters, type AnalysisQuery } from './query';
import { compileWhere } from './where';

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
  steps_preview: string;
}

export interface FailureCases {
  total: number;
  limit: number;
  offset: number;
  sort: FailureSort;
  filters_applied: Record<string, unknown>;
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

/** The failing trajectories of a selection, sorted and paged: sort keys are scanned, only the page is read in full. */
export async function failureCases(query: AnalysisQuery, source?: Source): Promise<FailureCases> {
  const src = source ?? (await openSource());
  await assertTrainingsExist(src, query.training_id);
  const effective: AnalysisQuery = { ...query, reward_max: query.reward_max ?? FAILURE_REWARD_MAX };
  const sort = query.sort ?? 'reward';
  const limit = query.limit ?? DEFAULT_FAILURE_LIMIT;
  const filters = pickFilters(effective);
  const base = {
    total: 0,
    limit,
    offset: query.offset,
    sort,
    filters_applied: filters,
    data: [] as FailureCase[],
  };
  if (!src.table) return base;
  const table = src.table;
  return cached(src, 'failure-cases', effective, async () => {
    const { column, descending } = SORT_KEY[sort];
    const scan = await scanTable(table, {
      where: compileWhere(filters),
      columns: [column],
      withRowIds: true,
    });
    const key = column === 'reward' ? floats(scan, 'reward') : ints(scan, column);
    const rowIds = scan.rowIds!;
    const order = allRows(scan.length).sort((a, b) => {
      const d = descending ? key[b] - key[a] : key[a] - key[b];
      return d !== 0 ? d : rowIds[a] < rowIds[b] ? -1 : rowIds[a] > rowIds[b] ? 1 : 0;
    });
    const page = Array.from(order.subarray(query.offset, query.offset + limit), (i) => rowIds[i]);
    const rows = await takeRows(table, page, PAGE_COLUMNS);
    const data = rows.map((row): FailureCase => ({
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
      steps_preview: stepsPreview(parseSteps(row.steps_json)),
    }));
    return { ...base, total: scan.length, data };
  });
}
