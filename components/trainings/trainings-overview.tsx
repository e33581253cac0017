import type { ReactNode } from 'react';
import { TextLink } from '@/components/ui/links';
import { EmptyState, NoDataYet } from '@/components/ui/empty-state';
import { compareAllBaseline, compareAllLink, MAX_LINK_CHARS } from '@/lib/chart-data/comparison';
import {
  groupChoices,
  runsTableView,
  sortRuns,
  type RunRow,
  type RunsTableState,
} from '@/lib/chart-data/runs-table';
import { comparisonHref, PARAMS, runsTableHref } from '@/lib/search-params';
import { TrainingTable } from './training-table';
import {
  CompareSelected,
  PendingRegion,
  RunGrouping,
  RunSearch,
  RunsTableProvider,
} from './runs-table-controls';

export interface TrainingsOverviewProps {
  /** Every run with its figures, in any order (the table sorts them as `state` says). */
  rows: RunRow[];
  /** Every training id, in the store's order (the comparison's order of runs). */
  trainingIds: string[];
  /** The table's search, order and grouping, from the URL. */
  state: RunsTableState;
  /** When they were read (ms), which "updated … ago" counts from. */
  now: number;
  /** A run's health badge. */
  health?: (trainingId: string) => ReactNode;
}

/** The home page: every training run with its pass@1 trend, searchable, sortable and groupable, and comparisons. */
export function TrainingsOverview({ rows, trainingIds, state, now, health }: TrainingsOverviewProps) {
  // At most as many runs as the comparison takes (and its URL holds): the most recent ones past that.
  const recent = sortRuns(rows, '-updated');
  const compare = compareAllLink(
    trainingIds,
    recent.map((row) => row.id),
    PARAMS.training_ids.maxItems,
    comparisonHref,
    compareAllBaseline(recent),
  );
  const view = runsTableView(rows, state);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
          Trainings
        </h1>
        <p className="mt-1 text-sm">
          Every training run in the trajectory store with its pass@1 epoch by epoch. A run&apos;s name opens
          its Progress tab: is it learning, and where is it now.
        </p>
      </div>
      {rows.length === 0 ? (
        <NoDataYet />
      ) : (
        <RunsTableProvider>
          <div className="space-y-3">
            <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
              <RunSearch total={rows.length} />
              <RunGrouping choices={groupChoices(trainingIds)} />
              <CompareSelected max={PARAMS.training_ids.maxItems} maxHrefChars={MAX_LINK_CHARS} />
            </div>
            <p
              id="runs-group-rule"
              className="text-xs text-tremor-content dark:text-dark-tremor-content"
              data-testid="runs-table-note"
            >
              {view.shown === view.total
                ? `${view.total} ${view.total === 1 ? 'run' : 'runs'}. `
                : `${view.shown} of ${view.total} runs match “${state.q}”. `}
              Name part N is the N-th piece of a run&apos;s name cut at every “-”, “/” and “_”: in
              tau2-384954369-airline-xai/grok-3, part 3 is airline and part 4 is xai.
            </p>
            {view.shown === 0 ? (
              <EmptyState
                title={`No run matches “${state.q}”`}
                body="The search looks for every word in the run's name, agent and dataset."
                action={{
                  href: runsTableHref({ runs_sort: state.sort, runs_group: state.group }),
                  label: 'Show every run',
                }}
              />
            ) : (
              <PendingRegion>
                <TrainingTable groups={view.groups} group={state.group} now={now} health={health} />
              </PendingRegion>
            )}
          </div>
        </RunsTableProvider>
      )}
      {trainingIds.length >= 2 && (
        <TextLink className="inline-block text-sm" href={compare.href} data-testid="compare-all">
          {compare.all
            ? `Compare all ${trainingIds.length} trainings →`
            : `Compare the ${compare.ids.length} most recent of ${trainingIds.length} trainings →`}
        </TextLink>
      )}
    </div>
  );
}
