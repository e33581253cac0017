/**
 * A deterministic, believable RL training campaign for demos, tests and benchmarks.
 *
 * Three trainings on the same question bank: `grpo-baseline` learns slowly, `grpo-curriculum` pulls ahead from
 * epoch ~3, `ppo-lr3e-6` learns until epoch ~5 and then collapses. Records stream out one at a time in the ingest
 * envelope with a `steps` body (DESIGN §5); the same options always give the same records.
 */
import { buildQuestionBank, type DemoQuestion } from './demo-questions';
import { fnv1a } from '../lib/fnv1a';
import { Rng, mixSeed, sigmoid } from './demo-random';
import { epochState, trainingProfiles, type TerminationReason } from './demo-story';
import { buildTrajectory, type DemoStep } from './demo-trajectory';

export { TERMINATION_REASONS, TRAINING_PROFILES } from './demo-story';
export type { TerminationReason } from './demo-story';
export { TOOL_NAMES, ADVERSARIAL_HTML } from './demo-tools';
export type { ToolName } from './demo-tools';
export type { DemoStep } from './demo-trajectory';
export type { DemoQuestion, Domain } from './demo-questions';

/** One trajectory in the ingest envelope (DESIGN §5) with a `steps` body. */
export interface DemoRecord {
  training_id: string;
  epoch_id: number;
  iteration_id: number;
  sample_id: number;
  data_id: string;
  question: string;
  reward: number;
  termination_reason: TerminationReason;
  agent_name: string;
  /** ISO 8601. */
  created_at: string;
  steps: DemoStep[];
}

export interface DemoCampaignOptions {
  seed?: number;
  /** 3 = the three story trainings; more repeat them as `<id>-r2`, `<id>-r3`, … */
  trainings?: number;
  epochs?: number;
  questions?: number;
  /** Samples per question per epoch (the n of pass@k). */
  samples?: number;
  /** Questions per iteration (rollout batch); `iteration_id` counts batches within an epoch. */
  questionsPerIteration?: number;
  /** Turn limit: `max_turns` trajectories use all of it, the others stay below. */
  maxTurns?: number;
  /** Short thoughts and observations and no long observations: ~4× smaller records, for large benchmarks. */
  lean?: boolean;
  /** Share of trajectories whose first tool call returns a 20–50 KB page (0 when lean). */
  longObservationRate?: number;
}

export type ResolvedCampaignOptions = Required<DemoCampaignOptions>;

export const DEFAULT_CAMPAIGN: ResolvedCampaignOptions = {
  seed: 20250303,
  trainings: 3,
  epochs: 12,
  questions: 120,
  samples: 8,
  questionsPerIteration: 24,
  maxTurns: 20,
  lean: false,
  longObservationRate: 1 / 4000,
};

const EPOCH_MS = 4 * 3600 * 1000;

export function resolveCampaignOptions(options: DemoCampaignOptions = {}): ResolvedCampaignOptions {
  const resolved = { ...DEFAULT_CAMPAIGN, ...definedOnly(options) };
  for (const key of ['trainings', 'epochs', 'questions', 'samples', 'questionsPerIteration'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 1)
      throw new Error(`${key} must be a positive integer`);
  }
  if (!Number.isInteger(resolved.maxTurns) || resolved.maxTurns < 2) throw new Error('maxTurns must be ≥ 2');
  if (!Number.isInteger(resolved.seed)) throw new Error('seed must be an integer');
  if (!(resolved.longObservationRate >= 0 && resolved.longObservationRate <= 1)) {
    throw new Error('longObservationRate must be within [0, 1]');
  }
  if (options.lean && options.longObservationRate === undefined) resolved.longObservationRate = 0;
  return resolved;
}

function definedOnly(options: DemoCampaignOptions): DemoCampaignOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/** How many records `generateDemoCampaign(options)` yields. */
export function demoCampaignSize(options: DemoCampaignOptions = {}): number {
  const o = resolveCampaignOptions(options);
  return o.trainings * o.epochs * o.questions * o.samples;
}

/** The question bank of a campaign (the same for every training). */
export function demoQuestions(options: DemoCampaignOptions = {}): DemoQuestion[] {
  const o = resolveCampaignOptions(options);
  return buildQuestionBank(o.questions, o.seed);
}

/**
 * Streams the campaign: training by training, epoch by epoch, iteration by iteration (a shuffled batch of
 * questions), every sample of each question. Memory stays O(questions) whatever the size.
 */
export function* generateDemoCampaign(options: DemoCampaignOptions = {}): Generator<DemoRecord> {
  const o = resolveCampaignOptions(options);
  const questions = buildQuestionBank(o.questions, o.seed);
  const difficulties = questions.map((q) => q.difficulty);
  const iterations = Math.ceil(o.questions / o.questionsPerIteration);
  const iterationMs = Math.floor(EPOCH_MS / iterations);
  const trajectoryOptions = { lean: o.lean, maxTurns: o.maxTurns, longObservation: false };

  for (const profile of trainingProfiles(o.trainings)) {
    const trainingSeed = mixSeed(o.seed, fnv1a(profile.id));
    const affinityRng = new Rng(mixSeed(trainingSeed, 0xaff1));
    // How much better or worse than its skill this training does on each question (what it happened to learn).
    const affinity = questions.map(() => 0.35 * affinityRng.normal());
    const start = Date.parse(profile.startedAt);

    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const state = epochState(profile, epoch, o.epochs, difficulties, o.seed);
      const order = new Rng(mixSeed(trainingSeed, epoch, 0x5f)).shuffle(questions.map((_, i) => i));
      for (let position = 0; position < order.length; position++) {
        const q = questions[order[position]];
        const iteration = Math.floor(position / o.questionsPerIteration);
        const p = sigmoid(state.skill - q.difficulty + affinity[q.index]);
        for (let sample = 0; sample < o.samples; sample++) {
          const rng = new Rng(mixSeed(trainingSeed, epoch, q.index, sample));
          trajectoryOptions.longObservation = o.longObservationRate > 0 && rng.chance(o.longObservationRate);
          const createdAt = start + epoch * EPOCH_MS + iteration * iterationMs + rng.int(0, iterationMs - 1);
          const outcome = buildTrajectory(q, p, state, rng, trajectoryOptions);
          yield {
            training_id: profile.id,
            epoch_id: epoch,
            iteration_id: iteration,
            sample_id: sample,
            data_id: q.dataId,
            question: q.text,
            reward: outcome.reward,
            termination_reason: outcome.termination_reason,
            agent_name: profile.agentName,
            created_at: new Date(createdAt).toISOString(),
            steps: outcome.steps,
          };
        }
      }
    }
  }
}

/** The campaign as the raw records `ingestRecords` consumes (`line` is the 1-based record number). */
export async function* demoRawRecords(
  options: DemoCampaignOptions = {},
  source = 'demo-campaign',
): AsyncGenerator<{ source: string; line: number; value: DemoRecord }> {
  let line = 0;
  for (const value of generateDemoCampaign(options)) yield { source, line: ++line, value };
}
