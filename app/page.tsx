import Link from 'next/link';
import { NoDataYet } from '@/components/ui/empty-state';
import { openSource } from '@/lib/analysis/source';
import { listTrainings } from '@/lib/analysis/training-list';
import { serializeDashboard } from '@/lib/search-params';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const { trainings } = await listTrainings(await openSource());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
          Trainings
        </h1>
        <p className="mt-1 text-sm">
          Every training run in the trajectory store. Open one to see whether it is learning.
        </p>
      </div>
      {trainings.length === 0 ? (
        <NoDataYet />
      ) : (
        <div className="overflow-x-auto rounded-tremor-default border border-tremor-border bg-tremor-background shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background">
          <table className="w-full text-left text-sm" data-testid="training-list">
            <thead className="border-b border-tremor-border text-xs uppercase tracking-wide dark:border-dark-tremor-border">
              <tr>
                <th className="px-4 py-3 font-medium">Training</th>
                <th className="px-4 py-3 font-medium">Agent</th>
                <th className="px-4 py-3 text-right font-medium">Trajectories</th>
                <th className="px-4 py-3 text-right font-medium">Epochs</th>
                <th className="px-4 py-3 font-medium">Started</th>
                <th className="px-4 py-3 font-medium">Views</th>
              </tr>
            </thead>
            <tbody>
              {trainings.map((t) => (
                <tr
                  key={t.training_id}
                  className="border-b border-tremor-border last:border-0 dark:border-dark-tremor-border"
                >
                  <td className="px-4 py-3">
                    <Link
                      className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand"
                      href={`/analysis${serializeDashboard({ training_id: [t.training_id] })}`}
                    >
                      {t.training_id}
                    </Link>
                  </td>
                  <td className="px-4 py-3">{t.agent_name ?? '—'}</td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {t.trajectory_count.toLocaleString('en-US')}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {t.epoch_range[0] === t.epoch_range[1]
                      ? t.epoch_range[0]
                      : `${t.epoch_range[0]}–${t.epoch_range[1]}`}{' '}
                    <span className="text-tremor-content-subtle">({t.epoch_count})</span>
                  </td>
                  <td className="px-4 py-3 tabular-nums">{t.created_at ? t.created_at.slice(0, 10) : '—'}</td>
                  <td className="space-x-3 px-4 py-3">
                    <Link
                      className="hover:underline"
                      href={`/analysis${serializeDashboard({ tab: 'progress', training_id: [t.training_id] })}`}
                    >
                      Progress
                    </Link>
                    <Link
                      className="hover:underline"
                      href={`/analysis${serializeDashboard({ tab: 'failures', training_id: [t.training_id] })}`}
                    >
                      Failures
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {trainings.length >= 2 && (
        <Link
          className="inline-block text-sm text-tremor-brand hover:underline dark:text-dark-tremor-brand"
          href={`/analysis${serializeDashboard({ tab: 'comparison', training_ids: trainings.map((t) => t.training_id) })}`}
        >
          Compare all {trainings.length} trainings →
        </Link>
      )}
    </div>
  );
}
