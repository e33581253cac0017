'use client';

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Label,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipProps,
} from 'recharts';
import { axisFormatter, valueAxis } from '@/lib/chart-data/axis-ticks';
import { bandRange, isLonePoint, withBandExtent } from '@/lib/chart-data/bands';
import { formatValue } from '@/lib/chart-data/format';
import type { BandedSeries, ChartColor, SeriesRow, ValueFormat } from '@/lib/chart-data/types';
import { useDashboardUrl } from '../hooks/use-dashboard-url';
import { CHART_HEIGHT, ChartFrame, type ChartHeight } from './chart-frame';
import { GRID_PROPS, TOOLTIP_PROPS, xAxisProps, yAxisProps } from './recharts-props';

export interface BandLineChartProps {
  series: BandedSeries;
  format: ValueFormat;
  /** The chart's accessible name. */
  label: string;
  height?: ChartHeight;
  /** Clicking an epoch narrows the dashboard to it (the series index must be the epoch). */
  selectEpoch?: boolean;
  xAxisLabel?: string;
  /** What the shaded bands are, in the legend. */
  bandLabel?: string;
}

const BAND_OPACITY = 0.18;

function colorOf(series: BandedSeries, category: string): ChartColor {
  return series.colors[series.categories.indexOf(category)] ?? 'gray';
}

function Legend({ series, bandLabel }: { series: BandedSeries; bandLabel: string }) {
  return (
    <ul className="flex flex-wrap justify-end gap-x-4 gap-y-1 text-tremor-label text-tremor-content dark:text-dark-tremor-content">
      {series.categories.map((category) => (
        <li key={category} className="flex items-center gap-1.5">
          <span className={`h-2 w-2 rounded-full bg-${colorOf(series, category)}-500`} aria-hidden />
          {category}
        </li>
      ))}
      {series.bands.length > 0 ? (
        <li className="flex items-center gap-1.5">
          <span className="h-2 w-3 rounded-sm bg-slate-400/40" aria-hidden />
          {bandLabel}
        </li>
      ) : null}
    </ul>
  );
}

function BandTooltip({
  active,
  label,
  series,
  format,
}: TooltipProps<number, string> & { series: BandedSeries; format: ValueFormat }) {
  const row = series.rows.find((r) => r[series.index] === label);
  if (!active || !row) return null;
  return (
    <div className="rounded-tremor-default border border-tremor-border bg-tremor-background px-3 py-2 text-tremor-default shadow-tremor-dropdown dark:border-dark-tremor-border dark:bg-dark-tremor-background">
      <p className="font-medium text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis">
        {series.index === 'epoch' ? `Epoch ${String(label)}` : String(label)}
      </p>
      {series.categories.map((category) => {
        const value = row[category];
        if (typeof value !== 'number') return null;
        const band = series.bands.find((b) => b.category === category);
        const range = band ? bandRange(row, band) : null;
        return (
          <p
            key={category}
            className="flex items-center gap-2 text-tremor-content dark:text-dark-tremor-content"
          >
            <span className={`h-2 w-2 rounded-full bg-${colorOf(series, category)}-500`} aria-hidden />
            <span>{category}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong">
              {formatValue(format, value)}
              {range ? ` [${formatValue(format, range[0])}, ${formatValue(format, range[1])}]` : ''}
            </span>
          </p>
        );
      })}
    </div>
  );
}

/** The dot recharts draws for a point: only where the value stands alone (a line needs two points). */
function loneDot(rows: readonly SeriesRow[], category: string, color: ChartColor) {
  function LoneDot({ cx, cy, index }: { cx?: number; cy?: number; index?: number }) {
    if (index === undefined || cx === undefined || cy === undefined || !isLonePoint(rows, index, category)) {
      return <g key={`${category}-${index}`} />;
    }
    return (
      <circle
        key={`${category}-${index}`}
        cx={cx}
        cy={cy}
        r={5}
        strokeWidth={2}
        className={`stroke-tremor-background dark:stroke-dark-tremor-background fill-${color}-500`}
      />
    );
  }
  return LoneDot;
}

/**
 * Lines over epochs with a shaded 95 % interval around the banded ones. Null values are gaps, in lines and bands
 * alike: a missing figure is never drawn as 0.
 */
export function BandLineChart({
  series,
  format,
  label,
  height = 'md',
  selectEpoch = false,
  xAxisLabel,
  bandLabel = '95% CI over questions',
}: BandLineChartProps) {
  const { update } = useDashboardUrl();
  const axis = valueAxis(withBandExtent(series), format);
  const tickFormatter = axisFormatter(format, axis);
  const onClick = (state: { activeLabel?: string | number } | null) => {
    const epoch = Number(state?.activeLabel);
    if (selectEpoch && state?.activeLabel !== undefined && Number.isInteger(epoch)) {
      update({ epoch_id: epoch, epoch_min: null, epoch_max: null, page: null, trajectory: null });
    }
  };
  return (
    <ChartFrame label={label}>
      <Legend series={series} bandLabel={bandLabel} />
      <div className={`${CHART_HEIGHT[height]} w-full ${selectEpoch ? 'cursor-pointer' : ''}`}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={series.rows}
            margin={{ top: 5, bottom: xAxisLabel ? 30 : 5 }}
            onClick={selectEpoch ? onClick : undefined}
          >
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...xAxisProps(series.index, { padding: 20, minTickGap: 5 })}>
              {xAxisLabel ? (
                <Label
                  position="insideBottom"
                  offset={-20}
                  className="fill-tremor-content-emphasis text-tremor-default font-medium dark:fill-dark-tremor-content-emphasis"
                >
                  {xAxisLabel}
                </Label>
              ) : null}
            </XAxis>
            <YAxis {...yAxisProps(axis, tickFormatter)} />
            <Tooltip {...TOOLTIP_PROPS} content={<BandTooltip series={series} format={format} />} />
            {series.bands.map((band) => (
              <Area
                key={`band-${band.category}`}
                dataKey={(row: SeriesRow) => bandRange(row, band)}
                type="linear"
                stroke="none"
                fill=""
                className={`fill-${colorOf(series, band.category)}-500`}
                fillOpacity={BAND_OPACITY}
                isAnimationActive={false}
                activeDot={false}
                legendType="none"
                tooltipType="none"
                connectNulls={false}
              />
            ))}
            {series.categories.map((category) => {
              const color = colorOf(series, category);
              return (
                <Line
                  key={category}
                  name={category}
                  dataKey={category}
                  type="linear"
                  stroke=""
                  className={`stroke-${color}-500`}
                  strokeWidth={2}
                  strokeLinejoin="round"
                  strokeLinecap="round"
                  dot={loneDot(series.rows, category, color)}
                  activeDot={{ r: 5, className: `fill-${color}-500`, strokeWidth: 2 }}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              );
            })}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
