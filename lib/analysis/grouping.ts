import type { GroupBy } from '../search-params';
import { ints, strings, type Scan } from './scan/scan';

/** Indices 0..n-1: the rows of an ungrouped statistic. */
export function allRows(length: number): Int32Array {
  const rows = new Int32Array(length);
  for (let i = 0; i < length; i++) rows[i] = i;
  return rows;
}

/**
 * Splits scanned rows (all of them, or the subset `rows`) into groups keyed by training id or epoch, in a stable
 * order: training ids sorted, epochs ascending.
 */
export function groupRows(
  scan: Scan,
  groupBy: GroupBy,
  rows: Int32Array = allRows(scan.length),
): Map<string, Int32Array> {
  const keyOf: (i: number) => number =
    groupBy === 'training_id'
      ? (i) => strings(scan, 'training_id').codes[i]
      : (i) => ints(scan, 'epoch_id')[i];
  const buckets = new Map<number, number[]>();
  for (const i of rows) {
    const key = keyOf(i);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(i);
    else buckets.set(key, [i]);
  }
  const label =
    groupBy === 'training_id'
      ? (key: number) => strings(scan, 'training_id').values[key]
      : (key: number) => String(key);
  const ordered = [...buckets.entries()].map(([key, rows]) => [label(key), key, rows] as const);
  ordered.sort((a, b) => (groupBy === 'epoch_id' ? a[1] - b[1] : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(ordered.map(([name, , rows]) => [name, Int32Array.from(rows)]));
}

/** The columns grouping needs, added to a stat's own projection. */
export function groupColumns(groupBy: GroupBy | undefined): ('training_id' | 'epoch_id')[] {
  return groupBy ? [groupBy] : [];
}
