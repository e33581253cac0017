import { notFound } from 'next/navigation';
import { TrajectoryDetailView } from '@/components/trajectory/trajectory-detail-view';
import { AnalysisError } from '@/lib/analysis/errors';
import { openSource } from '@/lib/analysis/source';
import { getTrajectory, siblingSamples, type TrajectoryDetail } from '@/lib/analysis/records/trajectory';

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
    detail = await getTrajectory(id, source, { around: step - 1 });
  } catch (error) {
    if (error instanceof AnalysisError) notFound();
    throw error;
  }
  const siblings = await siblingSamples(detail, source);
  return <TrajectoryDetailView detail={detail} siblings={siblings} q={q} />;
}
