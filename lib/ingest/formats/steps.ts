import { z } from 'zod';
import type { Step } from '../../db/schema';
import { boundedNumber } from '../envelope';
import { parseWith } from '../issues';
import { INT32_MAX } from '../types';
import { textOrJson, type ParsedBody } from './body';

const stepSchema = z.object({
  step_id: z
    .number()
    .int()
    .min(0, { error: 'must be ≥ 0' })
    .max(INT32_MAX, { error: 'must fit in int32' })
    .nullish(),
  thought: z.string().nullish(),
  action: z.string().min(1, { error: 'must not be empty' }),
  action_input: z.unknown().optional(),
  /** Strings are kept; any other JSON value is stored JSON-encoded. */
  observation: z.unknown().optional(),
  tool_status: z.enum(['success', 'error'], { error: 'expected "success", "error" or null' }).nullish(),
  process_reward: boundedNumber.nullish(),
});

const stepsSchema = z.array(stepSchema);

/** `steps: [{step_id?, thought?, action, action_input?, observation?, tool_status?, process_reward?}]`. */
export function parseStepsBody(record: Record<string, unknown>): ParsedBody {
  const parsed = parseWith(stepsSchema, record.steps, 'steps');
  if (!parsed.ok) return { steps: [], errors: parsed.errors };
  const steps = parsed.value.map((step, index): Step => ({
    step_id: step.step_id ?? index,
    thought: step.thought ?? null,
    action: step.action,
    action_input: step.action_input ?? null,
    observation: textOrJson(step.observation),
    tool_status: step.tool_status ?? null,
    process_reward: step.process_reward ?? null,
  }));
  return { steps, errors: [] };
}
