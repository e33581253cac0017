import { floats, ints, strings, type Scan } from '../scan/scan';

/**
 * Sample and success counts of every (question, epoch) cell of one training: the grid behind the question-level
 * views. Cell (q, e) is at `q * epochs.length + e`; a question absent from an epoch has n = 0 there.
 */
export interface QuestionCells {
  /** Ascending. */
  epochs: number[];
  /** In natural order (q2 before q10). */
  dataIds: string[];
  n: Int32Array;
  c: Int32Array;
  rewardSum: Float64Array;
}

const naturalOrder = new Intl.Collator('en', { numeric: true });

/** Compares data ids the way people number questions: `q2` before `q10`. */
export const compareDataIds = (a: string, b: string): number =>
  naturalOrder.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Builds the grid from the scanned rows (one training's rows; the caller filters). */
export function questionCells(scan: Scan, rows: Int32Array, successThreshold: number): QuestionCells {
  const epochOf = ints(scan, 'epoch_id');
  const data = strings(scan, 'data_id');
  const reward = floats(scan, 'reward');

  const epochSet = new Set<number>();
  const dataSet = new Set<number>();
  for (const i of rows) {
    epochSet.add(epochOf[i]);
    dataSet.add(data.codes[i]);
  }
  const epochs = [...epochSet].sort((a, b) => a - b);
  const dataCodes = [...dataSet].sort((a, b) => compareDataIds(data.values[a], data.values[b]));
  const epochIndex = new Map(epochs.map((e, at) => [e, at]));
  const dataIndex = new Int32Array(data.values.length);
  dataCodes.forEach((code, at) => (dataIndex[code] = at));

  const width = epochs.length;
  const size = dataCodes.length * width;
  const n = new Int32Array(size);
  const c = new Int32Array(size);
  const rewardSum = new Float64Array(size);
  for (const i of rows) {
    const cell = dataIndex[data.codes[i]] * width + epochIndex.get(epochOf[i])!;
    n[cell]++;
    if (reward[i] > successThreshold) c[cell]++;
    rewardSum[cell] += reward[i];
  }
  return { epochs, dataIds: dataCodes.map((code) => data.values[code]), n, c, rewardSum };
}
