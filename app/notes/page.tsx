import type { Metadata } from 'next';
import { NotesView, type NotesViewProps } from '@/components/notes/notes-view';
import { matchingAnnotations } from '@/lib/annotations/select';
import { noteFacets, noteViews } from '@/lib/chart-data/notes';
import { analysisHref, loadDashboard } from '@/lib/search-params';
import { loadNotes, viewerName } from './_parts/target-notes';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Notes · RL Trajectory Dashboard' };

/** Notes a page shows at a time. */
const NOTES_PER_PAGE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The page's view of the URL: the notes with any of its labels and by its author, one page of them. */
async function notesPage(raw: Record<string, string | string[] | undefined>): Promise<NotesViewProps> {
  const params = loadDashboard(raw);
  const labels = params.label ?? [];
  const author = params.author ?? null;
  const all = await loadNotes();
  const byAuthor = author ? matchingAnnotations(all, { author }) : all;
  const shown =
    labels.length > 0 ? byAuthor.filter((note) => note.label && labels.includes(note.label)) : byAuthor;
  const offset = (Math.max(1, params.page ?? 1) - 1) * NOTES_PER_PAGE;
  const viewer = await viewerName();
  return {
    params,
    labels,
    author,
    facets: noteFacets(all),
    notes: noteViews(shown.slice(offset, offset + NOTES_PER_PAGE), viewer, Date.now()),
    total: shown.length,
    totalAll: all.length,
    limit: NOTES_PER_PAGE,
    offset,
    failuresHref: labels.length > 0 ? analysisHref({ tab: 'failures', label: labels }) : null,
    viewer,
  };
}

/** The team's notes, most recently changed first, by label and author (`label=`, `author=`), each linking to its target. */
export default async function NotesPage({ searchParams }: Props) {
  return <NotesView {...await notesPage(await searchParams)} />;
}
