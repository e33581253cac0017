import type { EpochTransitions, QuestionCell, QuestionSort } from '@/lib/analysis/stats/question-learning';
import type { QuestionRun } from '@/lib/analysis/stats/question-across-runs';
import { categoryColors } from './colors';
import type { ChartSeries } from './types';

/**
 * Data preparation of the question-level views: the colour scale of the questions × epochs grid, the per-epoch
 * transition chart and the question's curve in several runs (the links between these views: lib/params/hrefs.ts).
 */

/** One step of the grid's colour scale: rates in [from, to) (the last step includes 1). */
export interface RateStep {
  /** 0 (lowest rates) to 4 (highest): the component picks the colour. */
  step: number;
  from: number;
  to: number;
  label: string;
}

export const RATE_STEPS: readonly RateStep[] = [0, 1, 2, 3, 4].map((step) => ({
  step,
  from: step / 5,
  to: (step + 1) / 5,
  label: `${step * 20}–${(step + 1) * 20}%`,
}));

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

/** Every epoch in which any of the runs has the question, in order. */
export function questionEpochs(runs: readonly QuestionRun[]): number[] {
  return [...new Set(runs.flatMap((run) => run.curve.map((p) => p.epoch_id)))].sort((a, b) => a - b);
}

/** The question's success rate per epoch, one line per run; an epoch a run lacks is a gap. */
export function questionCurveSeries(runs: readonly QuestionRun[]): ChartSeries {
  const epochs = questionEpochs(runs);
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

export type QuestionSortKey = 'data_id' | 'difficulty' | 'first_solved' | 'last_solved' | 'flips';

/** Clicking a column header of the grid: sort by it ascending, or flip the direction when it is already the sort. */
export function nextQuestionSort(current: QuestionSort, key: QuestionSortKey): QuestionSort {
  if (key === 'data_id') return 'data_id';
  return current === key ? `-${key}` : key;
}

/** aria-sort of a grid column. */
export function questionSortDirection(
  current: QuestionSort,
  key: QuestionSortKey,
): 'ascending' | 'descending' | 'none' {
  if (current === key) return 'ascending';
  if (current === `-${key}`) return 'descending';
  return 'none';
}

/** The tooltip of a grid cell: "epoch 3: 6 of 8 samples succeeded (75.0%), solved". */
export function cellTitle(epoch: number, cell: QuestionCell | null): string {
  if (!cell) return `epoch ${epoch}: no samples`;
  const rate = `${(cell.success_rate * 100).toFixed(1)}%`;
  return `epoch ${epoch}: ${cell.successes} of ${cell.samples} samples succeeded (${rate}), ${cell.solved ? 'solved' : 'not solved'}`;
}
