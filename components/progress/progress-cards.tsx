import type { EpochProgression } from '@/lib/analysis/epoch-progression';
import {
  kOptions,
  learningCurves,
  maxSamplesPerQuestion,
  terminationMixSeries,
  toolFailureSeries,
} from '@/lib/chart-data/progress';
import { SeriesBarChart } from '../charts/series-bar-chart';
import { SeriesLineChart } from '../charts/series-line-chart';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { KSelector } from './k-selector';

export interface ProgressCardsProps {
  progression: EpochProgression;
}

const CLICK_HINT = 'click a point to narrow to that epoch';

/** Is the run learning: reward, pass@1/pass@k, termination mix and tool failures per epoch. */
export function ProgressCards({ progression }: ProgressCardsProps) {
  if (progression.epochs.length === 0) {
    return <EmptyState title="No epochs match these filters" body={`Training ${progression.training_id}`} />;
  }
  const curves = learningCurves(progression);
  const mix = terminationMixSeries(progression);
  const tools = toolFailureSeries(progression);
  const noToolCalls = progression.epochs.every((e) => e.tool_calls === 0);
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="progress-cards">
      <Card title="Average reward by epoch" subtitle={CLICK_HINT} testId="card-progress-reward">
        <SeriesLineChart
          series={curves.reward}
          format="reward"
          label="Average reward by epoch"
          selectEpoch
          xAxisLabel="Epoch"
        />
      </Card>
      <Card
        title={`Pass rates by epoch`}
        subtitle={`success: reward > ${progression.success_threshold} · ${CLICK_HINT}`}
        actions={<KSelector options={kOptions(maxSamplesPerQuestion(progression))} value={progression.k} />}
        testId="card-progress-pass"
      >
        <SeriesLineChart
          series={curves.pass}
          format="percent"
          label="Pass rates by epoch"
          selectEpoch
          xAxisLabel="Epoch"
        />
      </Card>
      <Card
        title="Termination mix by epoch"
        subtitle="share of trajectories per reason"
        testId="card-progress-termination"
      >
        <SeriesBarChart
          series={mix}
          format="percent"
          label="Termination mix by epoch"
          stack
          xAxisLabel="Epoch"
        />
      </Card>
      <Card
        title="Tool failure rate by epoch"
        subtitle="all tools and the most-called ones"
        testId="card-progress-tools"
      >
        {noToolCalls ? (
          <EmptyState title="No tool calls" />
        ) : (
          <SeriesLineChart
            series={tools}
            format="percent"
            label="Tool failure rate by epoch"
            selectEpoch
            xAxisLabel="Epoch"
          />
        )}
      </Card>
    </div>
  );
}
