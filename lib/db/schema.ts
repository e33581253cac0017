import { Bool, Field, Float64, Int32, List, Schema, TimestampMillisecond, Utf8 } from 'apache-arrow';

export const TABLE_NAME = 'trajectories';

/** One normalised step as stored in `steps_json` (an array of these). */
export interface Step {
  step_id: number;
  thought: string | null;
  action: string;
  action_input: unknown;
  observation: string | null;
  tool_status: 'success' | 'error' | null;
  process_reward: number | null;
}

/** One row of the `trajectories` table, as written by ingest. */
export interface TrajectoryRow {
  trajectory_id: string;
  training_id: string;
  epoch_id: number;
  iteration_id: number;
  sample_id: number;
  data_id: string;
  question: string | null;
  reward: number;
  termination_reason: string;
  agent_name: string | null;
  created_at: Date | null;
  steps_json: string;
  // Derived at ingest so that filters and aggregates never parse steps_json.
  step_count: number;
  tool_call_count: number;
  tool_error_count: number;
  /** Distinct tools called, for filtering. */
  tools_used: string[];
  /** Distinct tools with at least one failed call, for filtering. */
  tools_failed: string[];
  /** One entry per tool call, in order (with repeats), for per-tool statistics. */
  tool_call_names: string[];
  /** Aligned with tool_call_names: whether that call failed. */
  tool_call_failed: boolean[];
  process_reward_mean: number | null;
}

const utf8List = () => new List(new Field('item', new Utf8(), true));

/** The explicit Arrow schema of the table. Always pass it: plain JS numbers would otherwise infer as Float64. */
export const trajectorySchema = new Schema([
  new Field('trajectory_id', new Utf8(), false),
  new Field('training_id', new Utf8(), false),
  new Field('epoch_id', new Int32(), false),
  new Field('iteration_id', new Int32(), false),
  new Field('sample_id', new Int32(), false),
  new Field('data_id', new Utf8(), false),
  new Field('question', new Utf8(), true),
  new Field('reward', new Float64(), false),
  new Field('termination_reason', new Utf8(), false),
  new Field('agent_name', new Utf8(), true),
  new Field('created_at', new TimestampMillisecond('UTC'), true),
  new Field('steps_json', new Utf8(), false),
  new Field('step_count', new Int32(), false),
  new Field('tool_call_count', new Int32(), false),
  new Field('tool_error_count', new Int32(), false),
  new Field('tools_used', utf8List(), false),
  new Field('tools_failed', utf8List(), false),
  new Field('tool_call_names', utf8List(), false),
  new Field('tool_call_failed', new List(new Field('item', new Bool(), true)), false),
  new Field('process_reward_mean', new Float64(), true),
]);

export type ColumnName = keyof TrajectoryRow;
