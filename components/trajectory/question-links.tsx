import Link from 'next/link';
import { groupHref, questionRunsHref } from '@/lib/chart-data/questions';

export interface QuestionLinksProps {
  trainingId: string;
  epochId: number;
  dataId: string;
}

const LINK = 'font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand';

/** From one trajectory to its question: the same question in every run, and its GRPO group in this epoch. */
export function QuestionLinks({ trainingId, epochId, dataId }: QuestionLinksProps) {
  return (
    <nav aria-label="This question elsewhere" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
      <Link prefetch={false} href={questionRunsHref(dataId, [], epochId)} className={LINK}>
        this question in every run →
      </Link>
      <Link prefetch={false} href={groupHref(trainingId, epochId, dataId)} className={LINK}>
        its GRPO group →
      </Link>
    </nav>
  );
}
