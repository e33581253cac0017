import type { Metadata } from 'next';
import { ChoosePair } from '@/components/questions/choose-pair';
import { DisagreementView } from '@/components/questions/disagreement-view';
import { BadLink } from '@/components/ui/bad-link';
import { AnalysisError } from '@/lib/analysis/errors';
import { parsePageQuery } from '@/lib/params/page-query';
import {
  DEFAULT_DISAGREEMENT_LIMIT,
  questionDisagreement,
  type QuestionDisagreement,
} from '@/lib/analysis/stats/question-disagreement';
import { openSource } from '@/lib/analysis/source';
import { listTrainings } from '@/lib/analysis/stats/training-list';
import { DISAGREEMENT_PATH, loadDashboard } from '@/lib/search-params';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Where two runs disagree · RL Trajectory Dashboard' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function trainingIds(): Promise<string[]> {
  return (await listTrainings(await openSource())).trainings.map((t) => t.training_id);
}

/** The questions two runs (training_ids=a,b) disagree on most, each opening the question side by side. */
export default async function DisagreementPage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = loadDashboard(raw);
  let data: QuestionDisagreement | null = null;
  try {
    const query = parsePageQuery(raw, ['training_ids']);
    const limit = DEFAULT_DISAGREEMENT_LIMIT;
    if ((query.training_ids ?? []).length > 0)
      data = await questionDisagreement({ ...query, limit, offset: ((params.page ?? 1) - 1) * limit });
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return <BadLink error={error} action={{ href: DISAGREEMENT_PATH, label: 'Choose two runs' }} />;
  }
  if (!data) return <ChoosePair trainings={await trainingIds()} />;
  return <DisagreementView data={data} params={params} />;
}
