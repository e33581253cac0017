import { floats, type FloatColumn, type Scan } from '../scan/scan';

/** A float column coded by value order: each row's index among the column's sorted distinct values (−1 for NaN). */
interface OrderCodes {
  codes: Int32Array;
  distinct: number;
}

const computed = new WeakMap<Scan, Map<FloatColumn, OrderCodes>>();

function orderCodesOf(values: Float64Array): OrderCodes {
  // NaN sorts last in a typed array sort; the distinct values are the run heads before it.
  const sorted = Float64Array.from(values).sort();
  let count = 0;
  for (let i = 0; i < sorted.length && !Number.isNaN(sorted[i]); i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[count++] = sorted[i];
  const distinct = sorted.subarray(0, count);
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) {
      codes[i] = -1;
      continue;
    }
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (distinct[mid] < value) low = mid + 1;
      else high = mid;
    }
    codes[i] = low;
  }
  return { codes, distinct: count };
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
  const counts = new Float64Array(distinct);
  for (let j = 0; j < rows.length; j++) {
    const code = codes[rows[j]];
    if (code < 0) throw new RangeError(`cannot rank a missing ${column} (row ${rows[j]})`);
    counts[code]++;
  }
  // The rows with value code v hold ranks before+1 … before+count: their average is before + (count + 1) / 2.
  const average = new Float64Array(distinct);
  let before = 0;
  for (let v = 0; v < distinct; v++) {
    average[v] = before + (counts[v] + 1) / 2;
    before += counts[v];
  }
  const ranks = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) ranks[j] = average[codes[rows[j]]];
  return ranks;
}
