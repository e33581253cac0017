import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, tempDb } from '../../test-support/fixture';
import { floats, ints, strings, type Scan } from '../scan/scan';
import { openSource } from '../source';
import { questionCounts, questionKeys } from './question-groups';

/** A plain hash-keyed count per question, in order of first appearance: the reference questionCounts must match. */
function hashedCounts(scan: Scan, rows: Int32Array, threshold: number) {
  const training = strings(scan, 'training_id').codes;
  const epoch = ints(scan, 'epoch_id');
  const data = strings(scan, 'data_id').codes;
  const reward = floats(scan, 'reward');
  const index = new Map<string, number>();
  const n: number[] = [];
  const c: number[] = [];
  const rewardSum: number[] = [];
  for (const i of rows) {
    const key = `${training[i]}/${epoch[i]}/${data[i]}`;
    let q = index.get(key);
    if (q === undefined) {
      index.set(key, (q = n.length));
      n.push(0);
      c.push(0);
      rewardSum.push(0);
    }
    n[q]++;
    if (reward[i] > threshold) c[q]++;
    rewardSum[q] += reward[i];
  }
  return { n, c, rewardSum };
}

describe('questionCounts', () => {
  const db = tempDb();
  let scan: Scan;
  beforeAll(async () => {
    await loadFixture(db.config);
    scan = (await openSource(db.config)).resident!.columns.scan;
  });
  afterAll(() => db.cleanup());

  const where = (test: (i: number) => boolean) =>
    Int32Array.from({ length: scan.length }, (_, i) => i).filter(test);

  it('counts samples, successes and reward per question (training × epoch × data_id)', () => {
    const training = strings(scan, 'training_id');
    const alpha0 = where(
      (i) => training.values[training.codes[i]] === 'alpha' && scan.ints.epoch_id![i] === 0,
    );
    const table = questionCounts(scan, alpha0, 0);
    // alpha, epoch 0 (FIXTURE): q1 2 of 4 succeed, q2 0 of 4 (rewards 0, 0, 0, −0.5), q3 4 of 4 (1, 1, 0.5, 1).
    expect([...table.n]).toEqual([4, 4, 4]);
    expect([...table.c]).toEqual([2, 0, 4]);
    expect([...table.rewardSum]).toEqual([2, -0.5, 3.5]);
    expect(questionKeys(scan).count).toBe(3 * 2 + 2);
  });

  it('equals a hash-keyed count on every selection and threshold', () => {
    const selections = [
      where(() => true),
      where((i) => i % 3 !== 0),
      where((i) => scan.ints.epoch_id![i] === 1),
      new Int32Array(0),
    ];
    for (const rows of selections) {
      for (const threshold of [0, 0.5, -1]) {
        const expected = hashedCounts(scan, rows, threshold);
        const actual = questionCounts(scan, rows, threshold);
        expect([...actual.n]).toEqual(expected.n);
        expect([...actual.c]).toEqual(expected.c);
        expect([...actual.rewardSum]).toEqual(expected.rewardSum);
      }
    }
  });
});
