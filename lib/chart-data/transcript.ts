import type { DifferenceField, StepDifference } from '@/lib/analysis/records/transcript';
import { isReplyAction } from '../step-actions';
import { formatInteger, formatMetric } from './format';
import { stepView, type StepFields, type StepView } from './step-view';

/** A stored step as the transcript reads it: the viewer's fields and, when logged, its tokens and latency. */
export interface TranscriptStepFields extends StepFields {
  tokens?: number | null;
  latency_s?: number | null;
}

/** One step of the transcript as sent to the browser. */
export interface TranscriptStepView extends StepView {
  /** A tool call: an agent step whose action is a tool (not a reply). */
  call: boolean;
  /** A failed call or a step reporting an error (marked, and where "first error" may jump). */
  failed: boolean;
  /** "312 tokens · 1.24 s" when the step logged either; null otherwise. */
  cost: string | null;
}

/** Results longer than this are shown as stored, never re-indented (parsing them would cost more than it helps). */
const PRETTY_LIMIT = 1_000_000;

/**
 * A tool result that is one JSON object or array (tau-bench's are a single line of thousands of characters) indented
 * two spaces, so it reads, and collapses by its lines; any other text as it is.
 */
export function readableResult(text: string | null): string | null {
  if (text === null || text.length > PRETTY_LIMIT) return text;
  const head = text.trimStart()[0];
  if (head !== '{' && head !== '[') return text;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? JSON.stringify(parsed, null, 2) : text;
  } catch {
    return text;
  }
}

/** The step as the transcript draws it: the step view, its tool result made readable, with its error mark and cost. */
export function transcriptStep(step: TranscriptStepFields): TranscriptStepView {
  const call =
    (step.role ?? 'assistant') === 'assistant' && step.action !== null && !isReplyAction(step.action);
  const result = call || step.role === 'tool';
  const view = stepView(result ? { ...step, observation: readableResult(step.observation) } : step);
  const parts = [
    typeof step.tokens === 'number' && Number.isFinite(step.tokens)
      ? `${formatInteger(step.tokens)} token${step.tokens === 1 ? '' : 's'}`
      : null,
    typeof step.latency_s === 'number' && Number.isFinite(step.latency_s)
      ? formatMetric('latency_s', step.latency_s)
      : null,
  ].filter((part): part is string => part !== null);
  return {
    ...view,
    call,
    failed: step.tool_status === 'error' || (typeof step.error === 'string' && step.error.trim() !== ''),
    cost: parts.length > 0 ? parts.join(' · ') : null,
  };
}

/** Lines of a text (a text without a line break is one line; the empty text none). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * What the button under a collapsed text says: its line count when the whole text is here and has several lines
 * ("Show all 412 lines"), else how many characters are hidden.
 */
export function showMoreLabel(text: string, previewLength: number, totalLength: number): string {
  const lines = lineCount(text);
  if (totalLength <= text.length && lines > 1) return `Show all ${formatInteger(lines)} lines`;
  return `Show more (${formatInteger(totalLength - previewLength)} more characters)`;
}

/** The first line of a text with words, cut to `max` characters: the one line a collapsed system turn shows. */
export function firstLine(text: string, max = 120): string {
  const line =
    text
      .split('\n')
      .map((part) => part.trim())
      .find((part) => part !== '') ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The match "next" goes to: the first matching step after `cursor` (the step last jumped to, 0-based), or without a
 * cursor the first at or after `windowFrom`; null past the last one. `matches` is sorted.
 */
export function nextMatch(
  matches: readonly number[],
  cursor: number | null,
  windowFrom: number,
): number | null {
  const found = matches.find((step) => (cursor === null ? step >= windowFrom : step > cursor));
  return found ?? null;
}

/**
 * The match "previous" goes to: the last matching step before `cursor`, or without a cursor the last before
 * `windowFrom`; null before the first one.
 */
export function previousMatch(
  matches: readonly number[],
  cursor: number | null,
  windowFrom: number,
): number | null {
  const bound = cursor ?? windowFrom;
  for (let i = matches.length - 1; i >= 0; i--) if (matches[i] < bound) return matches[i];
  return null;
}

/** The 0-based step an anchor `#step-N` names, or null. */
export function stepOfHash(hash: string): number | null {
  const found = /^#?step-(\d{1,10})$/.exec(hash);
  if (!found) return null;
  const step = Number(found[1]);
  return step >= 1 ? step - 1 : null;
}

const FIELD_WORDS: Record<DifferenceField, string> = {
  missing: 'only one of them has this step',
  role: 'a different speaker',
  action: 'a different action',
  arguments: 'different arguments',
  observation: 'a different result',
  content: 'different words',
};

/** How two trajectories compare, in one sentence: "Identical up to step 13; step 14 has different arguments." */
export function differenceSummary(difference: StepDifference | null, total: number): string {
  if (difference === null)
    return total === 0 ? 'Both have no steps.' : `Identical over all ${formatInteger(total)} steps.`;
  const step = difference.index + 1;
  const head =
    difference.index === 0
      ? 'They differ from step 1'
      : `Identical up to step ${formatInteger(difference.index)}`;
  return `${head}; step ${formatInteger(step)}: ${FIELD_WORDS[difference.field]}.`;
}
