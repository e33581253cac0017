import type { QuestionLearning } from '@/lib/analysis/stats/question-learning';
import { dashboardHref, type DashboardParams } from '@/lib/search-params';
import { Card } from '@/components/ui/card';
import { DiffEpochsForm } from '@/components/diff/diff-epochs-form';
import { SolvedRatePicker } from './solved-rate-picker';
import { TransitionCharts } from './transition-charts';
import { TransitionTable } from './transition-table';

export interface QuestionTransitionsCardProps {
  learning: QuestionLearning;
  /** The dashboard URL on show, which the card's links change. */
  params: DashboardParams;
}

/** How many questions one training gains and loses per epoch; each count opens the grid on those questions. */
export function QuestionTransitionsCard({ learning, params }: QuestionTransitionsCardProps) {
  const solvedAt = `solved = success rate ≥ ${Math.round(learning.solved_rate * 100)}%`;
  return (
    <Card
      title="Questions gained and lost per epoch"
      subtitle={`${solvedAt} of the question's samples (success: reward > ${learning.success_threshold}); click a count for its questions`}
      testId="card-question-transitions"
    >
      <div className="space-y-4">
        {/* In the body, not the header: beside the title it squeezed the title into a narrow column on a phone. */}
        <div className="flex justify-end">
          <SolvedRatePicker
            current={learning.solved_rate}
            hrefOf={(rate) => dashboardHref(params, { solved_rate: rate, page: null })}
          />
        </div>
        <TransitionCharts transitions={learning.transitions} />
        <TransitionTable
          transitions={learning.transitions}
          statusHref={(status, epoch) => dashboardHref(params, { status, status_epoch: epoch, page: null })}
          current={
            learning.status && learning.status_epoch !== null
              ? { status: learning.status, epoch: learning.status_epoch }
              : null
          }
        />
        <DiffEpochsForm
          trainingId={learning.training_id}
          epochs={learning.epochs}
          to={learning.status_epoch}
          solvedRate={learning.solved_rate}
          className="border-t border-tremor-border pt-3 dark:border-dark-tremor-border"
        />
      </div>
    </Card>
  );
}
