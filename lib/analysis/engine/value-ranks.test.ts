import { describe, expect, it } from 'vitest';
import { rank } from '../metrics/correlation';
import { mulberry32 } from '../metrics/random';
import type { Scan } from '../scan/scan';
import { ranksAmong } from './value-ranks';

/** A scan holding only a process reward column: many ties, some missing values, -0 beside 0. */
function scanOf(values: Float64Array): Scan {
  return { length: values.length, ints: {}, floats: { process_reward_mean: values }, strings: {}, lists: {} };
}

describe('ranksAmong', () => {
  const rng = mulberry32(5);
  const values = Float64Array.from({ length: 20_000 }, (_, i) =>
    i % 97 === 0 ? Number.NaN : i % 101 === 0 ? -0 : Math.round(rng() * 200) / 50 - 2,
  );
  const scan = scanOf(values);
  const present = Int32Array.from({ length: values.length }, (_, i) => i).filter(
    (i) => !Number.isNaN(values[i]),
  );

  it('equals the ranks of the gathered values, for every row and for subsets', () => {
    const subsets = [
      present,
      present.filter((i) => i % 3 === 1),
      present.filter((i) => values[i] > 0),
      present.subarray(0, 1),
    ];
    for (const rows of subsets) {
      const gathered = Float64Array.from(rows, (i) => values[i]);
      expect([...ranksAmong(scan, 'process_reward_mean', rows)]).toEqual([...rank(gathered)]);
    }
  });

  it('is empty for no rows, and refuses a missing value', () => {
    expect(ranksAmong(scan, 'process_reward_mean', new Int32Array(0))).toHaveLength(0);
    expect(() => ranksAmong(scan, 'process_reward_mean', Int32Array.of(0))).toThrow(RangeError);
  });
});
