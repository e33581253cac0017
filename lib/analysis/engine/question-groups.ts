import { denseGroupKeys, groupOrder } from '../grouping';
import type { QuestionTable } from '../metrics/pass-metrics';
import { floats, ints, strings, type Scan } from '../scan/scan';
import type { GroupBy } from '../../vocabulary';

/** Most cells of the direct (training × epoch × data_id) lookup table; beyond it a Map numbers the questions. */
const MAX_DIRECT_CELLS = 4_000_000;

interface QuestionKeys {
  /** Per row of the scan, a dense id of its question (training, epoch, data_id), numbered in order of first row. */
  keys: Int32Array;
  count: number;
  /** Per question, its first row in the scan (where its training and epoch are read). */
  firstRow: Int32Array;
}

const computed = new WeakMap<Scan, QuestionKeys>();

function numberQuestions(scan: Scan): QuestionKeys {
  const training = strings(scan, 'training_id');
  const data = strings(scan, 'data_id');
  const epoch = ints(scan, 'epoch_id');
  let low = Infinity;
  let high = -Infinity;
  for (const e of epoch) {
    if (e < low) low = e;
    if (e > high) high = e;
  }
  const epochs = scan.length > 0 ? high - low + 1 : 0;
  const dataCount = data.values.length;
  const keys = new Int32Array(scan.length);
  const firstRow = new Int32Array(scan.length);
  let count = 0;
  const cells = training.values.length * epochs * dataCount;
  if (cells <= MAX_DIRECT_CELLS) {
    const ids = new Int32Array(cells).fill(-1);
    for (let i = 0; i < scan.length; i++) {
      const cell = (training.codes[i] * epochs + (epoch[i] - low)) * dataCount + data.codes[i];
      if (ids[cell] < 0) firstRow[(ids[cell] = count++)] = i;
      keys[i] = ids[cell];
    }
  } else {
    const ids = new Map<number, number>();
    for (let i = 0; i < scan.length; i++) {
      const cell = (training.codes[i] * epochs + (epoch[i] - low)) * dataCount + data.codes[i];
      let id = ids.get(cell);
      if (id === undefined) {
        ids.set(cell, (id = count++));
        firstRow[id] = i;
      }
      keys[i] = id;
    }
  }
  return { keys, count, firstRow: firstRow.slice(0, count) };
}

/** Per row, a dense id of its question; numbered once per scan (so once per table version for resident columns). */
export function questionKeys(scan: Scan): QuestionKeys {
  let known = computed.get(scan);
  if (!known) computed.set(scan, (known = numberQuestions(scan)));
  return known;
}

/** A selection's question table, with each question's id (in order of its first selected row). */
interface QuestionTotals extends QuestionTable {
  ids: Int32Array;
}

function totalsOf(scan: Scan, rows: Int32Array, threshold: number): QuestionTotals {
  const { keys, count, firstRow } = questionKeys(scan);
  const data = strings(scan, 'data_id').codes;
  const reward = floats(scan, 'reward');
  const n = new Int32Array(count);
  const c = new Int32Array(count);
  const rewardSum = new Float64Array(count);
  const ids = new Int32Array(Math.min(count, rows.length));
  let seen = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    const q = keys[i];
    if (n[q]++ === 0) ids[seen++] = q;
    const value = reward[i];
    // A success adds 1 without a branch: successes and failures alternate unpredictably.
    c[q] += +(value > threshold);
    rewardSum[q] += value;
  }
  const clusters = new Int32Array(count);
  for (let j = 0; j < seen; j++) clusters[ids[j]] = data[firstRow[ids[j]]];
  return { ...gather({ n, c, rewardSum, clusters }, ids.subarray(0, seen)), ids: ids.slice(0, seen) };
}

/**
 * Totals per selection array and threshold. The selections that recur (every row, one training's rows) are the same
 * array each time (see selectWhere), so the common views walk questions, not rows; the others are dropped with
 * their array.
 */
const remembered = new WeakMap<Int32Array, Map<number, QuestionTotals>>();
const THRESHOLDS_KEPT = 4;

function questionTotals(scan: Scan, rows: Int32Array, threshold: number): QuestionTotals {
  let byThreshold = remembered.get(rows);
  if (!byThreshold) remembered.set(rows, (byThreshold = new Map()));
  let totals = byThreshold.get(threshold);
  if (!totals) {
    totals = totalsOf(scan, rows, threshold);
    if (byThreshold.size >= THRESHOLDS_KEPT) byThreshold.delete(byThreshold.keys().next().value!);
    byThreshold.set(threshold, totals);
  }
  return totals;
}

/** The entries `at` (in that order) of a question table. */
function gather(table: QuestionTable, at: ArrayLike<number>): QuestionTable {
  const n = new Int32Array(at.length);
  const c = new Int32Array(at.length);
  const rewardSum = new Float64Array(at.length);
  const clusters = table.clusters ? new Int32Array(at.length) : undefined;
  for (let j = 0; j < at.length; j++) {
    const q = at[j];
    n[j] = table.n[q];
    c[j] = table.c[q];
    rewardSum[j] = table.rewardSum[q];
    if (clusters) clusters[j] = table.clusters![q];
  }
  return clusters ? { n, c, rewardSum, clusters } : { n, c, rewardSum };
}

/**
 * Per question among `rows` (training × epoch × data_id), in order of first appearance: samples, successes
 * (reward > threshold), reward sum and its data_id code (the cluster of its epochs). One pass over typed arrays, no hashing per row; the arrays are shared
 * between calls, read them only.
 */
export function questionCounts(scan: Scan, rows: Int32Array, successThreshold: number): QuestionTable {
  const { n, c, rewardSum, clusters } = questionTotals(scan, rows, successThreshold);
  return { n, c, rewardSum, clusters };
}

/** The first row of each of the questions `ids`. */
function firstRowsOf(ids: Int32Array, firstRow: Int32Array): Int32Array {
  const rows = new Int32Array(ids.length);
  for (let j = 0; j < ids.length; j++) rows[j] = firstRow[ids[j]];
  return rows;
}

/**
 * `questionCounts` of each group of `rows` by training or epoch (a question lies in one group), in the order and with
 * the labels of `groupRows`, from one pass over the rows instead of one per group.
 */
export function questionCountsByGroup(
  scan: Scan,
  rows: Int32Array,
  successThreshold: number,
  groupBy: GroupBy,
): Map<string, QuestionTable> {
  const totals = questionTotals(scan, rows, successThreshold);
  const { firstRow } = questionKeys(scan);
  const keyOf = groupBy === 'training_id' ? strings(scan, 'training_id').codes : ints(scan, 'epoch_id');
  // Each question's group slot (its key's place among the keys seen), then one counting sort: every group is a
  // contiguous run of one gathered table.
  const dense = denseGroupKeys(scan, groupBy, firstRowsOf(totals.ids, firstRow));
  const slotOfKey = dense ? new Int32Array(dense.size).fill(-1) : null;
  const slotOf = new Map<number, number>();
  const keys: number[] = [];
  const slots = new Int32Array(totals.ids.length);
  for (let j = 0; j < slots.length; j++) {
    const key = keyOf[firstRow[totals.ids[j]]];
    let slot = slotOfKey ? slotOfKey[key - dense!.low] : (slotOf.get(key) ?? -1);
    if (slot < 0) {
      slot = keys.length;
      if (slotOfKey) slotOfKey[key - dense!.low] = slot;
      slotOf.set(key, slot);
      keys.push(key);
    }
    slots[j] = slot;
  }
  const starts = new Int32Array(keys.length + 1);
  for (const slot of slots) starts[slot + 1]++;
  for (let g = 0; g < keys.length; g++) starts[g + 1] += starts[g];
  const placed = starts.slice(0, keys.length);
  const order = new Int32Array(slots.length);
  for (let j = 0; j < slots.length; j++) order[placed[slots[j]]++] = j;
  const sorted = gather(totals, order);
  return new Map(
    groupOrder(scan, groupBy, keys).map(([label, key]) => {
      const slot = slotOf.get(key)!;
      const [from, to] = [starts[slot], starts[slot + 1]];
      const table = {
        n: sorted.n.subarray(from, to),
        c: sorted.c.subarray(from, to),
        rewardSum: sorted.rewardSum.subarray(from, to),
        clusters: sorted.clusters?.subarray(from, to),
      };
      return [label, table];
    }),
  );
}
