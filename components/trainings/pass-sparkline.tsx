import { formatPercent } from '@/lib/chart-data/format';
import {
  sparklineGeometry,
  TREND_WORDS,
  type SparkPoint,
  type TrendDirection,
} from '@/lib/chart-data/sparkline';

const BOX = { width: 88, height: 30, pad: 3 };

/** Stroke and dot colours of a trend: green up, red down, grey otherwise. */
const TREND_CLASSES: Record<TrendDirection, { line: string; dot: string }> = {
  up: { line: 'stroke-emerald-600 dark:stroke-emerald-400', dot: 'fill-emerald-600 dark:fill-emerald-400' },
  down: { line: 'stroke-rose-600 dark:stroke-rose-400', dot: 'fill-rose-600 dark:fill-rose-400' },
  flat: { line: 'stroke-slate-500 dark:stroke-slate-400', dot: 'fill-slate-500 dark:fill-slate-400' },
  none: { line: 'stroke-gray-400', dot: 'fill-gray-400' },
};

/**
 * Pass@1 over epochs, small enough for a table cell, on a fixed 0–100 % scale (every row alike; the scale's ends are
 * labelled, faint lines at 0, 50 and 100 %), coloured by where it went: green up beyond noise, red down, grey within.
 * A plain SVG drawn on the server: a hundred rows cost no chart library in the browser.
 */
export function PassSparkline({
  points,
  direction,
  name,
}: {
  points: readonly SparkPoint[];
  direction: TrendDirection;
  name: string;
}) {
  const { path, points: drawn, guides } = sparklineGeometry(points, BOX);
  if (drawn.length === 0) return null;
  const first = drawn[0];
  const last = drawn.at(-1)!;
  const label =
    drawn.length < 2
      ? `Pass@1 of ${name}: ${formatPercent(last.value)} in epoch ${last.epoch}`
      : `Pass@1 by epoch of ${name}, on a 0–100% scale: ${formatPercent(first.value)} in epoch ${first.epoch}, ${formatPercent(last.value)} in epoch ${last.epoch}; ${TREND_WORDS[direction]}`;
  const classes = TREND_CLASSES[direction];
  return (
    <figure
      className="m-0 flex items-center gap-1"
      aria-label={label}
      title={label}
      data-testid="pass-sparkline"
      data-direction={direction}
    >
      <span
        aria-hidden="true"
        className="flex h-[30px] flex-col justify-between text-right text-[9px] leading-none text-tremor-content-subtle dark:text-dark-tremor-content-subtle"
      >
        <span>100%</span>
        <span>0%</span>
      </span>
      <svg
        aria-hidden="true"
        width={BOX.width}
        height={BOX.height}
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        className="shrink-0 overflow-visible"
      >
        {guides.map((guide) => (
          <line
            key={guide.value}
            x1={0}
            x2={BOX.width}
            y1={guide.y}
            y2={guide.y}
            className="stroke-gray-200 dark:stroke-gray-700"
            strokeWidth={1}
            strokeDasharray={guide.value === 0.5 ? '2 2' : undefined}
          />
        ))}
        <path d={path} fill="none" strokeWidth={1.75} strokeLinejoin="round" className={classes.line} />
        <circle cx={last.x} cy={last.y} r={2.25} className={classes.dot} />
      </svg>
    </figure>
  );
}
