import Link from 'next/link';
import type { QuestionLearning, QuestionSort } from '@/lib/analysis/stats/question-learning';
import { formatPercent } from '@/lib/chart-data/format';
import { cellTitle, questionSortDirection, rateStep, type QuestionSortKey } from '@/lib/chart-data/questions';
import { groupHref, questionRunsHref } from '@/lib/search-params';
import { RATE_CLASSES } from './rate-colors';
import { LabelChips } from '../notes/label-chips';

export interface QuestionGridProps {
  learning: QuestionLearning;
  /** The URL of the grid sorted by each column (the header links). */
  sortHref: (key: QuestionSortKey) => string;
  /** The note labels of the questions (by data_id), under their id. */
  labels?: Record<string, string[]>;
}

const HEAD = 'px-1.5 py-1 text-xs font-medium text-tremor-content dark:text-dark-tremor-content';
const LINK = 'hover:underline text-tremor-brand dark:text-dark-tremor-brand';

function SortHeader({
  label,
  column,
  sort,
  href,
  title,
}: {
  label: string;
  column: QuestionSortKey;
  sort: QuestionSort;
  href: string;
  title: string;
}) {
  const direction = questionSortDirection(sort, column);
  return (
    <th scope="col" className={`${HEAD} whitespace-nowrap text-right`} aria-sort={direction} title={title}>
      <Link
        prefetch={false}
        href={href}
        scroll={false}
        className="hover:underline"
        data-testid={`sort-${column}`}
      >
        {label}
        {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}
      </Link>
    </th>
  );
}

/**
 * Questions × epochs: each cell is the success rate of that question's samples in that epoch, coloured by the legend's
 * scale and linked to the GRPO group behind it.
 */
export function QuestionGrid({ learning, sortHref, labels = {} }: QuestionGridProps) {
  const { epochs, questions, sort } = learning;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-separate border-spacing-0.5 text-xs" data-testid="question-grid">
        <thead>
          <tr>
            <th
              scope="col"
              className={`${HEAD} text-left`}
              aria-sort={sort === 'data_id' ? 'ascending' : 'none'}
            >
              <Link prefetch={false} href={sortHref('data_id')} scroll={false} className="hover:underline">
                Question
              </Link>
            </th>
            <SortHeader
              label="Success"
              column="difficulty"
              sort={sort}
              href={sortHref('difficulty')}
              title="Success rate over all epochs (difficulty): lowest first, click again for highest first"
            />
            <SortHeader
              label="First"
              column="first_solved"
              sort={sort}
              href={sortHref('first_solved')}
              title="First epoch in which the question was solved"
            />
            <SortHeader
              label="Last"
              column="last_solved"
              sort={sort}
              href={sortHref('last_solved')}
              title="Last epoch in which the question was solved"
            />
            <SortHeader
              label="Flips"
              column="flips"
              sort={sort}
              href={sortHref('flips')}
              title="How often the question switched between solved and unsolved (instability)"
            />
            {epochs.map((epoch) => (
              <th key={epoch} scope="col" className={`${HEAD} min-w-8 text-center tabular-nums`}>
                {epoch}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.data_id} data-testid="question-row">
              <th scope="row" className="max-w-48 truncate px-1.5 py-0.5 text-left font-mono font-normal">
                <Link
                  prefetch={false}
                  href={questionRunsHref(q.data_id)}
                  className={LINK}
                  title={`${q.data_id} in every run`}
                >
                  {q.data_id}
                </Link>
                <LabelChips labels={labels[q.data_id] ?? []} className="mt-0.5" />
              </th>
              <td className="px-1.5 text-right tabular-nums">{formatPercent(q.success_rate, 0)}</td>
              <td className="px-1.5 text-right tabular-nums">{q.first_solved ?? '—'}</td>
              <td className="px-1.5 text-right tabular-nums">{q.last_solved ?? '—'}</td>
              <td className="px-1.5 text-right tabular-nums">{q.flips}</td>
              {q.cells.map((cell, e) =>
                cell ? (
                  <td key={epochs[e]} className="p-0">
                    <Link
                      prefetch={false}
                      href={groupHref(learning.training_id, epochs[e], q.data_id)}
                      title={cellTitle(epochs[e], cell)}
                      data-testid="grid-cell"
                      className={`block rounded px-1 py-0.5 text-center tabular-nums hover:ring-2 hover:ring-tremor-brand ${
                        RATE_CLASSES[rateStep(cell.success_rate).step]
                      } ${cell.solved ? 'font-bold' : 'font-normal opacity-90'}`}
                    >
                      {Math.round(cell.success_rate * 100)}
                    </Link>
                  </td>
                ) : (
                  <td key={epochs[e]} title={cellTitle(epochs[e], null)} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
