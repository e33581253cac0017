/**
 * One trajectory: draw an outcome (termination reason + reward) from the training's state at this epoch, then the
 * steps that lead to it. Tool errors, step counts and process rewards follow the outcome so that the aggregates the
 * dashboard shows line up with what the viewer shows.
 */
import type { DemoQuestion, Domain } from './demo-questions';
import { Rng, clamp, round } from './demo-random';
import { FAILURE_REASONS, type EpochState, type TerminationReason } from './demo-story';
import { TOOLS, TOOL_NAMES, TOOL_PREFERENCES, longObservation, type ToolName } from './demo-tools';
import { respondContent, toolThought, type AnswerKind } from './demo-text';

export interface DemoStep {
  step_id: number;
  thought: string;
  action: string;
  action_input: Record<string, unknown>;
  observation: string | null;
  /** Set on tool calls; absent on the final `respond`. */
  tool_status?: 'success' | 'error';
  process_reward: number;
}

export interface DemoOutcome {
  reward: number;
  termination_reason: TerminationReason;
  steps: DemoStep[];
}

export interface TrajectoryOptions {
  lean: boolean;
  maxTurns: number;
  /** Make the first tool call return a 20–50 KB page. */
  longObservation: boolean;
}

const TOOL_STEPS: Record<Domain, readonly [number, number]> = {
  math: [0, 3],
  qa: [1, 5],
  code: [2, 7],
  sql: [1, 5],
};
const CONTEXT_OVERFLOW = '\n... [truncated: context window of 32768 tokens exceeded]';

function drawOutcome(q: DemoQuestion, p: number, state: EpochState, rng: Rng): [TerminationReason, number] {
  if (rng.next() < p) {
    if (!rng.chance(state.partialShare)) return ['success', 1];
    return ['wrong_answer', q.domain === 'code' ? rng.pick([0.25, 0.5, 0.75]) : 0.5];
  }
  const reason = FAILURE_REASONS[rng.weightedIndex(state.failureWeights)];
  if (reason === 'format_error') return [reason, rng.chance(0.6) ? -0.5 : -0.1];
  return [reason, 0];
}

function toolStepCount(
  q: DemoQuestion,
  reason: TerminationReason,
  state: EpochState,
  maxTurns: number,
  rng: Rng,
) {
  const [lo, hi] = TOOL_STEPS[q.domain];
  const extra = state.collapse > 0 ? Math.round(state.collapse * rng.int(1, 8)) : 0;
  const usual = rng.int(lo, hi) + (q.difficulty > 0.8 ? 1 : 0) + extra;
  switch (reason) {
    case 'max_turns':
      return maxTurns;
    case 'timeout':
      return Math.min(rng.int(3, 12) + extra, maxTurns - 1);
    case 'context_length':
      return rng.int(Math.min(8, maxTurns - 1), maxTurns - 1);
    case 'tool_error':
      return Math.min(Math.max(usual, 3), maxTurns - 1);
    default:
      return Math.min(usual, maxTurns - 1);
  }
}

function answerKind(reason: TerminationReason, reward: number): AnswerKind {
  if (reason === 'success') return 'correct';
  if (reason === 'tool_error') return 'gave_up';
  if (reason === 'format_error') return 'malformed';
  return reward > 0 ? 'partial' : 'wrong';
}

/** How strongly the outcome shows in the process rewards: positive for solved, negative for failed. */
function outcomeSignal(reward: number): number {
  if (reward >= 1) return 0.6;
  if (reward > 0) return 0.2;
  return reward < 0 ? -0.6 : -0.3;
}

export function buildTrajectory(
  q: DemoQuestion,
  p: number,
  state: EpochState,
  rng: Rng,
  options: TrajectoryOptions,
): DemoOutcome {
  const [reason, reward] = drawOutcome(q, p, state, rng);
  const responds = reason !== 'max_turns' && reason !== 'timeout' && reason !== 'context_length';
  let toolSteps = toolStepCount(q, reason, state, options.maxTurns, rng);
  if (options.longObservation) toolSteps = Math.max(toolSteps, 1);
  const total = toolSteps + (responds ? 1 : 0);
  const signal = outcomeSignal(reward);
  // Trajectories that end well make fewer tool mistakes along the way.
  const errorFactor = state.toolErrorMultiplier * (reward > 0 ? 0.7 : 1.3);
  const preferences = TOOL_PREFERENCES[q.domain];
  const steps: DemoStep[] = [];

  let previous: ToolName | null = null;
  let previousFailed = false;
  for (let i = 0; i < toolSteps; i++) {
    const isLong = options.longObservation && i === 0;
    const tool: ToolName = isLong
      ? 'web_fetch'
      : previous && previousFailed && rng.chance(0.6)
        ? previous
        : TOOL_NAMES[rng.weightedIndex(preferences)];
    const spec = TOOLS[tool];
    const forced =
      (reason === 'tool_error' && i >= toolSteps - 2) || (reason === 'timeout' && i === toolSteps - 1);
    const rate = clamp(spec.baseErrorRate * errorFactor ** spec.sensitivity, 0, 0.85);
    const failed = !isLong && (forced || rng.chance(rate));
    const thought = toolThought(
      q,
      tool,
      i,
      previousFailed ? previous : null,
      state.collapse,
      rng,
      options.lean,
    );
    let observation: string;
    if (reason === 'timeout' && i === toolSteps - 1) observation = 'Error: timeout after 30s';
    else if (failed) observation = spec.error(q, rng);
    else if (isLong) observation = longObservation(q, rng);
    else observation = spec.ok(q, rng, options.lean);
    if (reason === 'context_length' && i === toolSteps - 1) observation += CONTEXT_OVERFLOW;
    const progress = (i + 1) / total;
    steps.push({
      step_id: i,
      thought,
      action: tool,
      action_input: spec.input(q, rng, options.lean),
      observation,
      tool_status: failed ? 'error' : 'success',
      process_reward: round(
        clamp(0.1 + signal * (0.4 + 0.6 * progress) + (failed ? -0.35 : 0.05) + 0.3 * rng.normal(), -1, 1),
        3,
      ),
    });
    previous = tool;
    previousFailed = failed;
  }

  if (responds) {
    const { thought, answer } = respondContent(q, answerKind(reason, reward), previous, toolSteps === 0, rng);
    steps.push({
      step_id: toolSteps,
      thought,
      action: 'respond',
      action_input: { answer },
      observation:
        reason === 'format_error'
          ? 'Error: could not parse the final answer (expected <answer>…</answer>)'
          : null,
      process_reward: round(clamp(1.2 * signal + 0.2 * rng.normal(), -1, 1), 3),
    });
  }
  return { reward, termination_reason: reason, steps };
}
