import { describe, expect, it } from 'vitest';
import { barAxisMin, seriesMin } from './extent';
import type { ChartSeries } from './types';

const series = (rows: ChartSeries['rows']): ChartSeries => ({
  index: 'run',
  categories: ['a', 'b'],
  colors: ['blue', 'amber'],
  rows,
});

describe('seriesMin and barAxisMin', () => {
  it('finds the smallest drawn value, skipping nulls and the index', () => {
    const s = series([
      { run: 'x', a: 0.4, b: null },
      { run: 'y', a: 0.5, b: 0.42, c: -9 },
    ]);
    expect(seriesMin(s)).toBe(0.4);
    expect(barAxisMin(s)).toBe(0);
  });
  it('lets bars go below zero for negative values', () => {
    expect(barAxisMin(series([{ run: 'x', a: -0.3, b: 0.2 }]))).toBe(-0.3);
  });
  it('handles series without values', () => {
    expect(seriesMin(series([{ run: 'x', a: null, b: null }]))).toBeNull();
    expect(barAxisMin(series([]))).toBe(0);
  });
});
