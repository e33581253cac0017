import type { Metadata } from 'next';
import { pageSearch, TrajectoryView, trajectoryTitle } from '../_view/trajectory-view';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The id as the link wrote it: Next.js decodes the segment before it reaches the page. A segment whose escapes do not
 * decode never gets here: the proxy redirects it to its literal reading (`%` written as `%25`).
 */
async function trajectoryId(params: Props['params']): Promise<string> {
  return (await params).id;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: trajectoryTitle(await trajectoryId(params)) };
}

export default async function TrajectoryPage({ params, searchParams }: Props) {
  return <TrajectoryView id={await trajectoryId(params)} q={pageSearch((await searchParams).q)} />;
}
