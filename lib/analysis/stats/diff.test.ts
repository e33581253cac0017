import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../ingest';
import { loadFixture, TAU_BENCH_FILE, tempDb } from '../../test-support/fixture';
import { AnalysisError } from '../errors';
import { parseAnalysisQuery } from '../filters/query';
import { openSource, type Source } from '../source';
import { runStat } from '../stat';
import { diff, diffResponse, diffSides, type Diff } from './diff';
import { statParams } from '../stat';
import { exactMcnemarByBigInt } from '../../test-support/exact-binomial';

const ask = async (source: Source, params: Record<string, string>): Promise<Diff> =>
  diffResponse.parse(
    await runStat(diff, parseAnalysisQuery(new URLSearchParams(params), statParams(diff)), source),
  );

describe('diffSides', () => {
  const sides = (params: Record<string, string>) =>
    diffSides(parseAnalysisQuery(new URLSearchParams(params), statParams(diff)));
  const param = (params: Record<string, string>) => {
    try {
      sides(params);
    } catch (error) {
      if (error instanceof AnalysisError) return error.param;
      throw error;
    }
    return null;
  };

  it('reads the three ways of naming two sides', () => {
    expect(sides({ training_id: 'r', epoch_a: '4', epoch_b: '8' })).toEqual([
      { training_id: 'r', epoch_id: 4 },
      { training_id: 'r', epoch_id: 8 },
    ]);
    expect(sides({ training_ids: 'r1,r2', epoch_id: '11' })).toEqual([
      { training_id: 'r1', epoch_id: 11 },
      { training_id: 'r2', epoch_id: 11 },
    ]);
    expect(sides({ training_ids: 'r1,r2', epoch_a: '3', epoch_b: '5' })).toEqual([
      { training_id: 'r1', epoch_id: 3 },
      { training_id: 'r2', epoch_id: 5 },
    ]);
  });

  it('names the parameter that is missing or does not fit', () => {
    expect(param({})).toBe('training_id');
    expect(param({ training_id: 'r' })).toBe('epoch_a');
    expect(param({ training_id: 'r', epoch_a: '1' })).toBe('epoch_b');
    expect(param({ training_id: 'r', epoch_b: '1' })).toBe('epoch_a');
    expect(param({ training_id: 'r1,r2', epoch_a: '1', epoch_b: '2' })).toBe('training_id');
    expect(param({ training_id: 'r', epoch_a: '1', epoch_b: '1' })).toBe('epoch_b');
    expect(param({ training_id: 'r', epoch_id: '1', epoch_a: '1', epoch_b: '2' })).toBe('epoch_id');
    expect(param({ training_ids: 'r1', epoch_id: '1' })).toBe('training_ids');
    expect(param({ training_ids: 'r1,r2,r3', epoch_id: '1' })).toBe('training_ids');
    expect(param({ training_ids: 'r1,r1', epoch_id: '1' })).toBe('training_ids');
    expect(param({ training_ids: 'r1,r2' })).toBe('epoch_id');
    expect(param({ training_ids: 'r1,r2', epoch_a: '1' })).toBe('epoch_b');
    expect(param({ training_ids: 'r1,r2', training_id: 'r1', epoch_id: '1' })).toBe('training_id');
  });
});

// The shared fixture (lib/test-support/fixture.ts), successes are reward > 0:
//   alpha e0: q1 [1,0,0,1] 2/4, q2 [0,0,0,-0.5] 0/4, q3 [1,1,0.5,1] 4/4
//   alpha e1: q1 [1,1,1,0] 3/4, q2 [1,0,0,0] 1/4, q3 [1,1,1,1] 4/4
//   beta  e0: q1 [1,0] 1/2, q2 [0,0] 0/2
describe('diff on the hand-counted fixture', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    await loadFixture(db.config);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  it('at solved rate 0.5 nothing flips between the epochs of alpha; the rates still rise by 1/6', async () => {
    const d = await ask(source, { training_id: 'alpha', epoch_a: '0', epoch_b: '1' });
    expect(d.a).toEqual({ training_id: 'alpha', epoch_id: 0 });
    expect(d.b).toEqual({ training_id: 'alpha', epoch_id: 1 });
    // q1 0.5 → 0.75 (both solved), q2 0 → 0.25 (neither), q3 1 → 1 (both).
    expect(d.questions).toEqual({
      newly_solved: [],
      regressed: [],
      both: 2,
      neither: 1,
      shared: 3,
      only_a: 0,
      only_b: 0,
    });
    expect(d.mcnemar_p).toBe(1);
    expect(d.delta_success_rate).toBeCloseTo((0.25 + 0.25 + 0) / 3, 12);
    expect(d.mean_rate_a).toBeCloseTo(1.5 / 3, 12);
    expect(d.mean_rate_b).toBeCloseTo(2 / 3, 12);
    // Resampled differences are means of three of {0.25, 0.25, 0}: between 0 and 0.25.
    expect(d.delta_ci!.low).toBeGreaterThanOrEqual(0);
    expect(d.delta_ci!.high).toBeLessThanOrEqual(0.25);
    expect(d.changes.total).toBe(0);
  });

  it('at solved rate 0.75 q1 is newly solved; the reverse direction makes it regressed', async () => {
    const d = await ask(source, { training_id: 'alpha', epoch_a: '0', epoch_b: '1', solved_rate: '0.75' });
    expect([d.questions.newly_solved, d.questions.regressed, d.questions.both, d.questions.neither]).toEqual([
      ['q1'],
      [],
      1,
      1,
    ]);
    // One discordant pair: 2 · P(X ≤ 0) = 2 · 1/2 = 1.
    expect(d.mcnemar_p).toBe(1);
    const back = await ask(source, { training_id: 'alpha', epoch_a: '1', epoch_b: '0', solved_rate: '0.75' });
    expect([back.questions.newly_solved, back.questions.regressed]).toEqual([[], ['q1']]);
    expect(back.delta_success_rate).toBeCloseTo(-1 / 6, 12);
    expect(back.changes.flipped[0].direction).toBe('regressed');
  });

  it("says what changed in q1's trajectories from epoch 0 to epoch 1", async () => {
    const d = await ask(source, { training_id: 'alpha', epoch_a: '0', epoch_b: '1', solved_rate: '0.75' });
    const summary = d.changes.newly_solved;
    expect(summary.questions).toBe(1);
    // e0 q1: [search, python] success, [search] wrong_answer, [search!, search!] timeout, [python] success.
    // e1 q1: [search] success, [search] success, [python] success, [python!] wrong_answer.
    expect(summary.a).toMatchObject({
      trajectories: 4,
      success_rate: 0.5,
      mean_tool_calls: 6 / 4,
      mean_response_tokens: null,
      termination: { success: 2, wrong_answer: 1, timeout: 1 },
    });
    expect(summary.b).toMatchObject({
      trajectories: 4,
      success_rate: 0.75,
      mean_tool_calls: 1,
      termination: { success: 3, wrong_answer: 1 },
    });
    // Every fixture trajectory ends with one reply after its calls: one more step than calls.
    expect(summary.a.mean_steps! - summary.a.mean_tool_calls!).toBeCloseTo(summary.b.mean_steps! - 1, 12);
    expect(summary.tools).toEqual([
      { tool: 'search', calls_a: 4, calls_b: 2, per_trajectory_a: 1, per_trajectory_b: 0.5 },
      { tool: 'python', calls_a: 2, calls_b: 2, per_trajectory_a: 0.5, per_trajectory_b: 0.5 },
    ]);
    expect([summary.tools_added, summary.tools_dropped]).toEqual([[], []]);
    // Two failed search calls on a, one failed python call on b.
    expect(summary.errors.map((e) => [e.count_a, e.count_b])).toEqual([
      [2, 0],
      [0, 1],
    ]);
    expect(summary.errors_distinct).toBe(2);
    expect(summary.errors_vanished).toHaveLength(1);
    expect(summary.errors_appeared).toHaveLength(1);
    expect(summary.errors_vanished[0]).toContain('search');
    expect(summary.errors_appeared[0]).toContain('python');
    expect(d.changes.regressed.questions).toBe(0);
    expect(d.changes.regressed.a.trajectories).toBe(0);
    expect(d.changes.regressed.a.mean_steps).toBeNull();

    const [q1] = d.changes.flipped;
    expect(q1).toMatchObject({ data_id: 'q1', direction: 'newly_solved', rate_a: 0.5, rate_b: 0.75 });
    // The pair: the succeeded trajectory with the lowest sample on b (e1 sample 0, [search] then the answer 1) and
    // the failed one with the lowest sample on a (e0 sample 1, [search] then the answer 0): the same search step,
    // different answers, so they part at step 2.
    const ids = await trajectoryIds(source);
    expect(q1.pair).toEqual({
      solved: ids.get('alpha/1/q1/0'),
      failed: ids.get('alpha/0/q1/1'),
      first_divergent_step: 2,
    });
  });

  it('compares two runs at one epoch, and run 1 at epoch A against run 2 at epoch B', async () => {
    const same = await ask(source, { training_ids: 'alpha,beta', epoch_id: '0' });
    // q1 0.5 vs 0.5 (both), q2 0 vs 0 (neither); q3 only in alpha.
    expect(same.questions).toMatchObject({ shared: 2, only_a: 1, only_b: 0, both: 1, neither: 1 });
    expect(same.delta_success_rate).toBe(0);
    const cross = await ask(source, {
      training_ids: 'beta,alpha',
      epoch_a: '0',
      epoch_b: '1',
      solved_rate: '0.6',
    });
    // beta e0 → alpha e1: q1 0.5 → 0.75 (newly solved at 0.6), q2 0 → 0.25 (neither); q3 only on b.
    expect(cross.a).toEqual({ training_id: 'beta', epoch_id: 0 });
    expect(cross.questions).toMatchObject({ newly_solved: ['q1'], shared: 2, only_a: 0, only_b: 1 });
    expect(cross.delta_success_rate).toBeCloseTo((0.25 + 0.25) / 2, 12);
    expect(cross.changes.newly_solved.a.trajectories).toBe(2);
  });

  it('answers zero shared questions when a side has no rows, and applies the filters to both sides', async () => {
    const empty = await ask(source, { training_id: 'alpha', epoch_a: '0', epoch_b: '7' });
    expect(empty.questions).toMatchObject({ shared: 0, only_a: 3, only_b: 0 });
    expect([empty.delta_success_rate, empty.delta_ci, empty.mcnemar_p]).toEqual([null, null, 1]);
    const filtered = await ask(source, {
      training_id: 'alpha',
      epoch_a: '0',
      epoch_b: '1',
      data_id: 'q1,q2',
    });
    expect(filtered.questions.shared).toBe(2);
  });

  it('pages the flipped questions', async () => {
    const page = await ask(source, {
      training_id: 'alpha',
      epoch_a: '0',
      epoch_b: '1',
      solved_rate: '0.25',
      limit: '1',
      offset: '1',
    });
    // At 0.25: q1 both, q2 0 → 0.25 newly solved, q3 both: one flip, so page 2 is empty.
    expect([
      page.changes.total,
      page.changes.flipped.length,
      page.changes.limit,
      page.changes.offset,
    ]).toEqual([1, 0, 1, 1]);
  });
});

/** Trajectory ids by training/epoch/data_id/sample, read straight from the table. */
async function trajectoryIds(source: Source): Promise<Map<string, string>> {
  const rows = await source
    .table!.query()
    .select(['trajectory_id', 'training_id', 'epoch_id', 'data_id', 'sample_id'])
    .toArray();
  return new Map(
    rows.map((r) => [`${r.training_id}/${r.epoch_id}/${r.data_id}/${r.sample_id}`, String(r.trajectory_id)]),
  );
}

// The real tau-bench run, its four trials split in two: trials 0 and 1 as epoch 0, trials 2 and 3 as epoch 1 (run
// `tau`); and the same halves as two runs at epoch 0 (`tau-early`, `tau-late`). The expected figures are recomputed
// here from the raw file.
describe('diff on tau-bench', () => {
  const db = tempDb();
  let source: Source;
  interface Raw {
    data_id: string;
    sample_id: number;
    reward: number;
    termination_reason: string;
    messages: { role: string; tool_calls?: unknown[] }[];
  }
  const raw: Raw[] = fs
    .readFileSync(TAU_BENCH_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

  beforeAll(async () => {
    const lines = raw.flatMap((record) => {
      const late = record.sample_id >= 2;
      return [
        { ...record, training_id: 'tau', epoch_id: late ? 1 : 0 },
        { ...record, training_id: late ? 'tau-late' : 'tau-early', epoch_id: 0 },
      ].map((r) => JSON.stringify(r));
    });
    const summary = await ingestText(lines.join('\n'), { db: db.config });
    expect(summary.rejected).toBe(0);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  /** Per task: success rate of trials 0–1 and of trials 2–3. */
  function rates(): Map<string, [number, number]> {
    const sums = new Map<string, [number, number, number, number]>();
    for (const r of raw) {
      const at = sums.get(r.data_id) ?? [0, 0, 0, 0];
      const half = r.sample_id >= 2 ? 1 : 0;
      at[half * 2] += +(r.reward > 0);
      at[half * 2 + 1]++;
      sums.set(r.data_id, at);
    }
    return new Map([...sums].map(([id, [ca, na, cb, nb]]) => [id, [ca / na, cb / nb]]));
  }

  it('finds the newly solved and regressed tasks, McNemar p and the mean difference of the raw file', async () => {
    const expected = rates();
    expect(expected.size).toBe(50);
    const newly = [...expected].filter(([, [a, b]]) => a < 0.5 && b >= 0.5).map(([id]) => id);
    const regressed = [...expected].filter(([, [a, b]]) => a >= 0.5 && b < 0.5).map(([id]) => id);
    const deltas = [...expected.values()].map(([a, b]) => b - a);
    const delta = deltas.reduce((s, x) => s + x, 0) / deltas.length;
    const byNumber = (x: string, y: string) => Number(x.split(':')[1]) - Number(y.split(':')[1]);

    const requests: Record<string, string>[] = [
      { training_id: 'tau', epoch_a: '0', epoch_b: '1' },
      { training_ids: 'tau-early,tau-late', epoch_id: '0' },
      { training_ids: 'tau,tau-late', epoch_a: '0', epoch_b: '0' },
    ];
    for (const params of requests) {
      const d = await ask(source, params);
      expect(d.questions.shared).toBe(50);
      expect(d.questions.newly_solved).toEqual(newly.sort(byNumber));
      expect(d.questions.regressed).toEqual(regressed.sort(byNumber));
      expect(d.questions.newly_solved.length + d.questions.regressed.length).toBeGreaterThan(0);
      expect(d.questions.both + d.questions.neither + newly.length + regressed.length).toBe(50);
      expect(d.mcnemar_p).toBeCloseTo(exactMcnemarByBigInt(newly.length, regressed.length), 12);
      expect(d.delta_success_rate).toBeCloseTo(delta, 12);
      // The paired interval holds the mean, and its width is near the normal one (2 · 1.96 · s/√n).
      const sd = Math.sqrt(deltas.reduce((s, x) => s + (x - delta) ** 2, 0) / (deltas.length - 1));
      const width = d.delta_ci!.high - d.delta_ci!.low;
      expect(d.delta_ci!.low).toBeLessThan(delta);
      expect(d.delta_ci!.high).toBeGreaterThan(delta);
      expect(width / ((2 * 1.96 * sd) / Math.sqrt(50))).toBeGreaterThan(0.85);
      expect(width / ((2 * 1.96 * sd) / Math.sqrt(50))).toBeLessThan(1.15);
    }
  });

  it('counts the tool calls and terminations of the flipped tasks as the raw messages hold them', async () => {
    const d = await ask(source, { training_id: 'tau', epoch_a: '0', epoch_b: '1', limit: '100' });
    const calls = (r: Raw) =>
      r.messages.reduce((s, m) => s + (m.role === 'assistant' ? (m.tool_calls?.length ?? 0) : 0), 0);
    for (const direction of ['newly_solved', 'regressed'] as const) {
      const tasks = new Set(d.questions[direction]);
      for (const [side, late] of [
        ['a', false],
        ['b', true],
      ] as const) {
        const records = raw.filter((r) => tasks.has(r.data_id) && r.sample_id >= 2 === late);
        const figures = d.changes[direction][side];
        expect(figures.trajectories).toBe(records.length);
        if (records.length === 0) continue;
        expect(figures.mean_tool_calls).toBeCloseTo(
          records.reduce((s, r) => s + calls(r), 0) / records.length,
          12,
        );
        const termination: Record<string, number> = {};
        for (const r of records)
          termination[r.termination_reason] = (termination[r.termination_reason] ?? 0) + 1;
        expect(figures.termination).toEqual(termination);
      }
    }
    // Every flipped task has its pair: two different trajectories of the task, one per side.
    expect(d.changes.flipped).toHaveLength(d.changes.total);
    for (const q of d.changes.flipped) {
      expect(q.pair.solved).not.toBe(q.pair.failed);
      const rate = q.direction === 'newly_solved' ? q.rate_b : q.rate_a;
      expect(rate).toBeGreaterThanOrEqual(0.5);
    }
  });
});
