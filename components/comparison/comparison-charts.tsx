'use client';

import {
  CHART_NAME_LENGTH,
  chartNames,
  pickRunCategories,
  pickRunRows,
  rewardNoise,
  runLegend,
  shownColors,
  shownRuns,
  type RunIntervals,
  type ShownRuns,
} from '@/lib/chart-data/comparison';
import { sharedStart } from '@/lib/chart-data/names';
import type { ChartSeries } from '@/lib/chart-data/types';
import { RunLegend } from '../charts/run-legend';
import { SeriesBarChart } from '../charts/series-bar-chart';
import { SeriesLineChart } from '../charts/series-line-chart';
import { Card } from '../ui/card';
import { ShownRunsPicker } from './shown-runs-picker';
import { useShownParam } from './use-shown-runs';

/** Run names beside horizontal bars: what fits their axis (px). */
const BAR_NAME_LENGTH = 18;
const BAR_LABEL_WIDTH = 150;

export interface ComparisonChartsProps {
  /** Every compared run, best first. */
  ranking: string[];
  /** Each chart with every run; the drawn ones are picked here. Runs are the categories of these… */
  passBars: ChartSeries;
  rewardBars: ChartSeries;
  passEpochs: ChartSeries;
  rewardEpochs: ChartSeries;
  /** …and the rows of these. */
  termination: ChartSeries;
  rewardCategories: ChartSeries;
  /** Each run's average reward interval per epoch: the noise of the reward chart. */
  intervals: RunIntervals[];
}

/** "best 5 of 40 by latest pass@1": which runs a chart draws, on its card. */
function drawnSubtitle(shown: ShownRuns, total: number): string {
  if (shown.chosen) return `${shown.ids.length} chosen of ${total} runs`;
  if (shown.ids.length >= total) return `all ${total} runs`;
  return `the best ${shown.ids.length} of ${total} runs by latest pass@1`;
}

/**
 * The comparison's charts, drawing a few runs (`shown`, else the best five): with dozens of runs one line or bar
 * each would be unreadable, so the table lists them all and the charts the chosen ones.
 */
export function ComparisonCharts({
  ranking,
  passBars,
  rewardBars,
  passEpochs,
  rewardEpochs,
  termination,
  rewardCategories,
  intervals,
}: ComparisonChartsProps) {
  const { shown: requested, setShown } = useShownParam();
  const shown = shownRuns(ranking, requested);
  const colors = shownColors(shown.ids);
  const names = chartNames(shown.ids, CHART_NAME_LENGTH);
  const barNames = chartNames(shown.ids, BAR_NAME_LENGTH);
  const byRun = (series: ChartSeries) => pickRunCategories(series, shown.ids, colors, names);
  const legendOf = (series: ChartSeries) => <RunLegend runs={runLegend(series, shown.ids, colors)} />;
  const noise = rewardNoise(intervals, shown.ids);
  const drawn = drawnSubtitle(shown, ranking.length);
  // One bar per run: more runs, a taller chart (every run keeps its label).
  const barHeight = shown.ids.length > 6 ? 'lg' : shown.ids.length > 3 ? 'md' : 'sm';
  const start = sharedStart(shown.ids);
  // More runs, a taller plot (their legend, RunLegend, sits above it and takes none of its height).
  const chartHeight = shown.ids.length > 3 ? 'lg' : 'md';
  return (
    <>
      <Card
        title="Runs on the charts"
        className="lg:col-span-2"
        testId="card-comparison-shown"
        subtitle={`With many runs the charts draw a few; the table above lists every one.${start ? ` Chart labels leave out “${start}”, the start every drawn run shares.` : ''}`}
      >
        <ShownRunsPicker ranking={ranking} shown={shown} onChange={setShown} />
      </Card>
      <Card title="Pass rates by run" subtitle={drawn} testId="card-comparison-pass">
        <SeriesBarChart
          series={byRun(passBars)}
          legend={legendOf(passBars)}
          format="percent"
          label="Pass rates by run"
          height={chartHeight}
        />
      </Card>
      <Card title="Average reward by run" subtitle={drawn} testId="card-comparison-reward">
        <SeriesBarChart
          series={byRun(rewardBars)}
          legend={legendOf(rewardBars)}
          format="reward"
          label="Average reward by run"
          height={chartHeight}
        />
      </Card>
      <Card
        title="Pass@1 by epoch"
        subtitle={`${drawn}; gaps where a run has no such epoch`}
        testId="card-comparison-pass-epochs"
      >
        <SeriesLineChart
          series={byRun(passEpochs)}
          legend={legendOf(passEpochs)}
          format="percent"
          label="Pass@1 by epoch, per run"
          height={chartHeight}
          xAxisLabel="Epoch"
        />
      </Card>
      <Card
        title="Average reward by epoch"
        subtitle={`${drawn}; the axis spans at least the runs' mean 95% interval`}
        testId="card-comparison-reward-epochs"
      >
        <SeriesLineChart
          series={byRun(rewardEpochs)}
          legend={legendOf(rewardEpochs)}
          format="reward"
          label="Average reward by epoch, per run"
          height={chartHeight}
          xAxisLabel="Epoch"
          minSpan={noise?.minSpan}
          note={
            noise?.withinNoise ? (
              <span className="font-medium text-amber-700 dark:text-amber-400">
                Within noise: in every epoch the runs&apos; 95% intervals overlap.
              </span>
            ) : undefined
          }
        />
      </Card>
      <Card title="Termination mix by run" subtitle={drawn} testId="card-comparison-termination">
        <SeriesBarChart
          series={pickRunRows(termination, shown.ids, barNames)}
          format="percent"
          label="Termination mix by run"
          stack
          horizontal
          height={barHeight}
          labelWidth={BAR_LABEL_WIDTH}
        />
      </Card>
      <Card title="Reward categories by run" subtitle={drawn} testId="card-comparison-reward-categories">
        <SeriesBarChart
          series={pickRunRows(rewardCategories, shown.ids, barNames)}
          format="percent"
          label="Reward categories by run"
          stack
          horizontal
          height={barHeight}
          labelWidth={BAR_LABEL_WIDTH}
        />
      </Card>
    </>
  );
}
