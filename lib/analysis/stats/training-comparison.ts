import { z } from 'zod';
import { AnalysisError } from '../errors';
import { commonK, computeEpochPoints } from './epoch-progression';
import { groupRows } from '../grouping';
import { bootstrapMeanCI } from '../metrics';
import { PASS_COLUMNS } from '../metrics/pass-metrics';
import type { AnalysisQuery } from '../filters/query';
import { computeRewardCategoryStats } from './reward-category-stats';
import { floats, ints, strings, type Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { computeSummary, summaryFields } from './summary';
import { count, countRatios, epochId, interval, nullableNumber, rewardDistribution } from './response-parts';
import { computeTerminationStats } from './termination-stats';

/** One compared run: the plan's fields (training_id, pass_at_1, pass_at_k, avg_reward, …) at the top level. */
const comparedTraining = z
  .object({
    training_id: z.string(),
    ...summaryFields,
    termination_stats: countRatios,
    reward_distribution: rewardDistribution,
    epochs: z.array(
      z
        .object({
          epoch_id: epochId,
          trajectory_count: z.number().int(),
          avg_reward: nullableNumber,
          pass_at_1: nullableNumber,
          pass_at_k: nullableNumber,
        })
        .strict(),
    ),
  })
  .strict();
export type ComparedTraining = z.infer<typeof comparedTraining>;

const epochDifference = z
  .object({
    epoch_id: epochId,
    common_questions: count,
    delta_pass_at_1: nullableNumber,
    delta_ci: interval,
  })
  .strict();
export type EpochDifference = z.infer<typeof epochDifference>;

/** Run B against the baseline on the questions both answered in the same epoch. */
const pairedDifferenceSchema = z
  .object({
    training_id: z.string(),
    baseline: z.string(),
    /** Questions (epoch × data_id) present in both runs. */
    common_questions: count,
    /** Mean over common questions of (success rate in this run − success rate in the baseline). */
    delta_pass_at_1: nullableNumber,
    /** 95% bootstrap CI of delta_pass_at_1 over questions; excluding 0 means the difference is unlikely noise. */
    delta_ci: interval,
    /** Questions where this run's success rate is higher / equal / lower. */
    wins: count,
    ties: count,
    losses: count,
    /** The same difference epoch by epoch (questions shared within that epoch). */
    per_epoch: z.array(epochDifference),
    /** First epoch from which this run is better in every later epoch (CI above 0 each time); null if never. */
    better_from_epoch: epochId.nullable(),
    /** First epoch from which this run is worse in every later epoch (CI below 0 each time); null if never. */
    worse_from_epoch: epochId.nullable(),
  })
  .strict();
export type PairedDifference = z.infer<typeof pairedDifferenceSchema>;

export const trainingComparisonResponse = z
  .object({
    k: z.number().int().positive().nullable(),
    success_threshold: z.number(),
    trainings: z.array(comparedTraining),
    /** Each run against the first one listed. */
    paired: z.array(pairedDifferenceSchema),
  })
  .strict();
export type TrainingComparison = z.infer<typeof trainingComparisonResponse>;

const MAX_COMPARED = 12;
const COLUMNS = [...PASS_COLUMNS, 'termination_reason'] as const;

export function comparedIds(query: Pick<AnalysisQuery, 'training_ids'> & Partial<AnalysisQuery>): string[] {
  const ids = [...new Set(query.training_ids ?? [])];
  if (ids.length < 2)
    throw new AnalysisError('training_ids: give at least two trainings, comma-separated', 'training_ids');
  if (ids.length > MAX_COMPARED)
    throw new AnalysisError(`training_ids: at most ${MAX_COMPARED} trainings`, 'training_ids');
  if (query.training_id?.length)
    throw new AnalysisError('training_id: use training_ids to choose the compared runs', 'training_id');
  return ids;
}

/** Most cells of the direct (epoch × data_id) slot table; beyond it a Map numbers the questions. */
const MAX_DIRECT_CELLS = 4_000_000;

/** Per question (epoch × data_id) of some rows, in order of first appearance: its key, epoch and success rate. */
interface SuccessRates {
  /** epoch × data code count + data code: the same in every call over one scan, so runs pair up. */
  keys: Int32Array | number[];
  epochs: Int32Array | number[];
  rates: Float64Array;
  /** The position of a key in `keys`, or −1. */
  indexOf(key: number): number;
}

function successRates(scan: Scan, rows: Int32Array, threshold: number): SuccessRates {
  const epoch = ints(scan, 'epoch_id');
  const data = strings(scan, 'data_id');
  const dataCount = data.values.length;
  const reward = floats(scan, 'reward');
  let low = Infinity;
  let high = -Infinity;
  for (let j = 0; j < rows.length; j++) {
    low = Math.min(low, epoch[rows[j]]);
    high = Math.max(high, epoch[rows[j]]);
  }
  const cells = rows.length > 0 ? (high - low + 1) * dataCount : 0;
  const direct = cells <= MAX_DIRECT_CELLS ? new Int32Array(cells).fill(-1) : null;
  const slotOf = new Map<number, number>();
  const keys: number[] = [];
  const epochs: number[] = [];
  const n: number[] = [];
  const c: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    const key = epoch[i] * dataCount + data.codes[i];
    const cell = (epoch[i] - low) * dataCount + data.codes[i];
    let slot = direct ? direct[cell] : (slotOf.get(key) ?? -1);
    if (slot < 0) {
      slot = keys.length;
      if (direct) direct[cell] = slot;
      else slotOf.set(key, slot);
      keys.push(key);
      epochs.push(epoch[i]);
      n.push(0);
      c.push(0);
    }
    n[slot]++;
    if (reward[i] > threshold) c[slot]++;
  }
  const rates = Float64Array.from(n, (count, slot) => c[slot] / count);
  const first = low * dataCount;
  const indexOf = direct
    ? (key: number) => (key >= first && key - first < cells ? direct[key - first] : -1)
    : (key: number) => slotOf.get(key) ?? -1;
  return { keys, epochs, rates, indexOf };
}

const RESAMPLES = 1000;

function meanDifference(deltas: number[], seed: number) {
  const ci = bootstrapMeanCI(deltas, { resamples: RESAMPLES, seed });
  return {
    common_questions: deltas.length,
    delta_pass_at_1: ci ? ci.mean : null,
    delta_ci: ci ? { low: ci.low, high: ci.high } : null,
  };
}

/**
 * The first epoch from which `holds` is true for that epoch and every later one; null when the last epoch already
 * fails it. Epochs must be ascending.
 */
export function sustainedFrom(
  epochs: readonly EpochDifference[],
  holds: (e: EpochDifference) => boolean,
): number | null {
  let from: number | null = null;
  for (let i = epochs.length - 1; i >= 0 && holds(epochs[i]); i--) from = epochs[i].epoch_id;
  return from;
}

export function pairedDifference(
  scan: Scan,
  baseline: { id: string; rows: Int32Array },
  other: { id: string; rows: Int32Array },
  threshold: number,
): PairedDifference {
  const base = successRates(scan, baseline.rows, threshold);
  const mine = successRates(scan, other.rows, threshold);
  const deltas: number[] = [];
  const byEpoch = new Map<number, number[]>();
  let wins = 0;
  let ties = 0;
  let losses = 0;
  for (let slot = 0; slot < mine.keys.length; slot++) {
    const at = base.indexOf(mine.keys[slot]);
    if (at < 0) continue;
    const epoch = mine.epochs[slot];
    const delta = mine.rates[slot] - base.rates[at];
    deltas.push(delta);
    const epochDeltas = byEpoch.get(epoch);
    if (epochDeltas) epochDeltas.push(delta);
    else byEpoch.set(epoch, [delta]);
    if (delta > 0) wins++;
    else if (delta < 0) losses++;
    else ties++;
  }
  const perEpoch = [...byEpoch.keys()]
    .sort((a, b) => a - b)
    .map((epoch): EpochDifference => ({
      epoch_id: epoch,
      ...meanDifference(byEpoch.get(epoch)!, 3 + epoch),
    }));
  return {
    training_id: other.id,
    baseline: baseline.id,
    ...meanDifference(deltas, 3),
    wins,
    ties,
    losses,
    per_epoch: perEpoch,
    better_from_epoch: sustainedFrom(perEpoch, (e) => (e.delta_ci?.low ?? 0) > 0),
    worse_from_epoch: sustainedFrom(perEpoch, (e) => (e.delta_ci?.high ?? 0) < 0),
  };
}

type ComparisonQuery = Pick<
  AnalysisQuery,
  'k' | 'success_threshold' | 'perfect_threshold' | 'failure_threshold'
>;

export function computeTrainingComparison(
  scan: Scan,
  rows: Int32Array,
  query: ComparisonQuery,
  ids: string[],
): TrainingComparison {
  const k = query.k ?? commonK(scan, rows, query.success_threshold);
  const groups = groupRows(scan, 'training_id', rows);
  const rowsOf = (id: string) => groups.get(id) ?? new Int32Array(0);
  const trainings = ids.map((id): ComparedTraining => {
    const runRows = rowsOf(id);
    return {
      training_id: id,
      ...computeSummary(scan, runRows, { success_threshold: query.success_threshold, k: k ?? undefined }),
      termination_stats: computeTerminationStats(scan, runRows).termination_stats,
      reward_distribution: computeRewardCategoryStats(scan, runRows, query).reward_distribution,
      epochs: computeEpochPoints(scan, runRows, query, k).map(({ epoch, summary }) => ({
        epoch_id: epoch,
        trajectory_count: summary.trajectory_count,
        avg_reward: summary.avg_reward,
        pass_at_1: summary.pass_at_1,
        pass_at_k: summary.pass_at_k,
      })),
    };
  });
  const baseline = { id: ids[0], rows: rowsOf(ids[0]) };
  const paired = ids
    .slice(1)
    .map((id) => pairedDifference(scan, baseline, { id, rows: rowsOf(id) }, query.success_threshold));
  return { k, success_threshold: query.success_threshold, trainings, paired };
}

/** Two or more runs side by side, with per-epoch curves and a paired test against the first run. */
export const trainingComparison = defineStat({
  name: 'training-comparison',
  doc: {
    params: '`training_ids=a,b[,c…]` (2–12)',
    answers:
      "per training the plan's figures at the top level plus the `summary` fields and per-epoch curves; `paired`: each run against the first on shared questions",
  },
  response: trainingComparisonResponse,
  columns: COLUMNS,
  params: ['training_ids', 'k', 'success_threshold', 'perfect_threshold', 'failure_threshold'],
  trainingsParam: 'training_ids',
  // The compared runs are the selection: the other filters still narrow each of them.
  prepare: (query) => ({ ...query, training_id: comparedIds(query) }),
  compute: ({ scan, rows }, query) => computeTrainingComparison(scan, rows, query, comparedIds(query)),
});
