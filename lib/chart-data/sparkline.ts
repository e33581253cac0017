import type { ChartColor } from './types';

/**
 * A run's pass@1 trend for a table cell: which way it went between its first and last epoch, told from noise, and the
 * geometry of a small line on a fixed 0–100 % scale (every row on the same scale, so rows compare at a glance).
 */

/** A pass@1 with its 95 % interval (null when the epoch has no scored question). */
export interface MeasuredPass {
  value: number | null;
  ci: { low: number; high: number } | null;
}

/**
 * - up: the last epoch's pass@1 is above the first's by more than noise;
 * - down: below it by more than noise;
 * - flat: within noise;
 * - none: fewer than two scored epochs, nothing to compare.
 */
export type TrendDirection = 'up' | 'down' | 'flat' | 'none';

/** A change smaller than this (half a percentage point) is never called a trend, whatever the intervals say. */
export const MIN_TREND_CHANGE = 0.005;

/** Half the width of a 95 % interval (0 without one). */
function halfWidth(ci: MeasuredPass['ci']): number {
  return ci ? Math.max(0, ci.high - ci.low) / 2 : 0;
}

/**
 * The noise of a change between two epochs: the half-widths of their 95 % intervals added in quadrature, the half-width
 * of the interval of a difference of two independent estimates (an approximation: an epoch's questions are resampled
 * on their own). At least {@link MIN_TREND_CHANGE}.
 */
export function trendNoise(first: MeasuredPass, last: MeasuredPass): number {
  return Math.max(MIN_TREND_CHANGE, Math.hypot(halfWidth(first.ci), halfWidth(last.ci)));
}

/** Which way pass@1 went from the first epoch to the last, told from noise ({@link trendNoise}). */
export function trendDirection(first: MeasuredPass | null, last: MeasuredPass | null): TrendDirection {
  if (!first || !last || first.value === null || last.value === null) return 'none';
  const change = last.value - first.value;
  if (Math.abs(change) <= trendNoise(first, last)) return 'flat';
  return change > 0 ? 'up' : 'down';
}

/** The colour of a trend: green up, red down, grey within noise or unknown (never green for a run that fell). */
export const TREND_COLORS: Record<TrendDirection, ChartColor> = {
  up: 'emerald',
  down: 'rose',
  flat: 'slate',
  none: 'gray',
};

/** How a trend reads in a tooltip or to a screen reader. */
export const TREND_WORDS: Record<TrendDirection, string> = {
  up: 'up, beyond noise',
  down: 'down, beyond noise',
  flat: 'within noise',
  none: 'no trend (fewer than two scored epochs)',
};

export interface SparkPoint {
  epoch: number;
  /** A share in [0, 1]; null leaves a gap. */
  value: number | null;
}

export interface SparklineGeometry {
  /** An SVG path: `M x y L x y …`, a new `M` after each gap; empty without a value. */
  path: string;
  /** Each point with a value, where it is drawn. */
  points: { epoch: number; value: number; x: number; y: number }[];
  /** The horizontal lines of the scale: y of 0 %, 50 % and 100 %. */
  guides: { value: number; y: number }[];
}

export interface SparklineBox {
  width: number;
  height: number;
  /** Room kept inside the box around the line (a dot on the edge stays whole). */
  pad: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Where a sparkline's points go in a box, epochs left to right (spaced by epoch number, so a missing epoch leaves a
 * wider step) and pass@1 on a fixed scale from 0 (bottom) to 1 (top); values outside are clamped.
 */
export function sparklineGeometry(points: readonly SparkPoint[], box: SparklineBox): SparklineGeometry {
  const { width, height, pad } = box;
  const sorted = [...points].sort((a, b) => a.epoch - b.epoch);
  const first = sorted[0]?.epoch ?? 0;
  const span = (sorted.at(-1)?.epoch ?? 0) - first;
  const x = (epoch: number) =>
    round1(span === 0 ? width / 2 : pad + ((epoch - first) / span) * (width - 2 * pad));
  const y = (value: number) => round1(pad + (1 - Math.min(1, Math.max(0, value))) * (height - 2 * pad));
  const drawn: SparklineGeometry['points'] = [];
  const parts: string[] = [];
  let broken = true;
  for (const point of sorted) {
    if (point.value === null || !Number.isFinite(point.value)) {
      broken = true;
      continue;
    }
    const at = { epoch: point.epoch, value: point.value, x: x(point.epoch), y: y(point.value) };
    drawn.push(at);
    parts.push(`${broken ? 'M' : 'L'}${at.x} ${at.y}`);
    broken = false;
  }
  return {
    path: parts.join(' '),
    points: drawn,
    guides: [0, 0.5, 1].map((value) => ({ value, y: y(value) })),
  };
}
