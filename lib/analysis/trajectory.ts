import type { Step, TrajectoryRow } from '../db';
import { AnalysisError } from './errors';
import { parseSteps } from './rows';
import { openSource, type Source } from './source';
import { sqlString } from './where';

/** A trajectory as the viewer shows it: the stored row with its steps parsed and per-call lists left out. */
export type TrajectoryDetail = Omit<
  TrajectoryRow,
  'steps_json' | 'tool_call_names' | 'tool_call_failed' | 'created_at'
> & {
  /** ISO 8601, or null when not recorded. */
  created_at: string | null;
  steps: Step[];
};

export interface SiblingSample {
  trajectory_id: string;
  sample_id: number;
  reward: number;
  termination_reason: string;
}

const DETAIL_COLUMNS = [
  'trajectory_id',
  'training_id',
  'epoch_id',
  'iteration_id',
  'sample_id',
  'data_id',
  'question',
  'reward',
  'termination_reason',
  'agent_name',
  'created_at',
  'step_count',
  'tool_call_count',
  'tool_error_count',
  'tools_used',
  'tools_failed',
  'process_reward_mean',
  'steps_json',
];

const MAX_ID = 256;

function checkId(id: string): void {
  if (id.length === 0 || id.length > MAX_ID || /[\u0000-\u001f]/.test(id))
    throw new AnalysisError('id: not a valid trajectory id', 'id');
}

function toArray(value: unknown): string[] {
  if (!value) return [];
  return Array.from(value as Iterable<unknown>, String);
}

/** One trajectory with its parsed steps; 404 when the id is unknown. */
export async function getTrajectory(id: string, source?: Source): Promise<TrajectoryDetail> {
  checkId(id);
  const src = source ?? (await openSource());
  const rows = src.table
    ? await src.table
        .query()
        .where(`trajectory_id = ${sqlString(id)}`)
        .select(DETAIL_COLUMNS)
        .limit(1)
        .toArray()
    : [];
  if (rows.length === 0) throw new AnalysisError(`unknown trajectory "${id}"`, 'id', 404);
  const row = rows[0] as Record<string, unknown>;
  const created = row.created_at;
  return {
    trajectory_id: String(row.trajectory_id),
    training_id: String(row.training_id),
    epoch_id: Number(row.epoch_id),
    iteration_id: Number(row.iteration_id),
    sample_id: Number(row.sample_id),
    data_id: String(row.data_id),
    question: (row.question as string | null) ?? null,
    reward: Number(row.reward),
    termination_reason: String(row.termination_reason),
    agent_name: (row.agent_name as string | null) ?? null,
    created_at: created === null || created === undefined ? null : new Date(Number(created)).toISOString(),
    step_count: Number(row.step_count),
    tool_call_count: Number(row.tool_call_count),
    tool_error_count: Number(row.tool_error_count),
    tools_used: toArray(row.tools_used),
    tools_failed: toArray(row.tools_failed),
    process_reward_mean: (row.process_reward_mean as number | null) ?? null,
    steps: parseSteps(row.steps_json),
  };
}

/** The other samples of the same question in the same epoch of the same training, by sample id. */
export async function siblingSamples(detail: TrajectoryDetail, source?: Source): Promise<SiblingSample[]> {
  const src = source ?? (await openSource());
  if (!src.table) return [];
  const rows = await src.table
    .query()
    .where(
      `training_id = ${sqlString(detail.training_id)} AND epoch_id = ${detail.epoch_id} AND data_id = ${sqlString(detail.data_id)}`,
    )
    .select(['trajectory_id', 'sample_id', 'reward', 'termination_reason'])
    .limit(1000)
    .toArray();
  return rows
    .map((row) => ({
      trajectory_id: String(row.trajectory_id),
      sample_id: Number(row.sample_id),
      reward: Number(row.reward),
      termination_reason: String(row.termination_reason),
    }))
    .sort((a, b) => a.sample_id - b.sample_id);
}
