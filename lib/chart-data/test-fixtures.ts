import type { EpochProgression, EpochProgressionPoint } from '@/lib/analysis/stats/epoch-progression';
import type { Summary } from '@/lib/analysis/stats/summary';
import type {
  ComparedTraining,
  PairedDifference,
  TrainingComparison,
} from '@/lib/analysis/stats/training-comparison';

/** Builders of analysis results for tests: sensible defaults, override what the test is about. */

export function summary(overrides: Partial<Summary> = {}): Summary {
  return {
    trajectory_count: 40,
    avg_reward: 0.42,
    avg_reward_ci: { low: 0.35, high: 0.49 },
    question_count: 10,
    samples_per_question: [4, 4],
    pass_at_1: 0.42,
    pass_at_k: 0.72,
    k: 4,
    pass_at_k_questions: 10,
    pass_at: { '1': 0.42, '4': 0.72 },
    pass_at_questions: { '1': 10, '4': 10 },
    pass_hat_k: 0.1,
    success_threshold: 0,
    ...overrides,
  };
}

const noRewards = {
  perfect_score: { count: 0, ratio: 0 },
  partial_success: { count: 0, ratio: 0 },
  complete_failure: { count: 0, ratio: 0 },
};

export function epochPoint(
  epoch_id: number,
  overrides: Partial<EpochProgressionPoint> = {},
): EpochProgressionPoint {
  return {
    ...summary(),
    epoch_id,
    pass_at_1_ci: { low: 0.3, high: 0.54 },
    termination_stats: {},
    reward_distribution: noRewards,
    avg_step_count: 5,
    tool_calls: 0,
    tool_failures: 0,
    tool_failure_rate: null,
    tools: {},
    ...overrides,
  };
}

export function progression(epochs: EpochProgressionPoint[], k: number | null = 4): EpochProgression {
  return { training_id: 'run_a', k, success_threshold: 0, epochs };
}

export function comparedTraining(
  training_id: string,
  overrides: Partial<ComparedTraining> = {},
): ComparedTraining {
  return {
    training_id,
    ...summary(),
    termination_stats: {},
    reward_distribution: noRewards,
    epochs: [],
    ...overrides,
  };
}

export function paired(overrides: Partial<PairedDifference> = {}): PairedDifference {
  return {
    training_id: 'run_b',
    baseline: 'run_a',
    common_questions: 50,
    delta_pass_at_1: 0.1,
    delta_ci: { low: 0.02, high: 0.18 },
    wins: 20,
    ties: 20,
    losses: 10,
    per_epoch: [],
    better_from_epoch: null,
    worse_from_epoch: null,
    ...overrides,
  };
}

export function comparison(
  trainings: ComparedTraining[],
  pairs: PairedDifference[] = [],
): TrainingComparison {
  return { k: 4, success_threshold: 0, trainings, paired: pairs };
}
