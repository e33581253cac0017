import type { ReactNode } from 'react';
import { TextLink } from '@/components/ui/links';
import { NoDataYet } from '@/components/ui/empty-state';
import { comparisonHref } from '@/lib/search-params';
import { TrainingTable, type TrainingRow } from './training-table';

export interface TrainingsOverviewProps {
  /** The trainings with their trends, most recently active first. */
  rows: TrainingRow[];
  /** Every training id, in the store's order (the comparison's order of runs). */
  trainingIds: string[];
  /** When they were read (ms), which "updated … ago" counts from. */
  now: number;
  /** A run's health badge. */
  health?: (trainingId: string) => ReactNode;
}

/** The home page: every training run with its pass@1 trend, and a link comparing them all. */
export function TrainingsOverview({ rows, trainingIds, now, health }: TrainingsOverviewProps) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
          Trainings
        </h1>
        <p className="mt-1 text-sm">
          Every training run in the trajectory store, most recently updated first, with its pass@1 epoch by
          epoch. Open one to see why.
        </p>
      </div>
      {rows.length === 0 ? <NoDataYet /> : <TrainingTable rows={rows} now={now} health={health} />}
      {trainingIds.length >= 2 && (
        <TextLink className="inline-block text-sm" href={comparisonHref(trainingIds)}>
          Compare all {trainingIds.length} trainings →
        </TextLink>
      )}
    </div>
  );
}
