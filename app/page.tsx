import { Suspense } from 'react';
import { AwaitedHealthBadge, HealthBadgeSkeleton } from '@/components/health/health-badge';
import { TrainingsOverview } from '@/components/trainings/trainings-overview';
import type { HealthAlert } from '@/lib/analysis/health/alert';
import { MIN_EPOCH_ROWS } from '@/lib/analysis/health/rules';
import { parseAnalysisQuery } from '@/lib/analysis/filters/query';
import { openSource } from '@/lib/analysis/source';
import { runAlerts } from '@/lib/analysis/stats/run-alerts';
import { listTrainings } from '@/lib/analysis/stats/training-list';
import { alertsByRun, healthBadge } from '@/lib/chart-data/run-health';
import { healthScore, runRow, type RunRow, type RunsTableState } from '@/lib/chart-data/runs-table';
import { loadDashboard } from '@/lib/search-params';
import { runFigures } from './_home/run-figures';

export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Every run with its figures: the training list (one request) and every run's pass@1 epoch by epoch with its latest
 * epoch's interval (one computation over all runs, cached per table version), and when they were read.
 */
async function loadRuns() {
  const source = await openSource();
  const defaults = parseAnalysisQuery({});
  const [{ trainings }, figures] = await Promise.all([
    listTrainings(source),
    runFigures(source, defaults.success_threshold),
  ]);
  /** Runs with an epoch large enough for the health detectors to judge. */
  const judged = new Set<string>();
  const rows = trainings.map((training) => {
    const run = figures.get(training.training_id);
    if (run?.epochs.some((e) => e.trajectories >= MIN_EPOCH_ROWS)) judged.add(training.training_id);
    return runRow(training, run);
  });
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

/** The rows with their health to sort or group by (only when the table is sorted by health: it waits for the alerts). */
function withHealth(
  rows: RunRow[],
  alerts: ReadonlyMap<string, HealthAlert[]> | null,
  judged: ReadonlySet<string>,
): RunRow[] {
  return rows.map((row) => {
    const badge = healthBadge(row.id, alerts === null ? null : alerts.get(row.id), judged.has(row.id));
    return { ...row, health: healthScore(badge.level, badge.count) };
  });
}

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = loadDashboard(await searchParams);
  const state: RunsTableState = { q: params.runs_q, sort: params.runs_sort, group: params.runs_group };
  // Started before the table is read; each row's badge streams in when it resolves.
  const alerts = loadAlerts();
  const { trainingIds, rows, judged, readAt } = await loadRuns();
  const sortedByHealth = state.sort === 'health' || state.sort === '-health';
  return (
    <TrainingsOverview
      rows={sortedByHealth ? withHealth(rows, await alerts, judged) : rows}
      trainingIds={trainingIds}
      state={state}
      now={readAt}
      health={(trainingId) => (
        <Suspense fallback={<HealthBadgeSkeleton />}>
          <AwaitedHealthBadge alerts={alerts} trainingId={trainingId} judged={judged.has(trainingId)} />
        </Suspense>
      )}
    />
  );
}
