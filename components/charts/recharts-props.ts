import type { AxisScale } from '@/lib/chart-data/axis-ticks';

/**
 * The props every Recharts chart of the dashboard gives its grid, axes and tooltip, so the charts look alike. Spread
 * them on the Recharts elements (Recharts reads its children's element types, so they cannot be wrapped in
 * components of our own).
 */

const AXIS_TEXT = 'text-tremor-label fill-tremor-content dark:fill-dark-tremor-content';

export const GRID_PROPS = {
  className: 'stroke-tremor-border stroke-1 dark:stroke-dark-tremor-border',
  horizontal: true,
  vertical: false,
} as const;

/** The x axis of epochs (or another index), ticks spread so that labels never collide. */
export function xAxisProps(
  dataKey: string,
  { padding, minTickGap }: { padding: number; minTickGap: number },
) {
  return {
    dataKey,
    padding: { left: padding, right: padding },
    tick: { transform: 'translate(0, 6)' },
    fill: '',
    stroke: '',
    className: AXIS_TEXT,
    tickLine: false,
    axisLine: false,
    interval: 'equidistantPreserveStart' as const,
    minTickGap,
  };
}

/** The y axis of values on the domain and ticks of `valueAxis` (lib/chart-data/axis-ticks.ts), when given. */
export function yAxisProps(axis: AxisScale | null | undefined, tickFormatter: (value: number) => string) {
  return {
    width: 56,
    type: 'number' as const,
    domain: axis ? [axis.min, axis.max] : ['auto', 'auto'],
    ticks: axis?.ticks,
    allowDataOverflow: true,
    tickFormatter,
    tick: { transform: 'translate(-3, 0)' },
    fill: '',
    stroke: '',
    className: AXIS_TEXT,
    tickLine: false,
    axisLine: false,
  };
}

export const TOOLTIP_PROPS = {
  isAnimationActive: false,
  cursor: { stroke: '#d1d5db', strokeWidth: 1 },
  wrapperStyle: { outline: 'none' },
} as const;
