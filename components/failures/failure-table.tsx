'use client';

import Link from 'next/link';
import { useRef, useState, type MouseEvent } from 'react';
import type { FailureCases } from '@/lib/analysis/stats/failure-cases';
import { nextSort, type SortColumn, sortDirection } from '@/lib/chart-data/dashboard-url';
import { formatInteger, formatReward } from '@/lib/chart-data/format';
import { shortId, stepsPreviewLine } from '@/lib/chart-data/steps';
import { dashboardHref, resetFiltersHref, type DashboardParams } from '@/lib/search-params';
import { useDashboardUrl } from '../hooks/use-dashboard-url';
import { TerminationBadge } from '../ui/badge';
import { HeaderCell } from '../table/header-cell';
import { SortHeader } from '../table/sort-header';
import { NoMatches } from '../ui/empty-state';
import { Pagination } from '../ui/pagination';
import { useRowKeys } from './use-row-keys';
import { LabelChips } from '../notes/label-chips';

export interface FailureTableProps {
  /** One page of failing trajectories (its `limit` is the page size). */
  failures: FailureCases;
  /** The current URL parameters, for sort, page and row links. */
  params: DashboardParams;
  pathname?: string;
  /** The note labels of the rows' trajectories (by trajectory_id), shown under their question. */
  labels?: Record<string, string[]>;
}

/** A column header sorting the failure list by `column` (page and open trajectory reset). */
function FailureSortHeader({
  column,
  label,
  params,
  pathname,
}: {
  column: SortColumn;
  label: string;
  params: DashboardParams;
  pathname?: string;
}) {
  const href = dashboardHref(
    params,
    { sort: nextSort(params.sort, column), page: null, trajectory: null },
    pathname,
  );
  return (
    <SortHeader label={label} href={href} direction={sortDirection(params.sort, column)} align="right" />
  );
}

export function FailureTable({ failures, params, pathname, labels = {} }: FailureTableProps) {
  const { update } = useDashboardUrl();
  const rows = failures.data;
  const [highlightId, setHighlightId] = useState<string | null>(params.trajectory);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const highlighted = rows.findIndex((row) => row.trajectory_id === highlightId);

  const open = (id: string) => {
    setHighlightId(id);
    update({ trajectory: id });
  };
  const move = (delta: number) => {
    if (rows.length === 0) return;
    const next =
      highlighted < 0
        ? delta > 0
          ? 0
          : rows.length - 1
        : Math.min(rows.length - 1, Math.max(0, highlighted + delta));
    const id = rows[next].trajectory_id;
    setHighlightId(id);
    const element = rowRefs.current.get(id);
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: 'nearest' });
  };
  useRowKeys({
    onNext: () => move(1),
    onPrevious: () => move(-1),
    onOpen: () => {
      if (highlighted >= 0) open(rows[highlighted].trajectory_id);
    },
  });

  if (failures.total === 0) {
    return <NoMatches resetHref={resetFiltersHref(params, pathname)} />;
  }

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    if ((event.target as HTMLElement).closest('a, button')) return;
    open(id);
  };

  return (
    <div>
      {/* Below its minimum width (a phone) the table scrolls within its card; its headers never overlap. */}
      <div className="relative overflow-x-auto" data-testid="failure-table-scroll">
        <table className="w-full min-w-[46rem] table-fixed text-xs" data-testid="failure-table">
          <colgroup>
            <col className="w-32" />
            <col />
            <col className="w-28" />
            <col className="w-16" />
            <col className="w-14" />
            <col className="w-14" />
            <col className="w-[28%]" />
          </colgroup>
          <thead>
            <tr className="border-b border-tremor-border dark:border-dark-tremor-border">
              <HeaderCell>Trajectory</HeaderCell>
              <HeaderCell>Question</HeaderCell>
              <HeaderCell>Termination</HeaderCell>
              <FailureSortHeader column="reward" label="Reward" params={params} pathname={pathname} />
              <FailureSortHeader column="step_count" label="Steps" params={params} pathname={pathname} />
              <FailureSortHeader column="epoch_id" label="Epoch" params={params} pathname={pathname} />
              <HeaderCell>Steps preview</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const active = i === highlighted;
              const opened = row.trajectory_id === params.trajectory;
              return (
                <tr
                  key={row.trajectory_id}
                  ref={(element) => {
                    if (element) rowRefs.current.set(row.trajectory_id, element);
                    else rowRefs.current.delete(row.trajectory_id);
                  }}
                  tabIndex={-1}
                  data-testid="failure-row"
                  data-highlighted={active || undefined}
                  aria-current={opened ? 'true' : undefined}
                  onClick={(event) => onRowClick(event, row.trajectory_id)}
                  className={`cursor-pointer border-b border-tremor-border align-top outline-none last:border-b-0 hover:bg-tremor-background-muted focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-tremor-brand dark:border-dark-tremor-border dark:hover:bg-dark-tremor-background-muted ${
                    active
                      ? 'bg-tremor-brand-faint ring-2 ring-inset ring-tremor-brand dark:bg-dark-tremor-brand-faint dark:ring-dark-tremor-brand'
                      : ''
                  }`}
                >
                  <td className="px-2 py-2">
                    <Link
                      prefetch={false}
                      href={dashboardHref(params, { trajectory: row.trajectory_id }, pathname)}
                      scroll={false}
                      title={row.trajectory_id}
                      className="font-mono text-tremor-brand hover:underline dark:text-dark-tremor-brand-emphasis"
                    >
                      {shortId(row.trajectory_id)}
                    </Link>
                    <div
                      className="truncate text-[11px] text-tremor-content-subtle dark:text-dark-tremor-content-subtle"
                      title={row.training_id}
                    >
                      {row.training_id} · s{row.sample_id}
                    </div>
                  </td>
                  <td className="px-2 py-2">
                    <p
                      className="line-clamp-2 text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis"
                      title={row.question ?? row.data_id}
                    >
                      {row.question ?? <span className="font-mono">{row.data_id}</span>}
                    </p>
                    <LabelChips labels={labels[row.trajectory_id] ?? []} className="mt-1" />
                  </td>
                  <td className="px-2 py-2">
                    <TerminationBadge reason={row.termination_reason} />
                  </td>
                  <td className="px-2 py-2 text-right tabular-nums">{formatReward(row.reward)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{formatInteger(row.step_count)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{row.epoch_id}</td>
                  <td className="px-2 py-2">
                    <p className="line-clamp-2 font-mono [overflow-wrap:anywhere] text-[11px] text-tremor-content dark:text-dark-tremor-content">
                      {stepsPreviewLine(row.steps_preview, row.step_count)}
                    </p>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Pagination
          params={params}
          total={failures.total}
          limit={failures.limit}
          offset={failures.offset}
          noun="trajectories"
          pathname={pathname}
        />
        <p className="pt-3 text-[11px] text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
          <kbd className="font-mono">j</kbd>/<kbd className="font-mono">k</kbd> move ·{' '}
          <kbd className="font-mono">Enter</kbd> opens · <kbd className="font-mono">Esc</kbd> closes
        </p>
      </div>
    </div>
  );
}
