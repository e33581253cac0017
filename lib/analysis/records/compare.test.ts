import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../ingest';
import { tempDb } from '../../test-support/fixture';
import { AnalysisError } from '../errors';
import { openSource, type Source } from '../source';
import { compareTrajectories } from './compare';
import { getTrajectory, trajectoryRecordJson } from './trajectory';

/** 450 steps: a user turn every 50, a failed call at 7 and 333, the word "zebra" in the results of 5, 260 and 449. */
function longSteps(variant: 'a' | 'b') {
  return Array.from({ length: 450 }, (_, i) =>
    i % 50 === 0
      ? { role: 'user', content: `turn ${i}` }
      : {
          action: `tool_${i % 3}`,
          action_input: { i, city: variant === 'b' && i === 301 ? 'Oslo' : 'Paris' },
          observation: [5, 260, 449].includes(i) ? `a zebra at ${i}` : `result ${i}`,
          tool_status: i === 7 || i === 333 ? 'error' : 'success',
          ...(i === 7 || i === 333 ? { error: `failed at ${i}` } : {}),
        },
  );
}

describe('the transcript of a long trajectory and two side by side', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    const records = [
      { trajectory_id: 'long-a', sample_id: 0, steps: longSteps('a') },
      { trajectory_id: 'long-b', sample_id: 1, steps: longSteps('b') },
      { trajectory_id: 'short', sample_id: 2, steps: longSteps('a').slice(0, 120) },
      { trajectory_id: 'clean', sample_id: 3, steps: [{ action: 'respond', content: 'done' }] },
    ].map((record) => ({ training_id: 'run', epoch_id: 0, data_id: 'q1', reward: 0, ...record }));
    const summary = await ingestText(records.map((r) => JSON.stringify(r)).join('\n'), { db: db.config });
    expect(summary.rejected).toBe(0);
    source = await openSource(db.config, { columnCacheBytes: 0 });
  });
  afterAll(() => db.cleanup());

  it('says where the first error is and which steps hold the search words, over every window', async () => {
    const last = await getTrajectory('long-a', source, { around: 449, transcript: { terms: ['zebra'] } });
    expect([last.steps_from, last.steps.length]).toEqual([400, 50]);
    expect(last.first_error).toBe(7);
    expect(last.match_steps).toEqual([5, 260, 449]);
    expect(last.matches_capped).toBe(false);
    const plain = await getTrajectory('clean', source, { around: 0, transcript: { terms: [] } });
    expect([plain.first_error, plain.match_steps]).toEqual([null, []]);
    // Only the page asks for them; the drawer and the JSON record do without.
    expect((await getTrajectory('long-a', source)).first_error).toBeUndefined();
    expect(Object.keys(JSON.parse(await trajectoryRecordJson('long-a', source)))).not.toContain(
      'first_error',
    );
  });

  it('aligns the same window of both and finds their first difference beyond the first window', async () => {
    const atDifference = await compareTrajectories('long-a', 'long-b', undefined, source);
    expect(atDifference.difference).toEqual({ index: 301, field: 'arguments' });
    expect(atDifference.total).toBe(450);
    // Windows of 100 positions: 200 steps on the page, as many as a window of one trajectory.
    expect([atDifference.size, atDifference.a.steps_from, atDifference.b.steps_from]).toEqual([
      100, 300, 300,
    ]);
    expect(atDifference.a.steps[1].action_input).toEqual({ i: 301, city: 'Paris' });
    expect(atDifference.b.steps[1].action_input).toEqual({ i: 301, city: 'Oslo' });

    const first = await compareTrajectories('long-a', 'long-b', 0, source);
    expect([first.a.steps_from, first.a.steps.length, first.b.steps.length]).toEqual([0, 100, 100]);

    // The shorter one has no steps in the last window: it is still aligned, empty.
    const shorter = await compareTrajectories('long-a', 'short', 420, source);
    expect(shorter.difference).toEqual({ index: 120, field: 'missing' });
    expect([shorter.a.steps_from, shorter.a.steps.length]).toEqual([400, 50]);
    expect([shorter.b.steps_from, shorter.b.steps.length]).toEqual([400, 0]);

    expect((await compareTrajectories('long-a', 'long-a', undefined, source)).difference).toBeNull();
  });

  it('names the side whose id is unknown or not an id', async () => {
    await expect(compareTrajectories('long-a', 'nope', undefined, source)).rejects.toMatchObject({
      param: 'b',
      status: 404,
    });
    await expect(compareTrajectories('', 'long-a', undefined, source)).rejects.toBeInstanceOf(AnalysisError);
    await expect(compareTrajectories('', 'long-a', undefined, source)).rejects.toMatchObject({ param: 'a' });
  });
});
