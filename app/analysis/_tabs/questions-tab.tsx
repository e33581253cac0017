import Link from 'next/link';
import { RateLegend } from '@/components/questions/rate-legend';
import { QuestionGrid } from '@/components/questions/question-grid';
import { TransitionCharts } from '@/components/questions/transition-charts';
import { TransitionTable } from '@/components/questions/transition-table';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import type { AnalysisQuery } from '@/lib/analysis/filters/query';
import {
  DEFAULT_QUESTION_LIMIT,
  questionLearning,
  type QuestionLearning,
} from '@/lib/analysis/stats/question-learning';
import type { Source } from '@/lib/analysis/source';
import { dashboardHref, type DashboardParams } from '@/lib/chart-data/dashboard-url';
import { disagreementHref, nextQuestionSort } from '@/lib/chart-data/questions';
import { LoadCard } from './load-card';

interface QuestionsTabProps {
  query: AnalysisQuery;
  source: Source;
  params: DashboardParams;
  trainings: string[];
}

const STATUS_LABEL: Record<NonNullable<QuestionLearning['status']>, string> = {
  newly_solved: 'newly solved',
  regressed: 'regressed',
  always_solved: 'solved in every epoch so far',
  never_solved: 'solved in no epoch so far',
};

const SOLVED_RATES = [0.25, 0.5, 0.75, 1];

/** Which questions one training gains and loses: per-epoch transitions and the questions × epochs grid. */
export function QuestionsTab({ query, source, params, trainings }: QuestionsTabProps) {
  const selected = query.training_id ?? [];
  if (selected.length !== 1) {
    return (
      <EmptyState
        title="Choose one training"
        body={
          <span>
            Question-level learning follows a single run epoch by epoch. Pick one:
            <span className="mt-3 flex flex-wrap justify-center gap-2">
              {(selected.length > 1 ? selected : trainings).map((id) => (
                <Link
                  key={id}
                  prefetch={false}
                  data-testid="choose-training"
                  className="rounded-md border border-tremor-border px-2 py-1 text-tremor-brand hover:bg-tremor-background-subtle dark:border-dark-tremor-border dark:text-dark-tremor-brand"
                  href={dashboardHref(params, { training_id: [id], epoch_id: null, page: null })}
                >
                  {id}
                </Link>
              ))}
            </span>
          </span>
        }
      />
    );
  }
  const limit = DEFAULT_QUESTION_LIMIT;
  // The grid spans every epoch: an epoch filter would cut it down to one column.
  const gridQuery: AnalysisQuery = {
    ...query,
    epoch_id: undefined,
    limit,
    offset: ((params.page ?? 1) - 1) * limit,
  };
  const load = () => questionLearning(gridQuery, source);
  const solvedAt = `solved = success rate ≥ ${Math.round(query.solved_rate * 100)}%`;
  return (
    <div className="space-y-4">
      <LoadCard<QuestionLearning> title="Questions gained and lost per epoch" size="chart" load={load}>
        {(learning) => (
          <Card
            title="Questions gained and lost per epoch"
            subtitle={`${solvedAt} of the question's samples (success: reward > ${learning.success_threshold}); click a count for its questions`}
            testId="card-question-transitions"
            actions={
              <span className="flex items-center gap-1 text-xs" data-testid="solved-rate">
                solved at ≥
                {SOLVED_RATES.map((rate) => (
                  <Link
                    key={rate}
                    prefetch={false}
                    scroll={false}
                    href={dashboardHref(params, { solved_rate: rate, page: null })}
                    aria-current={rate === learning.solved_rate ? 'true' : undefined}
                    className={`rounded px-1.5 py-0.5 tabular-nums ${
                      rate === learning.solved_rate
                        ? 'bg-tremor-brand-muted font-semibold text-tremor-brand-emphasis dark:bg-dark-tremor-brand-muted dark:text-dark-tremor-brand-emphasis'
                        : 'text-tremor-brand hover:underline dark:text-dark-tremor-brand'
                    }`}
                  >
                    {rate * 100}%
                  </Link>
                ))}
              </span>
            }
          >
            <div className="space-y-4">
              <TransitionCharts transitions={learning.transitions} />
              <TransitionTable
                transitions={learning.transitions}
                statusHref={(status, epoch) =>
                  dashboardHref(params, { status, status_epoch: epoch, page: null })
                }
                current={
                  learning.status && learning.status_epoch !== null
                    ? { status: learning.status, epoch: learning.status_epoch }
                    : null
                }
              />
            </div>
          </Card>
        )}
      </LoadCard>
      <LoadCard<QuestionLearning> title="Questions × epochs" size="table" load={load}>
        {(learning) => (
          <Card
            title="Questions × epochs"
            subtitle="Each cell opens the GRPO group behind it; a question opens it in every run"
            testId="card-question-grid"
            actions={
              trainings.length > 1 ? (
                <span className="flex flex-wrap items-center gap-1 text-xs" data-testid="disagree-with">
                  disagreements with
                  {trainings
                    .filter((id) => id !== learning.training_id)
                    .map((id) => (
                      <Link
                        key={id}
                        prefetch={false}
                        href={disagreementHref(learning.training_id, id)}
                        className="rounded px-1.5 py-0.5 text-tremor-brand hover:underline dark:text-dark-tremor-brand"
                      >
                        {id}
                      </Link>
                    ))}
                </span>
              ) : null
            }
          >
            <div className="space-y-3">
              {learning.status ? (
                <p className="text-sm" data-testid="status-filter">
                  Showing the {learning.total} questions {STATUS_LABEL[learning.status]} in epoch{' '}
                  {learning.status_epoch}.{' '}
                  <Link
                    prefetch={false}
                    scroll={false}
                    href={dashboardHref(params, { status: null, status_epoch: null, page: null })}
                    className="text-tremor-brand hover:underline dark:text-dark-tremor-brand"
                  >
                    Show all questions
                  </Link>
                </p>
              ) : null}
              <RateLegend solvedRate={learning.solved_rate} />
              <QuestionGrid
                learning={learning}
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
        )}
      </LoadCard>
    </div>
  );
}
