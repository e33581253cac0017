import { distinctSorted, indexOfSorted } from '../metrics/sorted';
import type { Scan } from '../scan/scan';

export type OrderKey = 'reward' | 'step_count' | 'epoch_id';

const orders = new WeakMap<Scan, Map<string, Int32Array>>();

function keyValues(scan: Scan, column: OrderKey): ArrayLike<number> {
  const values = column === 'reward' ? scan.floats.reward : scan.ints[column];
  if (!values) throw new Error(`order: column ${column} was not selected`);
  return values;
}

/** Most distinct key values ranked for a counting sort; more fall back to a comparison sort. */
const MAX_RANKS = 1 << 16;

/** Row indices in ascending row id order (the scan's own order unless appends or compaction reordered it). */
function byRowId(scan: Scan): Int32Array {
  const rowIds = scan.rowIds!;
  const order = new Int32Array(scan.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = 1; i < rowIds.length; i++) {
    if (rowIds[i - 1] > rowIds[i]) return order.sort((a, b) => (rowIds[a] < rowIds[b] ? -1 : 1));
  }
  return order;
}

/** Every row of the scan by key (descending or not), ties by row id ascending: computed once per scan. */
function fullOrder(scan: Scan, column: OrderKey, descending: boolean): Int32Array {
  let byScan = orders.get(scan);
  if (!byScan) orders.set(scan, (byScan = new Map()));
  const name = `${column}:${descending}`;
  let order = byScan.get(name);
  if (!order) byScan.set(name, (order = sortRows(scan, column, descending)));
  return order;
}

/** A stable counting sort by the rank of each row's key, over the rows in row id order. */
function sortRows(scan: Scan, column: OrderKey, descending: boolean): Int32Array {
  if (!scan.rowIds) throw new Error('order: the scan has no row ids');
  const key = keyValues(scan, column);
  const distinct = distinctSorted(key);
  if (distinct.length > MAX_RANKS) {
    const order = new Int32Array(scan.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    return order.sort(comparator(scan, column, descending));
  }
  const last = distinct.length - 1;
  const starts = new Int32Array(distinct.length + 1);
  const ranks = new Int32Array(scan.length);
  for (let i = 0; i < scan.length; i++) {
    const rank = indexOfSorted(distinct, key[i]);
    starts[(ranks[i] = descending ? last - rank : rank) + 1]++;
  }
  for (let r = 0; r < distinct.length; r++) starts[r + 1] += starts[r];
  const order = new Int32Array(scan.length);
  for (const i of byRowId(scan)) order[starts[ranks[i]]++] = i;
  return order;
}

function comparator(scan: Scan, column: OrderKey, descending: boolean): (a: number, b: number) => number {
  const key = keyValues(scan, column);
  const rowIds = scan.rowIds;
  if (!rowIds) throw new Error('order: the scan has no row ids');
  return (a, b) => {
    const d = descending ? key[b] - key[a] : key[a] - key[b];
    return d !== 0 ? d : rowIds[a] < rowIds[b] ? -1 : rowIds[a] > rowIds[b] ? 1 : 0;
  };
}

/**
 * Rows `offset … offset + limit` of `rows` ordered by `column` (descending or not), ties by LanceDB row id. A
 * selection of a large scan walks the scan's full order (sorted once per scan, so once per table version for resident
 * columns); a small one is sorted on its own.
 */
export function orderedPage(
  scan: Scan,
  rows: Int32Array,
  column: OrderKey,
  descending: boolean,
  offset: number,
  limit: number,
): Int32Array {
  if (rows.length * 16 < scan.length || offset >= rows.length) {
    return Int32Array.from(rows)
      .sort(comparator(scan, column, descending))
      .slice(offset, offset + limit);
  }
  const selected = new Uint8Array(scan.length);
  for (let j = 0; j < rows.length; j++) selected[rows[j]] = 1;
  const page = new Int32Array(Math.min(limit, rows.length - offset));
  let seen = 0;
  let taken = 0;
  for (const i of fullOrder(scan, column, descending)) {
    if (selected[i] === 0) continue;
    if (seen++ < offset) continue;
    page[taken++] = i;
    if (taken === page.length) break;
  }
  return page;
}
