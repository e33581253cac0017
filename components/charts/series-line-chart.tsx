'use client';

import { LineChart, type EventProps } from '@tremor/react';
import { valueAxis } from '@/lib/chart-data/axis-ticks';
import { formatValue } from '@/lib/chart-data/format';
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
}

/** Lines over epochs. Null values are gaps (connectNulls off): a missing figure is never drawn as 0. */
export function SeriesLineChart({
  series,
  format,
  label,
  height = 'md',
  selectEpoch = false,
  xAxisLabel,
}: SeriesLineChartProps) {
  const { update } = useDashboardUrl();
  const axis = valueAxis(series, format);
  const onValueChange = (event: EventProps) => {
    if (event?.eventType !== 'dot') return;
    const epoch = Number(event[series.index]);
    if (Number.isInteger(epoch)) {
      update({ epoch_id: epoch, epoch_min: null, epoch_max: null, page: null, trajectory: null });
    }
  };
  return (
    <ChartFrame label={label}>
      <LineChart
        className={CHART_HEIGHT[height]}
        data={series.rows}
        index={series.index}
        categories={series.categories}
        colors={series.colors}
        valueFormatter={(value: number) => formatValue(format, value)}
        connectNulls={false}
        minValue={axis?.min}
        maxValue={axis?.max}
        yAxisWidth={56}
        xAxisLabel={xAxisLabel}
        showAnimation={false}
        onValueChange={selectEpoch ? onValueChange : undefined}
      />
    </ChartFrame>
  );
}
