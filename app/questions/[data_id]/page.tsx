import type { Metadata } from 'next';
import { Suspense } from 'react';
import { QuestionLabels, QuestionNotes, runGroupLabels } from '@/app/notes/_parts/target-notes';
import { QuestionAcrossRunsCards, QuestionRunsHeader } from '@/components/questions/question-across-runs';
import { BadLink } from '@/components/ui/bad-link';
import { Stack } from '@/components/ui/layout';
import { AnalysisError } from '@/lib/analysis/errors';
import type { AnalysisQuery } from '@/lib/analysis/filters/query';
import { parsePageQuery } from '@/lib/params/page-query';
import { questionAcrossRuns, type QuestionAcrossRuns } from '@/lib/analysis/stats/question-across-runs';
import { decodeSegment, questionRunsHref } from '@/lib/search-params';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ data_id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Question ${decodeSegment((await params).data_id)} across runs · RL Trajectory Dashboard` };
}

/** One question side by side in several runs: at the same epoch, or at each run's last epoch. */
export default async function QuestionRunsPage({ params, searchParams }: Props) {
  const dataId = decodeSegment((await params).data_id);
  let shown: QuestionAcrossRuns;
  let everyEpoch: QuestionAcrossRuns;
  let query: AnalysisQuery;
  try {
    query = { ...parsePageQuery(await searchParams), data_id: [dataId] };
    [shown, everyEpoch] = await Promise.all([
      questionAcrossRuns(query),
      questionAcrossRuns({ ...query, epoch_id: undefined }),
    ]);
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return (
      <BadLink
        error={error}
        action={{ href: questionRunsHref(dataId), label: 'This question in every run' }}
      />
    );
  }
  const runs = query.training_id ?? [];
  return (
    <Stack>
      <QuestionRunsHeader dataId={dataId} successThreshold={shown.success_threshold} runs={runs} />
      <Suspense fallback={null}>
        <QuestionLabels dataId={dataId} />
      </Suspense>
      <QuestionAcrossRunsCards
        dataId={dataId}
        runs={runs}
        shown={shown}
        everyEpoch={everyEpoch}
        labels={await runGroupLabels(dataId, shown.runs)}
      />
      <Suspense fallback={null}>
        <QuestionNotes dataId={dataId} />
      </Suspense>
    </Stack>
  );
}
