/** A quiet "Updating…" while new figures for a URL change are on their way. */
export function PendingIndicator({ pending }: { pending: boolean }) {
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="pending-indicator"
      className="inline-flex items-center gap-1.5 text-xs text-tremor-content dark:text-dark-tremor-content"
    >
      {pending ? (
        <>
          <span
            aria-hidden="true"
            className="h-3 w-3 animate-spin rounded-full border-2 border-tremor-brand-muted border-t-tremor-brand dark:border-dark-tremor-brand-muted dark:border-t-dark-tremor-brand"
          />
          Updating…
        </>
      ) : null}
    </span>
  );
}
