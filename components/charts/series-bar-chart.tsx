'use client';

import { BarChart } from '@tremor/react';
import { fitStackedRows, valueAxis } from '@/lib/chart-data/axis-ticks';
import { formatValue } from '@/lib/chart-data/format';
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
}: SeriesBarChartProps) {
  const axis = valueAxis(series, format, { fromZero: true, stacked: stack });
  const rows = stack && axis ? fitStackedRows(series, axis.max).rows : series.rows;
  return (
    <ChartFrame label={label}>
      <BarChart
        className={CHART_HEIGHT[height]}
        data={rows}
        index={series.index}
        categories={series.categories}
        colors={series.colors}
        valueFormatter={(value: number) => formatValue(format, value)}
        stack={stack}
        layout={horizontal ? 'vertical' : 'horizontal'}
        minValue={axis?.min}
        maxValue={axis?.max}
        yAxisWidth={horizontal ? 112 : 56}
        xAxisLabel={xAxisLabel}
        showAnimation={false}
      />
    </ChartFrame>
  );
}
