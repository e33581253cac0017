import type { ChartSeries } from './types';

/** The smallest drawn value of a series (nulls skipped), or null when it has none. */
export function seriesMin(series: ChartSeries): number | null {
  let min: number | null = null;
  for (const row of series.rows) {
    for (const category of series.categories) {
      const value = row[category];
      if (typeof value === 'number' && Number.isFinite(value) && (min === null || value < min)) min = value;
    }
  }
  return min;
}

/** Bars measure from zero: the axis starts at 0, or lower when some value is negative. */
export function barAxisMin(series: ChartSeries): number {
  return Math.min(0, seriesMin(series) ?? 0);
}
