import type { ChartSeries, SeriesRow, ValueFormat } from './types';

/** Ticks on every value axis: the charting library draws five when the domain is fixed. */
export const AXIS_TICK_COUNT = 5;

/**
 * Step mantissas, smallest first: 1, 2, 2.5 and 5 times a power of ten. 2.5 gives quarters (0 / 25 / 50 / 75 / 100 %)
 * and is used for fractional steps only: counts step by 1, 2, 5, 10, … (and the charts draw a step of 2.5 as 3).
 */
const STEP_MANTISSAS = [1, 2, 2.5, 5] as const;

export interface AxisScale {
  min: number;
  max: number;
  /** Evenly spaced from min to max, AXIS_TICK_COUNT of them. */
  ticks: number[];
}

/** Drops floating-point noise: 0.30000000000000004 → 0.3. */
function clean(value: number): number {
  const rounded = Number(value.toPrecision(12));
  return rounded === 0 ? 0 : rounded;
}

/** Nice steps from the smallest at least `least` upwards. */
function* stepsFrom(least: number): Generator<number> {
  let magnitude = 10 ** Math.floor(Math.log10(least));
  for (;;) {
    for (const m of STEP_MANTISSAS) {
      const step = clean(m * magnitude);
      if (step >= least * (1 - 1e-9) && (m !== 2.5 || step < 1)) yield step;
    }
    magnitude *= 10;
  }
}

/**
 * The axis from `low` to `high` with ticks at round values: the smallest step of 1, 2, 2.5 or 5 × 10ⁿ whose
 * `count` ticks, starting at a multiple of the step, cover both ends. A zero-width range is widened around its value.
 */
export function niceScale(low: number, high: number, count = AXIS_TICK_COUNT): AxisScale {
  if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) {
    throw new RangeError(`niceScale: bad range [${low}, ${high}]`);
  }
  if (!Number.isInteger(count) || count < 2) throw new RangeError(`niceScale: bad tick count ${count}`);
  const spread = high - low;
  const width = spread > 0 ? spread : Math.abs(high) > 0 ? Math.abs(high) * 0.2 : 1;
  const from = spread > 0 ? low : low - width / 2;
  const to = spread > 0 ? high : high + width / 2;
  for (const step of stepsFrom(width / (count - 1))) {
    // Ticks are whole multiples of the step, so zero is exactly 0.
    const first = Math.floor(clean(from / step));
    const ticks = Array.from({ length: count }, (_, i) => clean((first + i) * step));
    // Sums of shares land a hair above 1 (0.1 + 0.2 + 0.7 = 1.0000000000000002): that still fits the tick at 1.
    if (ticks[count - 1] >= to - step * 1e-9) return { min: ticks[0], max: ticks[count - 1], ticks };
  }
  throw new Error('unreachable');
}

/** The smallest and largest drawn value of a series (nulls and the index skipped), or null when it has none. */
export function seriesRange(series: ChartSeries): [number, number] | null {
  let low = Infinity;
  let high = -Infinity;
  for (const row of series.rows) {
    for (const category of series.categories) {
      const value = row[category];
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  return low <= high ? [low, high] : null;
}

export interface ValueAxisOptions {
  /** Start at zero (bars, counts and rates measure from it) unless some value is negative. */
  fromZero?: boolean;
  /** The categories are stacked: the axis must reach each row's total. */
  stacked?: boolean;
}

/** Each row's sum over the categories, for stacked bars. */
function stackedRange(series: ChartSeries): [number, number] | null {
  const totals = series.rows.map((row) =>
    series.categories.reduce((sum, c) => {
      const v = row[c];
      return typeof v === 'number' && Number.isFinite(v) ? sum + v : sum;
    }, 0),
  );
  return totals.length > 0 ? [Math.min(...totals), Math.max(...totals)] : null;
}

/**
 * The value axis of a chart: rates from 0 and never past 100 % (when the data stays within it), counts from 0,
 * rewards around their data; null when there is nothing to draw (the chart shows its empty state).
 */
export function valueAxis(
  series: ChartSeries,
  format: ValueFormat,
  { fromZero = format !== 'reward', stacked = false }: ValueAxisOptions = {},
): AxisScale | null {
  const range = stacked ? stackedRange(series) : seriesRange(series);
  if (!range) return null;
  const low = fromZero ? Math.min(0, range[0]) : range[0];
  const high = fromZero ? Math.max(0, range[1]) : range[1];
  if (format === 'percent' && low >= 0 && high <= 1 && high === low) return niceScale(0, 1);
  return niceScale(low, high);
}

/** A row's running total in category order, the order a stacked chart adds its bars up. */
function stackTop(row: SeriesRow, categories: readonly string[]): number {
  let top = 0;
  for (const c of categories) {
    const v = row[c];
    if (typeof v === 'number' && Number.isFinite(v)) top += v;
  }
  return top;
}

/**
 * Stacked shares whose floating-point total lands a hair above the axis end (1.0000000000000002) would make the chart
 * stretch its axis and lose the round ticks: takes the excess (a few 1e-16) off the row's last positive value.
 */
export function fitStackedRows(series: ChartSeries, max: number): ChartSeries {
  const rows = series.rows.map((row) => {
    let top = stackTop(row, series.categories);
    if (top <= max) return row;
    const last = [...series.categories].reverse().find((c) => {
      const v = row[c];
      return typeof v === 'number' && v > 0;
    });
    if (last === undefined) return row;
    const fitted = { ...row };
    for (let i = 0; i < 4 && top > max; i++) {
      fitted[last] = (fitted[last] as number) - (top - max);
      top = stackTop(fitted, series.categories);
    }
    return fitted;
  });
  return { ...series, rows };
}
