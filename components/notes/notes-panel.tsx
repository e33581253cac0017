import type { NoteView } from '@/lib/chart-data/notes';
import { Card } from '../ui/card';
import { NoteForm, type TargetChoice } from './note-form';
import { NoteList } from './note-list';

export interface NotesPanelProps {
  title?: string;
  /** What the notes are about, in words (under the title). */
  about: string;
  notes: NoteView[];
  /** What a new note may be about (the first is the default). */
  targets: TargetChoice[];
  knownLabels: string[];
  maxLength: number;
}

/**
 * The notes of one trajectory, group or question and a form to add one (the page shows their labels as chips under
 * its title).
 */
export function NotesPanel({
  title = 'Notes',
  about,
  notes,
  targets,
  knownLabels,
  maxLength,
}: NotesPanelProps) {
  return (
    <Card title={title} subtitle={about} testId="notes-panel">
      <div className="space-y-3">
        <NoteList notes={notes} />
        <NoteForm targets={targets} knownLabels={knownLabels} maxLength={maxLength} />
      </div>
    </Card>
  );
}
