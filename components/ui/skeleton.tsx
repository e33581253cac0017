export type SkeletonSize = 'tile' | 'chart' | 'table' | 'list';

const BODY_HEIGHT: Record<SkeletonSize, string> = {
  tile: 'h-10',
  chart: 'h-64',
  table: 'h-96',
  list: 'h-72',
};

function Bar({ className }: { className: string }) {
  return (
    <div
      className={`animate-pulse rounded bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle ${className}`}
    />
  );
}

export interface CardSkeletonProps {
  size: SkeletonSize;
  /** Shown as is, so the page does not jump when the card arrives. */
  title?: string;
}

/** Placeholder of a card while its data loads (a Suspense fallback). */
export function CardSkeleton({ size, title }: CardSkeletonProps) {
  return (
    <div
      aria-busy="true"
      className="rounded-lg border border-tremor-border bg-tremor-background p-4 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background"
    >
      {title ? (
        <p className="mb-3 text-sm font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
          {title}
        </p>
      ) : (
        <Bar className="mb-3 h-4 w-40" />
      )}
      <span className="sr-only">Loading…</span>
      <Bar className={`w-full ${BODY_HEIGHT[size]}`} />
    </div>
  );
}

/** Placeholder of the headline tiles. */
export function KpiTilesSkeleton({ count = 5 }: { count?: number }) {
  return (
    <div aria-busy="true" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      <span className="sr-only">Loading…</span>
      {Array.from({ length: count }, (_, i) => (
        <div
          key={i}
          className="rounded-lg border border-tremor-border bg-tremor-background p-4 dark:border-dark-tremor-border dark:bg-dark-tremor-background"
        >
          <Bar className="mb-2 h-3 w-20" />
          <Bar className="h-7 w-24" />
        </div>
      ))}
    </div>
  );
}
