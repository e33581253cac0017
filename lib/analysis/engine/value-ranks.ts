import { distinctSorted, indexOfSorted, ranksOfCodes } from '../metrics/sorted';
import { floats, type FloatColumn, type Scan } from '../scan/scan';

/** A float column coded by value order: each row's index among the column's sorted distinct values (−1 for NaN). */
interface OrderCodes {
  codes: Int32Array;
  distinct: number;
}

const computed = new WeakMap<Scan, Map<FloatColumn, OrderCodes>>();

function orderCodesOf(values: Float64Array): OrderCodes {
  const distinct = distinctSorted(values);
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++)
    codes[i] = Number.isNaN(values[i]) ? -1 : indexOfSorted(distinct, values[i]);
  return { codes, distinct: distinct.length };
}

/** The order codes of a column, worked out once per scan (so once per table version for resident columns). */
function orderCodes(scan: Scan, column: FloatColumn): OrderCodes {
  let byColumn = computed.get(scan);
  if (!byColumn) computed.set(scan, (byColumn = new Map()));
  let codes = byColumn.get(column);
  if (!codes) byColumn.set(column, (codes = orderCodesOf(floats(scan, column))));
  return codes;
}

/**
 * The 1-based ranks of the values of `column` at `rows` among themselves, ties given the average of the ranks they
 * span (what `rank` gives for the gathered values), from the column's order codes: a count per distinct value and
 * a running sum, no sort per query. Every row must hold a value (not NaN).
 */
export function ranksAmong(scan: Scan, column: FloatColumn, rows: Int32Array): Float64Array {
  const { codes, distinct } = orderCodes(scan, column);
  const picked = new Int32Array(rows.length);
  for (let j = 0; j < rows.length; j++) {
    picked[j] = codes[rows[j]];
    if (picked[j] < 0) throw new RangeError(`cannot rank a missing ${column} (row ${rows[j]})`);
  }
  return ranksOfCodes(picked, distinct);
}
