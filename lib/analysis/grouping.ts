import type { GroupBy } from '../vocabulary';
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
  const keys = groupBy === 'training_id' ? strings(scan, 'training_id').codes : ints(scan, 'epoch_id');
  // First pass: the distinct keys (numbered densely) and each one's row count.
  const slotOf = new Map<number, number>();
  const distinct: number[] = [];
  let counts = new Int32Array(16);
  const slots = new Int32Array(rows.length);
  let previousKey = NaN;
  let previousSlot = -1;
  for (let j = 0; j < rows.length; j++) {
    const key = keys[rows[j]];
    let slot = key === previousKey ? previousSlot : slotOf.get(key);
    if (slot === undefined) {
      slotOf.set(key, (slot = distinct.length));
      distinct.push(key);
      if (slot === counts.length) {
        const grown = new Int32Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    previousKey = key;
    previousSlot = slot;
    slots[j] = slot;
    counts[slot]++;
  }
  // Second pass: each row into its group's typed array, in the order given.
  const groups = distinct.map((_, slot) => new Int32Array(counts[slot]));
  const filled = new Int32Array(distinct.length);
  for (let j = 0; j < rows.length; j++) groups[slots[j]][filled[slots[j]]++] = rows[j];
  return new Map(
    groupOrder(scan, groupBy, distinct).map(([label, key]) => [label, groups[slotOf.get(key)!]]),
  );
}

/** Group keys (training_id dictionary codes or epochs) as [label, key], training ids sorted, epochs ascending. */
export function groupOrder(scan: Scan, groupBy: GroupBy, keys: readonly number[]): [string, number][] {
  if (groupBy === 'epoch_id') return [...keys].sort((a, b) => a - b).map((key) => [String(key), key]);
  const names = strings(scan, 'training_id').values;
  return keys
    .map((key): [string, number] => [names[key], key])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Most distinct keys (from the lowest to the highest) a dense per-group array may span. */
const DENSE_KEYS_MAX = 1 << 16;

/**
 * The group key of every row (training_id dictionary codes or epochs) and the range [low, low + size) the keys of
 * `rows` fall in, so per-group figures can live in plain arrays indexed by key − low; null when the range is too wide.
 */
export function denseGroupKeys(
  scan: Scan,
  groupBy: GroupBy,
  rows: Int32Array,
): { keys: Int32Array; low: number; size: number } | null {
  const keys = groupBy === 'training_id' ? strings(scan, 'training_id').codes : ints(scan, 'epoch_id');
  if (groupBy === 'training_id') return { keys, low: 0, size: strings(scan, 'training_id').values.length };
  let low = Infinity;
  let high = -Infinity;
  for (let j = 0; j < rows.length; j++) {
    const key = keys[rows[j]];
    if (key < low) low = key;
    if (key > high) high = key;
  }
  if (rows.length === 0) return { keys, low: 0, size: 0 };
  return high - low < DENSE_KEYS_MAX ? { keys, low, size: high - low + 1 } : null;
}

/** The columns grouping needs, added to a stat's own projection. */
export function groupColumns(groupBy: GroupBy | undefined): ('training_id' | 'epoch_id')[] {
  return groupBy ? [groupBy] : [];
}
