'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { LabelField } from './label-field';
import { sendNote } from './send-note';

const BUTTON = 'text-tremor-brand hover:underline disabled:opacity-50 dark:text-dark-tremor-brand';

/** Edit and delete of one's own note: a delete asks once; an edit opens a small form in place. */
export function NoteActions({ id, label, note }: { id: string; label: string | null; note: string }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [draftLabel, setDraftLabel] = useState(label ?? '');
  const [draftNote, setDraftNote] = useState(note);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();
  const path = `/api/annotations/${encodeURIComponent(id)}`;

  const done = (failed: string | null) => {
    setBusy(false);
    if (failed) {
      setError(failed);
      return;
    }
    setEditing(false);
    startTransition(() => router.refresh());
  };

  const remove = async () => {
    if (!window.confirm('Delete this note?')) return;
    setBusy(true);
    done(await sendNote('DELETE', path));
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    done(await sendNote('PATCH', path, { label: draftLabel.trim() || null, note: draftNote }));
  };

  if (!editing)
    return (
      <span className="flex gap-2">
        <button type="button" className={BUTTON} onClick={() => setEditing(true)} disabled={busy}>
          edit
        </button>
        <button type="button" className={BUTTON} onClick={remove} disabled={busy} data-testid="note-delete">
          delete
        </button>
        {error ? (
          <span role="alert" className="text-rose-700 dark:text-rose-300">
            {error}
          </span>
        ) : null}
      </span>
    );
  return (
    <form onSubmit={save} className="mt-1 w-full space-y-2" aria-label="Edit the note">
      <LabelField value={draftLabel} onChange={setDraftLabel} known={[]} />
      <textarea
        aria-label="Note"
        value={draftNote}
        onChange={(event) => setDraftNote(event.target.value)}
        rows={3}
        className="w-full rounded-md border border-tremor-border bg-tremor-background px-2 py-1 text-sm text-tremor-content-emphasis dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-content-emphasis"
      />
      {error ? (
        <p role="alert" className="text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
      <span className="flex gap-2">
        <button type="submit" className={BUTTON} disabled={busy}>
          save
        </button>
        <button type="button" className={BUTTON} onClick={() => setEditing(false)} disabled={busy}>
          cancel
        </button>
      </span>
    </form>
  );
}
