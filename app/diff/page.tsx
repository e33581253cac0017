import type { Metadata } from 'next';
import { DiffChooser } from '@/components/diff/diff-chooser';
import { DiffView } from '@/components/diff/diff-view';
import { Card } from '@/components/ui/card';
import { BadLink } from '@/components/ui/bad-link';
import { PageHeader, Stack } from '@/components/ui/layout';
import { AnalysisError } from '@/lib/analysis/errors';
import { openSource } from '@/lib/analysis/source';
import { DEFAULT_DIFF_LIMIT, diff, type Diff } from '@/lib/analysis/stats/diff';
import { listTrainings } from '@/lib/analysis/stats/training-list';
import { DIFF_PATH, loadDashboard } from '@/lib/search-params';
import { diffPageQuery, suggestedSides } from './diff-query';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Why did it change · RL Trajectory Dashboard' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * `/diff`: two sides (one run at two epochs, two runs at one epoch, or two runs at two epochs) question by question.
 * Without both sides it asks for them.
 */
export default async function DiffPage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = loadDashboard(raw);
  const source = await openSource();
  const { trainings } = await listTrainings(source);
  const ids = trainings.map((t) => t.training_id);
  let data: Diff | null = null;
  let query: ReturnType<typeof diffPageQuery>;
  try {
    query = diffPageQuery(raw);
    if (query.sides) {
      const limit = DEFAULT_DIFF_LIMIT;
      data = await diff({ ...query.query, limit, offset: ((params.page ?? 1) - 1) * limit }, source);
    }
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return <BadLink error={error} showParam action={{ href: DIFF_PATH, label: 'Choose two sides' }} />;
  }
  if (data) return <DiffView data={data} trainings={ids} params={params} />;
  const suggestion = suggestedSides(query.query, trainings);
  return (
    <Stack>
      <PageHeader title="Why did it change">
        <p className="text-sm text-tremor-content dark:text-dark-tremor-content">
          Choose two sides, a run at an epoch each: the same run at two epochs, or two runs. The page lists
          the questions solved on one side and not the other, says whether that is more than noise, and shows
          what changed in their trajectories.
        </p>
      </PageHeader>
      <Card title="Sides" testId="card-diff-sides">
        <DiffChooser trainings={ids} a={suggestion.a} b={suggestion.b} solvedRate={query.query.solved_rate} />
      </Card>
    </Stack>
  );
}
