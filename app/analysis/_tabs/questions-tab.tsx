import { ChooseTraining } from '@/components/analysis/choose-training';
import { QuestionGridCard } from '@/components/questions/question-grid-card';
import { QuestionTransitionsCard } from '@/components/questions/question-transitions-card';
import { Stack } from '@/components/ui/layout';
import type { AnalysisQuery } from '@/lib/analysis/filters/query';
import {
  DEFAULT_QUESTION_LIMIT,
  questionLearning,
  type QuestionLearning,
} from '@/lib/analysis/stats/question-learning';
import type { Source } from '@/lib/analysis/source';
import { dashboardHref, type DashboardParams } from '@/lib/search-params';
import { LoadCard } from './load-card';
import { loadNotes } from '@/app/notes/_parts/target-notes';
import { labelsByQuestion } from '@/lib/annotations/select';

interface QuestionsTabProps {
  query: AnalysisQuery;
  source: Source;
  params: DashboardParams;
  trainings: string[];
}

/** Which questions one training gains and loses: per-epoch transitions and the questions × epochs grid. */
export function QuestionsTab({ query, source, params, trainings }: QuestionsTabProps) {
  const selected = query.training_id ?? [];
  if (selected.length !== 1) {
    return (
      <ChooseTraining
        reason="Question-level learning follows a single run epoch by epoch. Pick one:"
        choices={selected.length > 1 ? selected : trainings}
        hrefOf={(id) => dashboardHref(params, { training_id: [id], epoch_id: null, page: null })}
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
  return (
    <Stack>
      <LoadCard<QuestionLearning> title="Questions gained and lost per epoch" size="chart" load={load}>
        {(learning) => <QuestionTransitionsCard learning={learning} params={params} />}
      </LoadCard>
      <LoadCard<{ learning: QuestionLearning; labels: Record<string, string[]> }>
        title="Questions × epochs"
        size="table"
        load={async () => ({
          learning: await load(),
          labels: labelsByQuestion(await loadNotes(), selected[0]),
        })}
      >
        {({ learning, labels }) => (
          <QuestionGridCard learning={learning} params={params} trainings={trainings} labels={labels} />
        )}
      </LoadCard>
    </Stack>
  );
}
