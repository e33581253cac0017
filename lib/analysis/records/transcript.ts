import { roleOf, type Step } from '../../db/schema';
import { parseStep, stepTexts } from './steps-window';

/**
 * What the transcript viewer asks of a trajectory's steps beyond one window: where the first error is, which steps
 * hold the words of a search, and where two trajectories first differ. Pure functions over parsed steps, and their
 * streaming forms over a stored steps_json that parse only the steps that can matter.
 */

/** A failed call or a step that reports an error: what "first error" jumps to. */
export function isErrorStep(step: Partial<Pick<Step, 'tool_status' | 'error'>>): boolean {
  return step.tool_status === 'error' || (typeof step.error === 'string' && step.error.trim() !== '');
}

/** 0-based position of the first error step, or null when no step failed. */
export function firstErrorIndex(steps: readonly Step[]): number | null {
  const index = steps.findIndex(isErrorStep);
  return index < 0 ? null : index;
}

/**
 * The first error step of a stored steps_json. Only steps whose text holds `"error"` (the value of `tool_status` or
 * the `error` key; inside a string the quotes are escaped) are parsed, and the scan stops at the first error.
 */
export function firstErrorIn(stepsJson: unknown): number | null {
  let index = 0;
  for (const text of stepTexts(stepsJson)) {
    if (text.includes('"error"')) {
      const step = parseStep(text);
      if (step === undefined) return null;
      if (isErrorStep(step)) return index;
    }
    index++;
  }
  return null;
}

/** The texts of a step a search is matched in (and the viewer marks): its words, call, arguments and result. */
export function stepSearchTexts(step: Partial<Step>): string[] {
  const texts: string[] = [];
  for (const text of [step.action, step.content, step.thought, step.observation, step.error])
    if (typeof text === 'string' && text !== '') texts.push(text);
  collectStrings(unpackArguments(step.action_input), texts);
  return texts;
}

/** Tool arguments as the viewer draws them: a string holding a JSON object or array unpacked. */
function unpackArguments(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    const parsed: unknown = JSON.parse(input);
    return typeof parsed === 'object' && parsed !== null ? parsed : input;
  } catch {
    return input;
  }
}

/** The string values of a JSON value (not its keys), depth first. */
function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') {
    if (value !== '') into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectStrings(item, into);
  }
}

/**
 * A test of whether a text holds one of the search words as a whole word, case-insensitively: the rule
 * lib/chart-data/highlight.ts marks words by (its test checks the two agree). Null when there are no words.
 */
export function wordMatcher(terms: readonly string[]): ((text: string) => boolean) | null {
  const words = terms.filter((term) => term !== '');
  if (words.length === 0) return null;
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  return (text) => pattern.test(text);
}

/** Whether a step holds one of the search words (none: false). */
export function stepMatches(step: Partial<Step>, terms: readonly string[]): boolean {
  const matches = wordMatcher(terms);
  return matches !== null && stepSearchTexts(step).some(matches);
}

/** At most this many matching steps are listed; the viewer says "1,000+" past it. */
export const MATCH_LIMIT = 1000;

/** The steps of a trajectory holding a search word, 0-based, at most `limit`; `capped` when there were more. */
export interface StepMatches {
  steps: number[];
  capped: boolean;
}

/** 0-based positions of the steps holding one of the search words. */
export function matchingSteps(
  steps: readonly Partial<Step>[],
  terms: readonly string[],
  limit = MATCH_LIMIT,
): StepMatches {
  const out: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    if (!stepMatches(steps[i], terms)) continue;
    if (out.length === limit) return { steps: out, capped: true };
    out.push(i);
  }
  return { steps: out, capped: false };
}

/**
 * The steps of a stored steps_json holding one of the search words. A step's text is parsed only when its raw JSON
 * holds one of the words (lowercased) or an escape (`\u…`) that could hide one.
 */
export function matchingStepsIn(
  stepsJson: unknown,
  terms: readonly string[],
  limit = MATCH_LIMIT,
): StepMatches {
  const words = terms.filter((term) => term !== '').map((term) => term.toLowerCase());
  const matches = wordMatcher(words);
  const out: number[] = [];
  if (matches === null) return { steps: out, capped: false };
  let index = 0;
  for (const text of stepTexts(stepsJson)) {
    const raw = text.toLowerCase();
    if (raw.includes('\\u') || words.some((word) => raw.includes(word))) {
      const step = parseStep(text);
      if (step === undefined) break;
      if (stepSearchTexts(step).some(matches)) {
        if (out.length === limit) return { steps: out, capped: true };
        out.push(index);
      }
    }
    index++;
  }
  return { steps: out, capped: false };
}

/** What differs between two steps at the same position: the first of these, in this order. */
export type DifferenceField = 'missing' | 'role' | 'action' | 'arguments' | 'observation' | 'content';

/** The first position where two trajectories differ (0-based), and in what. */
export interface StepDifference {
  index: number;
  field: DifferenceField;
}

/** JSON with object keys sorted, so that two equal values read the same whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A step's arguments, comparable: null when it has none, a JSON object or array whatever its key order. */
function argumentsKey(input: unknown): string | null {
  if (input === null || input === undefined || input === '') return null;
  return canonicalJson(unpackArguments(input));
}

/**
 * How two steps at the same position differ: their role, action (the tool called), arguments, observation (the
 * tool's result) and, for turns and replies, their words; null when they agree on all of these (thoughts, token
 * counts and timings may still differ). A missing step differs from any step.
 */
export function stepDifference(
  a: Partial<Step> | undefined,
  b: Partial<Step> | undefined,
): DifferenceField | null {
  if (a === undefined || b === undefined) return a === b ? null : 'missing';
  if (roleOf(a) !== roleOf(b)) return 'role';
  if ((a.action ?? null) !== (b.action ?? null)) return 'action';
  if (argumentsKey(a.action_input) !== argumentsKey(b.action_input)) return 'arguments';
  if ((a.observation ?? null) !== (b.observation ?? null)) return 'observation';
  if ((a.content || null) !== (b.content || null)) return 'content';
  return null;
}

/** Where two lists of steps first differ (step i beside step i); null when they are the same length and agree. */
export function firstDifference(
  a: readonly Partial<Step>[],
  b: readonly Partial<Step>[],
): StepDifference | null {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const field = stepDifference(a[i], b[i]);
    if (field !== null) return { index: i, field };
  }
  return null;
}

/**
 * `firstDifference` of two stored steps_json texts, read side by side: steps whose texts are equal are not parsed,
 * and the scan stops at the first difference. A step that does not parse ends its list there.
 */
export function firstDifferenceIn(aJson: unknown, bJson: unknown): StepDifference | null {
  const a = stepTexts(aJson);
  const b = stepTexts(bJson);
  for (let index = 0; ; index++) {
    const nextA = a.next();
    const nextB = b.next();
    if (nextA.done && nextB.done) return null;
    if (!nextA.done && !nextB.done && nextA.value === nextB.value) continue;
    const stepA = nextA.done ? undefined : parseStep(nextA.value);
    const stepB = nextB.done ? undefined : parseStep(nextB.value);
    const field = stepDifference(stepA, stepB);
    if (field !== null) return { index, field };
    if (stepA === undefined) return null;
  }
}
