'use client';

import { SparkLineChart } from '@tremor/react';
import { TREND_KEY, type TrainingTrend } from '@/lib/chart-data/training-trend';

/** Pass@1 over epochs, small enough for a table cell. */
export function PassSparkline({ rows, label }: { rows: TrainingTrend['rows']; label: string }) {
  if (rows.length < 2) return null;
  return (
    <figure className="m-0" aria-label={label}>
      <SparkLineChart
        className="h-8 w-32"
        data={rows}
        index="epoch"
        categories={[TREND_KEY]}
        colors={['emerald']}
        connectNulls={false}
        minValue={0}
        maxValue={1}
      />
    </figure>
  );
}
