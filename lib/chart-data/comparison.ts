import type {
  ComparedTraining,
  PairedDifference,
  TrainingComparison,
} from '@/lib/analysis/stats/training-comparison';
import { MIN_QUESTIONS_FOR_VERDICT } from '@/lib/analysis/metrics/bootstrap';
import { diffHref } from '@/lib/search-params';

export { MIN_QUESTIONS_FOR_VERDICT };
import { categoryColors, runColors } from './colors';
import { sharedStart, uniqueShortNames, withoutSubseconds } from './names';
import { passAtKLabel, PASS_AT_1 } from './progress';
import { bucketValues, MAX_CATEGORIES, sumByName, topCategories } from './top-categories';
import type { ChartColor, ChartSeries, SeriesRow } from './types';

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
  if (pd.common_questions < MIN_QUESTIONS_FOR_VERDICT)
    return { tone: 'unclear', text: `too few shared questions (${pd.common_questions}) to judge` };
  const since = (epoch: number | null) => (epoch === null ? '' : `, from epoch ${epoch} on`);
  if (pd.delta_ci && pd.delta_ci.low > 0)
    return { tone: 'better', text: `better (CI excludes 0)${since(pd.better_from_epoch)}` };
  if (pd.delta_ci && pd.delta_ci.high < 0)
    return { tone: 'worse', text: `worse (CI excludes 0)${since(pd.worse_from_epoch)}` };
  return { tone: 'unclear', text: 'no clear difference' };
}

/** How many runs the charts draw when the URL names none: the best ones. */
export const DEFAULT_SHOWN = 5;
/** Most runs the charts draw at once: up to 12 runs shown together keep distinct colours (runColors). */
export const MAX_SHOWN = 12;
/** Longest run name on a chart's legend and axis; the table shows the full one. */
export const CHART_NAME_LENGTH = 44;

/** A run's pass@1 in the latest epoch that has one; null when no epoch has. */
export function latestPassAt1(training: ComparedTraining): { epoch: number; value: number } | null {
  let latest: { epoch: number; value: number } | null = null;
  for (const e of training.epochs) {
    if (e.pass_at_1 !== null && (latest === null || e.epoch_id > latest.epoch))
      latest = { epoch: e.epoch_id, value: e.pass_at_1 };
  }
  return latest;
}

/** One row of the comparison table: a run's headline figures and its difference from the baseline. */
export interface ComparedRun {
  id: string;
  /** Its place in the comparison (0: the baseline). */
  order: number;
  /** Its place best first (0: the best), see {@link rankRuns}. */
  rank: number;
  latestEpoch: number | null;
  latestPassAt1: number | null;
  trajectories: number;
  questions: number;
  passAt1: number | null;
  passAtK: number | null;
  passAtKQuestions: number;
  avgReward: number | null;
  avgRewardCi: { low: number; high: number } | null;
  /** Against the baseline; null for the baseline itself. */
  paired: Omit<PairedDifference, 'per_epoch'> | null;
  verdict: Verdict | null;
  /** The diff page of the baseline against this run at the last epoch both have; null for the baseline. */
  diff: { epoch: number; href: string } | null;
}

const byNumberDesc = (a: number | null, b: number | null) => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
};

/**
 * The runs best first: by their latest epoch's pass@1 (where each run stands now), then by pass@1 over all epochs,
 * then in the comparison's order; runs without a pass@1 last.
 */
export function rankRuns(comparison: TrainingComparison): string[] {
  return comparison.trainings
    .map((t, order) => ({
      id: t.training_id,
      order,
      latest: latestPassAt1(t)?.value ?? null,
      all: t.pass_at_1,
    }))
    .sort((a, b) => byNumberDesc(a.latest, b.latest) || byNumberDesc(a.all, b.all) || a.order - b.order)
    .map((run) => run.id);
}

/** A paired difference without its per-epoch part (the table shows the overall one; it is the bulk of the data). */
function withoutEpochs(pd: PairedDifference): Omit<PairedDifference, 'per_epoch'> {
  const copy: Partial<PairedDifference> = { ...pd };
  delete copy.per_epoch;
  return copy as Omit<PairedDifference, 'per_epoch'>;
}

/** The baseline against the run at the last epoch both answered, on the diff page. */
function lastEpochDiff(pd: PairedDifference): ComparedRun['diff'] {
  const epoch = pd.per_epoch.at(-1)?.epoch_id;
  if (epoch === undefined) return null;
  const href = diffHref(
    { training_id: pd.baseline, epoch_id: epoch },
    { training_id: pd.training_id, epoch_id: epoch },
  );
  return { epoch, href };
}

/** Every compared run as the table shows it, in the comparison's order. */
export function comparedRunRows(comparison: TrainingComparison): ComparedRun[] {
  const rank = new Map(rankRuns(comparison).map((id, i) => [id, i]));
  const paired = new Map(comparison.paired.map((pd) => [pd.training_id, pd]));
  return comparison.trainings.map((t, order) => {
    const latest = latestPassAt1(t);
    const pd = order === 0 ? undefined : paired.get(t.training_id);
    return {
      id: t.training_id,
      order,
      rank: rank.get(t.training_id)!,
      latestEpoch: latest?.epoch ?? null,
      latestPassAt1: latest?.value ?? null,
      trajectories: t.trajectory_count,
      questions: t.question_count,
      passAt1: t.pass_at_1,
      passAtK: t.pass_at_k,
      passAtKQuestions: t.pass_at_k_questions,
      avgReward: t.avg_reward,
      avgRewardCi: t.avg_reward_ci,
      paired: pd ? withoutEpochs(pd) : null,
      verdict: pd ? pairedVerdict(pd) : null,
      diff: pd ? lastEpochDiff(pd) : null,
    };
  });
}

export type RunSortKey =
  | 'rank'
  | 'order'
  | 'id'
  | 'trajectories'
  | 'questions'
  | 'latestPassAt1'
  | 'passAt1'
  | 'passAtK'
  | 'avgReward'
  | 'delta';

const SORT_VALUE: Record<RunSortKey, (run: ComparedRun) => number | string | null> = {
  rank: (run) => run.rank,
  order: (run) => run.order,
  id: (run) => run.id,
  trajectories: (run) => run.trajectories,
  questions: (run) => run.questions,
  latestPassAt1: (run) => run.latestPassAt1,
  passAt1: (run) => run.passAt1,
  passAtK: (run) => run.passAtK,
  avgReward: (run) => run.avgReward,
  // The baseline is 0 against itself.
  delta: (run) => (run.order === 0 ? 0 : (run.paired?.delta_pass_at_1 ?? null)),
};

/** The direction a column sorts in when first clicked: figures largest first, names and places from the start. */
export function firstDirection(key: RunSortKey): 'asc' | 'desc' {
  return key === 'rank' || key === 'order' || key === 'id' ? 'asc' : 'desc';
}

/** The table's rows sorted by a column; missing figures last either way, ties best first. */
export function sortRuns(
  runs: readonly ComparedRun[],
  key: RunSortKey,
  direction: 'asc' | 'desc',
): ComparedRun[] {
  const value = SORT_VALUE[key];
  const sign = direction === 'asc' ? 1 : -1;
  return [...runs].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number));
    }
    return a.rank - b.rank;
  });
}

/** The runs the charts draw and whether the URL chose them (else the best {@link DEFAULT_SHOWN}). */
export interface ShownRuns {
  ids: string[];
  chosen: boolean;
}

/**
 * The runs the charts draw: those of `shown` that are compared (in its order, at most {@link MAX_SHOWN}); when it
 * names none of them, the first {@link DEFAULT_SHOWN} of the ranking (best first).
 */
export function shownRuns(
  ranking: readonly string[],
  shown: readonly string[] | null | undefined,
): ShownRuns {
  const compared = new Set(ranking);
  const ids = [...new Set((shown ?? []).filter((id) => compared.has(id)))].slice(0, MAX_SHOWN);
  return ids.length > 0 ? { ids, chosen: true } : { ids: ranking.slice(0, DEFAULT_SHOWN), chosen: false };
}

/** Colours of the drawn runs, each its own as on every page (runColors), all different. */
export function shownColors(ids: readonly string[]): Map<string, ChartColor> {
  const colors = runColors(ids);
  return new Map(ids.map((id, i) => [id, colors[i]]));
}

/**
 * The drawn runs' names as a chart shows them: without the start they all share ("tau2-", see sharedStart) and the
 * fractions of a second of their times (withoutSubseconds), shortened in the middle to `max` characters, still
 * different from one another.
 */
export function chartNames(ids: readonly string[], max = CHART_NAME_LENGTH): Map<string, string> {
  const start = sharedStart(ids).length;
  const short = uniqueShortNames(withoutSubseconds(ids.map((id) => id.slice(start))), max);
  return new Map(ids.map((id, i) => [id, short[i]]));
}

/** A run in a chart's legend: its colour and its name without the start every drawn run shares. */
export interface LegendRun {
  id: string;
  label: string;
  color: ChartColor;
}

/**
 * The legend of a chart whose categories are runs: the drawn runs it has, in their order and colours, named whole but
 * for the start all drawn runs share (the same start the chart names leave out).
 */
export function runLegend(
  series: ChartSeries,
  ids: readonly string[],
  colors: Map<string, ChartColor>,
): LegendRun[] {
  const start = sharedStart(ids).length;
  return ids
    .filter((id) => series.categories.includes(id))
    .map((id) => ({ id, label: id.slice(start), color: colors.get(id) ?? 'gray' }));
}

/**
 * A chart whose categories are runs (lines over epochs, bars per metric) cut down to the drawn runs, in their order
 * and colours, keyed by their chart names (the index key kept clear of them).
 */
export function pickRunCategories(
  series: ChartSeries,
  ids: readonly string[],
  colors: Map<string, ChartColor>,
  names: Map<string, string>,
): ChartSeries {
  const drawn = ids.filter((id) => series.categories.includes(id));
  const labels = drawn.map((id) => names.get(id) ?? id);
  const index = freeKey(series.index, labels);
  return {
    index,
    categories: labels,
    colors: drawn.map((id) => colors.get(id) ?? 'gray'),
    rows: series.rows.map((row) => ({
      [index]: row[series.index],
      ...Object.fromEntries(drawn.map((id, i) => [labels[i], row[id] ?? null])),
    })),
  };
}

/** A chart with one row per run (stacked bars) cut down to the drawn runs, in their order, by their chart names. */
export function pickRunRows(
  series: ChartSeries,
  ids: readonly string[],
  names: Map<string, string>,
): ChartSeries {
  const rowOf = new Map(series.rows.map((row) => [String(row[series.index]), row]));
  return {
    ...series,
    rows: ids.flatMap((id) => {
      const row = rowOf.get(id);
      return row ? [{ ...row, [series.index]: names.get(id) ?? id }] : [];
    }),
  };
}

/** Per run, its average reward's interval in each epoch: [epoch, low, high]. */
export interface RunIntervals {
  id: string;
  intervals: [number, number, number][];
}

export function rewardIntervals(comparison: TrainingComparison): RunIntervals[] {
  return comparison.trainings.map((t) => ({
    id: t.training_id,
    intervals: t.epochs.flatMap((e) =>
      e.avg_reward_ci
        ? [[e.epoch_id, e.avg_reward_ci.low, e.avg_reward_ci.high] as [number, number, number]]
        : [],
    ),
  }));
}

/** How much of a chart's differences is noise. */
export interface Noise {
  /** The mean width of the drawn intervals: the least span the value axis should cover. */
  minSpan: number;
  /** In every epoch with two or more drawn runs, their intervals overlap (one common value lies in all of them). */
  withinNoise: boolean;
}

/** The noise of the drawn runs' average reward by epoch; null when no drawn run has an interval. */
export function rewardNoise(all: readonly RunIntervals[], ids: readonly string[]): Noise | null {
  const drawn = all.filter((run) => ids.includes(run.id));
  const widths = drawn.flatMap((run) => run.intervals.map(([, low, high]) => high - low));
  if (widths.length === 0) return null;
  const byEpoch = new Map<number, { low: number; high: number; runs: number }>();
  for (const run of drawn)
    for (const [epoch, low, high] of run.intervals) {
      const at = byEpoch.get(epoch);
      if (at)
        byEpoch.set(epoch, { low: Math.max(at.low, low), high: Math.min(at.high, high), runs: at.runs + 1 });
      else byEpoch.set(epoch, { low, high, runs: 1 });
    }
  const shared = [...byEpoch.values()].filter((e) => e.runs >= 2);
  return {
    minSpan: widths.reduce((sum, w) => sum + w, 0) / widths.length,
    withinNoise: shared.length > 0 && shared.every((e) => e.low <= e.high),
  };
}

/** Longest href the home page's "Compare all" link may be: well within what a server takes in a request line. */
export const MAX_LINK_CHARS = 8_000;

/** What the home page's "Compare all" link compares. */
export interface CompareAllLink {
  ids: string[];
  href: string;
  /** Every run is in it (else the most recent that fit). */
  all: boolean;
}

/**
 * The baseline of the "Compare all" link, which every other run is paired with on shared questions: the most recently
 * active run of the dataset most runs have (ties: the dataset of the most recently active run). The first run of the
 * store could be the one run of another benchmark, sharing no question with any other. Null without runs.
 * `recentFirst` orders the runs by activity, most recent first.
 */
export function compareAllBaseline(
  recentFirst: readonly { id: string; dataset: string | null }[],
): string | null {
  const runs = new Map<string | null, number>();
  for (const run of recentFirst) runs.set(run.dataset, (runs.get(run.dataset) ?? 0) + 1);
  let best: { id: string; count: number } | null = null;
  // In order of activity: the first run of each dataset is its most recent, and a tie keeps the earlier one.
  for (const run of recentFirst) {
    const count = runs.get(run.dataset)!;
    if (best === null || count > best.count) best = { id: run.id, count };
  }
  return best?.id ?? null;
}

/**
 * The runs of the "Compare all" link: every run, in the store's order, when there are at most `max` (the most the
 * comparison takes) and their href fits MAX_LINK_CHARS; else the most recently active ones that do, so the link never
 * ends in an error. `recentFirst` orders the same ids by activity, most recent first. A `baseline` among them comes
 * first (the comparison pairs every run with its first).
 */
export function compareAllLink(
  ids: readonly string[],
  recentFirst: readonly string[],
  max: number,
  hrefOf: (ids: readonly string[]) => string,
  baseline: string | null = null,
): CompareAllLink {
  const rank = new Map(recentFirst.map((id, i) => [id, i]));
  const byRecency = [...ids].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  const inStoreOrder = (count: number) => {
    const kept = new Set(byRecency.slice(0, count));
    const chosen = ids.filter((id) => kept.has(id));
    return baseline !== null && kept.has(baseline)
      ? [baseline, ...chosen.filter((id) => id !== baseline)]
      : chosen;
  };
  let count = Math.min(max, ids.length);
  let chosen = inStoreOrder(count);
  while (count > 2 && hrefOf(chosen).length > MAX_LINK_CHARS) chosen = inStoreOrder(--count);
  return { ids: chosen, href: hrefOf(chosen), all: chosen.length === ids.length };
}
