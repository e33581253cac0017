import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { PillLink } from '@/components/ui/links';

export interface ChooseTrainingProps {
  /** Why one training is needed, ending in an invitation to pick. */
  reason: ReactNode;
  /** The trainings to pick from. */
  choices: readonly string[];
  /** The same view narrowed to one training. */
  hrefOf: (trainingId: string) => string;
}

/** A view that follows a single run asks which one when the filters name none or several. */
export function ChooseTraining({ reason, choices, hrefOf }: ChooseTrainingProps) {
  return (
    <EmptyState
      title="Choose one training"
      body={
        <span>
          {reason}
          <span className="mt-3 flex flex-wrap justify-center gap-2">
            {choices.map((id) => (
              <PillLink key={id} data-testid="choose-training" href={hrefOf(id)}>
                {id}
              </PillLink>
            ))}
          </span>
        </span>
      }
    />
  );
}
