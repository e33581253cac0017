import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SiblingList } from '@/components/trajectory/sibling-list';
import { StepList } from '@/components/trajectory/step-list';
import { TrajectoryMeta } from '@/components/trajectory/trajectory-meta';
import { AnalysisError } from '@/lib/analysis/errors';
import { openSource } from '@/lib/analysis/source';
import { getTrajectory, siblingSamples, type TrajectoryDetail } from '@/lib/analysis/records/trajectory';
import { trajectoryHref } from '@/lib/chart-data/dashboard-url';
import { serializeDashboard } from '@/lib/search-params';

export function trajectoryTitle(id: string): string {
  return `Trajectory ${id} · RL Trajectory Dashboard`;
}

/**
 * The JSON record of a trajectory. A path segment `.` or `..` would be resolved away by every URL parser, so those
 * two ids have no record link.
 */
function recordHref(id: string): string | undefined {
  return id === '.' || id === '..' ? undefined : `/api/trajectories/${encodeURIComponent(id)}`;
}

/** The `q` of a trajectory page's URL: one string, at most a search box's worth; anything else is no search. */
export function pageSearch(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.slice(0, 256) : null;
}

/** The `step` of a trajectory page's URL (1-based, as steps are numbered); anything but a whole number is step 1. */
export function pageStep(value: string | string[] | undefined): number {
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Math.max(1, Number(value)) : 1;
}

/**
 * One trajectory, a window of its steps (`step`, 1-based, picks which), with the other samples of the same question one click away; the words of `q` (the
 * search it was found by) marked in the steps.
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
  const back = `/analysis${serializeDashboard({
    tab: 'failures',
    training_id: [detail.training_id],
    epoch_id: detail.epoch_id,
  })}`;
  return (
    <div className="space-y-4">
      <Link
        prefetch={false}
        href={back}
        className="text-sm text-tremor-brand hover:underline dark:text-dark-tremor-brand"
      >
        ← Failures of {detail.training_id}, epoch {detail.epoch_id}
      </Link>
      <h1 className="break-all font-mono text-lg font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
        {detail.trajectory_id}
      </h1>
      <TrajectoryMeta detail={detail} />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_18rem]">
        <StepList
          steps={detail.steps}
          from={detail.steps_from}
          total={detail.step_count}
          windowHref={(from) => trajectoryHref(detail.trajectory_id, q, from + 1)}
          recordHref={recordHref(detail.trajectory_id)}
          q={q}
        />
        <SiblingList siblings={siblings} currentId={detail.trajectory_id} q={q} />
      </div>
    </div>
  );
}
