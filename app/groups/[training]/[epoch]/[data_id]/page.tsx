import type { Metadata } from 'next';
import { Suspense } from 'react';
import { GroupLabels, GroupNotes, sampleLabels } from '@/app/notes/_parts/target-notes';
import { GroupCard } from '@/components/groups/group-card';
import { GroupHeader, GroupLinks } from '@/components/groups/group-header';
import { GroupNav } from '@/components/groups/group-nav';
import { BadLink } from '@/components/ui/bad-link';
import { Stack } from '@/components/ui/layout';
import { AnalysisError } from '@/lib/analysis/errors';
import { groupDetail, type GroupDetail } from '@/lib/analysis/stats/group-detail';
import { parsePageQuery } from '@/lib/params/page-query';
import { groupLinks } from '@/lib/chart-data/groups';
import { decodeSegment, segmentParam } from '@/lib/search-params';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ training: string; epoch: string; data_id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The group the path names (the epoch read as `epoch_id` is; null when it is not one), and the URL's options. */
async function groupOf({ params, searchParams }: Props) {
  const { training, epoch, data_id } = await params;
  const epochText = decodeSegment(epoch);
  return {
    trainingId: decodeSegment(training),
    epochText,
    epoch: segmentParam('epoch_id', epochText),
    dataId: decodeSegment(data_id),
    raw: await searchParams,
  };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { trainingId, epochText, dataId } = await groupOf(props);
  return { title: `Group ${dataId} · epoch ${epochText} · ${trainingId} · RL Trajectory Dashboard` };
}

/** One GRPO group: every sample of one question in one epoch, with rewards, advantages and tool paths. */
export default async function GroupPage(props: Props) {
  const { trainingId, epochText, epoch, dataId, raw } = await groupOf(props);
  let group: GroupDetail;
  try {
    if (epoch === null) throw new AnalysisError(`epoch "${epochText}" is not an epoch number`, 'epoch_id');
    // The path names the group; the URL may add metric options (success_threshold).
    const query = parsePageQuery(raw);
    group = await groupDetail({ ...query, training_id: [trainingId], epoch_id: epoch, data_id: [dataId] });
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return (
      <BadLink error={error} notFoundTitle="No such group" action={{ href: '/', label: 'All trainings' }} />
    );
  }
  return (
    <Stack>
      <GroupLinks group={group} />
      <GroupHeader group={group} />
      <Suspense fallback={null}>
        <GroupLabels trainingId={group.training_id} epochId={group.epoch_id} dataId={group.data_id} />
      </Suspense>
      <GroupNav links={groupLinks(group)} />
      <GroupCard group={group} labels={await sampleLabels(group.samples.map((s) => s.trajectory_id))} />
      <Suspense fallback={null}>
        <GroupNotes trainingId={group.training_id} epochId={group.epoch_id} dataId={group.data_id} />
      </Suspense>
    </Stack>
  );
}
