import { z } from 'zod';
import { PARAMS } from '../../params/table';
import { questionKeys } from '../engine/question-groups';
import { AnalysisError } from '../errors';
import type { AnalysisQuery } from '../filters/query';
import { groupRows } from '../grouping';
import {
  BOOTSTRAP_MAX_VALUES,
  bootstrapMeanCI,
  MIN_QUESTIONS_FOR_VERDICT,
  mulberry32,
  type MeanCI,
} from '../metrics';
import {
  clusterTotals,
  clusterTotalsCI,
  percentileInterval,
  resampleClusterMeans,
} from '../metrics/cluster-bootstrap';
import { passMetrics, PASS_COLUMNS, rewardSummary, type QuestionTable } from '../metrics/pass-metrics';
import { floats, ints, strings, type Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { commonK } from './epoch-progression';
import { computeRewardCategoryStats } from './reward-category-stats';
import { count, countRatios, epochId, interval, nullableNumber, rewardDistribution } from './response-parts';
import { summaryFields, type Summary } from './summary';
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
          /** 95% bootstrap CI over the epoch's questions (as the Progress tab's band): the noise of avg_reward. */
          avg_reward_ci: interval,
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
    /**
     * First epoch from which this run is better in every later epoch (CI above 0 each time, on at least
     * `MIN_QUESTIONS_FOR_VERDICT` = 10 shared questions); null if never.
     */
    better_from_epoch: epochId.nullable(),
    /** First epoch from which this run is worse in every later epoch (CI below 0 each time, ≥ 10 questions); null if never. */
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

/** As many runs as the `training_ids` list holds (the parameter table's bound on every list). */
export const MAX_COMPARED = PARAMS.training_ids.maxItems;
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

/**
 * One run's questions (epoch × data_id), in the order of their first row, as the summary's question table holds them:
 * samples, successes and reward sum, with each question's epoch and its key across runs.
 */
export interface RunQuestions extends QuestionTable {
  id: string;
  epochs: Int32Array;
  /** epoch × (data_id dictionary size) + data_id code: the same question in every run of one scan. */
  pairKeys: Float64Array;
  /** The data_id code: the cluster of a question's epochs, resampled together where epochs are pooled. */
  clusters: Int32Array;
}

/**
 * Tallies runs' questions over one scan: every row's question id comes from the scan's numbering (question-groups.ts,
 * once per table version), so a run costs a pass over its own rows, whatever the number of runs.
 */
export function questionTally(scan: Scan, threshold: number) {
  const { keys, count: questions, firstRow } = questionKeys(scan);
  const reward = floats(scan, 'reward');
  const epoch = ints(scan, 'epoch_id');
  const data = strings(scan, 'data_id');
  const dataCount = data.values.length;
  // Scratch per question of the scan, back to zero after each run.
  const n = new Int32Array(questions);
  const c = new Int32Array(questions);
  const sums = new Float64Array(questions);
  return (id: string, rows: Int32Array): RunQuestions => {
    const ids: number[] = [];
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j];
      const q = keys[i];
      if (n[q]++ === 0) ids.push(q);
      const value = reward[i];
      c[q] += +(value > threshold);
      sums[q] += value;
    }
    const run: RunQuestions = {
      id,
      n: new Int32Array(ids.length),
      c: new Int32Array(ids.length),
      rewardSum: new Float64Array(ids.length),
      epochs: new Int32Array(ids.length),
      pairKeys: new Float64Array(ids.length),
      clusters: new Int32Array(ids.length),
    };
    ids.forEach((q, slot) => {
      const first = firstRow[q];
      run.n[slot] = n[q];
      run.c[slot] = c[q];
      run.rewardSum[slot] = sums[q];
      run.epochs[slot] = epoch[first];
      run.pairKeys[slot] = epoch[first] * dataCount + data.codes[first];
      run.clusters[slot] = data.codes[first];
      n[q] = 0;
      c[q] = 0;
      sums[q] = 0;
    });
    return run;
  };
}

/** The questions `slots` of a run, as a question table. */
function subTable(run: QuestionTable, slots: readonly number[]): QuestionTable {
  return {
    n: Int32Array.from(slots, (slot) => run.n[slot]),
    c: Int32Array.from(slots, (slot) => run.c[slot]),
    rewardSum: Float64Array.from(slots, (slot) => run.rewardSum[slot]),
  };
}

/** A run's questions split by epoch, epochs ascending, each in the run's order. */
function byEpoch(run: RunQuestions): [number, number[]][] {
  const slots = new Map<number, number[]>();
  run.epochs.forEach((epoch, slot) => {
    const list = slots.get(epoch);
    if (list) list.push(slot);
    else slots.set(epoch, [slot]);
  });
  return [...slots].sort((a, b) => a[0] - b[0]);
}

const RESAMPLES = 1000;
/** The seed of every average reward's interval, as the summary draws it (lib/analysis/metrics/pass-metrics.ts). */
const REWARD_SEED = 1;
/** The seed of the overall paired difference; epoch e uses PAIRED_SEED + e. */
const PAIRED_SEED = 3;
/** Outside the 95 % interval, computed as bootstrapMeanCI computes it (1 − 0.95 is not exactly 0.05). */
const ALPHA = 1 - 0.95;
/** Most draws the shared resample plans of one comparison hold (4 bytes each, 64 MB). */
const MAX_PLAN_DRAWS = 16_000_000;

/** Linear-interpolation quantile (type 7) of an ascending-sorted array, as bootstrapMeanCI takes it. */
function sortedQuantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * The interval of a mean; with `clusters` (a cluster id per value: the question's data_id code), whole clusters are
 * resampled, so a question's epochs pooled together count as one draw (lib/analysis/metrics/cluster-bootstrap.ts).
 */
export type MeanInterval = (
  values: ArrayLike<number>,
  seed: number,
  clusters?: ArrayLike<number>,
) => MeanCI | null;

/**
 * `bootstrapMeanCI(values, { resamples: 1000, seed })`, figure for figure, for the many runs of one comparison: the
 * resample draws depend only on the seed and the number of values, and runs compared on the same questions have the
 * same number, so each (seed, count) is drawn once and reused by every run (100 runs draw their resamples once, not
 * 100 times). Counts past BOOTSTRAP_MAX_VALUES (the normal interval), values with NaN, or plans past MAX_PLAN_DRAWS go
 * to bootstrapMeanCI itself. With clusters of more than one value, `clusterMeanCI` figure for figure: the draws of
 * (seed, number of clusters) are shared the same way.
 */
export function sharedBootstrap(): MeanInterval {
  const plans = new Map<string, Int32Array>();
  let held = 0;
  const planOf = (seed: number, n: number): Int32Array | null => {
    const key = `${seed}:${n}`;
    let plan = plans.get(key);
    if (!plan) {
      if (held + n * RESAMPLES > MAX_PLAN_DRAWS) return null;
      // The draws of bootstrapMeanCI's resampling, in its order.
      const rng = mulberry32(seed);
      plan = new Int32Array(n * RESAMPLES);
      for (let j = 0; j < plan.length; j++) plan[j] = Math.floor(rng() * n);
      plans.set(key, plan);
      held += plan.length;
    }
    return plan;
  };
  const clustered = (values: ArrayLike<number>, seed: number, clusters: ArrayLike<number>) => {
    const totals = clusterTotals(values, clusters);
    const groups = totals.sums.length;
    if (groups === totals.count) return null;
    const plan = groups >= 2 && groups <= BOOTSTRAP_MAX_VALUES ? planOf(seed, groups) : null;
    if (!plan) return clusterTotalsCI(totals, { resamples: RESAMPLES, seed });
    const means = new Float64Array(RESAMPLES);
    resampleClusterMeans(totals, plan, means);
    return percentileInterval(totals.sum / totals.count, means);
  };
  return (values, seed, clusters) => {
    if (clusters) {
      const interval = clustered(values, seed, clusters);
      // One value per cluster: the plain interval below is the same.
      if (interval) return interval;
    }
    const n = values.length;
    const plain = () => bootstrapMeanCI(Array.from(values), { resamples: RESAMPLES, seed });
    if (n < 2 || n > BOOTSTRAP_MAX_VALUES) return plain();
    const data = Float64Array.from(values);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += data[i];
    if (Number.isNaN(sum)) return plain();
    const plan = planOf(seed, n);
    if (!plan) return plain();
    const means = new Float64Array(RESAMPLES);
    for (let b = 0, j = 0; b < RESAMPLES; b++) {
      let s = 0;
      for (let i = 0; i < n; i++, j++) s += data[plan[j]];
      means[b] = s / n;
    }
    means.sort();
    return {
      mean: sum / n,
      low: sortedQuantile(means, ALPHA / 2),
      high: sortedQuantile(means, 1 - ALPHA / 2),
    };
  };
}

/** The interval of a selection's average reward over its questions, as the summary gives it (clustered alike). */
function rewardInterval(table: QuestionTable, ci: MeanInterval, clusters?: Int32Array) {
  const means = Float64Array.from(table.n, (count, q) => table.rewardSum[q] / count);
  const interval = ci(means, REWARD_SEED, clusters);
  return interval ? { low: interval.low, high: interval.high } : null;
}

/** The summary of a question table (computeSummary's figures, the interval drawn by `ci`). */
function summaryOf(
  table: QuestionTable,
  threshold: number,
  k: number | null,
  ci: MeanInterval,
  clusters?: Int32Array,
): Summary {
  return {
    ...rewardSummary(table, false),
    avg_reward_ci: rewardInterval(table, ci, clusters),
    ...passMetrics(table, k ?? undefined),
    success_threshold: threshold,
  };
}

function meanDifference(deltas: number[], seed: number, ci: MeanInterval, clusters?: number[]) {
  const interval = ci(deltas, seed, clusters);
  return {
    common_questions: deltas.length,
    delta_pass_at_1: interval ? interval.mean : null,
    delta_ci: interval ? { low: interval.low, high: interval.high } : null,
  };
}

/** Whether an epoch shares enough questions for its interval to decide (`MIN_QUESTIONS_FOR_VERDICT`). */
const judged = (e: EpochDifference) => e.common_questions >= MIN_QUESTIONS_FOR_VERDICT;

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

/** Where each of the baseline's questions is, by pair key: built once, looked up by every other run. */
export function pairIndex(baseline: RunQuestions): Map<number, number> {
  return new Map(Array.from(baseline.pairKeys, (key, slot) => [key, slot]));
}

/** Run `other` against `baseline` on the questions (epoch × data_id) both answered. */
export function pairedDifference(
  baseline: RunQuestions,
  other: RunQuestions,
  ci: MeanInterval = sharedBootstrap(),
  index: Map<number, number> = pairIndex(baseline),
): PairedDifference {
  const deltas: number[] = [];
  // Each difference's question (data_id code): the overall interval resamples questions with all their epochs.
  const clusters: number[] = [];
  const epochDeltas = new Map<number, number[]>();
  let wins = 0;
  let ties = 0;
  let losses = 0;
  for (let slot = 0; slot < other.n.length; slot++) {
    const at = index.get(other.pairKeys[slot]);
    if (at === undefined) continue;
    const epoch = other.epochs[slot];
    const delta = other.c[slot] / other.n[slot] - baseline.c[at] / baseline.n[at];
    deltas.push(delta);
    clusters.push(other.clusters[slot]);
    const list = epochDeltas.get(epoch);
    if (list) list.push(delta);
    else epochDeltas.set(epoch, [delta]);
    if (delta > 0) wins++;
    else if (delta < 0) losses++;
    else ties++;
  }
  const perEpoch = [...epochDeltas.keys()]
    .sort((a, b) => a - b)
    .map((epoch): EpochDifference => ({
      epoch_id: epoch,
      ...meanDifference(epochDeltas.get(epoch)!, PAIRED_SEED + epoch, ci),
    }));
  return {
    training_id: other.id,
    baseline: baseline.id,
    ...meanDifference(deltas, PAIRED_SEED, ci, clusters),
    wins,
    ties,
    losses,
    per_epoch: perEpoch,
    better_from_epoch: sustainedFrom(perEpoch, (e) => judged(e) && (e.delta_ci?.low ?? 0) > 0),
    worse_from_epoch: sustainedFrom(perEpoch, (e) => judged(e) && (e.delta_ci?.high ?? 0) < 0),
  };
}

type ComparisonQuery = Pick<
  AnalysisQuery,
  'k' | 'success_threshold' | 'perfect_threshold' | 'failure_threshold'
>;

/**
 * Every run's figures and each run against the first. Linear in rows and runs: one pass over each run's rows tallies
 * its questions (the summary, the per-epoch curves and the pairing all read that tally), the baseline's questions are
 * indexed once, and the bootstrap draws are shared between runs.
 */
export function computeTrainingComparison(
  scan: Scan,
  rows: Int32Array,
  query: ComparisonQuery,
  ids: string[],
): TrainingComparison {
  const threshold = query.success_threshold;
  const k = query.k ?? commonK(scan, rows, threshold);
  const groups = groupRows(scan, 'training_id', rows);
  const rowsOf = (id: string) => groups.get(id) ?? new Int32Array(0);
  const tally = questionTally(scan, threshold);
  const ci = sharedBootstrap();
  const runs = ids.map((id) => tally(id, rowsOf(id)));
  const trainings = runs.map((run): ComparedTraining => {
    const runRows = rowsOf(run.id);
    return {
      training_id: run.id,
      ...summaryOf(run, threshold, k, ci, run.clusters),
      termination_stats: computeTerminationStats(scan, runRows).termination_stats,
      reward_distribution: computeRewardCategoryStats(scan, runRows, query).reward_distribution,
      epochs: byEpoch(run).map(([epoch, slots]) => {
        const s = summaryOf(subTable(run, slots), threshold, k, ci);
        return {
          epoch_id: epoch,
          trajectory_count: s.trajectory_count,
          avg_reward: s.avg_reward,
          avg_reward_ci: s.avg_reward_ci,
          pass_at_1: s.pass_at_1,
          pass_at_k: s.pass_at_k,
        };
      }),
    };
  });
  const [baseline, ...others] = runs;
  const index = pairIndex(baseline);
  const paired = others.map((run) => pairedDifference(baseline, run, ci, index));
  return { k, success_threshold: threshold, trainings, paired };
}

/** Two or more runs side by side, with per-epoch curves and a paired test against the first run. */
export const trainingComparison = defineStat({
  name: 'training-comparison',
  doc: {
    params: `\`training_ids=a,b[,c…]\` (2–${MAX_COMPARED})`,
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
