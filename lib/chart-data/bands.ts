import type { BandedSeries, ChartBand, ChartSeries, SeriesRow } from './types';

/** The row keys of a category's 95 % interval: "Pass@1 low" and "Pass@1 high". */
export function bandOf(category: string): ChartBand {
  return { category, low: `${category} low`, high: `${category} high` };
}

/** A band's [low, high] in one row, or null where either end is missing (the band has a gap there). */
export function bandRange(row: SeriesRow, band: ChartBand): [number, number] | null {
  const low = row[band.low];
  const high = row[band.high];
  return typeof low === 'number' && typeof high === 'number' && Number.isFinite(low) && Number.isFinite(high)
    ? [low, high]
    : null;
}

/** The series as the value axis must see it: the band ends count as drawn values, so a band is never clipped. */
export function withBandExtent(series: BandedSeries): ChartSeries {
  return {
    ...series,
    categories: [...series.categories, ...series.bands.flatMap((band) => [band.low, band.high])],
  };
}

/**
 * Whether a category's value in row `index` is drawn alone (no number before or after it): a line needs two points,
 * so such a value is drawn as a dot (the selected-epoch marker, or an epoch between two gaps).
 */
export function isLonePoint(rows: readonly SeriesRow[], index: number, key: string): boolean {
  const isNumber = (row: SeriesRow | undefined) => typeof row?.[key] === 'number';
  return isNumber(rows[index]) && !isNumber(rows[index - 1]) && !isNumber(rows[index + 1]);
}
