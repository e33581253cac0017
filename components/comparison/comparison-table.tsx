'use client';

import { useState } from 'react';
import {
  firstDirection,
  shownColors,
  shownRuns,
  sortRuns,
  type ComparedRun,
  type RunSortKey,
  type VerdictTone,
} from '@/lib/chart-data/comparison';
import {
  formatInteger,
  formatPercent,
  formatPercentPoints,
  formatRewardWithCI,
} from '@/lib/chart-data/format';
import { middleEllipsis } from '@/lib/chart-data/names';
import { disagreementHref } from '@/lib/search-params';
import type { ChartColor } from '@/lib/chart-data/types';
import { HeaderCell, type CellAlign } from '../table/header-cell';
import { Badge, Swatch } from '../ui/badge';
import { BreakableName } from '../ui/breakable-name';
import { TextLink } from '@/components/ui/links';
import { useShownParam } from './use-shown-runs';

export interface ComparisonTableProps {
  /** Every compared run, in the comparison's order (the first is the baseline). */
  runs: ComparedRun[];
  /** The pass@k column's title ("Pass@4"); null when there is no k. */
  passK: string | null;
}

const VERDICT_COLOR: Record<VerdictTone, ChartColor> = { better: 'emerald', worse: 'rose', unclear: 'gray' };
const CELL = 'px-2 py-1.5 tabular-nums';
/** Longest run name in the table, wrapping after its separators; past it, shortened in the middle (all on hover). */
const NAME_LENGTH = 96;

interface Sort {
  key: RunSortKey;
  direction: 'asc' | 'desc';
}

const ARROW = { asc: '▲', desc: '▼' } as const;

function SortButton({
  label,
  column,
  sort,
  onSort,
  align = 'right',
  title,
}: {
  label: string;
  column: RunSortKey;
  sort: Sort;
  onSort: (key: RunSortKey) => void;
  align?: CellAlign;
  title?: string;
}) {
  const active = sort.key === column;
  return (
    <HeaderCell
      align={align}
      title={title}
      sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className={`inline-flex items-center gap-1 whitespace-nowrap hover:text-tremor-content-strong dark:hover:text-dark-tremor-content-strong ${align === 'right' ? 'flex-row-reverse text-right' : ''}`}
      >
        <span>{label}</span>
        <span aria-hidden="true" className="text-[10px]">
          {active ? ARROW[sort.direction] : '↕'}
        </span>
      </button>
    </HeaderCell>
  );
}

/**
 * Every compared run, best first (its latest epoch's pass@1) unless sorted by another column: its headline figures
 * and its paired difference against the baseline on the questions both answered, with a link to the questions where
 * the two disagree most. The runs the charts draw carry their colour.
 */
export function ComparisonTable({ runs, passK }: ComparisonTableProps) {
  const [sort, setSort] = useState<Sort>({ key: 'rank', direction: 'asc' });
  const { shown: requested } = useShownParam();
  const ranking = [...runs].sort((a, b) => a.rank - b.rank).map((run) => run.id);
  const colors = shownColors(shownRuns(ranking, requested).ids);
  const onSort = (key: RunSortKey) =>
    setSort((now) =>
      now.key === key
        ? { key, direction: now.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: firstDirection(key) },
    );
  const sorted = sortRuns(runs, sort.key, sort.direction);
  const header = { sort, onSort };
  return (
    // `relative`: the screen-reader text of the links is positioned absolutely; without a positioned ancestor here it
    // escapes the scrolling box and widens the page.
    <div className="relative overflow-x-auto">
      <table className="w-full text-xs" data-testid="comparison-table">
        <thead>
          <tr className="border-b border-tremor-border text-right dark:border-dark-tremor-border">
            <SortButton
              label="#"
              column="rank"
              title="Place, best first by the latest epoch's pass@1"
              {...header}
            />
            <SortButton label="Run" column="id" align="left" {...header} />
            <SortButton
              label="Latest pass@1"
              column="latestPassAt1"
              title="Pass@1 in the run's latest epoch (its epoch in brackets): the order of the table and of the charts"
              {...header}
            />
            <SortButton label="Pass@1" column="passAt1" title="Over all epochs" {...header} />
            {passK ? (
              <SortButton
                label={passK}
                column="passAtK"
                title="Questions with fewer than k samples are left out"
                {...header}
              />
            ) : null}
            <SortButton label="Avg reward [95% CI]" column="avgReward" {...header} />
            <SortButton
              label="Δ pass@1 [95% CI]"
              column="delta"
              title="Against the baseline: mean over shared questions of the success-rate difference"
              {...header}
            />
            <HeaderCell
              align="right"
              title="Shared questions where this run's success rate is higher / equal / lower"
            >
              W / T / L
            </HeaderCell>
            <HeaderCell>Verdict</HeaderCell>
            <SortButton label="Trajectories" column="trajectories" {...header} />
          </tr>
        </thead>
        <tbody>
          {sorted.map((run) => {
            const pd = run.paired;
            const color = colors.get(run.id);
            return (
              <tr
                key={run.id}
                data-testid="comparison-row"
                data-run={run.id}
                data-shown={color ? 'true' : undefined}
                className="border-b border-tremor-border text-right last:border-b-0 dark:border-dark-tremor-border"
              >
                <td className={`${CELL} text-tremor-content dark:text-dark-tremor-content`}>
                  {run.rank + 1}
                </td>
                <th scope="row" className="px-2 py-1.5 text-left font-normal">
                  <span className="inline-flex flex-wrap items-baseline gap-x-2 gap-y-1">
                    <span className="inline-flex items-baseline gap-2">
                      {color ? <Swatch color={color} /> : <span className="inline-block w-2.5" aria-hidden />}
                      <span
                        className="w-max max-w-[9rem] shrink-0 font-mono text-tremor-content-strong lg:max-w-[15rem] dark:text-dark-tremor-content-strong"
                        title={run.id}
                      >
                        <BreakableName name={middleEllipsis(run.id, NAME_LENGTH)} />
                      </span>
                    </span>
                    {run.order === 0 ? <Badge color="blue">baseline</Badge> : null}
                  </span>
                </th>
                <td className={CELL}>
                  {formatPercent(run.latestPassAt1)}
                  {run.latestEpoch !== null ? (
                    <span className="text-tremor-content dark:text-dark-tremor-content">
                      {' '}
                      ({run.latestEpoch})
                    </span>
                  ) : null}
                </td>
                <td className={CELL}>{formatPercent(run.passAt1)}</td>
                {passK ? (
                  <td
                    className={CELL}
                    title={`over ${formatInteger(run.passAtKQuestions)} of ${formatInteger(run.questions)} questions`}
                  >
                    {formatPercent(run.passAtK)}
                  </td>
                ) : null}
                <td className={`${CELL} whitespace-nowrap`}>
                  {formatRewardWithCI(run.avgReward, run.avgRewardCi)}
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  {pd
                    ? `${formatPercentPoints(pd.delta_pass_at_1)}${pd.delta_ci ? ` [${formatPercentPoints(pd.delta_ci.low)}, ${formatPercentPoints(pd.delta_ci.high)}]` : ''}`
                    : run.order === 0
                      ? 'baseline'
                      : '–'}
                </td>
                <td
                  className={`${CELL} whitespace-nowrap`}
                  title={pd ? `${formatInteger(pd.common_questions)} shared questions` : undefined}
                >
                  {pd ? `${pd.wins} / ${pd.ties} / ${pd.losses}` : '–'}
                </td>
                <td className="px-2 py-1.5 text-left">
                  {run.verdict && pd ? (
                    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
                      <Badge color={VERDICT_COLOR[run.verdict.tone]}>{run.verdict.text}</Badge>
                      <TextLink
                        className="whitespace-nowrap"
                        href={disagreementHref(pd.baseline, pd.training_id)}
                      >
                        questions where they disagree →
                        <span className="sr-only">
                          {' '}
                          ({pd.baseline} and {pd.training_id})
                        </span>
                      </TextLink>
                      {run.diff ? (
                        <TextLink
                          className="whitespace-nowrap"
                          data-testid="comparison-diff-link"
                          href={run.diff.href}
                        >
                          what changed at epoch {run.diff.epoch} →
                          <span className="sr-only">
                            {' '}
                            ({pd.baseline} against {pd.training_id})
                          </span>
                        </TextLink>
                      ) : null}
                    </span>
                  ) : null}
                </td>
                <td className={CELL}>{formatInteger(run.trajectories)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
