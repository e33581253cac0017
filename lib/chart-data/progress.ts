import type { EpochProgression, EpochProgressionPoint } from '@/lib/analysis/stats/epoch-progression';
import { bandOf } from './bands';
import { categoryColors, rankedColor } from './colors';
import { bucketValues, MAX_CATEGORIES, sumByName, topCategories } from './top-categories';
import type { BandedSeries, ChartColor, ChartSeries, SeriesRow } from './types';

/** The x-axis key of every per-epoch chart of one run. */
const EPOCH_KEY = 'epoch';
const AVG_REWARD = 'Avg reward';
export const PASS_AT_1 = 'Pass@1';
const ALL_TOOLS = 'All tools';
/** Tools drawn individually in the tool failure chart, most called first. */
const MAX_TOOL_LINES = 5;

function byEpoch(progression: EpochProgression): EpochProgressionPoint[] {
  return [...progression.epochs].sort((a, b) => a.epoch_id - b.epoch_id);
}

/** "Pass@8" for k = 8; no separate line when k is 1 (it is pass@1) or unknown. */
export function passAtKLabel(k: number | null): string | null {
  return k === null || k === 1 ? null : `Pass@${k}`;
}

const REWARD_BAND = bandOf(AVG_REWARD);
const PASS_AT_1_BAND = bandOf(PASS_AT_1);

/**
 * One row per epoch: average reward, pass@1 and pass@k, and the 95 % interval ends of average reward and pass@1.
 * Missing figures stay null (a gap in the line or band).
 */
export function progressSeries(progression: EpochProgression): SeriesRow[] {
  const passK = passAtKLabel(progression.k);
  return byEpoch(progression).map((point) => ({
    [EPOCH_KEY]: point.epoch_id,
    [AVG_REWARD]: point.avg_reward,
    [REWARD_BAND.low]: point.avg_reward_ci?.low ?? null,
    [REWARD_BAND.high]: point.avg_reward_ci?.high ?? null,
    [PASS_AT_1]: point.pass_at_1,
    [PASS_AT_1_BAND.low]: point.pass_at_1_ci?.low ?? null,
    [PASS_AT_1_BAND.high]: point.pass_at_1_ci?.high ?? null,
    ...(passK ? { [passK]: point.pass_at_k } : {}),
  }));
}

/**
 * The learning curves of a run as two charts: average reward, and pass@1 with pass@k (different scales); average
 * reward and pass@1 carry their 95 % bands.
 */
export function learningCurves(progression: EpochProgression): { reward: BandedSeries; pass: BandedSeries } {
  const rows = progressSeries(progression);
  const passK = passAtKLabel(progression.k);
  return {
    reward: { index: EPOCH_KEY, categories: [AVG_REWARD], colors: ['blue'], rows, bands: [REWARD_BAND] },
    pass: {
      index: EPOCH_KEY,
      categories: passK ? [PASS_AT_1, passK] : [PASS_AT_1],
      colors: passK ? ['emerald', 'violet'] : ['emerald'],
      rows,
      bands: [PASS_AT_1_BAND],
    },
  };
}

/**
 * Share of each termination reason per epoch, for a stacked chart. Reasons are ordered by their total count over
 * all epochs; beyond {@link MAX_CATEGORIES} the rarest are summed into "other". A reason absent from an epoch is a
 * true 0 there (the epoch exists, nobody ended that way).
 */
export function terminationMixSeries(progression: EpochProgression, max = MAX_CATEGORIES): ChartSeries {
  const epochs = byEpoch(progression);
  const counts = (point: EpochProgressionPoint) =>
    Object.fromEntries(Object.entries(point.termination_stats).map(([reason, { count }]) => [reason, count]));
  const top = topCategories(sumByName(epochs.map(counts)), max);
  const rows = epochs.map((point) => {
    const bucketed = bucketValues(counts(point), top);
    const total = Object.values(bucketed).reduce((sum, n) => sum + n, 0);
    const ratios = Object.fromEntries(top.categories.map((c) => [c, total > 0 ? bucketed[c] / total : null]));
    return { [EPOCH_KEY]: point.epoch_id, ...ratios };
  });
  return { index: EPOCH_KEY, categories: top.categories, colors: categoryColors(top.categories), rows };
}

/**
 * Tool failure rate per epoch: all tools together plus the most-called tools. A tool not called in an epoch has no
 * failure rate there: null, a gap.
 */
export function toolFailureSeries(progression: EpochProgression, maxTools = MAX_TOOL_LINES): ChartSeries {
  const epochs = byEpoch(progression);
  const calls = sumByName(
    epochs.map((point) =>
      Object.fromEntries(Object.entries(point.tools).map(([tool, t]) => [tool, t.calls])),
    ),
  );
  const tools = topCategories(calls, Number.POSITIVE_INFINITY).categories.slice(0, maxTools);
  const rows = epochs.map((point) => ({
    [EPOCH_KEY]: point.epoch_id,
    [ALL_TOOLS]: point.tool_failure_rate,
    ...Object.fromEntries(tools.map((tool) => [tool, point.tools[tool]?.failure_rate ?? null])),
  }));
  const colors: ChartColor[] = ['slate', ...tools.map((_, i) => rankedColor(i))];
  return { index: EPOCH_KEY, categories: [ALL_TOOLS, ...tools], colors, rows };
}

/** The largest number of samples any question has in any epoch (the largest k worth offering). */
export function maxSamplesPerQuestion(progression: EpochProgression): number {
  return progression.epochs.reduce((max, point) => Math.max(max, point.samples_per_question?.[1] ?? 0), 0);
}

/** k choices: 1, 2, 4, 8, … up to the largest sample count, which is always offered itself. */
export function kOptions(maxSamples: number): number[] {
  if (maxSamples < 1) return [];
  const options: number[] = [];
  for (let k = 1; k <= maxSamples; k *= 2) options.push(k);
  if (options[options.length - 1] !== maxSamples) options.push(maxSamples);
  return options;
}
