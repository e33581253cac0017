import type { TrajectoryRow } from '../db/schema';
import { trajectorySchema } from '../db/schema';
import { sha1Hex } from './hash';

const COLUMNS = trajectorySchema.fields.map((field) => field.name);

/**
 * A short string (sha1 of every column's value) equal for two rows when every column is equal: works on a row about
 * to be written (dates as Date, lists as arrays) and on a row read back from LanceDB (timestamps as epoch ms, lists as
 * Arrow vectors).
 */
export function rowFingerprint(row: TrajectoryRow | Record<string, unknown>): string {
  const values = COLUMNS.map((column) => comparable((row as Record<string, unknown>)[column]));
  return sha1Hex(JSON.stringify(values));
}

function comparable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'object' && Symbol.iterator in value) return Array.from(value as Iterable<unknown>);
  return value;
}
