'use client';

import { LineChart, type EventProps } from '@tremor/react';
import type { ReactNode } from 'react';
import { axisFormatter, valueAxis } from '@/lib/chart-data/axis-ticks';
import type { ChartSeries, ValueFormat } from '@/lib/chart-data/types';
import { useDashboardUrl } from '../hooks/use-dashboard-url';
import { CHART_HEIGHT, ChartFrame, type ChartHeight } from './chart-frame';

export interface SeriesLineChartProps {
  series: ChartSeries;
  format: ValueFormat;
  /** The chart's accessible name. */
  label: string;
  height?: ChartHeight;
  /** Clicking a point narrows the dashboard to that epoch (the series index must be the epoch). */
  selectEpoch?: boolean;
  xAxisLabel?: string;
  /**
   * The least span of the value axis, for values that do not start at zero: their noise (the mean width of their
   * intervals), so a difference within it is never drawn across the chart's full height.
   */
  minSpan?: number;
  /** A short reading shown above the chart ("within noise: …"). */
  note?: ReactNode;
  /** A legend of its own above the chart, in place of the chart's one-line entries (run names that wrap). */
  legend?: ReactNode;
}

/**
 * Lines over epochs. Null values are gaps (connectNulls off): a missing figure is never drawn as 0. The value axis is
 * honest (lib/chart-data/axis-ticks.ts valueAxis): rates from 0, other values over at least their noise, every tick
 * label different.
 */
export function SeriesLineChart({
  series,
  format,
  label,
  height = 'md',
  selectEpoch = false,
  xAxisLabel,
  minSpan,
  note,
  legend,
}: SeriesLineChartProps) {
  const { update } = useDashboardUrl();
  const axis = valueAxis(series, format, { minSpan });
  const formatter = axisFormatter(format, axis);
  const onValueChange = (event: EventProps) => {
    if (event?.eventType !== 'dot') return;
    const epoch = Number(event[series.index]);
    if (Number.isInteger(epoch)) {
      update({ epoch_id: epoch, epoch_min: null, epoch_max: null, page: null, trajectory: null });
    }
  };
  return (
    <ChartFrame label={label} note={note}>
      {legend}
      <LineChart
        className={CHART_HEIGHT[height]}
        data={series.rows}
        index={series.index}
        categories={series.categories}
        colors={series.colors}
        valueFormatter={formatter}
        connectNulls={false}
        minValue={axis?.min}
        maxValue={axis?.max}
        yAxisWidth={56}
        xAxisLabel={xAxisLabel}
        showAnimation={false}
        showLegend={legend === undefined}
        onValueChange={selectEpoch ? onValueChange : undefined}
      />
    </ChartFrame>
  );
}
