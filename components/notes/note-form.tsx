'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { LabelField } from './label-field';
import { sendNote } from './send-note';

/** What a new note may be about: its name in the form, and the target as the API takes it. */
export interface TargetChoice {
  name: string;
  /** `{trajectory_id}`, `{data_id}` or `{training_id, epoch_id, data_id}`. */
  target: Record<string, string | number>;
}

export interface NoteFormProps {
  /** What the note may be about (the first is chosen; a choice is offered when there are several). */
  targets: TargetChoice[];
  /** Labels already in use, offered as suggestions. */
  knownLabels: readonly string[];
  /** Most characters of a note (the API's limit). */
  maxLength: number;
}

/** Adds a note (a label, a text or both) to a target, then shows the page again with it. */
export function NoteForm({ targets, knownLabels, maxLength }: NoteFormProps) {
  const router = useRouter();
  const [about, setAbout] = useState(0);
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [, startTransition] = useTransition();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    const failed = await sendNote('POST', '/api/annotations', {
      target: targets[about].target,
      ...(label.trim() ? { label: label.trim() } : {}),
      note,
    });
    setSending(false);
    if (failed) {
      setError(failed);
      return;
    }
    setLabel('');
    setNote('');
    startTransition(() => router.refresh());
  };

  return (
    <form onSubmit={submit} className="max-w-xl space-y-2" aria-label="Add a note" data-testid="note-form">
      <div className="space-y-2">
        <LabelField value={label} onChange={setLabel} known={knownLabels} />
        {targets.length > 1 ? (
          <label className="block min-w-0 text-xs">
            <span className="mb-1 block text-tremor-content dark:text-dark-tremor-content">About</span>
            <select
              name="about"
              value={about}
              onChange={(event) => setAbout(Number(event.target.value))}
              className="max-w-full rounded-md border border-tremor-border bg-tremor-background px-2 py-1 text-sm dark:border-dark-tremor-border dark:bg-dark-tremor-background"
            >
              {targets.map((choice, i) => (
                <option key={choice.name} value={i}>
                  {choice.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <label className="block text-xs">
        <span className="mb-1 block text-tremor-content dark:text-dark-tremor-content">Note</span>
        <textarea
          name="note"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={maxLength}
          rows={3}
          placeholder="Why it matters, what a fix must cover"
          className="w-full rounded-md border border-tremor-border bg-tremor-background px-2 py-1 text-sm dark:border-dark-tremor-border dark:bg-dark-tremor-background"
        />
      </label>
      {error ? (
        <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={sending || (!label.trim() && !note.trim())}
        className="rounded-md bg-tremor-brand px-3 py-1 text-sm font-medium text-tremor-brand-inverted hover:bg-tremor-brand-emphasis disabled:opacity-50 dark:bg-dark-tremor-brand dark:text-dark-tremor-brand-inverted"
      >
        {sending ? 'Saving…' : 'Add note'}
      </button>
    </form>
  );
}
