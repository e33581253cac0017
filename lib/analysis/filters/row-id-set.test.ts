import { describe, expect, it } from 'vitest';
import { RowIdSet } from './row-id-set';

const id = (fragment: number, offset: number) => (BigInt(fragment) << 32n) | BigInt(offset);

describe('RowIdSet', () => {
  it('holds exactly the ids given, across fragments, counting repeats once', () => {
    const set = new RowIdSet([id(0, 0), id(0, 9), id(3, 4_000_000), id(0, 9), id(70_000, 1)]);
    expect(set.size).toBe(4);
    for (const [f, o] of [
      [0, 0],
      [0, 9],
      [3, 4_000_000],
      [70_000, 1],
    ])
      expect(set.has(id(f, o)), `${f}:${o}`).toBe(true);
    for (const [f, o] of [
      [0, 1],
      [0, 8],
      [0, 10],
      [1, 0],
      [3, 3_999_999],
      [3, 4_000_001],
      [70_000, 0],
    ])
      expect(set.has(id(f, o)), `${f}:${o}`).toBe(false);
  });

  it('holds a million ids of one fragment (no argument list as long as the matches)', () => {
    const ids = Array.from({ length: 1_000_000 }, (_, i) => id(2, i * 3));
    const set = new RowIdSet(ids);
    expect(set.size).toBe(1_000_000);
    expect(set.has(id(2, 2_999_997))).toBe(true);
    expect(set.has(id(2, 2_999_998))).toBe(false);
  });

  it('is empty for no ids', () => {
    const set = new RowIdSet([]);
    expect(set.size).toBe(0);
    expect(set.has(0n)).toBe(false);
  });
});
