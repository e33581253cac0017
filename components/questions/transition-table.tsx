import Link from 'next/link';
import type { EpochTransitions, QuestionStatus } from '@/lib/analysis/stats/question-learning';
import { formatInteger } from '@/lib/chart-data/format';

export interface TransitionTableProps {
  transitions: EpochTransitions[];
  /** The grid narrowed to the questions with this status in this epoch. */
  statusHref: (status: QuestionStatus, epoch: number) => string;
  /** The status the grid is narrowed to now, highlighted. */
  current: { status: QuestionStatus; epoch: number } | null;
}

const HEAD = 'px-2 py-1 text-xs font-medium text-tremor-content dark:text-dark-tremor-content';
const COLUMNS: { status: QuestionStatus; label: string; title: string }[] = [
  { status: 'newly_solved', label: 'Newly solved', title: 'Solved here, not in the epoch before' },
  { status: 'regressed', label: 'Regressed', title: 'Solved in the epoch before, not here' },
  { status: 'always_solved', label: 'Always solved', title: 'Solved in every epoch so far' },
  { status: 'never_solved', label: 'Never solved', title: 'Solved in no epoch so far' },
];

/** Per epoch, how many questions changed state; every count opens the grid on exactly those questions. */
export function TransitionTable({ transitions, statusHref, current }: TransitionTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs" data-testid="transition-table">
        <thead>
          <tr className="border-b border-tremor-border text-right dark:border-dark-tremor-border">
            <th scope="col" className={`${HEAD} text-left`}>
              Epoch
            </th>
            <th scope="col" className={HEAD}>
              Solved / questions
            </th>
            {COLUMNS.map((c) => (
              <th key={c.status} scope="col" className={HEAD} title={c.title}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {transitions.map((t) => (
            <tr
              key={t.epoch_id}
              className="border-b border-tremor-border text-right tabular-nums last:border-b-0 dark:border-dark-tremor-border"
            >
              <th scope="row" className="px-2 py-1 text-left font-normal">
                {t.epoch_id}
              </th>
              <td className="px-2 py-1">
                {formatInteger(t.solved)} / {formatInteger(t.questions)}
              </td>
              {COLUMNS.map(({ status }) => {
                const value = t[status];
                const active = current?.status === status && current.epoch === t.epoch_id;
                return (
                  <td key={status} className="px-2 py-1">
                    {value === null ? (
                      <span title="The first epoch has nothing to compare with">—</span>
                    ) : (
                      <Link
                        prefetch={false}
                        href={statusHref(status, t.epoch_id)}
                        scroll={false}
                        data-testid={`count-${status}-${t.epoch_id}`}
                        aria-current={active ? 'true' : undefined}
                        className={`rounded px-1 hover:underline ${
                          active
                            ? 'bg-tremor-brand-muted font-semibold text-tremor-brand-emphasis dark:bg-dark-tremor-brand-muted dark:text-dark-tremor-brand-emphasis'
                            : status === 'regressed' && value > 0
                              ? 'text-rose-600 dark:text-rose-400'
                              : 'text-tremor-brand dark:text-dark-tremor-brand'
                        }`}
                      >
                        {formatInteger(value)}
                      </Link>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
