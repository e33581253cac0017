import type { TrainingComparison } from '@/lib/analysis/stats/training-comparison';
import {
  comparisonMetricBars,
  comparisonOverlay,
  comparisonRewardSeries,
  comparisonTerminationSeries,
} from '@/lib/chart-data/comparison';
import { SeriesBarChart } from '../charts/series-bar-chart';
import { SeriesLineChart } from '../charts/series-line-chart';
import { Card } from '../ui/card';
import { ComparisonTable } from './comparison-table';

export interface ComparisonCardsProps {
  comparison: TrainingComparison;
}

/** Which run is better, by how much, from which epoch. */
export function ComparisonCards({ comparison }: ComparisonCardsProps) {
  const bars = comparisonMetricBars(comparison);
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="comparison-cards">
      <Card
        title="Runs against the baseline"
        subtitle="paired on the questions both runs answered in the same epoch; a difference is real when its CI excludes 0"
        className="lg:col-span-2"
        testId="card-comparison-table"
      >
        <ComparisonTable comparison={comparison} />
      </Card>
      <Card title="Pass rates by run" testId="card-comparison-pass">
        <SeriesBarChart series={bars.pass} format="percent" label="Pass rates by run" height="sm" />
      </Card>
      <Card title="Average reward by run" testId="card-comparison-reward">
        <SeriesBarChart series={bars.reward} format="reward" label="Average reward by run" height="sm" />
      </Card>
      <Card
        title="Pass@1 by epoch"
        subtitle="one line per run; gaps where a run has no such epoch"
        testId="card-comparison-pass-epochs"
      >
        <SeriesLineChart
          series={comparisonOverlay(comparison, 'pass_at_1')}
          format="percent"
          label="Pass@1 by epoch, per run"
          xAxisLabel="Epoch"
        />
      </Card>
      <Card
        title="Average reward by epoch"
        subtitle="one line per run"
        testId="card-comparison-reward-epochs"
      >
        <SeriesLineChart
          series={comparisonOverlay(comparison, 'avg_reward')}
          format="reward"
          label="Average reward by epoch, per run"
          xAxisLabel="Epoch"
        />
      </Card>
      <Card title="Termination mix by run" testId="card-comparison-termination">
        <SeriesBarChart
          series={comparisonTerminationSeries(comparison)}
          format="percent"
          label="Termination mix by run"
          stack
          horizontal
          height="sm"
        />
      </Card>
      <Card title="Reward categories by run" testId="card-comparison-reward-categories">
        <SeriesBarChart
          series={comparisonRewardSeries(comparison)}
          format="percent"
          label="Reward categories by run"
          stack
          horizontal
          height="sm"
        />
      </Card>
    </div>
  );
}
