import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadTrajectoryPage } from '@/lib/search-params';
import { TrajectoryView, trajectoryTitle } from './_view/trajectory-view';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/trajectories?id=…`: the form of the trajectory page for ids that cannot be a path segment (`.` and `..`). */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { id } = loadTrajectoryPage(await searchParams);
  return id === null ? {} : { title: trajectoryTitle(id) };
}

export default async function TrajectoryByQueryPage({ searchParams }: Props) {
  const { id, q, step } = loadTrajectoryPage(await searchParams);
  if (id === null) notFound();
  return <TrajectoryView id={id} q={q} step={step ?? 1} />;
}
