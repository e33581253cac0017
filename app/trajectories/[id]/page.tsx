import type { Metadata } from 'next';
import { decodeSegment, loadTrajectoryPage } from '@/lib/search-params';
import { TrajectoryView, trajectoryTitle } from '../_view/trajectory-view';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: trajectoryTitle(decodeSegment((await params).id)) };
}

export default async function TrajectoryPage({ params, searchParams }: Props) {
  const { q, step } = loadTrajectoryPage(await searchParams);
  return <TrajectoryView id={decodeSegment((await params).id)} q={q} step={step ?? 1} />;
}
