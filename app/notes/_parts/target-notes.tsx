import { headers } from 'next/headers';
import { LabelChips } from '@/components/notes/label-chips';
import { NotesPanel } from '@/components/notes/notes-panel';
import type { TargetChoice } from '@/components/notes/note-form';
import { MAX_NOTE_LENGTH, type Annotation, type Target } from '@/lib/annotations/schema';
import {
  concernsGroup,
  concernsTrajectory,
  labelsByTrajectory,
  labelsOf,
  type TrajectoryKeys,
} from '@/lib/annotations/select';
import { currentAnnotations } from '@/lib/annotations/store';
import { noteViews, targetBody } from '@/lib/chart-data/notes';
import { dbConfigFromEnv } from '@/lib/db';
import { requestIdentity } from '@/lib/http-security/identity';
import { currentSettings } from '@/lib/http-security/settings';

/** The signed-in name of the viewer (`anonymous` without DASHBOARD_AUTH), or null when not known. */
export async function viewerName(): Promise<string | null> {
  const identity = requestIdentity(await headers(), currentSettings());
  return identity.kind === 'identified' ? identity.name : null;
}

/** The current notes (read once per notes table version). */
export async function loadNotes(): Promise<Annotation[]> {
  return (await currentAnnotations(dbConfigFromEnv())).list;
}

/**
 * The notes `keep` keeps, as lists show them on the page of `here`, and the labels in use (for the form's
 * suggestions).
 */
async function notesOf(here: Target, keep: (note: Annotation) => boolean) {
  const all = await loadNotes();
  const notes = all.filter(keep);
  return { notes, views: noteViews(notes, await viewerName(), Date.now(), here), known: labelsOf(all) };
}

/** What a note on a trajectory's page may be about: the trajectory, its group, its question. */
function trajectoryChoices(keys: TrajectoryKeys): TargetChoice[] {
  const choices: Target[] = [
    { kind: 'trajectory', trajectory_id: keys.trajectory_id },
    { kind: 'group', training_id: keys.training_id, epoch_id: keys.epoch_id, data_id: keys.data_id },
    { kind: 'question', data_id: keys.data_id },
  ];
  const names = ['this trajectory', `its group (epoch ${keys.epoch_id})`, 'its question (every run)'];
  return choices.map((target, i) => ({ name: names[i], target: targetBody(target) }));
}

/** The labels a trajectory carries (on itself, its group, its question), as chips for its page's header. */
export async function TrajectoryLabels({ keys }: { keys: TrajectoryKeys }) {
  const notes = (await loadNotes()).filter((note) => concernsTrajectory(note.target, keys));
  return <LabelChips labels={labelsOf(notes)} />;
}

/** The notes of a trajectory, its group and its question, with the form to add one. */
export async function TrajectoryNotes({ keys }: { keys: TrajectoryKeys }) {
  const { views, known } = await notesOf({ kind: 'trajectory', trajectory_id: keys.trajectory_id }, (note) =>
    concernsTrajectory(note.target, keys),
  );
  return (
    <NotesPanel
      about="On this trajectory, its group and its question"
      notes={views}
      targets={trajectoryChoices(keys)}
      knownLabels={known}
      maxLength={MAX_NOTE_LENGTH}
    />
  );
}

/** The notes of a group (a question in one run's epoch) and of its question, with the form to add one. */
export async function GroupNotes({
  trainingId,
  epochId,
  dataId,
}: {
  trainingId: string;
  epochId: number;
  dataId: string;
}) {
  const group: Target = { kind: 'group', training_id: trainingId, epoch_id: epochId, data_id: dataId };
  const { views, known } = await notesOf(group, (note) =>
    concernsGroup(note.target, trainingId, epochId, dataId),
  );
  return (
    <NotesPanel
      about="On this group and its question"
      notes={views}
      targets={[
        { name: 'this group', target: targetBody(group) },
        { name: 'its question (every run)', target: targetBody({ kind: 'question', data_id: dataId }) },
      ]}
      knownLabels={known}
      maxLength={MAX_NOTE_LENGTH}
    />
  );
}

/** Whether a note is about a question: the question itself, or one of its groups in any run. */
function concernsQuestion(note: Annotation, dataId: string): boolean {
  return note.target.kind !== 'trajectory' && note.target.data_id === dataId;
}

/** The labels of a question and its groups, as chips for the question page's header. */
export async function QuestionLabels({ dataId }: { dataId: string }) {
  const notes = (await loadNotes()).filter((note) => concernsQuestion(note, dataId));
  return <LabelChips labels={labelsOf(notes)} />;
}

/** The notes of a question and of its groups in every run, with the form to add one (on the question). */
export async function QuestionNotes({ dataId }: { dataId: string }) {
  const { views, known } = await notesOf({ kind: 'question', data_id: dataId }, (note) =>
    concernsQuestion(note, dataId),
  );
  return (
    <NotesPanel
      about="On this question and its groups, in every run"
      notes={views}
      targets={[{ name: 'this question', target: targetBody({ kind: 'question', data_id: dataId }) }]}
      knownLabels={known}
      maxLength={MAX_NOTE_LENGTH}
    />
  );
}

/** The labels of a group and of its question, as chips for the group page's header. */
export async function GroupLabels({
  trainingId,
  epochId,
  dataId,
}: {
  trainingId: string;
  epochId: number;
  dataId: string;
}) {
  const notes = (await loadNotes()).filter((note) => concernsGroup(note.target, trainingId, epochId, dataId));
  return <LabelChips labels={labelsOf(notes)} />;
}

/** The labels of notes on single trajectories among `trajectoryIds`, by trajectory_id (a group page's samples). */
export async function sampleLabels(trajectoryIds: readonly string[]): Promise<Record<string, string[]>> {
  const onTrajectories = (await loadNotes()).filter((note) => note.target.kind === 'trajectory');
  const rows = trajectoryIds.map((id) => ({ trajectory_id: id, training_id: '', epoch_id: -1, data_id: '' }));
  return labelsByTrajectory(onTrajectories, rows);
}

/** The labels of the group of each run (at the epoch shown) of one question, by training_id. */
export async function runGroupLabels(
  dataId: string,
  runs: readonly { training_id: string; epoch_id: number | null }[],
): Promise<Record<string, string[]>> {
  const notes = await loadNotes();
  const out: Record<string, string[]> = {};
  for (const run of runs) {
    if (run.epoch_id === null) continue;
    const epochId = run.epoch_id;
    const labels = labelsOf(
      notes.filter(
        (note) =>
          note.target.kind === 'group' && concernsGroup(note.target, run.training_id, epochId, dataId),
      ),
    );
    if (labels.length > 0) out[run.training_id] = labels;
  }
  return out;
}
