import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTauBench, tempDb } from '../../test-support/fixture';
import { parseAnalysisQuery } from '../filters/query';
import { openSource, type Source } from '../source';
import { runStat } from '../stat';
import { summary, type Summary } from './summary';
import { terminationStats, type TerminationStats } from './termination-stats';
import { toolReturnStats, type ToolReturnStats } from './tool-return-stats';
import { listTrainings } from './training-list';
import { unexpectedToolContexts } from './unexpected-tool-contexts';

// Known figures of the real dataset, from test-data/tau-bench/README.md.
const db = tempDb();
let source: Source;
const TRAINING = 'tau-bench-gpt-4o-airline';

beforeAll(async () => {
  await loadTauBench(db.config);
  source = await openSource(db.config);
});
afterAll(() => db.cleanup());

const query = (params: Record<string, string> = {}, allowed: string[] = []) =>
  parseAnalysisQuery(new URLSearchParams(params), allowed as never[]);

describe('tau-bench gpt-4o airline', () => {
  it('has 200 trajectories over 50 questions', async () => {
    const { trainings } = await listTrainings(source);
    expect(trainings).toHaveLength(1);
    expect(trainings[0]).toMatchObject({ training_id: TRAINING, trajectory_count: 200, epoch_range: [0, 0] });
  });

  it('has pass@1 0.42, pass@2 0.5667, pass@4 0.72, pass@5 not computable, avg reward 0.42', async () => {
    const s = (await runStat(summary, query({ k: '2' }), source)) as Summary;
    expect(s.question_count).toBe(50);
    expect(s.samples_per_question).toEqual([4, 4]);
    expect(s.pass_at_1).toBeCloseTo(0.42, 10);
    expect(s.pass_at_k).toBeCloseTo(0.5667, 4);
    expect(s.avg_reward).toBeCloseTo(0.42, 10);
    expect(s.pass_at['5']).toBeNull();
    expect(s.pass_at_questions['5']).toBe(0);
    const defaultK = (await runStat(summary, query(), source)) as Summary;
    expect(defaultK.k).toBe(4);
    expect(defaultK.pass_at_k).toBeCloseTo(0.72, 10);
  });

  it('ends 149 times by user stop, 48 by transfer, 3 by max steps', async () => {
    const t = (await runStat(terminationStats, query(), source)) as TerminationStats;
    expect(t.termination_stats).toEqual({
      user_stop: { count: 149, ratio: 0.745 },
      transfer_to_human: { count: 48, ratio: 0.24 },
      max_steps: { count: 3, ratio: 0.015 },
    });
  });

  it('has 1,164 tool calls, 73 failed, over 14 tools', async () => {
    const t = (await runStat(toolReturnStats, query(), source)) as ToolReturnStats;
    expect(t.total_calls).toBe(1164);
    expect(t.total_failures).toBe(73);
    expect(t.tools).toHaveLength(14);
    const failures = Object.fromEntries(
      t.tools.filter((x) => x.failures > 0).map((x) => [x.tool, x.failures]),
    );
    expect(failures).toEqual({
      update_reservation_flights: 42,
      book_reservation: 30,
      update_reservation_baggages: 1,
    });
  });

  it('shows each of the 73 failed calls in context', async () => {
    const contexts = await unexpectedToolContexts(query({ limit: '100' }, ['limit']), source);
    expect(contexts.total).toBe(73);
    expect(contexts.data).toHaveLength(73);
    expect(contexts.data.every((c) => String(c.failed.observation).startsWith('Error'))).toBe(true);
    const baggage = await unexpectedToolContexts(
      query({ tool: 'update_reservation_baggages' }, ['tool']),
      source,
    );
    expect(baggage.total).toBe(1);
  });
});
