import type { DerivedColumnName } from '../db/columns';
import type { Step, TrajectoryRow } from '../db/schema';

/**
 * Actions that end or answer a turn rather than call a tool (compared case-insensitively). Every other action is a
 * tool call.
 */
export const NON_TOOL_ACTIONS: readonly string[] = ['respond', 'final_answer', 'answer', 'finish'];
const nonTool = new Set(NON_TOOL_ACTIONS);

export function isToolCall(step: Pick<Step, 'action'>): boolean {
  return !nonTool.has(step.action.toLowerCase());
}

/**
 * Columns derived from the steps at ingest so that filters and aggregates never parse `steps_json`: those declared
 * `derived: true` in lib/db/columns.ts.
 */
export type DerivedColumns = Pick<TrajectoryRow, DerivedColumnName>;

export function deriveColumns(steps: readonly Step[]): DerivedColumns {
  const names: string[] = [];
  const failed: boolean[] = [];
  const used = new Set<string>();
  const failedTools = new Set<string>();
  let rewardSum = 0;
  let rewardCount = 0;
  for (const step of steps) {
    if (step.process_reward !== null) {
      rewardSum += step.process_reward;
      rewardCount += 1;
    }
    if (!isToolCall(step)) continue;
    const isError = step.tool_status === 'error';
    names.push(step.action);
    failed.push(isError);
    used.add(step.action);
    if (isError) failedTools.add(step.action);
  }
  return {
    step_count: steps.length,
    tool_call_count: names.length,
    tool_error_count: failed.filter(Boolean).length,
    tools_used: [...used].sort(),
    tools_failed: [...failedTools].sort(),
    tool_call_names: names,
    tool_call_failed: failed,
    process_reward_mean: rewardCount === 0 ? null : rewardSum / rewardCount,
    step_text: stepText(steps),
  };
}

/** The leaf values of tool arguments, in order: the words a reader sees, without the JSON around them. */
function argumentWords(value: unknown, into: string[]): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') into.push(String(value));
  else if (Array.isArray(value)) for (const item of value) argumentWords(item, into);
  else if (typeof value === 'object') for (const item of Object.values(value)) argumentWords(item, into);
}

/**
 * The text `q` searches: per step, its thought, the tool called, the argument values and the observation, one step a
 * line. Key names (`observation`, `action`, …) are not in it, so they match only where someone wrote them.
 */
export function stepText(steps: readonly Step[]): string {
  return steps
    .map((step) => {
      const words: string[] = [];
      if (step.thought) words.push(step.thought);
      words.push(step.action);
      argumentWords(step.action_input, words);
      if (step.observation) words.push(step.observation);
      return words.join(' ');
    })
    .join('\n');
}
