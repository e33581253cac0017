import type { BandedSeries, ChartSeries } from './types';

/** Past this many runs, one line each is a tangle (and their legend fills the chart): a chart draws their spread. */
export const MAX_RUN_LINES = 8;

/** Linear-interpolation quantile (type 7) of ascending values, q in [0, 1]. */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** A key for a row that is not the index key (the index is kept as it is). */
function keyBesides(base: string, index: string): string {
  return base === index ? `${base}_` : base;
}

/**
 * Many runs' lines (one category per run) as their spread: per index value (epoch) the median over the runs that
 * have a value there, and a band over the middle half of them (lower to upper quartile). The full range would say
 * little: with dozens of runs of a few samples each, some run is nearly always at 0 % and another at 100 %. An epoch
 * no run has stays a gap.
 */
export function runSpreadSeries(series: ChartSeries, label = 'Median run'): BandedSeries {
  const line = keyBesides(label, series.index);
  const low = keyBesides('lower quartile', series.index);
  const high = keyBesides('upper quartile', series.index);
  const rows = series.rows.map((row) => {
    const values = series.categories
      .map((category) => row[category])
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
      .sort((a, b) => a - b);
    const some = values.length > 0;
    return {
      [series.index]: row[series.index],
      [line]: some ? quantile(values, 0.5) : null,
      [low]: some ? quantile(values, 0.25) : null,
      [high]: some ? quantile(values, 0.75) : null,
    };
  });
  return {
    index: series.index,
    categories: [line],
    colors: ['blue'],
    rows,
    bands: [{ category: line, low, high }],
  };
}
