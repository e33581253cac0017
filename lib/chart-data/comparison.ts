import type { PairedDifference, TrainingComparison } from '@/lib/analysis/stats/training-comparison';
import { categoryColors, runColors } from './colors';
import { passAtKLabel, PASS_AT_1 } from './progress';
import { bucketValues, MAX_CATEGORIES, sumByName, topCategories } from './top-categories';
import type { ChartSeries, SeriesRow } from './types';

export type OverlayMetric = 'pass_at_1' | 'pass_at_k' | 'avg_reward';

/** A row key that is not one of the run ids (runs are the categories, so an index key must not clash). */
export function freeKey(base: string, taken: readonly string[]): string {
  let key = base;
  while (taken.includes(key)) key = `${key}_`;
  return key;
}

function runIds(comparison: TrainingComparison): string[] {
  return comparison.trainings.map((t) => t.training_id);
}

/**
 * One line per run over the union of their epochs, sorted numerically. An epoch a run does not have is null for
 * that run: a gap, never a zero.
 */
export function comparisonOverlay(comparison: TrainingComparison, metric: OverlayMetric): ChartSeries {
  const runs = runIds(comparison);
  const index = freeKey('epoch', runs);
  const epochs = [...new Set(comparison.trainings.flatMap((t) => t.epochs.map((e) => e.epoch_id)))].sort(
    (a, b) => a - b,
  );
  const values = comparison.trainings.map(
    (t) => new Map(t.epochs.map((e) => [e.epoch_id, e[metric]] as [number, number | null])),
  );
  const rows = epochs.map((epoch) => ({
    [index]: epoch,
    ...Object.fromEntries(runs.map((run, i) => [run, values[i].get(epoch) ?? null])),
  }));
  return { index, categories: runs, colors: runColors(runs), rows };
}

/**
 * Headline figures side by side, one bar per run (in run colours): pass@1 and pass@k together (both rates), average
 * reward on its own (another scale).
 */
export function comparisonMetricBars(comparison: TrainingComparison): {
  pass: ChartSeries;
  reward: ChartSeries;
} {
  const runs = runIds(comparison);
  const index = freeKey('metric', runs);
  const row = (label: string, pick: (t: TrainingComparison['trainings'][number]) => number | null) => ({
    [index]: label,
    ...Object.fromEntries(comparison.trainings.map((t) => [t.training_id, pick(t)])),
  });
  const passK = passAtKLabel(comparison.k);
  const passRows: SeriesRow[] = [row(PASS_AT_1, (s) => s.pass_at_1)];
  if (passK) passRows.push(row(passK, (s) => s.pass_at_k));
  const colors = runColors(runs);
  return {
    pass: { index, categories: runs, colors, rows: passRows },
    reward: { index, categories: runs, colors, rows: [row('Avg reward', (s) => s.avg_reward)] },
  };
}

/** Termination mix per run (shares, for stacked bars), reasons ordered by their total over all runs. */
export function comparisonTerminationSeries(
  comparison: TrainingComparison,
  max = MAX_CATEGORIES,
): ChartSeries {
  const counts = comparison.trainings.map((t) =>
    Object.fromEntries(Object.entries(t.termination_stats).map(([reason, { count }]) => [reason, count])),
  );
  const top = topCategories(sumByName(counts), max);
  const index = freeKey('run', top.categories);
  const rows = comparison.trainings.map((t, i) => {
    const bucketed = bucketValues(counts[i], top);
    const total = Object.values(bucketed).reduce((sum, n) => sum + n, 0);
    return {
      [index]: t.training_id,
      ...Object.fromEntries(top.categories.map((c) => [c, total > 0 ? bucketed[c] / total : null])),
    };
  });
  return { index, categories: top.categories, colors: categoryColors(top.categories), rows };
}

/** Perfect / partial / failure shares per run, for stacked bars. */
export function comparisonRewardSeries(comparison: TrainingComparison): ChartSeries {
  const rows = comparison.trainings.map((t) => {
    const d = t.reward_distribution;
    const total = d.perfect_score.count + d.partial_success.count + d.complete_failure.count;
    const share = (count: number) => (total > 0 ? count / total : null);
    return {
      run: t.training_id,
      Perfect: share(d.perfect_score.count),
      Partial: share(d.partial_success.count),
      Failure: share(d.complete_failure.count),
    };
  });
  return {
    index: 'run',
    categories: ['Perfect', 'Partial', 'Failure'],
    colors: ['emerald', 'amber', 'rose'],
    rows,
  };
}

export type VerdictTone = 'better' | 'worse' | 'unclear';

export interface Verdict {
  tone: VerdictTone;
  text: string;
}

/** A plain-language reading of a paired difference: does the 95% CI of Δ pass@1 exclude 0? */
export function pairedVerdict(pd: PairedDifference): Verdict {
  if (pd.common_questions === 0 || pd.delta_pass_at_1 === null) {
    return { tone: 'unclear', text: 'no shared questions to compare' };
  }
  const since = (epoch: number | null) => (epoch === null ? '' : `, from epoch ${epoch} on`);
  if (pd.delta_ci && pd.delta_ci.low > 0)
    return { tone: 'better', text: `better (CI excludes 0)${since(pd.better_from_epoch)}` };
  if (pd.delta_ci && pd.delta_ci.high < 0)
    return { tone: 'worse', text: `worse (CI excludes 0)${since(pd.worse_from_epoch)}` };
  return { tone: 'unclear', text: 'no clear difference' };
}
