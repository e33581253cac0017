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
  };
}
