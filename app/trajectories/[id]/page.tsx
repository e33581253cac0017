import type { Metadata } from 'next';
import { pageSearch, pageStep, TrajectoryView, trajectoryTitle } from '../_view/trajectory-view';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The id from the path segment. A document request gets it percent-encoded (decoded once here); some of the client
 * router's refetches pass it already decoded, and then an id holding `%` does not decode again and is taken as it is.
 * (A segment whose escapes do not decode never gets here: the proxy redirects it to its literal reading.)
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

export default async function TrajectoryPage({ params, searchParams }: Props) {
  return (
    <TrajectoryView
      id={await trajectoryId(params)}
      q={pageSearch((await searchParams).q)}
      step={pageStep((await searchParams).step)}
    />
  );
}
