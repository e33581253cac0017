import { ComparisonCards } from '@/components/comparison/comparison-cards';
import { RunPicker } from '@/components/comparison/run-picker';
import { EmptyState } from '@/components/ui/empty-state';
import { Stack } from '@/components/ui/layout';
import type { AnalysisQuery } from '@/lib/analysis/filters/query';
import type { Source } from '@/lib/analysis/source';
import { trainingComparison, type TrainingComparison } from '@/lib/analysis/stats/training-comparison';
import { LoadCard } from './load-card';

/** How many runs the comparison opens with when the URL names none. */
const DEFAULT_RUNS = 4;

/** The runs to compare: `training_ids`, else the training filter when it names several, else the first few runs. */
export function comparedRuns(query: AnalysisQuery, trainings: string[]): string[] {
  if (query.training_ids?.length) return query.training_ids;
  if ((query.training_id?.length ?? 0) >= 2) return query.training_id!;
  return trainings.slice(0, DEFAULT_RUNS);
}

interface ComparisonTabProps {
  query: AnalysisQuery;
  source: Source;
  trainings: string[];
}

export function ComparisonTab({ query, source, trainings }: ComparisonTabProps) {
  const runs = comparedRuns(query, trainings);
  return (
    <Stack>
      <RunPicker trainings={trainings} fallback={runs} />
      {runs.length < 2 ? (
        <EmptyState
          title="Pick at least two runs"
          body="The comparison puts runs side by side on the same questions: choose two or more above."
        />
      ) : (
        <LoadCard<TrainingComparison>
          title="Comparison"
          size="chart"
          load={() => trainingComparison({ ...query, training_id: undefined, training_ids: runs }, source)}
        >
          {(comparison) => <ComparisonCards comparison={comparison} />}
        </LoadCard>
      )}
    </Stack>
  );
}
