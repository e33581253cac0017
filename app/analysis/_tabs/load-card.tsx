import { Suspense, type ReactNode } from 'react';
import { CardError } from '@/components/ui/card-error';
import { CardSkeleton, type SkeletonSize } from '@/components/ui/skeleton';
import { AnalysisError } from '@/lib/analysis/errors';
import { warmupRunning } from '@/lib/warmup-state';

interface LoadCardProps<T> {
  title: string;
  size: SkeletonSize;
  load: () => Promise<T>;
  children: (data: T) => ReactNode;
}

/** The card body once its data is in; exported for tests. */
export async function LoadedCard<T>({ title, load, children }: Omit<LoadCardProps<T>, 'size'>) {
  let data: T;
  try {
    data = await load();
  } catch (error) {
    if (!(error instanceof AnalysisError)) console.error(error);
    const message =
      error instanceof AnalysisError ? error.message : 'the analysis failed; see the server log';
    return <CardError title={title} message={message} />;
  }
  return children(data);
}

/**
 * One card of the dashboard: streams in behind its own skeleton (its title says when the server is still warming up),
 * and a failure shows an error inside the card without taking the page down.
 */
export function LoadCard<T>({ size, ...props }: LoadCardProps<T>) {
  return (
    <Suspense
      fallback={
        <CardSkeleton
          size={size}
          title={warmupRunning() ? `${props.title} · loading, the server is still warming up` : props.title}
        />
      }
    >
      <LoadedCard {...props} />
    </Suspense>
  );
}
