import type { Metadata } from 'next';
import Link from 'next/link';
import { DisagreementTable } from '@/components/questions/disagreement-table';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { AnalysisError } from '@/lib/analysis/errors';
import { parseAnalysisQuery } from '@/lib/analysis/filters/query';
import {
  DEFAULT_DISAGREEMENT_LIMIT,
  questionDisagreement,
  type QuestionDisagreement,
} from '@/lib/analysis/stats/question-disagreement';
import { openSource } from '@/lib/analysis/source';
import { listTrainings } from '@/lib/analysis/stats/training-list';
import { type DashboardParams } from '@/lib/chart-data/dashboard-url';
import { disagreementHref } from '@/lib/chart-data/questions';
import { dashboardParsers } from '@/lib/search-params';
import { createLoader } from 'nuqs/server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Where two runs disagree · RL Trajectory Dashboard' };

const loadParams = createLoader(dashboardParsers);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The questions two runs (training_ids=a,b) disagree on most, each opening the question side by side. */
export default async function DisagreementPage({ searchParams }: Props) {
  const raw = await searchParams;
  const params: DashboardParams = loadParams(raw);
  let data: QuestionDisagreement | null = null;
  try {
    const query = parseAnalysisQuery(raw, ['training_ids']);
    const limit = DEFAULT_DISAGREEMENT_LIMIT;
    if ((query.training_ids ?? []).length > 0)
      data = await questionDisagreement({ ...query, limit, offset: ((params.page ?? 1) - 1) * limit });
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return (
      <EmptyState
        title={error.status === 404 ? 'Not found' : 'This link has a bad parameter'}
        body={<span data-testid="bad-link">{error.message}</span>}
        action={{ href: '/questions', label: 'Choose two runs' }}
      />
    );
  }
  if (!data) return <ChoosePair />;
  const [first, second] = data.training_ids;
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
        Where {first} and {second} disagree
      </h1>
      <Card
        title="Questions by the size of the disagreement"
        subtitle={`Each run's success rate (reward > ${data.success_threshold}) over the epochs in which both have the question; difference = ${second} − ${first}`}
        testId="card-question-disagreement"
        actions={
          <Link
            prefetch={false}
            href={disagreementHref(second, first)}
            className="text-xs text-tremor-brand hover:underline dark:text-dark-tremor-brand"
          >
            Swap runs
          </Link>
        }
      >
        <DisagreementTable data={data} />
        <Pagination
          params={params}
          total={data.total}
          limit={data.limit}
          offset={data.offset}
          noun="shared questions"
          pathname="/questions"
        />
      </Card>
    </div>
  );
}

async function ChoosePair() {
  const trainings = (await listTrainings(await openSource())).trainings.map((t) => t.training_id);
  const pairs = trainings.flatMap((a, i) => trainings.slice(i + 1).map((b) => [a, b] as const));
  return (
    <EmptyState
      title="Choose two runs"
      body={
        <span className="mt-2 flex flex-wrap justify-center gap-2">
          {pairs.map(([a, b]) => (
            <Link
              key={`${a}\u0000${b}`}
              prefetch={false}
              href={disagreementHref(a, b)}
              className="rounded-md border border-tremor-border px-2 py-1 text-tremor-brand hover:bg-tremor-background-subtle dark:border-dark-tremor-border dark:text-dark-tremor-brand"
            >
              {a} vs {b}
            </Link>
          ))}
        </span>
      }
    />
  );
}
