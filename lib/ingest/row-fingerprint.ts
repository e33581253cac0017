import type { TrajectoryRow } from '../db/schema';
import { trajectorySchema } from '../db/schema';

const COLUMNS = trajectorySchema.fields.map((field) => field.name);

/**
 * A string equal for two rows exactly when every column is equal: works on a row about to be written (dates as Date,
 * lists as arrays) and on a row read back from LanceDB (timestamps as epoch ms, lists as Arrow vectors).
 */
export function rowFingerprint(row: TrajectoryRow | Record<string, unknown>): string {
  const values = COLUMNS.map((column) => comparable((row as Record<string, unknown>)[column]));
  return JSON.stringify(values);
}

function comparable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'object' && Symbol.iterator in value) return Array.from(value as Iterable<unknown>);
  return value;
}
