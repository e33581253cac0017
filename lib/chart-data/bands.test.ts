import { describe, expect, it } from 'vitest';
import { bandOf, bandRange, isLonePoint, withBandExtent } from './bands';
import type { BandedSeries } from './types';

describe('bandOf', () => {
  it('names the two ends after the category', () => {
    expect(bandOf('Pass@1')).toEqual({ category: 'Pass@1', low: 'Pass@1 low', high: 'Pass@1 high' });
  });
});

describe('bandRange', () => {
  const band = bandOf('Avg reward');
  it('gives [low, high] when both ends are numbers', () => {
    expect(bandRange({ epoch: 0, 'Avg reward low': 0.2, 'Avg reward high': 0.5 }, band)).toEqual([0.2, 0.5]);
  });
  it('is a zero-width range when both ends are equal', () => {
    expect(bandRange({ 'Avg reward low': 0.4, 'Avg reward high': 0.4 }, band)).toEqual([0.4, 0.4]);
  });
  it('is null (a gap) when an end is null, missing or not finite', () => {
    expect(bandRange({ 'Avg reward low': null, 'Avg reward high': 0.5 }, band)).toBeNull();
    expect(bandRange({ 'Avg reward low': 0.1 }, band)).toBeNull();
    expect(bandRange({ 'Avg reward low': Number.NaN, 'Avg reward high': 0.5 }, band)).toBeNull();
  });
});

describe('withBandExtent', () => {
  it('adds the band ends to the categories the axis spans, keeping rows and colours', () => {
    const series: BandedSeries = {
      index: 'epoch',
      categories: ['Pass@1', 'Pass@8'],
      colors: ['emerald', 'violet'],
      rows: [{ epoch: 0, 'Pass@1': 0.5, 'Pass@1 low': 0.3, 'Pass@1 high': 0.7, 'Pass@8': 0.9 }],
      bands: [bandOf('Pass@1')],
    };
    const extent = withBandExtent(series);
    expect(extent.categories).toEqual(['Pass@1', 'Pass@8', 'Pass@1 low', 'Pass@1 high']);
    expect(extent.rows).toBe(series.rows);
    expect(extent.colors).toEqual(['emerald', 'violet']);
  });
});

describe('isLonePoint', () => {
  const rows = [{ a: 1 }, { a: null }, { a: 3 }, { a: null }, { a: 5 }, { a: 6 }];
  it('is true for a value between gaps or at an edge next to a gap', () => {
    expect(isLonePoint(rows, 0, 'a')).toBe(true);
    expect(isLonePoint(rows, 2, 'a')).toBe(true);
  });
  it('is false for a value with a neighbour, and for a missing value', () => {
    expect(isLonePoint(rows, 4, 'a')).toBe(false);
    expect(isLonePoint(rows, 5, 'a')).toBe(false);
    expect(isLonePoint(rows, 1, 'a')).toBe(false);
  });
  it('is true for the only row', () => {
    expect(isLonePoint([{ a: 0 }], 0, 'a')).toBe(true);
  });
});
