import type { EpochTransitions } from '@/lib/analysis/question-learning';
import type { QuestionRun } from '@/lib/analysis/question-across-runs';
import { categoryColors } from './colors';
import type { ChartSeries } from './types';

/**
 * Data preparation of the question-level views: the colour scale of the questions × epochs grid, the per-epoch
 * transition chart, the question's curve in several runs, and the links between these views.
 */

/** One step of the grid's colour scale: rates in [from, to) (the last step includes 1). */
export interface RateStep {
  from: number;
  to: number;
  label: string;
  /** Tailwind classes of the cell (background and a readable text colour). */
  className: string;
}

export const RATE_STEPS: readonly RateStep[] = [
  {
    from: 0,
    to: 0.2,
    label: '0–20%',
    className: 'bg-rose-200 text-rose-950 dark:bg-rose-900 dark:text-rose-50',
  },
  {
    from: 0.2,
    to: 0.4,
    label: '20–40%',
    className: 'bg-orange-200 text-orange-950 dark:bg-orange-800 dark:text-orange-50',
  },
  {
    from: 0.4,
    to: 0.6,
    label: '40–60%',
    className: 'bg-amber-200 text-amber-950 dark:bg-amber-700 dark:text-amber-50',
  },
  {
    from: 0.6,
    to: 0.8,
    label: '60–80%',
    className: 'bg-lime-200 text-lime-950 dark:bg-lime-700 dark:text-lime-50',
  },
  {
    from: 0.8,
    to: 1,
    label: '80–100%',
    className: 'bg-emerald-300 text-emerald-950 dark:bg-emerald-700 dark:text-emerald-50',
  },
];

/** The colour step of a success rate. */
export function rateStep(rate: number): RateStep {
  return RATE_STEPS.find((step) => rate < step.to) ?? RATE_STEPS[RATE_STEPS.length - 1];
}

const EPOCH_KEY = 'epoch';
export const NEWLY_SOLVED = 'Newly solved';
export const REGRESSED = 'Regressed';
export const ALWAYS_SOLVED = 'Always solved so far';
export const NEVER_SOLVED = 'Never solved so far';

/** Newly solved and regressed questions per epoch (null in the first epoch: a gap, nothing to compare with). */
export function transitionSeries(transitions: readonly EpochTransitions[]): ChartSeries {
  return {
    index: EPOCH_KEY,
    categories: [NEWLY_SOLVED, REGRESSED],
    colors: ['emerald', 'rose'],
    rows: transitions.map((t) => ({
      [EPOCH_KEY]: t.epoch_id,
      [NEWLY_SOLVED]: t.newly_solved,
      [REGRESSED]: t.regressed,
    })),
  };
}

/** Questions solved in every / no epoch up to each epoch. */
export function persistenceSeries(transitions: readonly EpochTransitions[]): ChartSeries {
  return {
    index: EPOCH_KEY,
    categories: [ALWAYS_SOLVED, NEVER_SOLVED],
    colors: ['blue', 'slate'],
    rows: transitions.map((t) => ({
      [EPOCH_KEY]: t.epoch_id,
      [ALWAYS_SOLVED]: t.always_solved,
      [NEVER_SOLVED]: t.never_solved,
    })),
  };
}

/** The question's success rate per epoch, one line per run; an epoch a run lacks is a gap. */
export function questionCurveSeries(runs: readonly QuestionRun[]): ChartSeries {
  const epochs = [...new Set(runs.flatMap((run) => run.curve.map((p) => p.epoch_id)))].sort((a, b) => a - b);
  const names = runs.map((run) => run.training_id);
  return {
    index: EPOCH_KEY,
    categories: names,
    colors: categoryColors(names),
    rows: epochs.map((epoch) => ({
      [EPOCH_KEY]: epoch,
      ...Object.fromEntries(
        runs.map((run) => [
          run.training_id,
          run.curve.find((p) => p.epoch_id === epoch)?.success_rate ?? null,
        ]),
      ),
    })),
  };
}

/** The GRPO group page of one question in one epoch of one training. */
export function groupHref(trainingId: string, epoch: number, dataId: string): string {
  return `/groups/${encodeURIComponent(trainingId)}/${epoch}/${encodeURIComponent(dataId)}`;
}

/** One question side by side in several runs (all runs when none are named; each run's last epoch without one). */
export function questionRunsHref(
  dataId: string,
  trainingIds: readonly string[] = [],
  epoch?: number,
): string {
  const search = new URLSearchParams();
  if (trainingIds.length > 0) search.set('training_id', trainingIds.join(','));
  if (epoch !== undefined) search.set('epoch_id', String(epoch));
  const query = search.toString();
  return `/questions/${encodeURIComponent(dataId)}${query ? `?${query}` : ''}`;
}

/** The questions two runs disagree on most. */
export function disagreementHref(first: string, second: string): string {
  return `/questions?${new URLSearchParams({ training_ids: `${first},${second}` }).toString()}`;
}
