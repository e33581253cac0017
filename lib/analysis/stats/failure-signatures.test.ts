import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTrajectories } from '../../db';
import { errorFingerprint } from '../../ingest/error-fingerprint';
import { ingestFiles, ingestText } from '../../ingest';
import { loadFixture, loadTauBench, TAU_BENCH_FILE, tempDb } from '../../test-support/fixture';
import { parseAnalysisQuery } from '../filters/query';
import { openSource, type Source } from '../source';
import { summary } from './summary';
import {
  failureSignatures,
  failureSignaturesResponse,
  signatureTrend,
  type FailureSignatures,
} from './failure-signatures';

const TAU2_DIR = path.join(process.cwd(), 'test-data', 'tau2-bench');

const ask = async (source: Source, params: Record<string, string>): Promise<FailureSignatures> => {
  const answer = await failureSignatures(
    parseAnalysisQuery(new URLSearchParams(params), ['signature_of', 'limit']),
    source,
  );
  expect(failureSignaturesResponse.safeParse(answer).success).toBe(true);
  return answer;
};

describe('signatureTrend: on the rate per trajectory, first third against last third', () => {
  const ten = (m: number) => Array.from({ length: m }, () => 10);
  const hundred = (m: number) => Array.from({ length: m }, () => 100);
  it.each<[string, number[], number[], string]>([
    ['one epoch: nothing to compare', [4], [10], 'steady'],
    ['two epochs, absent then present', [0, 3], [10, 10], 'new'],
    ['two epochs, present then absent', [3, 0], [10, 10], 'gone'],
    ['absent from the first half (6 epochs, first at the 4th)', [0, 0, 0, 5, 6, 7], ten(6), 'new'],
    ['absent from the last third', [5, 5, 5, 5, 0, 0], ten(6), 'gone'],
    ['the same rate throughout', [1, 1, 1, 1, 1, 1], ten(6), 'steady'],
    // First third 4/200 = 0.02, last third 40/200 = 0.2; pooled 44/400: z = 0.18 / √(0.11 · 0.01) ≈ 5.4.
    ['ten times the rate, beyond noise', [2, 2, 5, 10, 20, 20], hundred(6), 'growing'],
    ['a tenth of the rate, beyond noise', [20, 20, 10, 5, 2, 2], hundred(6), 'shrinking'],
    // 1/20 against 2/20: twice the rate, but z = 0.05 / √(0.075 · 0.1) ≈ 0.58.
    ['twice the rate within noise', [1, 0, 0, 0, 0, 2], ten(6), 'steady'],
    // Raw counts 10 and 10, but epochs of 10 and 100 trajectories: the rate falls from 1 to 0.1 (z ≈ −6.4).
    ['the same count in an epoch ten times larger', [10, 10], [10, 100], 'shrinking'],
    // 20/200 against 27/200: more, but by less than the factor of 1.5.
    ['a third more', [10, 10, 10, 10, 13, 14], hundred(6), 'steady'],
    // 10/100 against 20/100: twice the rate, but z = 0.1 / √(0.15 · (1/100 + 1/100)) ≈ 1.83 < 1.96.
    ['twice the rate, just within noise', [5, 5, 5, 5, 10, 10], [50, 50, 50, 50, 50, 50], 'steady'],
    // The same rates over twice the trajectories: z ≈ 2.58.
    ['twice the rate over more trajectories', [10, 10, 10, 10, 20, 20], hundred(6), 'growing'],
  ])('%s', (_name, counts, trajectories, expected) => {
    expect(signatureTrend(counts, trajectories)).toBe(expected);
  });
});

describe('failure signatures on the hand-counted fixture', () => {
  const db = tempDb();
  let source: Source;
  // Every failed call of the fixture says "Error: <tool> failed on <script>alert(1)</script>"; the fingerprint turns
  // the 1 into <num> and "/script>" into a path, so each tool's calls have one signature.
  const SEARCH = 'Error: search failed on <script>alert(<num>)<<path>>';
  const PYTHON = 'Error: python failed on <script>alert(<num>)<<path>>';
  let idOf: (training: string, epoch: number, data: string, sample: number) => Promise<string>;
  beforeAll(async () => {
    await loadFixture(db.config);
    source = await openSource(db.config);
    const table = (await openTrajectories(db.config))!;
    idOf = async (training, epoch, data, sample) => {
      const rows = await table
        .query()
        .where(
          `training_id = '${training}' AND epoch_id = ${epoch} AND data_id = '${data}' AND sample_id = ${sample}`,
        )
        .select(['trajectory_id'])
        .toArray();
      expect(rows).toHaveLength(1);
      return String(rows[0].trajectory_id);
    };
  });
  afterAll(() => db.cleanup());

  it('groups every failed call of the fixture once: search 4, python 3 of 7', async () => {
    const answer = await ask(source, {});
    expect(answer.signature_of).toBe('tool_calls');
    expect([answer.total_tool_errors, answer.total, answer.signature_count]).toEqual([7, 7, 2]);
    // Epoch 0: alpha's 12 and beta's 4 trajectories; epoch 1: alpha's 12.
    expect(answer.epochs).toEqual([
      { epoch_id: 0, trajectory_count: 16 },
      { epoch_id: 1, trajectory_count: 12 },
    ]);
    const [search, python] = answer.signatures;
    expect(search).toMatchObject({
      signature: SEARCH,
      example: 'Error: search failed on <script>alert(1)</script>',
      count: 4,
      share: 4 / 7,
      // alpha e0 q1 s2 (twice), alpha e1 q2 s3, beta e0 q1 s1
      trajectory_count: 3,
      by_epoch: { '0': 3, '1': 1 },
      first_epoch: 0,
      last_epoch: 1,
      // 3/16 then 1/12: a third less, but z ≈ −0.72
      trend: 'steady',
      tools: { search: 4 },
    });
    // The latest epoch first, then table order.
    expect(search.examples).toEqual([
      await idOf('alpha', 1, 'q2', 3),
      await idOf('alpha', 0, 'q1', 2),
      await idOf('beta', 0, 'q1', 1),
    ]);
    expect(python).toMatchObject({
      signature: PYTHON,
      count: 3,
      trajectory_count: 3,
      by_epoch: { '0': 2, '1': 1 },
      trend: 'steady',
      tools: { python: 3 },
    });
    expect(python.examples).toEqual([
      await idOf('alpha', 1, 'q1', 3),
      await idOf('alpha', 0, 'q2', 3),
      await idOf('alpha', 0, 'q3', 2),
    ]);
  });

  it('follows the filters: beta alone has one failed search', async () => {
    const answer = await ask(source, { training_id: 'beta' });
    expect(answer.total_tool_errors).toBe(1);
    expect(answer.signatures.map((s) => [s.signature, s.count, s.trend])).toEqual([[SEARCH, 1, 'steady']]);
    expect(answer.epochs).toEqual([{ epoch_id: 0, trajectory_count: 4 }]);
  });

  it('lists the `limit` most common and still says how many there are', async () => {
    const answer = await ask(source, { limit: '1' });
    expect(answer.signatures.map((s) => s.signature)).toEqual([SEARCH]);
    expect([answer.signature_count, answer.total]).toEqual([2, 7]);
  });

  it('signature= narrows every view to the trajectories with such a failed call', async () => {
    // alpha's trajectories with a failed search: e0 q1 s2 (two failed searches) and e1 q2 s3 (one).
    const narrowed = await ask(source, { training_id: 'alpha', signature: SEARCH });
    expect([narrowed.total_tool_errors, narrowed.epochs.map((e) => e.trajectory_count)]).toEqual([3, [1, 1]]);
    expect(narrowed.signatures.map((s) => [s.signature, s.count])).toEqual([[SEARCH, 3]]);
    const counted = await summary(
      parseAnalysisQuery(new URLSearchParams({ training_id: 'alpha', signature: SEARCH })),
      source,
    );
    expect(counted.trajectory_count).toBe(2);
    const none = await summary(
      parseAnalysisQuery(new URLSearchParams({ signature: "no such error, it's not there" })),
      source,
    );
    expect(none.trajectory_count).toBe(0);
  });
});

/** Trajectories whose signatures change: one message with ids that differ, one that appears at epoch 2. */
describe('failure signatures over epochs: variants of one message grouped, a new error seen', () => {
  const db = tempDb();
  let source: Source;
  const call = (tool: string, message: string | null) => ({
    action: tool,
    action_input: { id: 'x' },
    observation: message ?? 'ok',
    tool_status: message === null ? 'success' : 'error',
  });
  // Sample 0 apologises for a reservation id, 1 and 3 say "done", 2 ends on its search: no final answer.
  const ANSWERS: (((epoch: number) => Record<string, unknown>) | null)[] = [
    (epoch) => ({ action: 'respond', content: `Sorry, reservation R${epoch}X09 was not found` }),
    () => ({ action: 'respond', action_input: 'done' }),
    null,
    () => ({ action: 'respond', action_input: 'done' }),
  ];
  // Epochs 0–3, 4 trajectories each; sample 3 succeeds. Sample 0 always fails to find a reservation (ids differ); from epoch 2 on, sample
  // 1 also hits a seat error, twice.
  const records = [0, 1, 2, 3].flatMap((epoch) =>
    [0, 1, 2, 3].map((sample) => {
      const steps = [call('search', null)];
      if (sample === 0)
        steps.push(call('get_reservation', `Error: reservation R${epoch}X${sample}9 not found`));
      if (sample === 1 && epoch >= 2)
        steps.push(
          call('book', 'Error: no seat left on HAT0' + epoch),
          call('book', 'Error: no seat left on Z9'),
        );
      return {
        training_id: 'run',
        epoch_id: epoch,
        sample_id: sample,
        data_id: 'q',
        reward: sample === 3 ? 1 : 0,
        steps: [...steps, ...(ANSWERS[sample] === null ? [] : [ANSWERS[sample](epoch)])],
      };
    }),
  );
  beforeAll(async () => {
    const summary = await ingestText(records.map((r) => JSON.stringify(r)).join('\n'), { db: db.config });
    expect(summary.rejected).toBe(0);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  it('counts the four reservation ids as one signature, and the seat error as new from epoch 2', async () => {
    const answer = await ask(source, { training_id: 'run' });
    // 4 reservation errors + 2 × 2 seat errors
    expect([answer.total_tool_errors, answer.total, answer.signature_count]).toEqual([8, 8, 2]);
    expect(answer.signatures.map((s) => [s.signature, s.count, s.by_epoch, s.first_epoch, s.trend])).toEqual([
      ['Error: no seat left on <id>', 4, { '2': 2, '3': 2 }, 2, 'new'],
      ['Error: reservation <id> not found', 4, { '0': 1, '1': 1, '2': 1, '3': 1 }, 0, 'steady'],
    ]);
    expect(answer.signatures[0].tools).toEqual({ book: 4 });
    expect(answer.signatures[0].example).toBe('Error: no seat left on HAT03');
    expect(answer.signatures[1].example).toBe('Error: reservation R3X09 not found');
  });
});

describe('failure signatures of final answers', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    const records = [0, 1, 2, 3].flatMap((epoch) =>
      [0, 1, 2, 3].map((sample) => ({
        training_id: 'run',
        epoch_id: epoch,
        sample_id: sample,
        data_id: 'q',
        reward: sample === 3 ? 1 : 0,
        steps: [
          { action: 'search', action_input: 'x', observation: 'ok', tool_status: 'success' },
          ...[
            [{ action: 'respond', content: `Sorry, reservation R${epoch}X09 was not found\nBye` }],
            [{ action: 'respond', action_input: 'done' }],
            [],
            [{ action: 'respond', action_input: 'done' }],
          ][sample],
        ],
      })),
    );
    const summary = await ingestText(records.map((r) => JSON.stringify(r)).join('\n'), { db: db.config });
    expect(summary.rejected).toBe(0);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  it('groups the answers of the failed trajectories, each once; no final answer is a signature too', async () => {
    const answer = await ask(source, { signature_of: 'final_answers' });
    // 3 failed trajectories (reward 0 ≤ the success threshold 0) in each of 4 epochs; no failed call.
    expect([answer.signature_of, answer.total, answer.total_tool_errors, answer.signature_count]).toEqual([
      'final_answers',
      12,
      0,
      3,
    ]);
    expect(
      answer.signatures.map((s) => [s.signature, s.count, s.trajectory_count, s.trend, s.example]),
    ).toEqual([
      ['<no final answer>', 4, 4, 'steady', null],
      [
        'Sorry, reservation <id> was not found',
        4,
        4,
        'steady',
        'Sorry, reservation R3X09 was not found\nBye',
      ],
      ['done', 4, 4, 'steady', 'done'],
    ]);
    expect(answer.signatures.every((s) => Object.keys(s.tools).length === 0)).toBe(true);
    expect(answer.epochs.map((e) => e.trajectory_count)).toEqual([4, 4, 4, 4]);
  });

  it('counts as failed what success_threshold says: with 1, the successes too', async () => {
    const answer = await ask(source, { signature_of: 'final_answers', success_threshold: '1' });
    expect(answer.total).toBe(16);
    expect(answer.signatures.find((s) => s.signature === 'done')!.count).toBe(8);
  });
});

describe('failure signatures of a real tau2-bench log (test-data/tau2-bench)', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    const summary = await ingestFiles([path.join(TAU2_DIR, 'airline-grok-3-trimmed.json')], {
      db: db.config,
    });
    expect(summary.rejected).toBe(0);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  it('counts each failed agent call once: the certificate error of task 15, the seats error of task 8', async () => {
    const answer = await ask(source, {});
    // The file holds two tool results with `"error": true`, one of each message.
    expect([answer.total_tool_errors, answer.total, answer.signature_count]).toEqual([2, 2, 2]);
    expect(answer.signatures.reduce((sum, s) => sum + s.count, 0)).toBe(answer.total_tool_errors);
    const signatures = new Map(answer.signatures.map((s) => [s.signature, s]));
    expect(signatures.get('Error: Certificate cannot be used to update reservation')?.example).toBe(
      'Error: Certificate cannot be used to update reservation',
    );
    expect(signatures.get('Error: Not enough seats on flight <id>')?.example).toBe(
      'Error: Not enough seats on flight HAT139',
    );
  });
});

describe('failure signatures on the real tau-bench run', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    await loadTauBench(db.config);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  it('puts each of the 73 failed calls in exactly one signature, the variants of a message together', async () => {
    const answer = await ask(source, { limit: '1000' });
    const errors = await summary(parseAnalysisQuery(new URLSearchParams()), source);
    expect(answer.total_tool_errors).toBe(73);
    expect(answer.signatures.reduce((sum, s) => sum + s.count, 0)).toBe(73);
    expect(answer.total).toBe(73);
    expect(answer.signature_count).toBe(answer.signatures.length);
    expect(errors.trajectory_count).toBe(200);
    // Counted by hand from the raw file: 9 different "payment amount" messages (375/299, 1203/833, …) are one.
    expect(answer.signatures.map((s) => [s.signature, s.count, s.tools])).toEqual([
      [
        'Error: payment amount does not add up, total price is <num>, but paid <num>',
        24,
        { book_reservation: 24 },
      ],
      ['Error: flight <id> not available on date <time>', 15, { update_reservation_flights: 15 }],
      [
        'Error: gift card balance is not enough',
        12,
        { update_reservation_flights: 11, update_reservation_baggages: 1 },
      ],
      ['Error: not enough seats on flight <id>', 9, { update_reservation_flights: 8, book_reservation: 1 }],
      ['Error: certificate cannot be used to update reservation', 4, { update_reservation_flights: 4 }],
      ['Error: payment method not found', 4, { update_reservation_flights: 4 }],
      ['Error: payment method <id> not found', 3, { book_reservation: 3 }],
      ['Error: not enough balance in payment method <id>', 2, { book_reservation: 2 }],
    ]);
  });

  it('agrees with the raw file: each signature counts the messages whose fingerprint it is', async () => {
    const raw = new Map<string, { count: number; messages: Set<string> }>();
    for (const line of fs.readFileSync(TAU_BENCH_FILE, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { messages: { role: string; content: unknown }[] };
      for (const message of record.messages) {
        if (message.role !== 'tool' || !String(message.content).startsWith('Error')) continue;
        const print = errorFingerprint(String(message.content));
        const entry = raw.get(print) ?? { count: 0, messages: new Set<string>() };
        entry.count += 1;
        entry.messages.add(String(message.content));
        raw.set(print, entry);
      }
    }
    const answer = await ask(source, { limit: '1000' });
    expect(answer.signatures).toHaveLength(raw.size);
    for (const signature of answer.signatures) {
      const entry = raw.get(signature.signature)!;
      expect(signature.count).toBe(entry.count);
      // The example is one of the real messages of that signature.
      expect(entry.messages.has(signature.example!)).toBe(true);
      expect(signature.examples.length).toBeGreaterThan(0);
      expect(signature.examples.length).toBeLessThanOrEqual(5);
      // One epoch: nothing to compare.
      expect(signature.trend).toBe('steady');
    }
  });

  it('groups the final answers of the 116 failed trajectories (reward 0; 84 of 200 have 1), each once', async () => {
    const answer = await ask(source, { signature_of: 'final_answers', limit: '1000' });
    expect(answer.total).toBe(116);
    expect(answer.signatures.reduce((sum, s) => sum + s.count, 0)).toBe(116);
    expect(answer.signature_count).toBe(answer.signatures.length);
    expect(answer.signatures.reduce((sum, s) => sum + s.trajectory_count, 0)).toBe(116);
  });

  it('signature= keeps the trajectories with that error: their failed calls include all 24 of it', async () => {
    const signature = 'Error: payment amount does not add up, total price is <num>, but paid <num>';
    const answer = await ask(source, { signature });
    const top = answer.signatures.find((s) => s.signature === signature)!;
    expect(top.count).toBe(24);
    expect(answer.epochs[0].trajectory_count).toBe(top.trajectory_count);
  });
});
