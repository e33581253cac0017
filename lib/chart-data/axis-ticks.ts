import { formatInteger, formatPercent, formatReward } from './format';
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
  /**
   * The least span of the axis for values that do not start at zero (rewards): a difference smaller than this is
   * noise and must not fill the chart. Callers that know the values' intervals pass their mean width; the axis never
   * spans less than {@link MIN_RELATIVE_SPAN} of the largest value's size either.
   */
  minSpan?: number;
}

/** A value axis that does not start at zero spans at least this share of the largest absolute value (5 %). */
export const MIN_RELATIVE_SPAN = 0.05;

/** A count axis spans at least one per step, so its ticks are whole numbers. */
const MIN_COUNT_SPAN = AXIS_TICK_COUNT - 1;

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
 * `[low, high]` widened about its middle to span at least `span`, without crossing zero when the values all lie on
 * one side of it (a reward axis of non-negative values never shows negative ones).
 */
export function padRange(low: number, high: number, span: number): [number, number] {
  if (!(span > high - low)) return [low, high];
  const middle = (low + high) / 2;
  let from = middle - span / 2;
  let to = middle + span / 2;
  if (low >= 0 && from < 0) [from, to] = [0, span];
  else if (high <= 0 && to > 0) [from, to] = [-span, 0];
  return [from, to];
}

/**
 * The value axis of a chart; null when there is nothing to draw (the chart shows its empty state).
 *
 * - Rates (`percent`) and counts start at zero; rates end at 100 % or the first round value above their largest one,
 *   counts step by whole numbers.
 * - Other values (rewards) fit their data, but span at least `minSpan` and {@link MIN_RELATIVE_SPAN} of their size:
 *   a gap of 0.0004 between two rewards near 0.56 is drawn as the sliver it is, not stretched to the chart's height.
 */
export function valueAxis(
  series: ChartSeries,
  format: ValueFormat,
  { fromZero = format !== 'reward', stacked = false, minSpan = 0 }: ValueAxisOptions = {},
): AxisScale | null {
  const range = stacked ? stackedRange(series) : seriesRange(series);
  if (!range) return null;
  let low = fromZero ? Math.min(0, range[0]) : range[0];
  let high = fromZero ? Math.max(0, range[1]) : range[1];
  if (format === 'percent' && low >= 0 && high <= 1 && high === low) return niceScale(0, 1);
  const least = Math.max(
    minSpan,
    format === 'count' ? MIN_COUNT_SPAN : 0,
    fromZero ? 0 : MIN_RELATIVE_SPAN * Math.max(Math.abs(low), Math.abs(high)),
  );
  [low, high] = padRange(low, high, least);
  return niceScale(low, high);
}

/** The fewest decimals a format prints by default: rewards 3 ("0.561"), rates 1 ("42.0%"), counts 0. */
const BASE_DIGITS: Record<ValueFormat, number> = { reward: 3, percent: 1, count: 0 };
const MAX_DIGITS = 12;

function formatDigits(format: ValueFormat, value: number, digits: number): string {
  if (format === 'percent') return formatPercent(value, digits);
  if (format === 'reward' || digits > 0) return formatReward(value, digits);
  return formatInteger(value);
}

/**
 * The decimals that tell every tick of `ticks` apart: the format's usual ones, more only when two ticks would read
 * the same ("0.561" five times for ticks 0.5612 … 0.5616).
 */
export function tickDigits(format: ValueFormat, ticks: readonly number[]): number {
  for (let digits = BASE_DIGITS[format]; digits < MAX_DIGITS; digits++) {
    const labels = ticks.map((tick) => formatDigits(format, tick, digits));
    if (new Set(labels).size === labels.length) return digits;
  }
  return MAX_DIGITS;
}

/**
 * How a chart prints its values (ticks and tooltip) on this axis: with the decimals its ticks need to differ, so no
 * two ticks ever carry the same label. Without an axis (nothing drawn) the format's usual printing.
 */
export function axisFormatter(format: ValueFormat, axis: AxisScale | null): (value: number) => string {
  const digits = axis ? tickDigits(format, axis.ticks) : BASE_DIGITS[format];
  return (value: number) => formatDigits(format, value, digits);
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
