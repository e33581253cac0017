import { Card } from '@/components/ui/card';
import { PageTitle, Stack } from '@/components/ui/layout';
import { TextLink } from '@/components/ui/links';
import { Pagination } from '@/components/ui/pagination';
import type { Diff } from '@/lib/analysis/stats/diff';
import { diffChangeTables, diffHeadline, flippedRows, swappedDiffHref } from '@/lib/chart-data/diff';
import { formatPercent } from '@/lib/chart-data/format';
import { DIFF_PATH, type DashboardParams } from '@/lib/search-params';
import { ChangeCard } from './change-card';
import { DiffChooser } from './diff-chooser';
import { DiffHeadline } from './diff-headline';
import { FlippedTable } from './flipped-table';

export interface DiffViewProps {
  data: Diff;
  trainings: readonly string[];
  /** The page's URL, which the page links change. */
  params: DashboardParams;
}

/** Side a against side b question by question: what flipped, whether it is noise, and what changed. */
export function DiffView({ data, trainings, params }: DiffViewProps) {
  const headline = diffHeadline(data);
  const tables = diffChangeTables(data);
  return (
    <Stack>
      <PageTitle>
        <span className="break-words">
          {headline.a} → {headline.b}
          {data.a.training_id === data.b.training_id ? ` of ${data.a.training_id}` : ''}
        </span>
      </PageTitle>
      <Card title="Sides" testId="card-diff-sides">
        <DiffChooser trainings={trainings} a={data.a} b={data.b} solvedRate={data.solved_rate} />
      </Card>
      <Card
        title="Questions that flipped"
        subtitle={`On the questions both sides have, a question is solved on a side when ≥ ${formatPercent(data.solved_rate, 0)} of its samples there succeed (reward > ${data.success_threshold}); Δ is the mean over those questions of the success rate on b minus on a, its interval a bootstrap over questions`}
        testId="card-diff-headline"
        actions={
          <TextLink className="whitespace-nowrap text-xs" href={swappedDiffHref(data)}>
            Swap sides
          </TextLink>
        }
      >
        <DiffHeadline headline={headline} />
      </Card>
      {/* Each card as tall as its own tables: a direction with no questions stays one line. */}
      <div className="grid items-start gap-4 lg:grid-cols-2">
        {tables.map((table) => (
          <ChangeCard key={table.direction} tables={table} a={headline.a} b={headline.b} />
        ))}
      </div>
      <Card
        title="Flipped questions"
        subtitle="Largest change first; each with one trajectory that succeeded where the question is solved and one that failed on the other side, side by side from the first step where they part"
        testId="card-diff-flipped"
      >
        {data.changes.total > 0 ? (
          <FlippedTable rows={flippedRows(data)} a={headline.a} b={headline.b} />
        ) : null}
        <Pagination
          params={params}
          total={data.changes.total}
          limit={data.changes.limit}
          offset={data.changes.offset}
          noun="flipped questions"
          pathname={DIFF_PATH}
        />
      </Card>
    </Stack>
  );
}
