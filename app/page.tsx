import { Suspense } from 'react';
import { AwaitedHealthBadge, HealthBadgeSkeleton } from '@/components/health/health-badge';
import { TrainingsOverview } from '@/components/trainings/trainings-overview';
import type { HealthAlert } from '@/lib/analysis/health/alert';
import { MIN_EPOCH_ROWS } from '@/lib/analysis/health/rules';
import { epochList } from '@/lib/analysis/stats/epoch-list';
import { parseAnalysisQuery } from '@/lib/analysis/filters/query';
import { openSource } from '@/lib/analysis/source';
import { runAlerts } from '@/lib/analysis/stats/run-alerts';
import { listTrainings } from '@/lib/analysis/stats/training-list';
import { byRecentActivity } from '@/lib/chart-data/recency';
import { alertsByRun } from '@/lib/chart-data/run-health';
import { trainingTrend } from '@/lib/chart-data/training-trend';

export const dynamic = 'force-dynamic';

/** Every training with its pass@1 trend, most recently active first, and when they were read. */
async function loadTrainings() {
  const source = await openSource();
  const { trainings } = await listTrainings(source);
  const defaults = parseAnalysisQuery({});
  /** Runs with an epoch large enough for the health detectors to judge. */
  const judged = new Set<string>();
  const rows = byRecentActivity(
    await Promise.all(
      trainings.map(async (training) => {
        const { epochs } = await epochList({ ...defaults, training_id: [training.training_id] }, source);
        if (epochs.some((e) => e.trajectory_count >= MIN_EPOCH_ROWS)) judged.add(training.training_id);
        return { training, trend: trainingTrend(epochs) };
      }),
    ),
  );
  return { trainingIds: trainings.map((t) => t.training_id), rows, judged, readAt: Date.now() };
}

/** The health alerts of every run, in one request for the whole table; null when they could not be computed. */
async function loadAlerts(): Promise<Map<string, HealthAlert[]> | null> {
  try {
    return alertsByRun(await runAlerts(parseAnalysisQuery({}), await openSource()));
  } catch (error) {
    console.error(error);
    return null;
  }
}

export default async function HomePage() {
  // Started before the table is read; each row's badge streams in when it resolves.
  const alerts = loadAlerts();
  const { trainingIds, rows, judged, readAt } = await loadTrainings();
  return (
    <TrainingsOverview
      rows={rows}
      trainingIds={trainingIds}
      now={readAt}
      health={(trainingId) => (
        <Suspense fallback={<HealthBadgeSkeleton />}>
          <AwaitedHealthBadge alerts={alerts} trainingId={trainingId} judged={judged.has(trainingId)} />
        </Suspense>
      )}
    />
  );
}
