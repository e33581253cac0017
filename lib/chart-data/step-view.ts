import { boundText, type BoundedText } from './bounded-text';
import { argumentsTree, type JsonNode } from './json-tree';

/** Characters of a tool name shown in a step header. */
const ACTION_LIMIT = 200;

/** The fields of a stored step the viewer draws. */
export interface StepFields {
  thought: string | null;
  action: string;
  action_input: unknown;
  observation: string | null;
  tool_status: 'success' | 'error' | null;
  process_reward: number | null;
}

/** One step as sent to the browser: every text bounded, the arguments a bounded tree. */
export interface StepView {
  action: string;
  thought: BoundedText | null;
  arguments: JsonNode | null;
  observation: BoundedText | null;
  tool_status: 'success' | 'error' | null;
  process_reward: number | null;
}

export function stepView(step: StepFields): StepView {
  return {
    action: boundText(step.action, ACTION_LIMIT).text,
    thought: step.thought ? boundText(step.thought) : null,
    arguments: argumentsTree(step.action_input),
    observation: step.observation ? boundText(step.observation) : null,
    tool_status: step.tool_status,
    process_reward: step.process_reward,
  };
}
