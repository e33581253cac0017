import { BandLineChart } from '@/components/charts/band-line-chart';
import { SeriesLineChart } from '@/components/charts/series-line-chart';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/layout';
import { ChipLink } from '@/components/ui/links';
import type { QuestionAcrossRuns } from '@/lib/analysis/stats/question-across-runs';
import { questionCurveSeries, questionEpochs } from '@/lib/chart-data/questions';
import { MAX_RUN_LINES, runSpreadSeries } from '@/lib/chart-data/run-spread';
import { questionRunsHref } from '@/lib/search-params';
import { QuestionRunsTable } from './question-runs-table';

export interface QuestionRunsHeaderProps {
  dataId: string;
  successThreshold: number;
  /** The runs the URL names (none: every run that has the question). */
  runs: readonly string[];
}

/** The title of one question's page across runs: which question, which runs, what success means. */
export function QuestionRunsHeader({ dataId, successThreshold, runs }: QuestionRunsHeaderProps) {
  return (
    <PageHeader
      title={
        <>
          Question <span className="font-mono">{dataId}</span> across runs
        </>
      }
    >
      <p className="text-sm text-tremor-content dark:text-dark-tremor-content">
        Success: reward &gt; {successThreshold}.{' '}
        {runs.length > 0 ? `Runs: ${runs.join(', ')}.` : 'Every run that has this question.'}
      </p>
    </PageHeader>
  );
}

export interface EpochChoiceProps {
  dataId: string;
  runs: readonly string[];
  /** Every epoch with the question in some run. */
  epochs: readonly number[];
  /** The epoch on show; null: each run's last. */
  current: number | null;
}

/** "last 0 1 2 …": the epoch at which the runs are put side by side. */
export function EpochChoice({ dataId, runs, epochs, current }: EpochChoiceProps) {
  return (
    <span className="flex flex-wrap items-center gap-1 text-xs" data-testid="epoch-choice">
      <ChipLink href={questionRunsHref(dataId, runs)} active={current === null} tabular>
        last
      </ChipLink>
      {epochs.map((epoch) => (
        <ChipLink key={epoch} href={questionRunsHref(dataId, runs, epoch)} active={current === epoch} tabular>
          {epoch}
        </ChipLink>
      ))}
    </span>
  );
}

export interface QuestionAcrossRunsCardsProps {
  dataId: string;
  /** The runs the URL names (none: every run that has the question). */
  runs: readonly string[];
  /** The runs at the chosen epoch. */
  shown: QuestionAcrossRuns;
  /** The same runs over every epoch (the curve, and the epochs to choose from). */
  everyEpoch: QuestionAcrossRuns;
  /** The note labels of each run's group shown (by training_id). */
  labels?: Record<string, string[]>;
}

/** One question in several runs: side by side at one epoch, and its success rate epoch by epoch. */
export function QuestionAcrossRunsCards({
  dataId,
  runs,
  shown,
  everyEpoch,
  labels,
}: QuestionAcrossRunsCardsProps) {
  if (shown.runs.length === 0)
    return <EmptyState title="No run has this question" body={<span className="font-mono">{dataId}</span>} />;
  return (
    <>
      <Card
        title={
          shown.epoch_id === null
            ? "Each run's last epoch with this question"
            : `Epoch ${shown.epoch_id} in each run`
        }
        testId="card-question-runs"
        actions={
          <EpochChoice
            dataId={dataId}
            runs={runs}
            epochs={questionEpochs(everyEpoch.runs)}
            current={shown.epoch_id}
          />
        }
      >
        <QuestionRunsTable data={shown} labels={labels} />
      </Card>
      <QuestionCurveCard dataId={dataId} everyEpoch={everyEpoch} />
    </>
  );
}

/**
 * The question's success rate by epoch: one line per run, or, past MAX_RUN_LINES runs (a tangle of lines whose legend
 * would fill the chart), the median run with the middle half of the runs shaded.
 */
function QuestionCurveCard({ dataId, everyEpoch }: { dataId: string; everyEpoch: QuestionAcrossRuns }) {
  const lines = questionCurveSeries(everyEpoch.runs);
  const runs = everyEpoch.runs.length;
  if (runs <= MAX_RUN_LINES) {
    return (
      <Card title="Success rate of this question by epoch" testId="card-question-curve">
        <SeriesLineChart
          series={lines}
          format="percent"
          label={`Success rate of ${dataId} by epoch in each run`}
          xAxisLabel="Epoch"
        />
      </Card>
    );
  }
  return (
    <Card
      title="Success rate of this question by epoch"
      subtitle={`${runs} runs: the median run, shaded over the middle half of the runs; the table above lists each run`}
      testId="card-question-curve"
    >
      <BandLineChart
        series={runSpreadSeries(lines, `Median of ${runs} runs`)}
        format="percent"
        label={`Success rate of ${dataId} by epoch: the median of ${runs} runs and their middle half`}
        xAxisLabel="Epoch"
        bandLabel="middle half of the runs"
      />
    </Card>
  );
}
