'use client';

import { ScatterChart } from '@tremor/react';
import { formatReward } from '@/lib/chart-data/format';
import { SCATTER_GROUP, SCATTER_X, SCATTER_Y } from '@/lib/chart-data/overview';
import { ChartFrame } from './chart-frame';

export interface ProcessRewardScatterProps {
  points: Record<string, number | string>[];
}

/** Mean process reward against final reward, one dot per sampled trajectory. */
export function ProcessRewardScatter({ points }: ProcessRewardScatterProps) {
  return (
    <ChartFrame label={`${SCATTER_Y} against ${SCATTER_X}`}>
      <ScatterChart
        className="h-64"
        data={points}
        x={SCATTER_X}
        y={SCATTER_Y}
        category={SCATTER_GROUP}
        colors={['blue']}
        valueFormatter={{ x: formatReward, y: formatReward }}
        xAxisLabel={SCATTER_X}
        yAxisLabel={SCATTER_Y}
        showLegend={false}
        showOpacity
        autoMinXValue
        autoMinYValue
        yAxisWidth={56}
        showAnimation={false}
      />
    </ChartFrame>
  );
}
