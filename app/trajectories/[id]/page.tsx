import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SiblingList } from '@/components/trajectory/sibling-list';
import { StepList } from '@/components/trajectory/step-list';
import { TrajectoryMeta } from '@/components/trajectory/trajectory-meta';
import { AnalysisError } from '@/lib/analysis/errors';
import { openSource } from '@/lib/analysis/source';
import { getTrajectory, siblingSamples, type TrajectoryDetail } from '@/lib/analysis/trajectory';
import { serializeDashboard } from '@/lib/search-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** Page params arrive percent-encoded (route handlers get them decoded); a malformed escape stays as it is. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = decodeSegment((await params).id);
  return { title: `Trajectory ${id} · RL Trajectory Dashboard` };
}

/** One trajectory, every step, with the other samples of the same question one click away. */
export default async function TrajectoryPage({ params }: Props) {
  const id = decodeSegment((await params).id);
  const source = await openSource();
  let detail: TrajectoryDetail;
  try {
    detail = await getTrajectory(id, source);
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
        <StepList steps={detail.steps} />
        <SiblingList siblings={siblings} currentId={detail.trajectory_id} />
      </div>
    </div>
  );
}
