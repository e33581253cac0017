import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveColumns, isToolCall, NON_TOOL_ACTIONS, stepText } from './derive';
import { detectFormat } from './detect';
import { normalizeRecord } from './normalize';
import { makeTrajectoryId, SampleIdCounter } from './trajectory-id';

const base = {
  training_id: 'run',
  epoch_id: 1,
  data_id: 'q',
  reward: 0.5,
  steps: [{ action: 'respond', observation: 'hi' }],
};

describe('envelope', () => {
  it('reports every bad field with a readable reason', () => {
    const result = normalizeRecord({
      training_id: '',
      epoch_id: 1.5,
      iteration_id: -1,
      sample_id: 2 ** 31,
      data_id: null,
      reward: 'abc',
      created_at: 'yesterday',
      agent_name: 3,
      steps: [],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'training_id', reason: 'must not be empty' },
        { field: 'epoch_id', reason: 'expected an integer, got number 1.5' },
        { field: 'iteration_id', reason: 'must be ≥ 0, got -1' },
        { field: 'sample_id', reason: 'must be ≤ 2147483647 (int32), got 2147483648' },
        { field: 'data_id', reason: 'expected a non-empty string or a number' },
        { field: 'reward', reason: 'expected a number, got the string "abc"' },
        { field: 'agent_name', reason: 'expected a string, got number 3' },
        { field: 'created_at', reason: 'expected an ISO 8601 date string or epoch milliseconds' },
      ],
    });
  });

  it('names missing required fields', () => {
    const result = normalizeRecord({ steps: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(['training_id', 'epoch_id', 'data_id', 'reward']);
    expect(result.errors[1].reason).toContain('--epoch-id');
    expect(result.errors[2].reason).toBe('is required');
  });

  it('rejects a record that is not an object', () => {
    expect(normalizeRecord([1, 2])).toEqual({
      ok: false,
      errors: [{ field: 'record', reason: 'expected a JSON object, got an array' }],
    });
  });

  it('reads created_at as ISO 8601 (zone-less = UTC) or epoch milliseconds', () => {
    const at = (created_at: unknown) => {
      const result = normalizeRecord({ ...base, created_at });
      return result.ok ? result.row.created_at?.toISOString() : result.errors;
    };
    expect(at('2024-05-15T15:00:00+02:00')).toBe('2024-05-15T13:00:00.000Z');
    expect(at('2024-05-15T15:00:00')).toBe('2024-05-15T15:00:00.000Z');
    expect(at('2024-05-15 15:00:00.250')).toBe('2024-05-15T15:00:00.250Z');
    expect(at('2024-05-15')).toBe('2024-05-15T00:00:00.000Z');
    expect(at(1715785200000)).toBe('2024-05-15T15:00:00.000Z');
    expect(at(null)).toBeUndefined();
  });

  it('lets trainingId / epochId options fill and override', () => {
    const result = normalizeRecord({ ...base, training_id: undefined }, { trainingId: 'cli', epochId: 9 });
    expect(result).toMatchObject({ ok: true, row: { training_id: 'cli', epoch_id: 9 } });
    expect(normalizeRecord(base, { trainingId: 'cli' })).toMatchObject({ row: { training_id: 'cli' } });
  });

  it('accepts numeric ids as strings and an explicit trajectory_id', () => {
    const result = normalizeRecord({ ...base, data_id: 42, trajectory_id: 7 });
    expect(result).toMatchObject({ ok: true, row: { data_id: '42', trajectory_id: '7' } });
  });

  it('derives the trajectory id from training, epoch, iteration, sample and data id', () => {
    const result = normalizeRecord({ ...base, iteration_id: 2, sample_id: 3 });
    expect(result).toMatchObject({
      ok: true,
      row: {
        trajectory_id: makeTrajectoryId({
          training_id: 'run',
          epoch_id: 1,
          iteration_id: 2,
          sample_id: 3,
          data_id: 'q',
        }),
      },
    });
  });

  it('keeps the sample slot of a rejected record', () => {
    const counter = new SampleIdCounter();
    expect(normalizeRecord({ ...base, reward: 'bad' }, { sampleIds: counter }).ok).toBe(false);
    expect(normalizeRecord(base, { sampleIds: counter })).toMatchObject({ row: { sample_id: 1 } });
    expect(normalizeRecord({ ...base, data_id: 'other' }, { sampleIds: counter })).toMatchObject({
      row: { sample_id: 0 },
    });
    // An explicit sample_id does not use a slot.
    expect(normalizeRecord({ ...base, sample_id: 7 }, { sampleIds: counter })).toMatchObject({
      row: { sample_id: 7 },
    });
    expect(normalizeRecord(base, { sampleIds: counter })).toMatchObject({ row: { sample_id: 2 } });
  });
});

describe('makeTrajectoryId', () => {
  it('is sha1 of the key joined by | (t_ + 24 hex)', () => {
    const id = makeTrajectoryId({
      training_id: 'run',
      epoch_id: 1,
      iteration_id: 0,
      sample_id: 0,
      data_id: 'q',
    });
    expect(id).toBe(`t_${createHash('sha1').update('run|1|0|0|q').digest('hex').slice(0, 24)}`);
    expect(id).toBe(
      makeTrajectoryId({ training_id: 'run', epoch_id: 1, iteration_id: 0, sample_id: 0, data_id: 'q' }),
    );
    expect(id).not.toBe(
      makeTrajectoryId({ training_id: 'run', epoch_id: 1, iteration_id: 0, sample_id: 1, data_id: 'q' }),
    );
  });
});

describe('detectFormat', () => {
  it('detects each body and refuses none or two', () => {
    expect(detectFormat({ steps: [] })).toEqual({ ok: true, format: 'steps' });
    expect(detectFormat({ messages: [] })).toEqual({ ok: true, format: 'messages' });
    expect(detectFormat({ input: 'a', output: 'b', score: 1 })).toEqual({ ok: true, format: 'verl' });
    expect(detectFormat({ input: 'a', output: 'b' })).toMatchObject({ ok: false, error: { field: 'steps' } });
    expect(detectFormat({ steps: [], messages: [] })).toMatchObject({
      ok: false,
      error: { field: 'messages' },
    });
    expect(detectFormat({ steps: [], messages: [] }, 'messages')).toEqual({ ok: true, format: 'messages' });
  });

  it('reports a missing forced body under its name', () => {
    expect(normalizeRecord({ ...base, steps: undefined }, { format: 'steps' })).toEqual({
      ok: false,
      errors: [{ field: 'steps', reason: 'is required' }],
    });
    expect(normalizeRecord(base, { format: 'messages' })).toEqual({
      ok: false,
      errors: [{ field: 'messages', reason: 'is required' }],
    });
  });
});

describe('deriveColumns', () => {
  const step = (
    action: string,
    tool_status: 'success' | 'error' | null = null,
    process_reward: number | null = null,
  ) => ({
    step_id: 0,
    thought: null,
    action,
    action_input: null,
    observation: null,
    tool_status,
    process_reward,
  });

  it('treats only the answer actions as non-tool steps', () => {
    expect(NON_TOOL_ACTIONS).toEqual(['respond', 'final_answer', 'answer', 'finish']);
    for (const action of ['respond', 'FINAL_ANSWER', 'Answer', 'finish'])
      expect(isToolCall({ action })).toBe(false);
    expect(isToolCall({ action: 'transfer_to_human_agents' })).toBe(true);
  });

  it('counts calls and failures, distinct sorted tools, aligned call lists and the process reward mean', () => {
    expect(
      deriveColumns([
        step('search', 'error', 1),
        step('calc', 'success'),
        step('search', 'success', 0),
        step('book', 'error', 0.5),
        step('respond', 'error'),
      ]),
    ).toEqual({
      step_count: 5,
      turn_count: 5,
      tool_call_count: 4,
      tool_error_count: 2,
      tools_used: ['book', 'calc', 'search'],
      tools_failed: ['book', 'search'],
      tool_call_names: ['search', 'calc', 'search', 'book'],
      tool_call_failed: [true, false, false, true],
      process_reward_mean: 0.5,
      step_text: 'search\ncalc\nsearch\nbook\nrespond',
      // No observation or message on these failed calls: empty fingerprints, one per failed call.
      error_fingerprints: ['', ''],
      // No call repeats the one before it; the reply at the end has no words: an empty answer.
      repeated_call_run: 1,
      final_answer_chars: 0,
      final_repeat_share: null,
      final_answer_fingerprint: '',
    });
  });

  it("counts the agent's actions as steps and every turn as a turn, and fingerprints failed calls", () => {
    const derived = deriveColumns([
      { ...step('respond', null), action: null, role: 'system', content: 'Be kind.' },
      { ...step('respond', null), action: null, role: 'user', content: 'Find booking ABC123.' },
      { ...step('lookup', 'error'), error: 'booking ABC123 not found' },
      { ...step('lookup', 'error'), observation: 'Error: booking XYZ999 not found' },
      { ...step('respond', null), content: 'Sorry.' },
      { ...step('respond', null), action: null, role: 'tool', observation: 'late result' },
    ]);
    expect(derived).toMatchObject({
      step_count: 3,
      turn_count: 6,
      tool_call_count: 2,
      tool_error_count: 2,
      error_fingerprints: ['booking <id> not found', 'Error: booking <id> not found'],
    });
    expect((derived.step_text ?? '').split('\n')).toEqual([
      'Be kind.',
      'Find booking ABC123.',
      'lookup booking ABC123 not found',
      'lookup Error: booking XYZ999 not found',
      'Sorry. respond',
      'late result',
    ]);
    expect(deriveColumns([])).toMatchObject({
      step_count: 0,
      process_reward_mean: null,
      tools_used: [],
      step_text: '',
    });
  });

  it('writes the step text as a reader sees it: thought, tool, argument values, observation; no key names', () => {
    const text = stepText([
      {
        ...step('search'),
        thought: 'Look it up.',
        action_input: {
          query: 'capital of France',
          filters: { lang: 'en', top: 3, exact: true },
          tags: ['a', null],
        },
        observation: 'Paris',
      },
      { ...step('respond'), action_input: 'It is Paris.' },
    ]);
    expect(text).toBe('Look it up. search capital of France en 3 true a Paris\nrespond It is Paris.');
    expect(text).not.toMatch(/query|filters|observation|action/);
  });
});
