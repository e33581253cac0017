import { floats, ints, strings, type Scan } from '../scan/scan';

/** Most cells of the direct (training × epoch × data_id) lookup table; beyond it a Map numbers the questions. */
const MAX_DIRECT_CELLS = 4_000_000;

interface QuestionKeys {
  /** Per row of the scan, a dense id of its question (training, epoch, data_id). */
  keys: Int32Array;
  count: number;
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
  let count = 0;
  const cells = training.values.length * epochs * dataCount;
  if (cells <= MAX_DIRECT_CELLS) {
    const ids = new Int32Array(cells).fill(-1);
    for (let i = 0; i < scan.length; i++) {
      const cell = (training.codes[i] * epochs + (epoch[i] - low)) * dataCount + data.codes[i];
      keys[i] = ids[cell] >= 0 ? ids[cell] : (ids[cell] = count++);
    }
  } else {
    const ids = new Map<number, number>();
    for (let i = 0; i < scan.length; i++) {
      const cell = (training.codes[i] * epochs + (epoch[i] - low)) * dataCount + data.codes[i];
      let id = ids.get(cell);
      if (id === undefined) ids.set(cell, (id = count++));
      keys[i] = id;
    }
  }
  return { keys, count };
}

/** Per row, a dense id of its question; numbered once per scan (so once per table version for resident columns). */
export function questionKeys(scan: Scan): QuestionKeys {
  let known = computed.get(scan);
  if (!known) computed.set(scan, (known = numberQuestions(scan)));
  return known;
}

/**
 * Per question among `rows` (training × epoch × data_id), in order of first appearance: samples, successes
 * (reward > threshold) and reward sum. One pass over typed arrays, no hashing per row.
 */
export function questionCounts(
  scan: Scan,
  rows: Int32Array,
  successThreshold: number,
): { n: Int32Array; c: Int32Array; rewardSum: Float64Array } {
  const { keys, count } = questionKeys(scan);
  const reward = floats(scan, 'reward');
  const slot = new Int32Array(count).fill(-1);
  const n = new Int32Array(Math.min(count, rows.length));
  const c = new Int32Array(n.length);
  const rewardSum = new Float64Array(n.length);
  let questions = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    let q = slot[keys[i]];
    if (q < 0) q = slot[keys[i]] = questions++;
    n[q]++;
    if (reward[i] > successThreshold) c[q]++;
    rewardSum[q] += reward[i];
  }
  return { n: n.slice(0, questions), c: c.slice(0, questions), rewardSum: rewardSum.slice(0, questions) };
}
