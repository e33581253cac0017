import type { Annotation, Target } from '../annotations/schema';
import { groupHref, notesHref, questionRunsHref, trajectoryHref } from '../params/hrefs';
import { formatTimeAgo, formatTimestamp } from './recency';

/** The Notes page showing the notes with one label. */
export function labelHref(label: string): string {
  return notesHref({ label: [label] });
}

/** The Notes page showing the notes of one author. */
export function authorHref(author: string): string {
  return notesHref({ author });
}

/** The page of what a note is about: the transcript, the question across runs, or the group. */
export function targetHref(target: Target): string {
  switch (target.kind) {
    case 'trajectory':
      return trajectoryHref(target.trajectory_id);
    case 'question':
      return questionRunsHref(target.data_id);
    case 'group':
      return groupHref(target.training_id, target.epoch_id, target.data_id);
  }
}

/** What a note is about, in words: "trajectory t-1", "question q1", "q1 in run-a, epoch 3". */
export function targetText(target: Target): string {
  switch (target.kind) {
    case 'trajectory':
      return `trajectory ${target.trajectory_id}`;
    case 'question':
      return `question ${target.data_id}`;
    case 'group':
      return `${target.data_id} in ${target.training_id}, epoch ${target.epoch_id}`;
  }
}

/** One note as a list shows it. The text stays plain text: components render it as text, never as HTML. */
export interface NoteView {
  id: string;
  label: string | null;
  note: string;
  author: string;
  /** "5 min ago", and the exact time for its tooltip. */
  when: string;
  whenExact: string;
  edited: boolean;
  target: string;
  targetHref: string;
  /** Whether it is about something else than the page it is shown on (its question or group, on a transcript). */
  elsewhere: boolean;
  /** Whether the viewer may edit and delete it (their own). */
  mine: boolean;
}

/**
 * Notes as lists show them, in the given order; `viewer` is the signed-in name (null: not known), `here` what the page
 * showing them is about (none: the Notes page).
 */
export function noteViews(
  notes: readonly Annotation[],
  viewer: string | null,
  nowMs: number,
  here?: Target,
): NoteView[] {
  const hereKey = here ? targetHref(here) : null;
  return notes.map((note) => {
    const updated = Date.parse(note.updated_at) / 1000;
    return {
      id: note.id,
      label: note.label,
      note: note.note,
      author: note.author,
      when: formatTimeAgo(updated, nowMs),
      whenExact: formatTimestamp(updated),
      edited: note.updated_at !== note.created_at,
      target: targetText(note.target),
      targetHref: targetHref(note.target),
      elsewhere: hereKey !== null && targetHref(note.target) !== hereKey,
      mine: viewer !== null && note.author === viewer,
    };
  });
}

/** How often each label and author occurs among the notes, most frequent first (ties alphabetical). */
export function noteFacets(notes: readonly Annotation[]): {
  labels: { value: string; count: number }[];
  authors: { value: string; count: number }[];
} {
  const count = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts]
      .map(([value, n]) => ({ value, count: n }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  };
  return {
    labels: count(notes.flatMap((note) => (note.label ? [note.label] : []))),
    authors: count(notes.map((note) => note.author)),
  };
}

/** The body a note form posts for a target (the form the API takes: without `kind`). */
export function targetBody(target: Target): Record<string, string | number> {
  switch (target.kind) {
    case 'trajectory':
      return { trajectory_id: target.trajectory_id };
    case 'question':
      return { data_id: target.data_id };
    case 'group':
      return { training_id: target.training_id, epoch_id: target.epoch_id, data_id: target.data_id };
  }
}
