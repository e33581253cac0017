import type { GroupDetail } from '@/lib/analysis/stats/group-detail';
import { PageHeader } from '@/components/ui/layout';
import { TextLink } from '@/components/ui/links';
import { failuresHref, questionRunsHref, trainingHref } from '@/lib/search-params';

/** Where a group leads: the training's questions, the question in every run, its failures. */
export function GroupLinks({ group }: { group: GroupDetail }) {
  return (
    <nav className="flex flex-wrap gap-3 text-sm">
      <TextLink href={trainingHref(group.training_id, 'questions')}>
        ← Questions of {group.training_id}
      </TextLink>
      <TextLink href={questionRunsHref(group.data_id, [], group.epoch_id)}>
        This question in every run
      </TextLink>
      <TextLink href={failuresHref(group.training_id, group.epoch_id, group.data_id)}>Its failures</TextLink>
    </nav>
  );
}

/** The title of a group's page: question, epoch, training, and the question's text. */
export function GroupHeader({ group }: { group: GroupDetail }) {
  return (
    <PageHeader
      title={
        <>
          <span className="font-mono">{group.data_id}</span> · epoch {group.epoch_id} · {group.training_id}
        </>
      }
    >
      {group.question ? (
        <p className="max-w-prose whitespace-pre-wrap text-sm text-tremor-content dark:text-dark-tremor-content">
          {group.question}
        </p>
      ) : null}
    </PageHeader>
  );
}
