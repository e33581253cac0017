import type { Metadata } from 'next';
import { TrajectoryView, trajectoryTitle } from '../_view/trajectory-view';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/**
 * Page params arrive percent-encoded (route handlers get them decoded). A segment whose escapes do not decode reaches
 * the page already as the literal text (the proxy rewrites its `%` to `%25`), which then names no trajectory.
 */
async function trajectoryId(params: Props['params']): Promise<string> {
  const raw = (await params).id;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: trajectoryTitle(await trajectoryId(params)) };
}

export default async function TrajectoryPage({ params }: Props) {
  return <TrajectoryView id={await trajectoryId(params)} />;
}
