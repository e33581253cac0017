import type { GroupDetail } from '@/lib/analysis/stats/group-detail';
import { Card } from '@/components/ui/card';
import { GroupFigures, NoLearningSignal } from './group-figures';
import { GroupSamplesTable } from './group-samples-table';

/**
 * Every sample of one GRPO group with its reward and advantage, under the group's figures; `labels`: the note labels
 * on single samples (by trajectory_id).
 */
export function GroupCard({ group, labels }: { group: GroupDetail; labels?: Record<string, string[]> }) {
  return (
    <Card
      title={`${group.samples.length} samples`}
      subtitle="Advantage = (reward − group mean) / group standard deviation (population), as GRPO normalises it"
      testId="card-group"
    >
      <GroupFigures group={group} />
      <NoLearningSignal group={group} />
      <GroupSamplesTable group={group} labels={labels} />
    </Card>
  );
}
