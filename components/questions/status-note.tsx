import type { QuestionLearning } from '@/lib/analysis/stats/question-learning';
import { TextLink } from '@/components/ui/links';

const STATUS_LABEL: Record<NonNullable<QuestionLearning['status']>, string> = {
  newly_solved: 'newly solved',
  regressed: 'regressed',
  always_solved: 'solved in every epoch so far',
  never_solved: 'solved in no epoch so far',
};

export interface StatusNoteProps {
  learning: QuestionLearning;
  /** The grid with every question again. */
  clearHref: string;
}

/** When the grid is narrowed to the questions of one status in one epoch: says so, with the way back to all. */
export function StatusNote({ learning, clearHref }: StatusNoteProps) {
  if (!learning.status) return null;
  return (
    <p className="text-sm" data-testid="status-filter">
      Showing the {learning.total} questions {STATUS_LABEL[learning.status]} in epoch {learning.status_epoch}.{' '}
      <TextLink scroll={false} href={clearHref}>
        Show all questions
      </TextLink>
    </p>
  );
}
