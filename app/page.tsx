import Link from 'next/link';
import { TrainingTable } from '@/components/trainings/training-table';
import { NoDataYet } from '@/components/ui/empty-state';
import { epochList } from '@/lib/analysis/stats/epoch-list';
import { parseAnalysisQuery } from '@/lib/analysis/filters/query';
import { openSource } from '@/lib/analysis/source';
import { listTrainings } from '@/lib/analysis/stats/training-list';
import { byRecentActivity } from '@/lib/chart-data/recency';
import { trainingTrend } from '@/lib/chart-data/training-trend';
import { serializeDashboard } from '@/lib/search-params';

export const dynamic = 'force-dynamic';

/** Every training with its pass@1 trend, most recently active first, and when they were read. */
async function loadTrainings() {
  const source = await openSource();
  const { trainings } = await listTrainings(source);
  const defaults = parseAnalysisQuery({});
  const rows = byRecentActivity(
    await Promise.all(
      trainings.map(async (training) => ({
        training,
        trend: trainingTrend(
          (await epochList({ ...defaults, training_id: [training.training_id] }, source)).epochs,
        ),
      })),
    ),
  );
  return { trainings, rows, readAt: Date.now() };
}

export default async function HomePage() {
  const { trainings, rows, readAt } = await loadTrainings();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
          Trainings
        </h1>
        <p className="mt-1 text-sm">
          Every training run in the trajectory store, most recently updated first, with its pass@1 epoch by
          epoch. Open one to see why.
        </p>
      </div>
      {rows.length === 0 ? <NoDataYet /> : <TrainingTable rows={rows} now={readAt} />}
      {trainings.length >= 2 && (
        <Link
          prefetch={false}
          className="inline-block text-sm text-tremor-brand hover:underline dark:text-dark-tremor-brand"
          href={`/analysis${serializeDashboard({ tab: 'comparison', training_ids: trainings.map((t) => t.training_id) })}`}
        >
          Compare all {trainings.length} trainings →
        </Link>
      )}
    </div>
  );
}
