import type { ReactNode } from 'react';
import type { SiblingSample, TrajectoryDetail } from '@/lib/analysis/records/trajectory';
import { PageTitle, Stack } from '@/components/ui/layout';
import { TextLink } from '@/components/ui/links';
import { failuresHref, stepHref, trajectoryHref, trajectoryRecordHref } from '@/lib/search-params';
import { CompareForm } from './compare-form';
import { SiblingList } from './sibling-list';
import { StepList } from './step-list';
import { TrajectoryMeta } from './trajectory-meta';
import { TranscriptNav } from './transcript-nav';

export interface TrajectoryDetailViewProps {
  /** The trajectory, with the window of steps on show. */
  detail: TrajectoryDetail;
  /** The other samples of the same question in the same epoch. */
  siblings: SiblingSample[];
  /** The search it was found by, its words marked in the steps. */
  q: string | null;
  /** The health alerts of its run it is an example of (under its facts). */
  alerts?: ReactNode;
  /** The note labels it carries (under its title). */
  labels?: ReactNode;
  /** Its notes and the form to add one (atop the side column). */
  notes?: ReactNode;
}

/**
 * The full page of one trajectory: its facts, a window of its steps as a conversation with jumps to its first error
 * and the matches of `q`, and the other samples of its question (each can be compared side by side).
 */
export function TrajectoryDetailView({
  detail,
  siblings,
  q,
  alerts,
  labels,
  notes,
}: TrajectoryDetailViewProps) {
  return (
    <Stack>
      <TextLink className="text-sm" href={failuresHref(detail.training_id, detail.epoch_id)}>
        ← Failures of {detail.training_id}, epoch {detail.epoch_id}
      </TextLink>
      <PageTitle className="break-all font-mono">{detail.trajectory_id}</PageTitle>
      {labels}
      <TrajectoryMeta detail={detail} />
      {alerts}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 xl:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-2">
          <TranscriptNav
            trajectoryId={detail.trajectory_id}
            q={q}
            from={detail.steps_from}
            shown={detail.steps.length}
            firstError={detail.first_error ?? null}
            matchSteps={detail.match_steps ?? []}
            matchesCapped={detail.matches_capped}
          />
          <StepList
            steps={detail.steps}
            from={detail.steps_from}
            total={detail.turn_count}
            windowHref={(from) => trajectoryHref(detail.trajectory_id, q, from + 1)}
            recordHref={trajectoryRecordHref(detail.trajectory_id)}
            q={q}
            stepHref={(step) => stepHref(detail.trajectory_id, step, q)}
          />
        </div>
        <div className="space-y-4">
          {notes}
          <SiblingList siblings={siblings} currentId={detail.trajectory_id} q={q} />
          <CompareForm currentId={detail.trajectory_id} />
        </div>
      </div>
    </Stack>
  );
}
