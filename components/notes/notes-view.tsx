import { notesHref, type DashboardParams } from '@/lib/search-params';
import { formatInteger } from '@/lib/chart-data/format';
import type { NoteView } from '@/lib/chart-data/notes';
import { Card } from '../ui/card';
import { PageHeader, Stack } from '../ui/layout';
import { ChipLink, TextLink } from '../ui/links';
import { Pagination } from '../ui/pagination';
import { NoteList } from './note-list';

export interface NotesViewProps {
  params: DashboardParams;
  /** The labels kept (none: every label). */
  labels: string[];
  /** The author kept (null: everyone). */
  author: string | null;
  /** Every label and author in use, with how many notes each has. */
  facets: { labels: { value: string; count: number }[]; authors: { value: string; count: number }[] };
  /** The page of notes on show. */
  notes: NoteView[];
  total: number;
  totalAll: number;
  limit: number;
  offset: number;
  /** The failure list of the kept labels (null without a label). */
  failuresHref: string | null;
  /** Who is looking (`anonymous` without DASHBOARD_AUTH). */
  viewer: string | null;
}

const FACET = 'text-xs text-tremor-content dark:text-dark-tremor-content';

/** The Notes page: labels and authors to filter by, the notes (each linking to what it is about), page links. */
export function NotesView(props: NotesViewProps) {
  const { params, labels, author, facets, notes, total, totalAll, limit, offset, failuresHref, viewer } =
    props;
  const filtered = labels.length > 0 || author !== null;
  return (
    <Stack>
      <PageHeader title="Notes">
        <p className="max-w-prose text-sm text-tremor-content dark:text-dark-tremor-content">
          Labels and comments the team left on trajectories, questions and groups. A label also filters every
          view of the dashboard (<code className="font-mono">label=</code>).
          {viewer ? ` You write as ${viewer}.` : ''}
        </p>
      </PageHeader>
      <Card title="Filter" testId="notes-facets">
        <div className="space-y-2">
          <div className="flex flex-wrap items-baseline gap-1">
            <span className={`${FACET} mr-1`}>Labels</span>
            {facets.labels.length === 0 ? <span className={FACET}>none yet</span> : null}
            {facets.labels.map(({ value, count }) => {
              const active = labels.includes(value);
              return (
                <ChipLink
                  key={value}
                  active={active}
                  className="font-mono text-xs"
                  href={notesHref({ label: active ? labels.filter((l) => l !== value) : [value], author })}
                  aria-current={active ? 'true' : undefined}
                >
                  {value} <span className="tabular-nums opacity-70">{formatInteger(count)}</span>
                </ChipLink>
              );
            })}
          </div>
          <div className="flex flex-wrap items-baseline gap-1">
            <span className={`${FACET} mr-1`}>Authors</span>
            {facets.authors.map(({ value, count }) => {
              const active = value === author;
              return (
                <ChipLink
                  key={value}
                  active={active}
                  className="text-xs"
                  href={notesHref({ label: labels, author: active ? null : value })}
                  aria-current={active ? 'true' : undefined}
                >
                  {value} <span className="tabular-nums opacity-70">{formatInteger(count)}</span>
                </ChipLink>
              );
            })}
          </div>
          {filtered || failuresHref ? (
            <div className="flex flex-wrap gap-3 text-xs">
              {filtered ? <TextLink href={notesHref()}>Show every note</TextLink> : null}
              {failuresHref ? (
                <TextLink href={failuresHref} data-testid="notes-failures-link">
                  Failures with {labels.length === 1 ? `label ${labels[0]}` : 'these labels'} →
                </TextLink>
              ) : null}
            </div>
          ) : null}
        </div>
      </Card>
      <Card
        title={filtered ? 'Matching notes' : 'Recent notes'}
        subtitle={`${formatInteger(total)} of ${formatInteger(totalAll)} notes, most recently changed first`}
        testId="notes-list"
      >
        <NoteList
          notes={notes}
          showTarget
          empty={
            totalAll === 0
              ? 'No notes yet: add one from a trajectory, a group or a question page.'
              : 'No note matches.'
          }
        />
        {total > limit ? (
          <Pagination
            params={params}
            total={total}
            limit={limit}
            offset={offset}
            noun="notes"
            pathname="/notes"
          />
        ) : null}
      </Card>
    </Stack>
  );
}
