import type { Metadata } from 'next';
import Link from 'next/link';
import { SeriesLineChart } from '@/components/charts/series-line-chart';
import { QuestionRunsTable } from '@/components/questions/question-runs-table';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { AnalysisError } from '@/lib/analysis/errors';
import { parseAnalysisQuery, type AnalysisQuery } from '@/lib/analysis/filters/query';
import { questionAcrossRuns, type QuestionAcrossRuns } from '@/lib/analysis/stats/question-across-runs';
import { questionCurveSeries, questionRunsHref } from '@/lib/chart-data/questions';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ data_id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Question ${decodeSegment((await params).data_id)} across runs · RL Trajectory Dashboard` };
}

const CHIP = 'rounded px-1.5 py-0.5 tabular-nums';
const ACTIVE = `${CHIP} bg-tremor-brand-muted font-semibold text-tremor-brand-emphasis dark:bg-dark-tremor-brand-muted dark:text-dark-tremor-brand-emphasis`;
const LINK = `${CHIP} text-tremor-brand hover:underline dark:text-dark-tremor-brand`;

/** One question side by side in several runs: at the same epoch, or at each run's last epoch. */
export default async function QuestionRunsPage({ params, searchParams }: Props) {
  const dataId = decodeSegment((await params).data_id);
  let shown: QuestionAcrossRuns;
  let everyEpoch: QuestionAcrossRuns;
  let query: AnalysisQuery;
  try {
    query = { ...parseAnalysisQuery(await searchParams), data_id: [dataId] };
    [shown, everyEpoch] = await Promise.all([
      questionAcrossRuns(query),
      questionAcrossRuns({ ...query, epoch_id: undefined }),
    ]);
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return (
      <EmptyState
        title={error.status === 404 ? 'Not found' : 'This link has a bad parameter'}
        body={<span data-testid="bad-link">{error.message}</span>}
        action={{ href: questionRunsHref(dataId), label: 'This question in every run' }}
      />
    );
  }
  const runs = query.training_id ?? [];
  const epochs = [...new Set(everyEpoch.runs.flatMap((r) => r.curve.map((p) => p.epoch_id)))].sort(
    (a, b) => a - b,
  );
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-lg font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
          Question <span className="font-mono">{dataId}</span> across runs
        </h1>
        <p className="text-sm text-tremor-content dark:text-dark-tremor-content">
          Success: reward &gt; {shown.success_threshold}.{' '}
          {runs.length > 0 ? `Runs: ${runs.join(', ')}.` : 'Every run that has this question.'}
        </p>
      </header>
      {shown.runs.length === 0 ? (
        <EmptyState title="No run has this question" body={<span className="font-mono">{dataId}</span>} />
      ) : (
        <>
          <Card
            title={
              shown.epoch_id === null
                ? "Each run's last epoch with this question"
                : `Epoch ${shown.epoch_id} in each run`
            }
            testId="card-question-runs"
            actions={
              <span className="flex flex-wrap items-center gap-1 text-xs" data-testid="epoch-choice">
                <Link
                  prefetch={false}
                  href={questionRunsHref(dataId, runs)}
                  className={shown.epoch_id === null ? ACTIVE : LINK}
                >
                  last
                </Link>
                {epochs.map((epoch) => (
                  <Link
                    key={epoch}
                    prefetch={false}
                    href={questionRunsHref(dataId, runs, epoch)}
                    className={shown.epoch_id === epoch ? ACTIVE : LINK}
                  >
                    {epoch}
                  </Link>
                ))}
              </span>
            }
          >
            <QuestionRunsTable data={shown} />
          </Card>
          <Card title="Success rate of this question by epoch" testId="card-question-curve">
            <SeriesLineChart
              series={questionCurveSeries(everyEpoch.runs)}
              format="percent"
              label={`Success rate of ${dataId} by epoch in each run`}
              xAxisLabel="Epoch"
            />
          </Card>
        </>
      )}
    </div>
  );
}
