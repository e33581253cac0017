import { countedPer, epochSpan, pooledPhrase, type Extent } from './pooled';

/**
 * Said above the overview when its figures pool several epochs (or runs): what they pool, and that a question is then
 * counted once per epoch. Nothing when the selection is one epoch of one run.
 */
export function PooledNote({ extent }: { extent: Extent }) {
  const pooled = pooledPhrase(extent);
  if (pooled === null) return null;
  const span = extent.epochs > 1 && extent.epochIds ? ` (${epochSpan(extent.epochIds)})` : '';
  return (
    <p
      role="note"
      data-testid="pooled-note"
      className="rounded-md border border-tremor-border bg-tremor-background px-3 py-2 text-xs text-tremor-content dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-content"
    >
      <span className="font-medium text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis">
        {pooled.charAt(0).toUpperCase() + pooled.slice(1)}
        {span}:
      </span>{' '}
      every figure below counts their trajectories together, and a question once per {countedPer(extent)}.
      Pick one epoch in the filters to see it alone.
    </p>
  );
}
