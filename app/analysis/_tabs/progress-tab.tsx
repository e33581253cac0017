import Link from 'next/link';
import { ZeroVarianceCard } from '@/components/groups/zero-variance-card';
import { ProgressCards } from '@/components/progress/progress-cards';
import { EmptyState } from '@/components/ui/empty-state';
import { epochProgression, type EpochProgression } from '@/lib/analysis/stats/epoch-progression';
import { groupZeroVariance, type GroupZeroVariance } from '@/lib/analysis/stats/group-zero-variance';
import type { AnalysisQuery } from '@/lib/analysis/filters/query';
import type { Source } from '@/lib/analysis/source';
import { dashboardHref, type DashboardParams } from '@/lib/chart-data/dashboard-url';
import { LoadCard } from './load-card';

interface ProgressTabProps {
  query: AnalysisQuery;
  source: Source;
  params: DashboardParams;
  trainings: string[];
}

/** Learning curves of one training: asks which one when the filters name none or several. */
export function ProgressTab({ query, source, params, trainings }: ProgressTabProps) {
  const selected = query.training_id ?? [];
  if (selected.length !== 1) {
    const choices = selected.length > 1 ? selected : trainings;
    return (
      <EmptyState
        title="Choose one training"
        body={
          <span>
            Training progress follows a single run epoch by epoch.{' '}
            {selected.length > 1 ? 'Several are selected; ' : ''}pick one:
            <span className="mt-3 flex flex-wrap justify-center gap-2">
              {choices.map((id) => (
                <Link
                  key={id}
                  prefetch={false}
                  data-testid="choose-training"
                  className="rounded-md border border-tremor-border px-2 py-1 text-tremor-brand hover:bg-tremor-background-subtle dark:border-dark-tremor-border dark:text-dark-tremor-brand"
                  href={dashboardHref(params, { training_id: [id], epoch_id: null })}
                >
                  {id}
                </Link>
              ))}
            </span>
          </span>
        }
      />
    );
  }
  // The curve spans every epoch: an epoch filter would cut it down to one point.
  const curveQuery = { ...query, epoch_id: undefined };
  return (
    <div className="space-y-4">
      <LoadCard<EpochProgression>
        title="Training progress"
        size="chart"
        load={() => epochProgression(curveQuery, source)}
      >
        {(progression) => <ProgressCards progression={progression} selectedEpoch={query.epoch_id ?? null} />}
      </LoadCard>
      <LoadCard<GroupZeroVariance>
        title="Zero-variance groups by epoch"
        size="chart"
        load={() => groupZeroVariance(curveQuery, source)}
      >
        {(data) => <ZeroVarianceCard data={data} />}
      </LoadCard>
    </div>
  );
}
