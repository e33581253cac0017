import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { TrajectoryAlerts } from '@/components/health/trajectory-alerts';
import { TrajectoryDetailView } from '@/components/trajectory/trajectory-detail-view';
import { AnalysisError } from '@/lib/analysis/errors';
import { parseAnalysisQuery } from '@/lib/analysis/filters/query';
import { openSource, type Source } from '@/lib/analysis/source';
import { runAlerts } from '@/lib/analysis/stats/run-alerts';
import { alertsByRun, alertsOfTrajectory, alertViews } from '@/lib/chart-data/run-health';
import { getTrajectory, siblingSamples, type TrajectoryDetail } from '@/lib/analysis/records/trajectory';
import { searchTerms } from '@/lib/search-terms';
import { TrajectoryLabels, TrajectoryNotes } from '@/app/notes/_parts/target-notes';

export function trajectoryTitle(id: string): string {
  return `Trajectory ${id} · RL Trajectory Dashboard`;
}

/**
 * One trajectory, a window of its steps (`step`, 1-based, picks which), with the other samples of the same question
 * one click away; the words of `q` (the search it was found by) marked in the steps. An unknown id is a 404.
 */
export async function TrajectoryView({
  id,
  q = null,
  step = 1,
}: {
  id: string;
  q?: string | null;
  step?: number;
}) {
  const source = await openSource();
  let detail: TrajectoryDetail;
  try {
    // With the window: where the first error is and which steps hold the words of `q`, over all the steps.
    detail = await getTrajectory(id, source, { around: step - 1, transcript: { terms: searchTerms(q) } });
  } catch (error) {
    if (error instanceof AnalysisError) notFound();
    throw error;
  }
  const siblings = await siblingSamples(detail, source);
  const keys = {
    trajectory_id: detail.trajectory_id,
    training_id: detail.training_id,
    epoch_id: detail.epoch_id,
    data_id: detail.data_id,
  };
  return (
    <TrajectoryDetailView
      detail={detail}
      siblings={siblings}
      q={q}
      labels={
        <Suspense fallback={null}>
          <TrajectoryLabels keys={keys} />
        </Suspense>
      }
      notes={
        <Suspense fallback={null}>
          <TrajectoryNotes keys={keys} />
        </Suspense>
      }
      alerts={
        <Suspense fallback={null}>
          <ExampleOf trainingId={detail.training_id} trajectoryId={detail.trajectory_id} source={source} />
        </Suspense>
      }
    />
  );
}

/** The health alerts of the trajectory's run that name it as an example (nothing when none, or when they fail). */
async function ExampleOf({
  trainingId,
  trajectoryId,
  source,
}: {
  trainingId: string;
  trajectoryId: string;
  source: Source;
}) {
  let alerts;
  try {
    const answer = await runAlerts({ ...parseAnalysisQuery({}), training_id: [trainingId] }, source);
    alerts = alertsByRun(answer).get(trainingId) ?? [];
  } catch (error) {
    console.error(error);
    return null;
  }
  return <TrajectoryAlerts alerts={alertViews(trainingId, alertsOfTrajectory(trajectoryId, alerts))} />;
}
