import Link from 'next/link';
import { authorHref, type NoteView } from '@/lib/chart-data/notes';
import { LabelChips } from './label-chips';
import { NoteActions } from './note-actions';

export interface NoteListProps {
  notes: NoteView[];
  /**
   * Show what each note is about, as a link (the Notes page); a target's own page shows it only on the notes about
   * something else (on a transcript: its question's and its group's).
   */
  showTarget?: boolean;
  empty?: string;
}

/**
 * Notes, one under the other: label, text, author and time; one's own can be edited or deleted. The text is rendered
 * as text (line breaks kept), never as HTML.
 */
export function NoteList({ notes, showTarget = false, empty = 'No notes yet.' }: NoteListProps) {
  if (notes.length === 0)
    return <p className="text-xs text-tremor-content-subtle dark:text-dark-tremor-content-subtle">{empty}</p>;
  return (
    <ol className="divide-y divide-tremor-border dark:divide-dark-tremor-border" data-testid="note-list">
      {notes.map((note) => (
        <li key={note.id} className="space-y-1 py-2 first:pt-0 last:pb-0" data-testid="note">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
            {note.label ? <LabelChips labels={[note.label]} /> : null}
            {showTarget || note.elsewhere ? (
              <Link
                prefetch={false}
                href={note.targetHref}
                className="min-w-0 break-all font-mono text-tremor-brand hover:underline dark:text-dark-tremor-brand"
                data-testid="note-target"
              >
                {note.target}
              </Link>
            ) : null}
          </div>
          {note.note ? (
            <p
              className="whitespace-pre-wrap text-sm text-tremor-content-emphasis [overflow-wrap:anywhere] dark:text-dark-tremor-content-emphasis"
              data-testid="note-text"
            >
              {note.note}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-x-2 text-[11px] text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
            <Link prefetch={false} href={authorHref(note.author)} className="hover:underline">
              {note.author}
            </Link>
            <span title={note.whenExact}>
              {note.when}
              {note.edited ? ' · edited' : ''}
            </span>
            {note.mine ? <NoteActions id={note.id} label={note.label} note={note.note} /> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
