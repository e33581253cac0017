import { ChooseTraining } from '@/components/analysis/choose-training';
import { DiffEpochsForm } from '@/components/diff/diff-epochs-form';
import { Card } from '@/components/ui/card';
import { ZeroVarianceCard } from '@/components/groups/zero-variance-card';
import { ProgressCards } from '@/components/progress/progress-cards';
import { RewardHistogramCard } from '@/components/progress/reward-histogram-card';
import { TrainerMetricsCard } from '@/components/progress/trainer-metrics-card';
import { trainerMetrics, type TrainerMetrics } from '@/lib/analysis/stats/trainer-metrics';
import { Stack } from '@/components/ui/layout';
import { epochProgression, type EpochProgression } from '@/lib/analysis/stats/epoch-progression';
import { groupZeroVariance, type GroupZeroVariance } from '@/lib/analysis/stats/group-zero-variance';
import { rewardHistogram, type RewardHistogram } from '@/lib/analysis/stats/reward-histogram';
import type { AnalysisQuery } from '@/lib/analysis/filters/query';
import type { Source } from '@/lib/analysis/source';
import { dashboardHref, type DashboardParams } from '@/lib/search-params';
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
    return (
      <ChooseTraining
        reason={
          <>
            Training progress follows a single run epoch by epoch.{' '}
            {selected.length > 1 ? 'Several are selected; ' : ''}pick one:
          </>
        }
        choices={selected.length > 1 ? selected : trainings}
        hrefOf={(id) => dashboardHref(params, { training_id: [id], epoch_id: null })}
      />
    );
  }
  // The curve spans every epoch: an epoch filter would cut it down to one point.
  const curveQuery = { ...query, epoch_id: undefined };
  return (
    <Stack>
      <LoadCard<EpochProgression>
        title="Training progress"
        size="chart"
        load={() => epochProgression(curveQuery, source)}
      >
        {(progression) => (
          <Stack>
            <ProgressCards progression={progression} selectedEpoch={query.epoch_id ?? null} />
            {progression.epochs.length >= 2 ? (
              <Card title="Why did it change" testId="card-diff-epochs">
                <DiffEpochsForm
                  trainingId={progression.training_id}
                  epochs={progression.epochs.map((e) => e.epoch_id)}
                  to={query.epoch_id ?? null}
                />
              </Card>
            ) : null}
          </Stack>
        )}
      </LoadCard>
      <LoadCard<GroupZeroVariance>
        title="Zero-variance groups by epoch"
        size="chart"
        load={() => groupZeroVariance(curveQuery, source)}
      >
        {(data) => <ZeroVarianceCard data={data} />}
      </LoadCard>
      <LoadCard<RewardHistogram>
        title="Reward histogram by epoch"
        size="chart"
        load={() => rewardHistogram(curveQuery, source)}
      >
        {(data) => <RewardHistogramCard data={data} />}
      </LoadCard>
      <LoadCard<TrainerMetrics>
        title="Logged by the trainer"
        size="chart"
        load={() => trainerMetrics(curveQuery, source)}
      >
        {(data) => <TrainerMetricsCard data={data} />}
      </LoadCard>
    </Stack>
  );
}
