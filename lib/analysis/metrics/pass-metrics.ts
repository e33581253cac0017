import { bootstrapMeanCI, type MeanCI } from './bootstrap';
import { clusterMeanCI } from './cluster-bootstrap';
import { countHistogram, meanPassAtKOfHistogram } from './pass-at-k';

/** Columns every pass@k / average-reward figure needs. */
export const PASS_COLUMNS = ['training_id', 'epoch_id', 'data_id', 'reward'] as const;

/** The reported k values besides the chosen k. */
export const REPORTED_K = [1, 5, 10] as const;

/**
 * Per-question sample and success counts (built by `questionCounts`). A question is (training, epoch, data_id):
 * samples of one question never mix across epochs or runs.
 */
export interface QuestionTable {
  n: Int32Array;
  c: Int32Array;
  rewardSum: Float64Array;
  /**
   * Per question, its data_id code: a question answered in several epochs (or runs) is one cluster, resampled whole by
   * the average reward's interval. Absent: every question is its own cluster.
   */
  clusters?: Int32Array;
}

export interface PassMetrics {
  question_count: number;
  /** Smallest and largest number of samples per question. */
  samples_per_question: [number, number] | null;
  pass_at_1: number | null;
  pass_at_k: number | null;
  k: number | null;
  /** How many questions pass_at_k averages over: those with at least k samples. */
  pass_at_k_questions: number;
  /** pass@k for k = 1, 5, 10 and the chosen k; null where no question has k samples. */
  pass_at: Record<string, number | null>;
  /** How many questions each pass_at value averages over (those with n ≥ k). */
  pass_at_questions: Record<string, number>;
  /** pass^k (all k attempts succeed) for the chosen k. */
  pass_hat_k: number | null;
}

/**
 * The default k: the most common number of samples per question (ties: the larger), so one short question or run
 * does not pull k down to 1. Questions with fewer samples are left out of pass@k, never counted as solved.
 */
export function defaultK(samples: ArrayLike<number>): number | null {
  const counts = new Map<number, number>();
  let last = NaN;
  let run = 0;
  // Questions come in runs of equal sample counts: count a run at once rather than each question.
  const flush = () => {
    if (run > 0) counts.set(last, (counts.get(last) ?? 0) + run);
  };
  for (let q = 0; q < samples.length; q++) {
    if (samples[q] === last) {
      run++;
      continue;
    }
    flush();
    last = samples[q];
    run = 1;
  }
  flush();
  let best: number | null = null;
  let bestCount = 0;
  for (const [n, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && n > best)) {
      best = n;
      bestCount = count;
    }
  }
  return best;
}

/** pass@1, pass@k and pass^k over the questions of a group; k defaults to `defaultK` of the group. */
export function passMetrics(table: QuestionTable, requestedK?: number): PassMetrics {
  const count = table.n.length;
  let min = Infinity;
  let max = 0;
  for (let q = 0; q < count; q++) {
    min = Math.min(min, table.n[q]);
    max = Math.max(max, table.n[q]);
  }
  const k = requestedK ?? defaultK(table.n);
  const ks = [...new Set([...REPORTED_K, ...(k === null ? [] : [k])])].sort((a, b) => a - b);
  const pass_at: Record<string, number | null> = {};
  const pass_at_questions: Record<string, number> = {};
  const histogram = countHistogram(table);
  for (const kk of ks) {
    const result = meanPassAtKOfHistogram(histogram, kk);
    pass_at[String(kk)] = result.value;
    pass_at_questions[String(kk)] = result.questions;
  }
  return {
    question_count: count,
    samples_per_question: count > 0 ? [min, max] : null,
    pass_at_1: pass_at['1'],
    pass_at_k: k === null ? null : pass_at[String(k)],
    k,
    pass_at_k_questions: k === null ? 0 : pass_at_questions[String(k)],
    pass_at,
    pass_at_questions,
    pass_hat_k: k === null ? null : meanPassAtKOfHistogram(histogram, k, 'pass^k').value,
  };
}

export interface RewardSummary {
  trajectory_count: number;
  /** Mean reward over trajectories; null for an empty group. */
  avg_reward: number | null;
  /** 95% bootstrap CI over questions (question-mean rewards resampled, seeded). */
  avg_reward_ci: { low: number; high: number } | null;
}

/**
 * 95% bootstrap CI of pass@1 over questions: each question's success rate c/n (its pass@1) resampled, seeded, so a
 * dip between epochs can be told from noise. Null without questions; zero width for one question or equal rates.
 */
export function passAt1CI(table: QuestionTable): { low: number; high: number } | null {
  const rates = new Float64Array(table.n.length);
  for (let q = 0; q < table.n.length; q++) rates[q] = table.c[q] / table.n[q];
  const ci = bootstrapMeanCI(rates, { resamples: 1000, seed: 1 });
  return ci ? { low: ci.low, high: ci.high } : null;
}

/**
 * Average reward of a group; the bootstrap CI (the costly part) is skipped when the caller does not show it. Where the
 * table pools several epochs of a question, the CI resamples its data_id clusters (each question with all its epochs);
 * within one epoch of one run every cluster is one question and the CI is the plain one.
 */
export function rewardSummary(table: QuestionTable, withCi = true): RewardSummary {
  let total = 0;
  let sum = 0;
  const questionMeans = new Float64Array(table.n.length);
  for (let q = 0; q < table.n.length; q++) {
    total += table.n[q];
    sum += table.rewardSum[q];
    questionMeans[q] = table.rewardSum[q] / table.n[q];
  }
  const options = { resamples: 1000, seed: 1 };
  const ci: MeanCI | null = !withCi
    ? null
    : table.clusters
      ? clusterMeanCI(questionMeans, table.clusters, options)
      : bootstrapMeanCI(questionMeans, options);
  return {
    trajectory_count: total,
    avg_reward: total > 0 ? sum / total : null,
    avg_reward_ci: ci ? { low: ci.low, high: ci.high } : null,
  };
}
