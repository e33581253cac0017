import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageSearch, pageStep, TrajectoryView, trajectoryTitle } from './_view/trajectory-view';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/trajectories?id=…`: the form of the trajectory page for ids that cannot be a path segment (`.` and `..`). */
async function trajectoryId(searchParams: Props['searchParams']): Promise<string | null> {
  const id = (await searchParams).id;
  return typeof id === 'string' && id !== '' ? id : null;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const id = await trajectoryId(searchParams);
  return id === null ? {} : { title: trajectoryTitle(id) };
}

export default async function TrajectoryByQueryPage({ searchParams }: Props) {
  const id = await trajectoryId(searchParams);
  if (id === null) notFound();
  return (
    <TrajectoryView
      id={id}
      q={pageSearch((await searchParams).q)}
      step={pageStep((await searchParams).step)}
    />
  );
}
