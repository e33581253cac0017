import { describe, expect, it } from 'vitest';
import { concatScans } from './concat';
import type { Scan } from './scan';

function scan(epochs: number[], calls: string[][], values: string[]): Scan {
  const offsets = new Int32Array(calls.length + 1);
  calls.forEach((c, i) => (offsets[i + 1] = offsets[i] + c.length));
  return {
    length: epochs.length,
    ints: { epoch_id: Int32Array.from(epochs) },
    floats: {},
    strings: {},
    lists: {
      tool_call_names: { offsets, codes: Int32Array.from(calls.flat(), (v) => values.indexOf(v)), values },
    },
  };
}

const names = (s: Scan) => {
  const l = s.lists.tool_call_names!;
  return Array.from({ length: s.length }, (_, i) =>
    Array.from(l.codes.subarray(l.offsets[i], l.offsets[i + 1]), (c) => l.values[c]),
  );
};

describe('concatScans', () => {
  const values = ['search', 'python', 'sql'];
  const base = scan([0, 1], [['search'], []], values);

  it('joins rows and list items in order', () => {
    const joined = concatScans(base, scan([2, 3], [['python', 'search'], ['sql']], values));
    expect([...joined.ints.epoch_id!]).toEqual([0, 1, 2, 3]);
    expect(names(joined)).toEqual([['search'], [], ['python', 'search'], ['sql']]);
  });

  it('appends in place later without changing the rows earlier scans see', () => {
    const once = concatScans(base, scan([2], [['python']], values));
    const twice = concatScans(once, scan([3], [['sql', 'sql']], values));
    expect(twice.ints.epoch_id!.buffer).toBe(once.ints.epoch_id!.buffer);
    expect([...once.ints.epoch_id!]).toEqual([0, 1, 2]);
    expect(names(once)).toEqual([['search'], [], ['python']]);
    expect([...twice.ints.epoch_id!]).toEqual([0, 1, 2, 3]);
    expect(names(twice)).toEqual([['search'], [], ['python'], ['sql', 'sql']]);
  });

  it('copies when a longer scan already extends the same buffer, so neither overwrites the other', () => {
    const once = concatScans(base, scan([2], [['python']], values));
    const longer = concatScans(once, scan([3], [['sql']], values));
    const other = concatScans(once, scan([9], [['search', 'python']], values));
    expect(other.ints.epoch_id!.buffer).not.toBe(longer.ints.epoch_id!.buffer);
    expect([...longer.ints.epoch_id!]).toEqual([0, 1, 2, 3]);
    expect(names(longer)).toEqual([['search'], [], ['python'], ['sql']]);
    expect([...other.ints.epoch_id!]).toEqual([0, 1, 2, 9]);
    expect(names(other)).toEqual([['search'], [], ['python'], ['search', 'python']]);
  });
});
