import type { Metadata } from 'next';
import { CompareView } from '@/components/trajectory/compare-view';
import { BadLink } from '@/components/ui/bad-link';
import { AnalysisError } from '@/lib/analysis/errors';
import { compareTrajectories, type TrajectoryComparison } from '@/lib/analysis/records/compare';
import { stepDifference } from '@/lib/analysis/records/transcript';
import { loadTrajectoryPage } from '@/lib/search-params';
import { TrajectoryView, trajectoryTitle } from '../_view/trajectory-view';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { a, b } = loadTrajectoryPage(await searchParams);
  if (a === null && b === null) return { title: trajectoryTitle('compare') };
  return { title: `${a ?? '?'} beside ${b ?? '?'} · RL Trajectory Dashboard` };
}

/**
 * `/trajectories/compare?a=…&b=…`: two trajectories side by side, step i beside step i, one window of positions at a
 * time (`step` opens the one holding it; without it, the one holding their first difference). Without `a` and `b`
 * the path is the page of the trajectory whose id is `compare`, as it was before this page existed.
 */
export default async function ComparePage({ searchParams }: Props) {
  const { a, b, q, step } = loadTrajectoryPage(await searchParams);
  if (a === null && b === null) return <TrajectoryView id="compare" q={q} step={step ?? 1} />;
  let comparison: TrajectoryComparison;
  try {
    if (a === null || b === null)
      throw new AnalysisError('give two trajectories to compare, `a` and `b`', a === null ? 'a' : 'b');
    comparison = await compareTrajectories(a, b, step === null ? undefined : step - 1);
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return (
      <BadLink
        error={error}
        notFoundTitle="No such trajectory"
        showParam
        action={{ href: '/', label: 'All trainings' }}
      />
    );
  }
  const { a: left, b: right } = comparison;
  const positions = Math.max(left.steps.length, right.steps.length);
  const rows = Array.from({ length: positions }, (_, i) => stepDifference(left.steps[i], right.steps[i]));
  return <CompareView {...comparison} rows={rows} />;
}
