import { describe, expect, it } from 'vitest';
import { bucketValues, sumByName, topCategories } from './top-categories';

describe('topCategories', () => {
  it('orders by total, ties by name', () => {
    const top = topCategories(
      new Map([
        ['b', 5],
        ['a', 5],
        ['c', 9],
      ]),
    );
    expect(top.categories).toEqual(['c', 'a', 'b']);
    expect(top.bucketOf('a')).toBe('a');
  });
  it('keeps every category up to the limit', () => {
    const totals = new Map(Array.from({ length: 8 }, (_, i) => [`r${i}`, 10 - i] as [string, number]));
    expect(topCategories(totals).categories).toHaveLength(8);
  });
  it('groups the smallest into "other" beyond the limit', () => {
    const totals = new Map(Array.from({ length: 10 }, (_, i) => [`r${i}`, 10 - i] as [string, number]));
    const top = topCategories(totals);
    expect(top.categories).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'other']);
    expect(top.bucketOf('r9')).toBe('other');
    expect(top.bucketOf('r6')).toBe('r6');
  });
  it('handles no categories', () => {
    expect(topCategories(new Map()).categories).toEqual([]);
  });
});

describe('sumByName and bucketValues', () => {
  it('sums per name and into buckets, with zeros for absent categories', () => {
    const totals = sumByName([
      { a: 1, b: 2 },
      { a: 3, c: 1 },
    ]);
    expect([...totals]).toEqual([
      ['a', 4],
      ['b', 2],
      ['c', 1],
    ]);
    const top = topCategories(totals, 2);
    expect(top.categories).toEqual(['a', 'other']);
    expect(bucketValues({ b: 2, c: 1 }, top)).toEqual({ a: 0, other: 3 });
  });
});
