import { describe, expect, it } from 'vitest';
import {
  differenceSummary,
  firstLine,
  lineCount,
  nextMatch,
  previousMatch,
  readableResult,
  showMoreLabel,
  stepOfHash,
  transcriptStep,
} from './transcript';

const call = {
  thought: null,
  action: 'get_user',
  action_input: { id: '' },
  observation: '{"name":{"first":"Mia"},"saved":[]}',
  tool_status: 'success' as const,
  process_reward: null,
};

describe('transcript steps', () => {
  it('indents a JSON tool result and leaves any other text as it is', () => {
    expect(readableResult('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(readableResult('  [1]')).toBe('[\n  1\n]');
    expect(readableResult('Error: {bad json')).toBe('Error: {bad json');
    expect(readableResult('{not json')).toBe('{not json');
    expect(readableResult('"a string"')).toBe('"a string"');
    expect(readableResult(null)).toBeNull();
  });

  it('is a call with its result indented, its cost when logged, and its error mark', () => {
    const view = transcriptStep({ ...call, tokens: 1234, latency_s: 0.5 });
    expect(view.call).toBe(true);
    expect(view.observation?.text).toBe('{\n  "name": {\n    "first": "Mia"\n  },\n  "saved": []\n}');
    expect(view.cost).toBe('1,234 tokens · 0.50 s');
    expect(view.failed).toBe(false);
    expect(transcriptStep({ ...call, tokens: 1 }).cost).toBe('1 token');
    expect(transcriptStep({ ...call, latency_s: 12.25 }).cost).toBe('12.3 s');
    expect(transcriptStep(call).cost).toBeNull();
    expect(transcriptStep({ ...call, tool_status: 'error' }).failed).toBe(true);
    expect(transcriptStep({ ...call, tool_status: null, error: 'timed out' }).failed).toBe(true);
  });

  it('keeps a reply a reply and a user turn a turn: their words are never re-indented', () => {
    const reply = transcriptStep({ ...call, action: 'respond', content: '{"a":1}', observation: null });
    expect([reply.call, reply.content?.text]).toEqual([false, '{"a":1}']);
    const turn = transcriptStep({ ...call, role: 'user', action: null, content: '[1]', observation: null });
    expect([turn.call, turn.role, turn.content?.text]).toEqual([false, 'user', '[1]']);
  });
});

describe('collapsed text', () => {
  it('counts lines', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('one')).toBe(1);
    expect(lineCount('one\ntwo\n')).toBe(3);
  });

  it('says how many lines the whole text has, or how many characters are hidden', () => {
    const lines = Array.from({ length: 412 }, (_, i) => `line ${i}`).join('\n');
    expect(showMoreLabel(lines, 200, lines.length)).toBe('Show all 412 lines');
    expect(showMoreLabel('x'.repeat(5000), 1500, 5000)).toBe('Show more (3,500 more characters)');
    // Only the head was sent: its line count is not the whole text's.
    expect(showMoreLabel(lines, 200, lines.length + 10)).toBe(
      `Show more (${(lines.length + 10 - 200).toLocaleString('en-US')} more characters)`,
    );
  });

  it('shows the first line with words of a system prompt', () => {
    expect(firstLine('\n\n  # Airline Agent Policy\n\nThe current time…')).toBe('# Airline Agent Policy');
    expect(firstLine('abcdef', 4)).toBe('abc…');
    expect(firstLine('')).toBe('');
  });
});

describe('match positions', () => {
  const matches = [3, 10, 250, 251, 900];

  it('next goes after the step last jumped to, or from the window start without one', () => {
    expect(nextMatch(matches, null, 0)).toBe(3);
    expect(nextMatch(matches, null, 200)).toBe(250);
    expect(nextMatch(matches, 3, 0)).toBe(10);
    expect(nextMatch(matches, 10, 0)).toBe(250);
    expect(nextMatch(matches, 251, 200)).toBe(900);
    expect(nextMatch(matches, 900, 800)).toBeNull();
    expect(nextMatch([], null, 0)).toBeNull();
  });

  it('previous goes before the step last jumped to, or before the window start without one', () => {
    expect(previousMatch(matches, 250, 200)).toBe(10);
    expect(previousMatch(matches, null, 200)).toBe(10);
    expect(previousMatch(matches, 900, 800)).toBe(251);
    expect(previousMatch(matches, 3, 0)).toBeNull();
    expect(previousMatch(matches, null, 0)).toBeNull();
  });

  it('reads the step an anchor names', () => {
    expect(stepOfHash('#step-14')).toBe(13);
    expect(stepOfHash('step-1')).toBe(0);
    expect(stepOfHash('#step-0')).toBeNull();
    expect(stepOfHash('#steps-3')).toBeNull();
    expect(stepOfHash('')).toBeNull();
  });
});

describe('difference summary', () => {
  it('says up to where two trajectories are identical, and what differs next', () => {
    expect(differenceSummary({ index: 13, field: 'arguments' }, 40)).toBe(
      'Identical up to step 13; step 14: different arguments.',
    );
    expect(differenceSummary({ index: 0, field: 'content' }, 40)).toBe(
      'They differ from step 1; step 1: different words.',
    );
    expect(differenceSummary({ index: 1999, field: 'missing' }, 2001)).toBe(
      'Identical up to step 1,999; step 2,000: only one of them has this step.',
    );
    expect(differenceSummary(null, 2000)).toBe('Identical over all 2,000 steps.');
    expect(differenceSummary(null, 0)).toBe('Both have no steps.');
  });
});
