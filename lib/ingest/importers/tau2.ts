import { clip } from '../tool-errors';
import { chatSteps, type ChatDialect } from './chat';
import {
  compact,
  hasAnyKey,
  importError,
  isId,
  isObject,
  namespacedId,
  numberOrNull,
  stringOrNull,
} from './shared';
import type { ImportContext, ImportResult, Importer, NativeRecord } from './types';

/**
 * tau2-bench (sierra-research/tau2-bench) simulations → native records. A results file is one object
 * `{timestamp, info, tasks, simulations}`; each simulation gives one record, with `context.header` =
 * `{timestamp, info, tasks}` (the question and the domain live there).
 *
 * | native               | tau2                                                                             |
 * | -------------------- | -------------------------------------------------------------------------------- |
 * | `dataset`            | `tau2`                                                                           |
 * | `data_id`            | `tau2/<domain>:<task_id>`, the domain from                                       |
 * |                      | `header.info.environment_info.domain_name` (`tau2/<task_id>` without a header)   |
 * | `question`           | the matching `header.tasks[]` (`id` = `task_id`): `user_scenario.instructions`,  |
 * |                      | a string or structured (`reason_for_call`, `known_info`, `unknown_info`,         |
 * |                      | `task_instructions`) rendered as labelled paragraphs; else the task's `ticket`   |
 * | `reward`             | `reward_info.reward`; null when the simulation was not evaluated                 |
 * | `reward_components`  | `reward_info.reward_breakdown` (`DB`, `COMMUNICATE`, `ACTION`, `NL_ASSERTION`,   |
 * |                      | …)                                                                               |
 * | `termination_reason` | `termination_reason`: `user_stop`, `agent_stop`, `max_steps` as is; `timeout` →  |
 * |                      | `time_limit`; `context_window_exceeded` → `context_limit`; `too_many_errors`,    |
 * |                      | `agent_error`, `user_error`, `infrastructure_error`, `unexpected_error` →        |
 * |                      | `error`                                                                          |
 * | `sample_id`          | `trial`                                                                          |
 * | `trajectory_id`      | `id` (the simulation's uuid)                                                     |
 * | `training_id`        | `tau2-<domain>-<agent llm>-<header.timestamp>`: one results file, readable and   |
 * |                      | unique                                                                           |
 * | `created_at`         | `start_time`                                                                     |
 * | `agent_name`         | `header.info.agent_info.llm`                                                     |
 * | `metrics`            | `prompt_tokens`/`response_tokens` = the agent turns' `usage` summed; `latency_s` |
 * |                      | = `duration`; `cost_usd` = `agent_cost`; `truncated` = 1 for a step, time or     |
 * |                      | context limit                                                                    |
 * | `metadata`           | domain, agent implementation, user simulator llm, `user_cost`, seed, the raw     |
 * |                      | reason, `db_check.db_match`                                                      |
 *
 * Steps: `system` and `user` messages are turns with `content`; an `assistant` message is a `respond` step, or one
 * step per `tool_calls` item (`name`, `arguments`; the message's text is the first call's `thought`; the turn's
 * `usage.completion_tokens` is the first step's `tokens`). The simulated user also calls tools in some domains
 * (telecom: `requestor: "user"`): those calls are `user` steps carrying `action`, `action_input`, `observation`,
 * `tool_status` and `error`, so that they are never counted as the agent's. A `tool` message (or each item of a
 * multi-tool message's `tool_messages`) answers the call whose `id` it carries; it failed when `error` is true or its
 * text starts with `Error`, and `error` holds that text.
 *
 * A results file whose `simulations` is empty (a run stopped before its first simulation was saved) reaches the
 * importer whole, as one record; it is recognised by its `info` and `tasks` and gives no records.
 */
export const tau2Importer: Importer = {
  name: 'tau2',
  description:
    'tau2-bench simulations (`simulations[]` of a results file, with its timestamp, info and tasks)',
  detect: (record) => isTau2Simulation(record) || isEmptyResultsFile(record),
  convert: (record, context) =>
    isEmptyResultsFile(record) ? { ok: true, records: [] } : convertSimulation(record, context),
};

const DATASET = 'tau2';

function isTau2Simulation(record: Record<string, unknown>): boolean {
  return (
    isId(record.task_id) &&
    Array.isArray(record.messages) &&
    typeof record.termination_reason === 'string' &&
    hasAnyKey(record, ['reward_info', 'trial']) &&
    !hasAnyKey(record, ['steps', 'training_id', 'traj'])
  );
}

/** A whole results file with no simulations: `{timestamp, info: {environment_info, …}, tasks, simulations: []}`. */
function isEmptyResultsFile(record: Record<string, unknown>): boolean {
  return (
    Array.isArray(record.simulations) &&
    record.simulations.length === 0 &&
    Array.isArray(record.tasks) &&
    isObject(record.info) &&
    isObject(record.info.environment_info)
  );
}

function convertSimulation(simulation: Record<string, unknown>, context: ImportContext): ImportResult {
  if (!Array.isArray(simulation.messages)) return importError('messages', 'expected an array of messages');
  if (!isId(simulation.task_id)) return importError('task_id', 'expected a string or a number');
  const header = context.header ?? {};
  const info = isObject(header.info) ? header.info : {};
  const domain = domainOf(info);
  const agentModel = isObject(info.agent_info) ? stringOrNull(info.agent_info.llm) : null;
  const rewardInfo = isObject(simulation.reward_info) ? simulation.reward_info : {};
  const termination = terminationOf(simulation.termination_reason);
  const steps = chatSteps(simulation.messages, TAU2_CHAT);
  const record: NativeRecord = {
    training_id: trainingId(domain, agentModel, stringOrNull(header.timestamp)),
    dataset: DATASET,
    data_id: namespacedId(DATASET, domain ? `${domain}:${simulation.task_id}` : simulation.task_id),
    question: questionOf(findTask(header.tasks, simulation.task_id)),
    reward: numberOrNull(rewardInfo.reward),
    reward_components: numericRecord(rewardInfo.reward_breakdown),
    termination_reason: termination,
    sample_id: numberOrNull(simulation.trial),
    trajectory_id: stringOrNull(simulation.id),
    created_at: stringOrNull(simulation.start_time),
    agent_name: agentModel,
    metrics: {
      ...agentTokens(simulation.messages),
      latency_s: numberOrNull(simulation.duration),
      cost_usd: numberOrNull(simulation.agent_cost),
      truncated: TRUNCATED.has(termination) ? 1 : 0,
    },
    metadata: metadataOf(simulation, info, rewardInfo, domain),
    steps,
  };
  return { ok: true, records: [record] };
}

// ---------------------------------------------------------------------------------------------------------------
// Header: domain, task, question

function domainOf(info: Record<string, unknown>): string | null {
  return isObject(info.environment_info) ? stringOrNull(info.environment_info.domain_name) : null;
}

function trainingId(domain: string | null, model: string | null, timestamp: string | null): string | null {
  if (domain === null || model === null) return null;
  return ['tau2', domain, model, timestamp].filter((part) => part !== null).join('-');
}

function findTask(tasks: unknown, taskId: string | number): Record<string, unknown> | null {
  if (!Array.isArray(tasks)) return null;
  const found = tasks.find((task) => isObject(task) && String(task.id) === String(taskId));
  return isObject(found) ? found : null;
}

const INSTRUCTION_LABELS: [key: string, label: string][] = [
  ['reason_for_call', 'Reason for call'],
  ['known_info', 'Known info'],
  ['unknown_info', 'Unknown info'],
  ['task_instructions', 'Task instructions'],
];

/** The user's instructions as text: a string as is, structured ones as labelled paragraphs. */
function questionOf(task: Record<string, unknown> | null): string | null {
  if (task === null) return null;
  const scenario = isObject(task.user_scenario) ? task.user_scenario : {};
  const instructions = scenario.instructions;
  if (typeof instructions === 'string') return stringOrNull(instructions.trim());
  if (isObject(instructions)) {
    const known = new Set(['domain', ...INSTRUCTION_LABELS.map(([key]) => key)]);
    const labels = [
      ...INSTRUCTION_LABELS,
      ...Object.keys(instructions)
        .filter((key) => !known.has(key))
        .map((key): [string, string] => [key, key.replace(/_/g, ' ')]),
    ];
    const paragraphs = labels
      .filter(([key]) => typeof instructions[key] === 'string' && instructions[key].trim() !== '')
      .map(([key, label]) => `${label}:\n${(instructions[key] as string).trim()}`);
    if (paragraphs.length > 0) return paragraphs.join('\n\n');
  }
  return stringOrNull(task.ticket);
}

// ---------------------------------------------------------------------------------------------------------------
// Termination, metrics, metadata

const TERMINATIONS: Record<string, string> = {
  timeout: 'time_limit',
  context_window_exceeded: 'context_limit',
  too_many_errors: 'error',
  agent_error: 'error',
  user_error: 'error',
  infrastructure_error: 'error',
  unexpected_error: 'error',
};
const TRUNCATED = new Set(['max_steps', 'time_limit', 'context_limit']);

function terminationOf(reason: unknown): string {
  const text = typeof reason === 'string' ? reason : 'unknown';
  return TERMINATIONS[text] ?? text;
}

function agentTokens(messages: unknown[]): { prompt_tokens: number | null; response_tokens: number | null } {
  let prompt: number | null = null;
  let response: number | null = null;
  for (const message of messages) {
    if (!isObject(message) || message.role !== 'assistant' || !isObject(message.usage)) continue;
    const input = numberOrNull(message.usage.prompt_tokens);
    const output = numberOrNull(message.usage.completion_tokens);
    if (input !== null) prompt = (prompt ?? 0) + input;
    if (output !== null) response = (response ?? 0) + output;
  }
  return { prompt_tokens: prompt, response_tokens: response };
}

function numericRecord(value: unknown): Record<string, number> | null {
  if (!isObject(value)) return null;
  const out: Record<string, number> = {};
  for (const [key, entry] of Object.entries(value)) {
    const number = numberOrNull(entry);
    if (number !== null) out[key] = number;
  }
  return Object.keys(out).length > 0 ? out : null;
}

function metadataOf(
  simulation: Record<string, unknown>,
  info: Record<string, unknown>,
  rewardInfo: Record<string, unknown>,
  domain: string | null,
): Record<string, unknown> {
  const agent = isObject(info.agent_info) ? info.agent_info : {};
  const user = isObject(info.user_info) ? info.user_info : {};
  return compact({
    domain,
    agent_implementation: stringOrNull(agent.implementation),
    user_llm: stringOrNull(user.llm),
    user_cost_usd: numberOrNull(simulation.user_cost),
    seed: numberOrNull(simulation.seed),
    tau2_termination_reason: stringOrNull(simulation.termination_reason),
    db_match: isObject(rewardInfo.db_check) ? rewardInfo.db_check.db_match : null,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

/**
 * tau2's messages: flat calls (`name`, `arguments`) made by the agent or the simulated user, results answering the
 * call with their `id`, several of them in one message's `tool_messages`; the agent's tokens in `usage`.
 */
const TAU2_CHAT: ChatDialect = {
  call: (call) => ({ name: call.name, arguments: call.arguments }),
  results: (message) => {
    if (message.role !== 'tool') return null;
    return Array.isArray(message.tool_messages) ? message.tool_messages.filter(isObject) : [message];
  },
  resultId: (result) => stringOrNull(result.id) ?? stringOrNull(result.tool_call_id),
  resultError: (observation, result) =>
    result.error === true || /^error\b/i.test(observation.trim())
      ? clip(observation.trim() || 'error')
      : null,
  userCalls: true,
  tokens: (message) => (isObject(message.usage) ? numberOrNull(message.usage.completion_tokens) : null),
};
