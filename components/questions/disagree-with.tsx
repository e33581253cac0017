import { ChipLink } from '@/components/ui/links';
import { disagreementHref } from '@/lib/search-params';

export interface DisagreeWithProps {
  /** The training on show. */
  trainingId: string;
  /** Every training; the others are offered (the caller shows this only when there are some). */
  trainings: readonly string[];
}

/** "disagreements with …": the questions this training and another one disagree on, for each other training. */
export function DisagreeWith({ trainingId, trainings }: DisagreeWithProps) {
  return (
    <span className="flex flex-wrap items-center gap-1 text-xs" data-testid="disagree-with">
      disagreements with
      {trainings
        .filter((id) => id !== trainingId)
        .map((id) => (
          <ChipLink key={id} href={disagreementHref(trainingId, id)}>
            {id}
          </ChipLink>
        ))}
    </span>
  );
}
