import { describe, expect, it } from 'vitest';
import { runSpreadSeries } from './run-spread';
import type { ChartSeries } from './types';

const lines: ChartSeries = {
  index: 'epoch',
  categories: ['a', 'b', 'c', 'd'],
  colors: ['blue', 'amber', 'emerald', 'violet'],
  rows: [
    { epoch: 0, a: 0.25, b: 1, c: 0.5, d: null },
    { epoch: 1, a: 0.5, b: 0.75, c: 0, d: 1 },
    { epoch: 2, a: null, b: null, c: null, d: null },
  ],
};

describe('runSpreadSeries', () => {
  it('draws the median run with a band over the middle half of the runs, per epoch', () => {
    expect(runSpreadSeries(lines)).toEqual({
      index: 'epoch',
      categories: ['Median run'],
      colors: ['blue'],
      rows: [
        // 0.25, 0.5, 1 (d has no epoch 0): median 0.5; quartiles at positions 0.5 and 1.5:
        // 0.25 + 0.5 · 0.25 = 0.375 and 0.5 + 0.5 · 0.5 = 0.75
        { epoch: 0, 'Median run': 0.5, 'lower quartile': 0.375, 'upper quartile': 0.75 },
        // 0, 0.5, 0.75, 1: median (0.5 + 0.75) / 2; positions 0.75 and 2.25: 0.375 and 0.75 + 0.25 · 0.25
        { epoch: 1, 'Median run': 0.625, 'lower quartile': 0.375, 'upper quartile': 0.8125 },
        // no run has epoch 2: a gap
        { epoch: 2, 'Median run': null, 'lower quartile': null, 'upper quartile': null },
      ],
      bands: [{ category: 'Median run', low: 'lower quartile', high: 'upper quartile' }],
    });
  });

  it('keeps its keys clear of the index', () => {
    const spread = runSpreadSeries({
      ...lines,
      index: 'lower quartile',
      rows: [{ 'lower quartile': 0, a: 0.5 }],
    });
    expect(spread.rows).toEqual([
      { 'lower quartile': 0, 'Median run': 0.5, 'lower quartile_': 0.5, 'upper quartile': 0.5 },
    ]);
    expect(spread.bands[0].low).toBe('lower quartile_');
  });
});
