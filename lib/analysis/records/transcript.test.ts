import { describe, expect, it } from 'vitest';
import type { Step } from '../../db/schema';
import { highlightSegments } from '../../chart-data/highlight';
import {
  firstDifference,
  firstDifferenceIn,
  firstErrorIn,
  firstErrorIndex,
  isErrorStep,
  matchingSteps,
  matchingStepsIn,
  stepDifference,
  stepMatches,
  wordMatcher,
} from './transcript';

const step = (overrides: Partial<Step> = {}): Step => ({
  step_id: 0,
  thought: null,
  action: 'search',
  action_input: { q: 'refund' },
  observation: 'ok',
  tool_status: 'success',
  process_reward: null,
  ...overrides,
});
const user = (content: string): Step =>
  step({ role: 'user', content, action: null, action_input: null, observation: null, tool_status: null });

describe('first error', () => {
  const steps = [
    user('Cancel my booking'),
    step(),
    // An error reported without a failed status (an importer keeps the message in `error`).
    step({ action: 'edit', error: 'no such file', tool_status: null }),
    step({ tool_status: 'error', observation: 'Error: not found' }),
  ];

  it('is the first failed call or step reporting an error', () => {
    expect(steps.map(isErrorStep)).toEqual([false, false, true, true]);
    expect(firstErrorIndex(steps)).toBe(2);
    expect(firstErrorIndex(steps.slice(3))).toBe(0);
    expect(firstErrorIndex(steps.slice(0, 2))).toBeNull();
    // A blank error message is no error.
    expect(isErrorStep({ error: '  ', tool_status: 'success' })).toBe(false);
  });

  it('is found in stored steps_json the same way, the word "error" inside a text being no error', () => {
    const quiet = step({ observation: '{"error": "looks like one"}', thought: 'error handling' });
    expect(firstErrorIn(JSON.stringify(steps))).toBe(2);
    expect(firstErrorIn(JSON.stringify([quiet, quiet, steps[3]]))).toBe(2);
    expect(firstErrorIn(JSON.stringify([quiet]))).toBeNull();
    expect(firstErrorIn(null)).toBeNull();
    expect(firstErrorIn('[{"action":"a","tool_status":"error"}')).toBe(0);
  });
});

describe('matching steps', () => {
  const steps = [
    step({
      role: 'system',
      content: 'Refunds take 5 days.',
      action: null,
      action_input: null,
      observation: null,
    }),
    user('Where is my refund?'),
    step({ action: 'lookup', action_input: { id: 'ABC', note: 'refund request' }, observation: '{}' }),
    step({ action: 'lookup', action_input: '{"id":"XYZ"}', observation: 'Refunded: no' }),
    step({ action: 'respond', content: 'REFUND sent', action_input: null, observation: null }),
    // "refund" is a key here, not a value: not marked, so no match.
    step({ action: 'lookup', action_input: { refund: 1 }, observation: 'x' }),
  ];

  it('are the steps holding a search word as a whole word, in any text the viewer marks', () => {
    expect(steps.map((s) => stepMatches(s, ['refund']))).toEqual([false, true, true, false, true, false]);
    expect(matchingSteps(steps, ['refund'])).toEqual({ steps: [1, 2, 4], capped: false });
    expect(matchingSteps(steps, ['refund', 'xyz'])).toEqual({ steps: [1, 2, 3, 4], capped: false });
    expect(matchingSteps(steps, ['refund'], 2)).toEqual({ steps: [1, 2], capped: true });
    expect(matchingSteps(steps, [])).toEqual({ steps: [], capped: false });
  });

  it('are found in stored steps_json the same way, escaped letters included', () => {
    const json = JSON.stringify(steps);
    expect(matchingStepsIn(json, ['refund'])).toEqual({ steps: [1, 2, 4], capped: false });
    expect(matchingStepsIn(json, ['refund'], 1)).toEqual({ steps: [1], capped: true });
    // A writer that escapes every non-ASCII letter: "Müller" stored as M\u00fcller.
    const escaped = '[{"action":"a","observation":"ok"},{"action":"b","observation":"M\\u00fcller"}]';
    expect(matchingStepsIn(escaped, ['müller'])).toEqual({ steps: [1], capped: false });
    expect(matchingStepsIn(null, ['x'])).toEqual({ steps: [], capped: false });
  });

  it('matches words by the rule the highlighting marks them', () => {
    const texts = ['refund', 'refunds', 'Refund!', 'pre-refund', 'refund_id', 'über refund', 'ÜBER'];
    for (const terms of [['refund'], ['über'], ['refund', 'über']]) {
      const matches = wordMatcher(terms)!;
      for (const text of texts)
        expect(matches(text), `${terms} in ${text}`).toBe(
          highlightSegments(text, terms).some((segment) => segment.match),
        );
    }
    expect(wordMatcher([])).toBeNull();
  });
});

describe('first difference of two step lists', () => {
  const base = [
    user('Book a flight'),
    step({ action: 'search', action_input: { from: 'JFK', to: 'SEA' }, observation: '3 flights' }),
    step({ action: 'respond', content: 'Which one?', action_input: null, observation: null }),
  ];

  it('is the first index where role, action, arguments, result or words differ', () => {
    expect(firstDifference(base, base)).toBeNull();
    expect(firstDifference(base, [user('Book a train'), ...base.slice(1)])).toEqual({
      index: 0,
      field: 'content',
    });
    expect(firstDifference(base, [base[0], step({ action: 'book' }), base[2]])).toEqual({
      index: 1,
      field: 'action',
    });
    const otherArgs = step({
      action: 'search',
      action_input: { from: 'JFK', to: 'LAX' },
      observation: '3 flights',
    });
    expect(firstDifference(base, [base[0], otherArgs])).toEqual({ index: 1, field: 'arguments' });
    const otherResult = { ...base[1], observation: '2 flights' };
    expect(firstDifference(base, [base[0], otherResult, base[2]])).toEqual({
      index: 1,
      field: 'observation',
    });
    expect(firstDifference(base, [base[0], user('hello'), base[2]])).toEqual({ index: 1, field: 'role' });
  });

  it('sees one list ending early as a difference at its end', () => {
    expect(firstDifference(base, base.slice(0, 2))).toEqual({ index: 2, field: 'missing' });
    expect(firstDifference([], base)).toEqual({ index: 0, field: 'missing' });
    expect(firstDifference([], [])).toBeNull();
  });

  it('ignores what does not change the conversation: thoughts, timings, key order, arguments stored as text', () => {
    const same = [
      base[0],
      {
        ...base[1],
        thought: 'Let me search',
        tokens: 41,
        latency_s: 1.5,
        step_id: 7,
        action_input: '{"to":"SEA","from":"JFK"}',
      },
      base[2],
    ];
    expect(firstDifference(base, same)).toBeNull();
    expect(stepDifference(step({ action_input: null }), step({ action_input: '' }))).toBeNull();
    expect(stepDifference(step({ content: '' }), step({ content: null }))).toBeNull();
  });

  it('is found in stored steps_json the same way, equal texts left unparsed', () => {
    const json = (steps: Partial<Step>[]) => JSON.stringify(steps);
    expect(firstDifferenceIn(json(base), json(base))).toBeNull();
    expect(firstDifferenceIn(json(base), json([base[0], step({ action: 'book' }), base[2]]))).toEqual({
      index: 1,
      field: 'action',
    });
    expect(firstDifferenceIn(json(base), json(base.slice(0, 1)))).toEqual({ index: 1, field: 'missing' });
    expect(
      firstDifferenceIn(json([{ ...base[1], tokens: 3 }]), json([{ ...base[1], tokens: 4 }])),
    ).toBeNull();
    expect(firstDifferenceIn(null, json(base))).toEqual({ index: 0, field: 'missing' });
    expect(firstDifferenceIn(null, null)).toBeNull();
  });
});
