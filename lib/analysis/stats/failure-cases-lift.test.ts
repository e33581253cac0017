import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../ingest';
import { tempDb } from '../../test-support/fixture';
import { parseAnalysisQuery } from '../filters/query';
import { openSource, type Source } from '../source';
import { failureCases, failureCasesResponse } from './failure-cases';

/** Rewards 0, 0.5 and 1 in one run: two failures under the default cap of 0.5, three trajectories in all. */
const RECORDS = [0, 0.5, 1].map((reward, i) => ({
  training_id: 'run',
  epoch_id: 0,
  sample_id: i,
  data_id: `q${i}`,
  reward,
  steps: [{ action: 'respond', content: 'ok' }],
}));

describe('failure-cases: the default reward cap and reward_max=any', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    const summary = await ingestText(RECORDS.map((r) => JSON.stringify(r)).join('\n'), { db: db.config });
    expect(summary.rejected).toBe(0);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  const list = async (search: string) => {
    const answer = await failureCases(parseAnalysisQuery(new URLSearchParams(search), ['limit']), source);
    expect(failureCasesResponse.safeParse(answer).success).toBe(true);
    return answer;
  };

  it('lists the failures, reward ≤ 0.5, when the URL gives no reward_max', async () => {
    const answer = await list('training_id=run');
    expect([answer.total, answer.filters_applied.reward_max]).toEqual([2, 0.5]);
  });

  it('lists every scored trajectory with reward_max=any, and echoes the word', async () => {
    const answer = await list('training_id=run&reward_max=any');
    expect(answer.total).toBe(3);
    expect(answer.filters_applied).toEqual({ training_id: 'run', reward_max: 'any' });
    expect(answer.data.map((row) => row.reward)).toEqual([0, 0.5, 1]);
  });

  it('keeps the other bounds: reward_min=1 with the cap lifted is the one perfect trajectory', async () => {
    expect((await list('training_id=run&reward_min=1&reward_max=any')).total).toBe(1);
    expect((await list('training_id=run&reward_min=1')).total).toBe(0);
  });
});
