import type { TrainingComparison } from '@/lib/analysis/stats/training-comparison';
import {
  comparedRunRows,
  comparisonMetricBars,
  comparisonOverlay,
  comparisonRewardSeries,
  comparisonTerminationSeries,
  MIN_QUESTIONS_FOR_VERDICT,
  rankRuns,
  rewardIntervals,
} from '@/lib/chart-data/comparison';
import { passAtKLabel } from '@/lib/chart-data/progress';
import { Card } from '../ui/card';
import { ComparisonCharts } from './comparison-charts';
import { ComparisonTable } from './comparison-table';

export interface ComparisonCardsProps {
  comparison: TrainingComparison;
}

/** Which run is better, by how much, from which epoch: every run in the table, the chosen few on the charts. */
export function ComparisonCards({ comparison }: ComparisonCardsProps) {
  const bars = comparisonMetricBars(comparison);
  const total = comparison.trainings.length;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="comparison-cards">
      <Card
        title="Runs against the baseline"
        subtitle={`All ${total} runs, best first by their latest epoch's pass@1 (click a column to sort); paired with the baseline on the questions both answered in the same epoch: a difference is real when its CI excludes 0 over at least ${MIN_QUESTIONS_FOR_VERDICT} shared questions`}
        className="lg:col-span-2"
        testId="card-comparison-table"
      >
        <ComparisonTable runs={comparedRunRows(comparison)} passK={passAtKLabel(comparison.k)} />
      </Card>
      <ComparisonCharts
        ranking={rankRuns(comparison)}
        passBars={bars.pass}
        rewardBars={bars.reward}
        passEpochs={comparisonOverlay(comparison, 'pass_at_1')}
        rewardEpochs={comparisonOverlay(comparison, 'avg_reward')}
        termination={comparisonTerminationSeries(comparison)}
        rewardCategories={comparisonRewardSeries(comparison)}
        intervals={rewardIntervals(comparison)}
      />
    </div>
  );
}
