import type { QuestionLearning } from '@/lib/analysis/stats/question-learning';
import { nextQuestionSort } from '@/lib/chart-data/questions';
import { dashboardHref, type DashboardParams } from '@/lib/search-params';
import { Card } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { DisagreeWith } from './disagree-with';
import { QuestionGrid } from './question-grid';
import { RateLegend } from './rate-legend';
import { StatusNote } from './status-note';

export interface QuestionGridCardProps {
  learning: QuestionLearning;
  /** The dashboard URL on show, which the card's links change. */
  params: DashboardParams;
  /** Every training, offered for disagreements with this one. */
  trainings: readonly string[];
  /** The note labels of the questions (by data_id). */
  labels?: Record<string, string[]>;
}

/** The questions × epochs grid of one training, a page of questions at a time. */
export function QuestionGridCard({ learning, params, trainings, labels }: QuestionGridCardProps) {
  return (
    <Card
      title="Questions × epochs"
      subtitle="Each cell opens the GRPO group behind it; a question opens it in every run"
      testId="card-question-grid"
    >
      <div className="space-y-3">
        {trainings.some((id) => id !== learning.training_id) ? (
          <DisagreeWith trainingId={learning.training_id} trainings={trainings} />
        ) : null}
        <StatusNote
          learning={learning}
          clearHref={dashboardHref(params, { status: null, status_epoch: null, page: null })}
        />
        <RateLegend solvedRate={learning.solved_rate} />
        <QuestionGrid
          learning={learning}
          labels={labels}
          sortHref={(key) =>
            dashboardHref(params, { question_sort: nextQuestionSort(learning.sort, key), page: null })
          }
        />
        <Pagination
          params={params}
          total={learning.total}
          limit={learning.limit}
          offset={learning.offset}
          noun="questions"
        />
      </div>
    </Card>
  );
}
