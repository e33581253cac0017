import { TextLink } from '@/components/ui/links';
import { groupHref, questionRunsHref } from '@/lib/search-params';

export interface QuestionLinksProps {
  trainingId: string;
  epochId: number;
  dataId: string;
}

/** From one trajectory to its question: the same question in every run, and its GRPO group in this epoch. */
export function QuestionLinks({ trainingId, epochId, dataId }: QuestionLinksProps) {
  return (
    <nav aria-label="This question elsewhere" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
      <TextLink className="font-medium" href={questionRunsHref(dataId, [], epochId)}>
        this question in every run →
      </TextLink>
      <TextLink className="font-medium" href={groupHref(trainingId, epochId, dataId)}>
        its GRPO group →
      </TextLink>
    </nav>
  );
}
