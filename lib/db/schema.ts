import { Bool, Field, Float64, Int32, List, Schema, TimestampMillisecond, Utf8 } from 'apache-arrow';
import { trajectoryArrowSchema } from './columns';

export type { ColumnName, TrajectoryRow } from './columns';

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

/**
 * The explicit Arrow schema of the table (lib/db/columns.ts), made of the ESM classes. Always pass it: plain JS numbers
 * would otherwise infer as Float64.
 */
export const trajectorySchema = trajectoryArrowSchema({
  Bool,
  Field,
  Float64,
  Int32,
  List,
  Schema,
  TimestampMillisecond,
  Utf8,
});
