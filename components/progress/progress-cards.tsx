import type { EpochProgression } from '@/lib/analysis/stats/epoch-progression';
import { markEpochLabel, markEpochPoint } from '@/lib/chart-data/epoch-marker';
import {
  kOptions,
  learningCurves,
  maxSamplesPerQuestion,
  PASS_AT_1,
  terminationMixSeries,
  toolFailureSeries,
} from '@/lib/chart-data/progress';
import { BandLineChart } from '../charts/band-line-chart';
import { SeriesBarChart } from '../charts/series-bar-chart';
import { SeriesLineChart } from '../charts/series-line-chart';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { KSelector } from './k-selector';

export interface ProgressCardsProps {
  progression: EpochProgression;
  /** The epoch the dashboard is narrowed to: the curves still show every epoch and mark this one. */
  selectedEpoch?: number | null;
}

const CLICK_HINT = 'click a point to narrow to that epoch';

/** Is the run learning: reward, pass@1/pass@k, termination mix and tool failures per epoch. */
export function ProgressCards({ progression, selectedEpoch = null }: ProgressCardsProps) {
  if (progression.epochs.length === 0) {
    return <EmptyState title="No epochs match these filters" body={`Training ${progression.training_id}`} />;
  }
  const curves = learningCurves(progression);
  const reward = markEpochPoint(curves.reward, selectedEpoch, curves.reward.categories[0]);
  const pass = markEpochPoint(curves.pass, selectedEpoch, PASS_AT_1);
  const mix = markEpochLabel(terminationMixSeries(progression), selectedEpoch);
  const toolSeries = toolFailureSeries(progression);
  const tools = markEpochPoint(toolSeries, selectedEpoch, toolSeries.categories[0]);
  const noToolCalls = progression.epochs.every((e) => e.tool_calls === 0);
  const drawn = selectedEpoch !== null && progression.epochs.some((e) => e.epoch_id === selectedEpoch);
  return (
    <div className="space-y-3">
      {selectedEpoch !== null ? (
        <p className="text-sm text-tremor-content dark:text-dark-tremor-content" data-testid="selected-epoch">
          <strong className="font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
            Epoch {selectedEpoch} selected
          </strong>
          {drawn
            ? ': the curves show every epoch and mark it (a dot on the lines, ▸ on the termination axis).'
            : ': it has no trajectories under the other filters, so nothing is marked.'}
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="progress-cards">
        <Card title="Average reward by epoch" subtitle={CLICK_HINT} testId="card-progress-reward">
          <BandLineChart
            series={reward}
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
          <BandLineChart
            series={pass}
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
    </div>
  );
}
