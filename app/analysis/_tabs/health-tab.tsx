import { ChooseTraining } from '@/components/analysis/choose-training';
import { AlertsCard } from '@/components/health/alerts-card';
import { DetectorCard } from '@/components/health/detector-card';
import { LiveCard } from '@/components/health/live-card';
import { CardGrid, Stack } from '@/components/ui/layout';
import { parseAnalysisQuery, pickFilters, type AnalysisQuery } from '@/lib/analysis/filters/query';
import type { Source } from '@/lib/analysis/source';
import { epochList } from '@/lib/analysis/stats/epoch-list';
import { failureCases, type FailureCase } from '@/lib/analysis/stats/failure-cases';
import { runHealth, type RunHealth } from '@/lib/analysis/stats/run-health';
import { listTrainings } from '@/lib/analysis/stats/training-list';
import { lastActivity } from '@/lib/chart-data/recency';
import {
  alertCounts,
  alertViews,
  detectorCards,
  isLive,
  judgedEpochs,
  liveEpoch,
  liveRollouts,
  type EpochRows,
  type LiveEpoch,
} from '@/lib/chart-data/run-health';
import { dashboardHref, type DashboardParams } from '@/lib/search-params';
import { LoadCard } from './load-card';

/** Rollouts the Live card lists. */
const LIVE_ROLLOUTS = 10;

interface HealthTabProps {
  query: AnalysisQuery;
  source: Source;
  params: DashboardParams;
  trainings: string[];
}

interface HealthData {
  health: RunHealth;
  epochs: EpochRows[];
  live: { epoch: LiveEpoch; rollouts: FailureCase[] } | null;
}

/**
 * The run's health as the monitor judges it: its whole run (the filters do not apply: an alert compares epochs of the
 * run, and a webhook names it on the whole run), with the metric options of the URL.
 */
async function loadHealth(trainingId: string, query: AnalysisQuery, source: Source): Promise<HealthData> {
  const runQuery: AnalysisQuery = {
    ...parseAnalysisQuery({}),
    training_id: [trainingId],
    success_threshold: query.success_threshold,
  };
  const [health, list, trainings] = await Promise.all([
    runHealth(runQuery, source),
    epochList(runQuery, source),
    listTrainings(source),
  ]);
  const epochs = list.epochs.map((e) => ({ epoch_id: e.epoch_id, rows: e.trajectory_count }));
  const epoch = liveEpoch(epochs);
  const summary = trainings.trainings.find((t) => t.training_id === trainingId);
  let live: HealthData['live'] = null;
  if (epoch && isLive(epoch, summary ? lastActivity(summary) : null, Date.now())) {
    // Every scored rollout (the failure list's reward bound lifted), latest epoch first.
    const newest = await failureCases(
      {
        ...runQuery,
        reward_max: Number.MAX_SAFE_INTEGER,
        sort: '-epoch_id',
        limit: LIVE_ROLLOUTS,
        offset: 0,
      },
      source,
    );
    live = { epoch, rollouts: newest.data };
  }
  return { health, epochs, live };
}

/** One run's health: its alerts first, then each detector's figure epoch by epoch against its baseline. */
export function HealthTab({ query, source, params, trainings }: HealthTabProps) {
  const selected = query.training_id ?? [];
  if (selected.length !== 1) {
    return (
      <ChooseTraining
        reason={
          <>
            The health monitor judges a single run epoch by epoch.{' '}
            {selected.length > 1 ? 'Several are selected; ' : ''}pick one:
          </>
        }
        choices={selected.length > 1 ? selected : trainings}
        hrefOf={(id) => dashboardHref(params, { training_id: [id], epoch_id: null })}
      />
    );
  }
  const trainingId = selected[0];
  const filtered = Object.keys(pickFilters(query)).some((key) => key !== 'training_id');
  return (
    <Stack>
      {filtered ? (
        <p
          className="text-xs text-tremor-content dark:text-dark-tremor-content"
          data-testid="health-filters-note"
        >
          The health monitor judges the whole run: the filters other than the training do not apply on this
          tab.
        </p>
      ) : null}
      <LoadCard<HealthData> title="Alerts" size="list" load={() => loadHealth(trainingId, query, source)}>
        {({ health, epochs, live }) => {
          const judged = judgedEpochs(epochs, health.min_epoch_rows);
          const views = alertViews(trainingId, health.alerts, params.alert);
          const missing = params.alert !== null && !views.some((v) => v.highlighted) ? params.alert : null;
          return (
            <Stack>
              <AlertsCard
                alerts={views}
                counts={alertCounts(health.alerts)}
                note={judged.note}
                missingAlert={missing}
              />
              {live ? (
                <LiveCard
                  epoch={live.epoch}
                  rollouts={liveRollouts(live.rollouts)}
                  minEpochRows={health.min_epoch_rows}
                />
              ) : null}
              {judged.judged > 0 ? (
                <CardGrid>
                  {detectorCards(health, epochs).map((card) => (
                    <DetectorCard key={card.id} card={card} />
                  ))}
                </CardGrid>
              ) : null}
            </Stack>
          );
        }}
      </LoadCard>
    </Stack>
  );
}
