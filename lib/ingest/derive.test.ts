import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INT_NULL, scanTable } from '../analysis/scan/scan';
import type { Step } from '../db/schema';
import { tempDb, type TempDb } from '../test-support/fixture';
import {
  answerWords,
  canonicalJson,
  characterCount,
  deriveColumns,
  finalAnswer,
  longestRepeatedCallRun,
  repeatedNgramShare,
} from './derive';
import { ingestText } from './ingest';
import { openTable, readBack } from './test-db';

/** An agent step: a tool call, or a reply when `action` is a reply action. */
const call = (action: string, action_input: unknown = null, extra: Partial<Step> = {}): Step => ({
  step_id: 0,
  thought: null,
  action,
  action_input,
  observation: null,
  tool_status: null,
  process_reward: null,
  ...extra,
});
const reply = (content: string | null, extra: Partial<Step> = {}): Step =>
  call('respond', null, { content, ...extra });
/** A user, system or tool turn. */
const turn = (role: 'user' | 'system' | 'tool', text: string): Step => ({
  ...call('x'),
  action: null,
  role,
  ...(role === 'tool' ? { observation: text } : { content: text }),
});

describe('repeated_call_run', () => {
  it('is the longest run of the same tool with the same arguments', () => {
    const search = (q: string) => call('search', { q });
    expect(
      longestRepeatedCallRun([search('a'), search('a'), search('b'), search('b'), search('b'), search('a')]),
    ).toBe(3);
  });

  it('is broken by a reply, not by user, system or tool turns between the calls', () => {
    const lookup = call('lookup', { id: 7 });
    // Without the reply the four calls would be one run of 4.
    expect(longestRepeatedCallRun([lookup, lookup, reply('Still looking.'), lookup, lookup])).toBe(2);
    expect(
      longestRepeatedCallRun([
        lookup,
        turn('tool', 'late result'),
        lookup,
        turn('user', 'again?'),
        turn('system', 'Be brief.'),
        lookup,
      ]),
    ).toBe(3);
    // Any reply action breaks it (case ignored), and so does an assistant step with content and no action.
    expect(longestRepeatedCallRun([lookup, call('Final_Answer', '7'), lookup])).toBe(1);
    expect(longestRepeatedCallRun([lookup, { ...reply('ok'), action: null }, lookup])).toBe(1);
  });

  it('compares arguments whatever their key order, at every depth; values, array order and the tool count', () => {
    const a = call('book', { seat: '4A', flight: { date: '2024-05-20', no: 'HAT1' } });
    const sameInOtherOrder = call('book', { flight: { no: 'HAT1', date: '2024-05-20' }, seat: '4A' });
    expect(longestRepeatedCallRun([a, sameInOtherOrder])).toBe(2);
    expect(
      longestRepeatedCallRun([a, call('book', { seat: '4B', flight: { date: '2024-05-20', no: 'HAT1' } })]),
    ).toBe(1);
    expect(longestRepeatedCallRun([call('f', [1, 2]), call('f', [2, 1])])).toBe(1);
    expect(longestRepeatedCallRun([call('f', { x: 1 }), call('g', { x: 1 })])).toBe(1);
    // A missing argument and null are the same; a string is not the object it might encode.
    expect(longestRepeatedCallRun([call('clock', undefined), call('clock', null)])).toBe(2);
    expect(longestRepeatedCallRun([call('f', '{"x":1}'), call('f', { x: 1 })])).toBe(1);
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });

  it('is 0 without tool calls and 1 when calls never repeat', () => {
    expect(longestRepeatedCallRun([])).toBe(0);
    expect(longestRepeatedCallRun([turn('user', 'hi'), reply('hello'), reply('bye')])).toBe(0);
    expect(longestRepeatedCallRun([call('a'), call('b'), call('a')])).toBe(1);
  });
});

describe('the final answer (final_answer_chars)', () => {
  const chars = (steps: Step[]) => deriveColumns(steps).final_answer_chars;

  it('counts the trimmed words of the last assistant step when it is a reply, turns after it aside', () => {
    expect(chars([turn('user', 'Capital of France?'), call('search'), reply('  Paris.\n')])).toBe(6);
    expect(chars([call('search'), reply('It is Paris.'), turn('user', 'thanks')])).toBe(12);
    // An assistant step with content and no action is a reply.
    expect(chars([{ ...reply('Done.'), action: null, role: 'assistant' }])).toBe(5);
  });

  it('is 0 for an empty answer and null for no answer: last assistant step a call, or no assistant step', () => {
    expect(chars([turn('user', 'hi'), reply('')])).toBe(0);
    expect(chars([reply('   \n')])).toBe(0);
    expect(chars([reply(null)])).toBe(0);
    expect(chars([reply('Let me check.'), call('search', { q: 'x' })])).toBeNull();
    expect(chars([reply('Let me check.'), call('search'), turn('tool', 'result')])).toBeNull();
    expect(chars([turn('system', 'Be brief.'), turn('user', 'hi')])).toBeNull();
    expect(chars([])).toBeNull();
  });

  it("reads a reply's words where older logs kept them: the observation, else the argument values", () => {
    // Replies stored before steps had `content` kept their words in the observation.
    expect(finalAnswer([reply(null, { observation: 'I don\u2019t know.' })])).toBe('I don\u2019t know.');
    expect(finalAnswer([call('Finish', 'maybe')])).toBe('maybe');
    expect(finalAnswer([call('final_answer', { answer: 4 })])).toBe('4');
    // `content` wins over both.
    expect(finalAnswer([call('respond', 'x', { content: 'y', observation: 'z' })])).toBe('y');
  });

  it('counts characters as code points', () => {
    expect(characterCount('é🙂')).toBe(2);
    expect(chars([reply(' 東京 🙂 ')])).toBe(4);
  });
});

describe('final_answer_fingerprint', () => {
  const print = (steps: Step[]) => deriveColumns(steps).final_answer_fingerprint;

  it("is the answer's first line with its particulars as placeholders, so answers that differ by them group", () => {
    expect(print([reply('I cannot find reservation ABC123.\nSorry.')])).toBe(
      'I cannot find reservation <id>.',
    );
    expect(print([reply('I cannot find reservation XYZ999.')])).toBe('I cannot find reservation <id>.');
    expect(print([reply('The answer is 42')])).toBe('The answer is <num>');
  });

  it("is '' without a final answer and for an empty one (final_answer_chars tells them apart)", () => {
    expect(print([reply('Let me check.'), call('search')])).toBe('');
    expect(print([])).toBe('');
    expect(print([reply('  ')])).toBe('');
  });
});

describe('final_repeat_share', () => {
  it('is the share of word 4-grams that occurred earlier in the answer: 5/9 for "a b c d" three times', () => {
    expect(repeatedNgramShare('a b c d a b c d a b c d')).toBeCloseTo(5 / 9, 15);
    expect(deriveColumns([reply('a b c d a b c d a b c d')]).final_repeat_share).toBeCloseTo(5 / 9, 15);
  });

  it('lowercases and splits on whitespace and punctuation', () => {
    expect(answerWords("The CAT sat.\nthe cat's mat!")).toEqual([
      'the',
      'cat',
      'sat',
      'the',
      'cat',
      's',
      'mat',
    ]);
    // the cat sat the cat sat the cat sat the cat: 11 words, 8 4-grams, the last 5 repeat the first 3.
    expect(repeatedNgramShare('The cat sat. the CAT sat! the cat sat, the cat')).toBeCloseTo(5 / 8, 15);
    expect(repeatedNgramShare('one two three four five six seven eight')).toBe(0);
  });

  it('is null below 8 words and without a final answer', () => {
    expect(repeatedNgramShare('a b c d a b c')).toBeNull();
    expect(repeatedNgramShare('a b c d a b c d')).toBeCloseTo(1 / 5, 15);
    expect(deriveColumns([reply('')]).final_repeat_share).toBeNull();
    expect(deriveColumns([reply('a b c d a b c d'), call('search')]).final_repeat_share).toBeNull();
  });
});

describe('the derived answer columns in a LanceDB table', () => {
  let db: TempDb;
  beforeEach(() => {
    db = tempDb();
  });
  afterEach(() => db.cleanup());

  const record = (data_id: string, steps: unknown[]) => ({
    training_id: 'run',
    epoch_id: 0,
    data_id,
    reward: 1,
    steps,
  });

  it('are written by the ingest and read back, by a query and by the scan', async () => {
    const records = [
      // Three identical calls (keys in another order), a tool turn between two of them, a looping answer.
      record('loop', [
        { role: 'user', content: 'Where is my bag?' },
        { action: 'track', action_input: { bag: 'B1', airline: 'HA' } },
        { role: 'tool', observation: 'unknown' },
        { action: 'track', action_input: { airline: 'HA', bag: 'B1' } },
        { action: 'track', action_input: { bag: 'B1', airline: 'HA' } },
        { action: 'respond', content: 'a b c d a b c d a b c d' },
      ]),
      // A run broken by a reply; the last agent step is a call: no final answer.
      record('unfinished', [
        { action: 'search', action_input: 'x' },
        { action: 'respond', content: 'Hold on.' },
        { action: 'search', action_input: 'x', error: 'timeout' },
      ]),
      // No tool call, an empty reply.
      record('empty', [
        { role: 'user', content: 'hi' },
        { action: 'respond', content: '' },
      ]),
    ];
    const summary = await ingestText(records.map((r) => JSON.stringify(r)).join('\n'), { db: db.config });
    expect(summary).toMatchObject({ inserted: 3, rejected: 0 });
    const table = await openTable(db.config);
    const columns = [
      'data_id',
      'repeated_call_run',
      'final_answer_chars',
      'final_repeat_share',
      'error_fingerprints',
      'final_answer_fingerprint',
    ];
    const rows = (await readBack(table, columns)).sort((a, b) =>
      String(a.data_id).localeCompare(String(b.data_id)),
    );
    expect(rows).toEqual([
      {
        data_id: 'empty',
        repeated_call_run: 0,
        final_answer_chars: 0,
        final_repeat_share: null,
        error_fingerprints: [],
        final_answer_fingerprint: '',
      },
      {
        data_id: 'loop',
        repeated_call_run: 3,
        final_answer_chars: 23,
        final_repeat_share: 5 / 9,
        error_fingerprints: [],
        final_answer_fingerprint: 'a b c d a b c d a b c d',
      },
      {
        data_id: 'unfinished',
        repeated_call_run: 1,
        final_answer_chars: null,
        final_repeat_share: null,
        error_fingerprints: ['timeout'],
        final_answer_fingerprint: '',
      },
    ]);

    // The scan holds a null int as INT_NULL, a null float as NaN, and reads the on-demand list.
    const scan = await scanTable(table, {
      columns: [
        'data_id',
        'repeated_call_run',
        'final_answer_chars',
        'final_repeat_share',
        'error_fingerprints',
      ],
    });
    const ids = scan.strings.data_id!;
    const at = (id: string) => Array.from(ids.codes).findIndex((code) => ids.values[code] === id);
    const [loop, unfinished, empty] = ['loop', 'unfinished', 'empty'].map(at);
    expect([loop, unfinished, empty].every((i) => i >= 0)).toBe(true);
    expect([loop, unfinished, empty].map((i) => scan.ints.repeated_call_run![i])).toEqual([3, 1, 0]);
    expect([loop, unfinished, empty].map((i) => scan.ints.final_answer_chars![i])).toEqual([23, INT_NULL, 0]);
    expect(scan.floats.final_repeat_share![loop]).toBeCloseTo(5 / 9, 15);
    expect(Number.isNaN(scan.floats.final_repeat_share![unfinished])).toBe(true);
    const prints = scan.lists.error_fingerprints!;
    const printsOf = (i: number) =>
      Array.from(
        prints.codes.subarray(prints.offsets[i], prints.offsets[i + 1]),
        (code) => prints.values[code],
      );
    expect([loop, unfinished, empty].map(printsOf)).toEqual([[], ['timeout'], []]);
  });
});
