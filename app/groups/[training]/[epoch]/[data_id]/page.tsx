import type { Metadata } from 'next';
import Link from 'next/link';
import { GroupNav } from '@/components/groups/group-nav';
import { GroupSamplesTable } from '@/components/groups/group-samples-table';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { AnalysisError } from '@/lib/analysis/errors';
import { groupDetail, type GroupDetail } from '@/lib/analysis/stats/group-detail';
import { parseAnalysisQuery } from '@/lib/analysis/filters/query';
import { formatPercent, formatReward } from '@/lib/chart-data/format';
import { groupLinks } from '@/lib/chart-data/groups';
import { questionRunsHref } from '@/lib/chart-data/questions';
import { serializeDashboard } from '@/lib/search-params';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ training: string; epoch: string; data_id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Page params arrive percent-encoded; a malformed escape stays as it is. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function groupOf({ params, searchParams }: Props) {
  const { training, epoch, data_id } = await params;
  return {
    trainingId: decodeSegment(training),
    epoch: decodeSegment(epoch),
    dataId: decodeSegment(data_id),
    raw: await searchParams,
  };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { trainingId, epoch, dataId } = await groupOf(props);
  return { title: `Group ${dataId} · epoch ${epoch} · ${trainingId} · RL Trajectory Dashboard` };
}

/** One GRPO group: every sample of one question in one epoch, with rewards, advantages and tool paths. */
export default async function GroupPage(props: Props) {
  const { trainingId, epoch, dataId, raw } = await groupOf(props);
  let group: GroupDetail;
  try {
    if (!/^\d{1,9}$/.test(epoch))
      throw new AnalysisError(`epoch "${epoch}" is not an epoch number`, 'epoch_id');
    // The path names the group; the URL may add metric options (success_threshold).
    const query = parseAnalysisQuery(raw);
    group = await groupDetail({
      ...query,
      training_id: [trainingId],
      epoch_id: Number(epoch),
      data_id: [dataId],
    });
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return (
      <EmptyState
        title={error.status === 404 ? 'No such group' : 'This link has a bad parameter'}
        body={<span data-testid="bad-link">{error.message}</span>}
        action={{ href: '/', label: 'All trainings' }}
      />
    );
  }
  const questionsTab = `/analysis${serializeDashboard({ tab: 'questions', training_id: [trainingId] })}`;
  const failures = `/analysis${serializeDashboard({
    tab: 'failures',
    training_id: [trainingId],
    epoch_id: group.epoch_id,
    data_id: [group.data_id],
  })}`;
  return (
    <div className="space-y-4">
      <nav className="flex flex-wrap gap-3 text-sm">
        <Link
          prefetch={false}
          href={questionsTab}
          className="text-tremor-brand hover:underline dark:text-dark-tremor-brand"
        >
          ← Questions of {trainingId}
        </Link>
        <Link
          prefetch={false}
          href={questionRunsHref(group.data_id, [], group.epoch_id)}
          className="text-tremor-brand hover:underline dark:text-dark-tremor-brand"
        >
          This question in every run
        </Link>
        <Link
          prefetch={false}
          href={failures}
          className="text-tremor-brand hover:underline dark:text-dark-tremor-brand"
        >
          Its failures
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-lg font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
          <span className="font-mono">{group.data_id}</span> · epoch {group.epoch_id} · {group.training_id}
        </h1>
        {group.question ? (
          <p className="max-w-prose whitespace-pre-wrap text-sm text-tremor-content dark:text-dark-tremor-content">
            {group.question}
          </p>
        ) : null}
      </header>
      <GroupNav links={groupLinks(group)} />
      <Card
        title={`${group.samples.length} samples`}
        subtitle="Advantage = (reward − group mean) / group standard deviation (population), as GRPO normalises it"
        testId="card-group"
      >
        <dl className="mb-3 flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="group-figures">
          <div>
            <dt className="inline text-tremor-content dark:text-dark-tremor-content">Mean reward </dt>
            <dd className="inline font-semibold tabular-nums">{formatReward(group.mean_reward)}</dd>
          </div>
          <div>
            <dt className="inline text-tremor-content dark:text-dark-tremor-content">Std </dt>
            <dd className="inline font-semibold tabular-nums">{formatReward(group.reward_std)}</dd>
          </div>
          <div>
            <dt className="inline text-tremor-content dark:text-dark-tremor-content">Range </dt>
            <dd className="inline font-semibold tabular-nums">
              {formatReward(group.min_reward)} – {formatReward(group.max_reward)}
            </dd>
          </div>
          <div>
            <dt className="inline text-tremor-content dark:text-dark-tremor-content">Success rate </dt>
            <dd className="inline font-semibold tabular-nums">{formatPercent(group.success_rate)}</dd>
          </div>
        </dl>
        {group.learning_signal ? null : (
          <p
            className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
            data-testid="no-learning-signal"
          >
            No learning signal: every sample got the reward {formatReward(group.mean_reward)}, so the spread
            is 0 and every advantage is 0.
          </p>
        )}
        <GroupSamplesTable group={group} />
      </Card>
    </div>
  );
}
