import type { ChartColor, ChartSeries } from './types';

/** The legend entry of the marker dot: "Epoch 5 selected". */
export function selectedEpochLabel(epoch: number): string {
  return `Epoch ${epoch} selected`;
}

/** Marker colours, first one the series does not use yet. */
const MARKER_COLORS: readonly ChartColor[] = ['slate', 'rose', 'fuchsia', 'gray'];

/**
 * Adds a one-point series that puts a dot on `on` at the selected epoch: the curve keeps every epoch, the epoch the
 * dashboard is narrowed to stands out. Only the selected row carries the marker key (the chart draws a lone value as
 * a dot); unchanged when the epoch is not drawn or has no value there.
 */
export function markEpochPoint<S extends ChartSeries>(series: S, epoch: number | null, on: string): S {
  if (epoch === null) return series;
  const row = series.rows.find((r) => r[series.index] === epoch);
  const value = row?.[on];
  if (typeof value !== 'number') return series;
  const label = selectedEpochLabel(epoch);
  const color = MARKER_COLORS.find((c) => !series.colors.includes(c)) ?? MARKER_COLORS[0];
  return {
    ...series,
    categories: [...series.categories, label],
    colors: [...series.colors, color],
    rows: series.rows.map((r) => (r === row ? { ...r, [label]: value } : r)),
  };
}

/** The x-axis label of the selected epoch in a chart that cannot draw a dot (bars): "▸5". */
export function markEpochLabel(series: ChartSeries, epoch: number | null): ChartSeries {
  if (epoch === null) return series;
  return {
    ...series,
    rows: series.rows.map((r) => (r[series.index] === epoch ? { ...r, [series.index]: `▸${epoch}` } : r)),
  };
}
