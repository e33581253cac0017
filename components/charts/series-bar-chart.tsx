'use client';

import { BarChart } from '@tremor/react';
import type { ReactNode } from 'react';
import { axisFormatter, fitStackedRows, valueAxis } from '@/lib/chart-data/axis-ticks';
import type { ChartSeries, ValueFormat } from '@/lib/chart-data/types';
import { CHART_HEIGHT, ChartFrame, type ChartHeight } from './chart-frame';

export interface SeriesBarChartProps {
  series: ChartSeries;
  format: ValueFormat;
  label: string;
  height?: ChartHeight;
  /** Stack the categories (shares that add up to 100%). */
  stack?: boolean;
  /** Horizontal bars (long index labels such as run names). */
  horizontal?: boolean;
  xAxisLabel?: string;
  /** Width of the axis holding the index labels of horizontal bars (run names need more than the default). */
  labelWidth?: number;
  /** A legend of its own above the chart, in place of the chart's one-line entries (run names that wrap). */
  legend?: ReactNode;
}

/** Bars per index value, one per category, side by side or stacked; the value axis starts at zero, ticks at round values. */
export function SeriesBarChart({
  series,
  format,
  label,
  height = 'md',
  stack = false,
  horizontal = false,
  xAxisLabel,
  labelWidth = 112,
  legend,
}: SeriesBarChartProps) {
  const axis = valueAxis(series, format, { fromZero: true, stacked: stack });
  const rows = stack && axis ? fitStackedRows(series, axis.max).rows : series.rows;
  const formatter = axisFormatter(format, axis);
  return (
    <ChartFrame label={label}>
      {legend}
      <BarChart
        className={CHART_HEIGHT[height]}
        data={rows}
        index={series.index}
        categories={series.categories}
        colors={series.colors}
        valueFormatter={formatter}
        stack={stack}
        layout={horizontal ? 'vertical' : 'horizontal'}
        minValue={axis?.min}
        maxValue={axis?.max}
        yAxisWidth={horizontal ? labelWidth : 56}
        xAxisLabel={xAxisLabel}
        showAnimation={false}
        showLegend={legend === undefined}
      />
    </ChartFrame>
  );
}
