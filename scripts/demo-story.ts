/**
 * The story of the demo campaign: three trainings on the same questions, each with its own learning curve, tool
 * skill and failure mix per epoch. Curves are defined on a progress scale x ∈ [0, 11] (the default 12 epochs), so a
 * campaign with more or fewer epochs tells the same story stretched or compressed.
 */
import { fnv1a } from '../lib/fnv1a';
import { Rng, clamp, mixSeed, sigmoid, smoothstep } from './demo-random';

export const TERMINATION_REASONS = [
  'success',
  'wrong_answer',
  'max_turns',
  'timeout',
  'tool_error',
  'format_error',
  'context_length',
] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

/** The reasons a trajectory without a positive reward ends with, in the order of `EpochState.failureWeights`. */
export const FAILURE_REASONS = [
  'wrong_answer',
  'max_turns',
  'timeout',
  'tool_error',
  'format_error',
  'context_length',
] as const satisfies readonly TerminationReason[];

export interface TrainingProfile {
  id: string;
  agentName: string;
  /** ISO timestamp of the first rollout. */
  startedAt: string;
  /** Target share of trajectories with reward > 0 (pass@1 at the default threshold) at progress x. */
  passRate(x: number): number;
  /** Multiplies every tool's base error rate: < 1 the agent learned to use tools, > 1 it unlearned. */
  toolErrorMultiplier(x: number): number;
  /** Multiplies the base share of format errors among failures. */
  formatErrorFactor(x: number): number;
  /** 0 = healthy, 1 = fully collapsed (degenerate text, long trajectories, format and context failures). */
  collapse(x: number): number;
}

const LAST = 11;
const baselineCurve = (x: number) => 0.25 + (0.2 * (1 - Math.exp(-x / 5))) / (1 - Math.exp(-LAST / 5));
const ppoPeak = 0.25 + 0.18;
const ppoCurve = (x: number) =>
  x <= 5
    ? 0.25 + (0.18 * (1 - Math.exp(-x / 2.5))) / (1 - Math.exp(-2))
    : ppoPeak - (ppoPeak - 0.07) * smoothstep(5, 9, x);

export const TRAINING_PROFILES: readonly TrainingProfile[] = [
  {
    id: 'grpo-baseline',
    agentName: 'qwen2.5-7b-grpo',
    startedAt: '2025-03-03T08:00:00.000Z',
    passRate: baselineCurve,
    toolErrorMultiplier: (x) => 1 - (0.3 * x) / LAST,
    formatErrorFactor: (x) => 1 - (0.4 * x) / LAST,
    collapse: () => 0,
  },
  {
    id: 'grpo-curriculum',
    agentName: 'qwen2.5-7b-grpo-curriculum',
    startedAt: '2025-03-05T08:00:00.000Z',
    passRate: (x) => baselineCurve(x) - 0.01 + 0.24 * smoothstep(2, 7, x),
    toolErrorMultiplier: (x) => 1 - 0.55 * smoothstep(0, 9, x),
    formatErrorFactor: (x) => 1 - 0.6 * smoothstep(0, 8, x),
    collapse: () => 0,
  },
  {
    id: 'ppo-lr3e-6',
    agentName: 'qwen2.5-7b-ppo',
    startedAt: '2025-03-04T14:00:00.000Z',
    passRate: ppoCurve,
    toolErrorMultiplier: (x) => 1 - (0.35 * Math.min(x, 5)) / 5 + 2.3 * smoothstep(5, 9.5, x),
    formatErrorFactor: (x) => 1 - (0.3 * Math.min(x, 5)) / 5,
    collapse: (x) => smoothstep(5, 9, x),
  },
];

/** `count` trainings: the three profiles, then repeats of them (`grpo-baseline-r2`, …) one week later each. */
export function trainingProfiles(count: number): TrainingProfile[] {
  const out: TrainingProfile[] = [];
  for (let i = 0; i < count; i++) {
    const base = TRAINING_PROFILES[i % TRAINING_PROFILES.length];
    const round = Math.floor(i / TRAINING_PROFILES.length);
    if (round === 0) {
      out.push(base);
      continue;
    }
    const started = new Date(Date.parse(base.startedAt) + round * 7 * 24 * 3600 * 1000).toISOString();
    out.push({ ...base, id: `${base.id}-r${round + 1}`, startedAt: started });
  }
  return out;
}

/** Everything the trajectory builder needs to know about one training at one epoch. */
export interface EpochState {
  passRate: number;
  /** Logit-scale skill: P(solve question q) = sigmoid(skill − difficulty(q) + affinity(training, q)). */
  skill: number;
  toolErrorMultiplier: number;
  collapse: number;
  /** Relative weights of FAILURE_REASONS for trajectories that do not earn a positive reward. */
  failureWeights: number[];
  /** Share of positive-reward trajectories that only earn partial credit. */
  partialShare: number;
}

export function progressOf(epoch: number, epochs: number): number {
  return epochs > 1 ? (epoch * LAST) / (epochs - 1) : 0;
}

/** The skill s with mean over questions of sigmoid(s − d) equal to the target rate (bisection). */
export function calibrateSkill(target: number, difficulties: readonly number[]): number {
  let lo = -15;
  let hi = 15;
  for (let iteration = 0; iteration < 50; iteration++) {
    const mid = (lo + hi) / 2;
    let sum = 0;
    for (const d of difficulties) sum += sigmoid(mid - d);
    if (sum / difficulties.length < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function epochState(
  profile: TrainingProfile,
  epoch: number,
  epochs: number,
  difficulties: readonly number[],
  seed: number,
): EpochState {
  const x = progressOf(epoch, epochs);
  const noise = new Rng(mixSeed(seed, fnv1a(profile.id), epoch, 0xe90c)).normal();
  const passRate = clamp(profile.passRate(x) + 0.012 * noise, 0.02, 0.98);
  const toolErrorMultiplier = profile.toolErrorMultiplier(x);
  const c = profile.collapse(x);
  const failureWeights = [
    0.55 * (1 - 0.75 * c), // wrong_answer
    0.13 * (1 + c), // max_turns
    0.07 * (1 + 0.5 * c), // timeout
    0.1 * toolErrorMultiplier, // tool_error
    0.09 * profile.formatErrorFactor(x) + 0.55 * c, // format_error
    0.06 + 0.45 * c, // context_length
  ];
  return {
    passRate,
    skill: calibrateSkill(passRate, difficulties),
    toolErrorMultiplier,
    collapse: c,
    failureWeights,
    partialShare: 0.14 * (1 - 0.4 * c),
  };
}
