import type { DerivedColumnName } from '../db/columns';
import { roleOf, type Step, type TrajectoryRow } from '../db/schema';
import { errorFingerprint } from './error-fingerprint';
import { isReplyAction, NON_TOOL_ACTIONS } from '../step-actions';

export { NON_TOOL_ACTIONS };

/** The agent's actions: assistant steps (and steps stored before roles existed) that have an action. */
export function isAgentAction(
  step: Pick<Step, 'action' | 'role'>,
): step is Pick<Step, 'role'> & { action: string } {
  return roleOf(step) === 'assistant' && step.action !== null && step.action !== undefined;
}

export function isToolCall(step: Pick<Step, 'action' | 'role'>): boolean {
  return isAgentAction(step) && !isReplyAction(step.action);
}

/** What a failed call's error says: its message, else its observation. */
export function errorMessage(step: Pick<Step, 'error' | 'observation'>): string {
  return step.error || step.observation || '';
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
  const fingerprints: string[] = [];
  let actions = 0;
  let rewardSum = 0;
  let rewardCount = 0;
  for (const step of steps) {
    if (step.process_reward !== null && step.process_reward !== undefined) {
      rewardSum += step.process_reward;
      rewardCount += 1;
    }
    if (isAgentAction(step)) actions += 1;
    if (!isToolCall(step)) continue;
    const action = step.action as string;
    const isError = step.tool_status === 'error';
    names.push(action);
    failed.push(isError);
    used.add(action);
    if (isError) {
      failedTools.add(action);
      fingerprints.push(errorFingerprint(errorMessage(step)));
    }
  }
  return {
    step_count: actions,
    turn_count: steps.length,
    error_fingerprints: fingerprints,
    tool_call_count: names.length,
    tool_error_count: failed.filter(Boolean).length,
    tools_used: [...used].sort(),
    tools_failed: [...failedTools].sort(),
    tool_call_names: names,
    tool_call_failed: failed,
    process_reward_mean: rewardCount === 0 ? null : rewardSum / rewardCount,
    step_text: stepText(steps),
    ...answerColumns(steps),
  };
}

/** The columns describing how the agent acted and answered: repeated calls and its final answer. */
function answerColumns(
  steps: readonly Step[],
): Pick<
  DerivedColumns,
  'repeated_call_run' | 'final_answer_chars' | 'final_repeat_share' | 'final_answer_fingerprint'
> {
  const answer = finalAnswer(steps);
  return {
    repeated_call_run: longestRepeatedCallRun(steps),
    final_answer_chars: answer === null ? null : characterCount(answer),
    final_repeat_share: answer === null ? null : repeatedNgramShare(answer),
    final_answer_fingerprint: finalAnswerFingerprint(answer),
  };
}

/** `final_answer_fingerprint`: the answer's `errorFingerprint`; '' without a final answer (null) or for an empty one. */
export function finalAnswerFingerprint(answer: string | null): string {
  return answer === null ? '' : errorFingerprint(answer);
}

/**
 * Whether a step is the agent's reply rather than a call: an assistant step whose action is a reply action
 * (`isReplyAction`), or an assistant step with content and no action.
 */
export function isReply(step: Pick<Step, 'action' | 'role' | 'content'>): boolean {
  if (roleOf(step) !== 'assistant') return false;
  if (step.action === null || step.action === undefined)
    return step.content !== null && step.content !== undefined;
  return isReplyAction(step.action);
}

/** `value` with the keys of every object sorted (arrays keep their order); other values unchanged. */
function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, withSortedKeys(object[key])]),
  );
}

/**
 * A JSON value in one spelling whatever its key order: object keys sorted at every depth, so `{a:1,b:2}` and
 * `{b:2,a:1}` give the same string. A missing value is `null`.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(withSortedKeys(value ?? null)) ?? 'null';
}

/** What makes two tool calls the same call: the tool and its arguments in canonical JSON. */
function callKey(step: Pick<Step, 'action' | 'action_input'>): string {
  return `${step.action}\u0000${canonicalJson(step.action_input)}`;
}

/**
 * `repeated_call_run`: the length of the longest run of consecutive identical tool calls (`isToolCall` steps with the
 * same action and the same arguments, compared by `canonicalJson`). Steps that are neither calls nor replies (user,
 * system and tool turns) do not break a run; a reply (`isReply`) does. 0 without tool calls, 1 when no call repeats
 * the one before it.
 */
export function longestRepeatedCallRun(steps: readonly Step[]): number {
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const step of steps) {
    if (isToolCall(step)) {
      const key = callKey(step);
      run = key === previous ? run + 1 : 1;
      previous = key;
      longest = Math.max(longest, run);
    } else if (isReply(step)) {
      run = 0;
      previous = null;
    }
  }
  return longest;
}

/**
 * The words of a reply: its `content`; for a reply stored before steps had `content` (no content, no tool status),
 * its `observation`, where those kept the agent's words (as the step viewer reads them); else the values of its
 * `action_input` (`final_answer("4")`, `Finish[maybe]`), space-separated. '' when it has none of them.
 */
export function replyText(
  step: Pick<Step, 'content' | 'observation' | 'tool_status' | 'action_input'>,
): string {
  if (step.content) return step.content;
  if (step.tool_status === null && step.observation) return step.observation;
  const words: string[] = [];
  argumentWords(step.action_input, words);
  return words.join(' ');
}

/**
 * The agent's final answer, trimmed: the words (`replyText`) of the last assistant step when that step is a reply
 * (`isReply`). Null when the last assistant step is anything else (a tool call) or there is no assistant step: no
 * final answer, which is not the same as an empty one ('').
 */
export function finalAnswer(steps: readonly Step[]): string | null {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (roleOf(step) !== 'assistant') continue;
    return isReply(step) ? replyText(step).trim() : null;
  }
  return null;
}

/** How many characters (Unicode code points, so an emoji is one) `text` has. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += text.codePointAt(i)! > 0xffff ? 2 : 1) count += 1;
  return count;
}

/** Words of `final_repeat_share`: `text` lowercased, split on everything that is not a letter, mark or digit. */
export function answerWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Fewest words an answer needs for `final_repeat_share` (fewer: null). */
export const REPEAT_SHARE_MIN_WORDS = 8;

/** Words per n-gram of `final_repeat_share`. */
const NGRAM = 4;

/**
 * `final_repeat_share`: of the word 4-grams of `text` (`answerWords`), the share (0..1) that already occurred earlier
 * in it; null below `REPEAT_SHARE_MIN_WORDS` words. "a b c d a b c d a b c d": 9 4-grams, the 5th to the 9th repeat
 * earlier ones, 5/9.
 */
export function repeatedNgramShare(text: string): number | null {
  const words = answerWords(text);
  if (words.length < REPEAT_SHARE_MIN_WORDS) return null;
  const seen = new Set<string>();
  let repeats = 0;
  const count = words.length - NGRAM + 1;
  for (let i = 0; i < count; i++) {
    const gram = words.slice(i, i + NGRAM).join(' ');
    if (seen.has(gram)) repeats += 1;
    else seen.add(gram);
  }
  return repeats / count;
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
 * The text `q` searches: per step, its words (a turn's content), thought, the tool called, the argument values, the
 * observation and the error, one step a line. Key names (`observation`, `action`, …) are not in it, so they match only
 * where someone wrote them.
 */
export function stepText(steps: readonly Step[]): string {
  return steps
    .map((step) => {
      const words: string[] = [];
      if (step.content) words.push(step.content);
      if (step.thought) words.push(step.thought);
      if (step.action) words.push(step.action);
      argumentWords(step.action_input, words);
      if (step.observation) words.push(step.observation);
      if (step.error && step.error !== step.observation) words.push(step.error);
      return words.join(' ');
    })
    .join('\n');
}
