import { EmptyState } from '@/components/ui/empty-state';
import { PillLink } from '@/components/ui/links';
import { disagreementHref } from '@/lib/search-params';

/** The disagreement page without two runs: every pair of trainings to pick from. */
export function ChoosePair({ trainings }: { trainings: readonly string[] }) {
  const pairs = trainings.flatMap((a, i) => trainings.slice(i + 1).map((b) => [a, b] as const));
  return (
    <EmptyState
      title="Choose two runs"
      body={
        <span className="mt-2 flex flex-wrap justify-center gap-2">
          {pairs.map(([a, b]) => (
            <PillLink key={`${a}\u0000${b}`} href={disagreementHref(a, b)}>
              {a} vs {b}
            </PillLink>
          ))}
        </span>
      }
    />
  );
}
