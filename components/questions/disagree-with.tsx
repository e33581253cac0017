import { middleEllipsis } from '@/lib/chart-data/names';
import { disagreementHref } from '@/lib/search-params';
import { ChipLink } from '@/components/ui/links';

export interface DisagreeWithProps {
  /** The training on show. */
  trainingId: string;
  /** Every training; the others are offered (the caller shows this only when there are some). */
  trainings: readonly string[];
}

/** Up to this many other runs are listed inline (wrapping); more go in a menu. */
export const INLINE_RUNS = 6;
/** Longest run name listed inline, and in the (wider) menu; the full one is its hover title. */
const NAME_LENGTH = 32;
const MENU_NAME_LENGTH = 44;

/**
 * "disagreements with …": for each other training, the questions it and this one disagree on. A few are listed inline
 * and wrap; dozens go in a menu that opens a scrolling list, so the line is never wider than the screen.
 */
export function DisagreeWith({ trainingId, trainings }: DisagreeWithProps) {
  const others = trainings.filter((id) => id !== trainingId);
  const link = (id: string, length: number, className?: string) => (
    <ChipLink key={id} href={disagreementHref(trainingId, id)} title={id} className={className}>
      {middleEllipsis(id, length)}
    </ChipLink>
  );
  if (others.length <= INLINE_RUNS) {
    return (
      <p className="flex min-w-0 flex-wrap items-center gap-1 text-xs" data-testid="disagree-with">
        <span className="text-tremor-content dark:text-dark-tremor-content">Disagreements with</span>
        {others.map((id) => link(id, NAME_LENGTH))}
      </p>
    );
  }
  return (
    <details className="group relative min-w-0 text-xs" data-testid="disagree-with">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md border border-tremor-border px-2 py-1 text-tremor-brand hover:bg-tremor-background-subtle dark:border-dark-tremor-border dark:text-dark-tremor-brand [&::-webkit-details-marker]:hidden">
        Disagreements with another run ({others.length})
        <span aria-hidden className="transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-96 max-w-[calc(100vw-4rem)] rounded-md border border-tremor-border bg-tremor-background p-1 shadow-tremor-dropdown dark:border-dark-tremor-border dark:bg-dark-tremor-background">
        <p className="px-2 py-1 text-tremor-content dark:text-dark-tremor-content">
          The questions this run and the one you pick disagree on most:
        </p>
        <ul className="max-h-72 overflow-y-auto" data-testid="disagree-with-list">
          {others.map((id) => (
            <li key={id}>{link(id, MENU_NAME_LENGTH, 'block truncate font-mono')}</li>
          ))}
        </ul>
      </div>
    </details>
  );
}
