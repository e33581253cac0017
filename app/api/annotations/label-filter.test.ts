import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE } from '@/app/api/annotations/[id]/route';
import { POST } from '@/app/api/annotations/route';
import { GET as failureCases } from '@/app/api/analysis-stats/failure-cases/route';
import { annotationResponse } from '@/lib/annotations/schema';
import { failureCasesResponse } from '@/lib/analysis/stats/failure-cases';
import { openTrajectories } from '@/lib/db';
import { callAnalysisRoute, okAnswer, serveFixtureDatabase } from '@/lib/test-support/route-fixture';

const db = serveFixtureDatabase();

/** alpha, epoch 0, q2, sample 3: reward -0.5, a failure. */
let trajectoryId: string;
beforeAll(async () => {
  delete process.env.DASHBOARD_AUTH;
  const rows = await (await openTrajectories(db.config))!
    .query()
    .where("training_id = 'alpha' AND epoch_id = 0 AND data_id = 'q2' AND sample_id = 3")
    .select(['trajectory_id'])
    .toArray();
  expect(rows).toHaveLength(1);
  trajectoryId = String(rows[0].trajectory_id);
});

async function note(target: object, label: string): Promise<string> {
  const response = await POST(
    new Request('http://localhost/api/annotations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target, label }),
    }),
  );
  expect(response.status).toBe(201);
  return annotationResponse.parse(await response.json()).id;
}

const failures = (query: string) => okAnswer(failureCases, query, failureCasesResponse);

describe('label= on the failure list', () => {
  it('sees a new note at once, through its question too, and forgets a deleted one', async () => {
    const none = await failures('?label=reward-hack');
    expect(none.total).toBe(0);
    expect(none.filters_applied.label).toBe('reward-hack');

    await note({ trajectory_id: trajectoryId }, 'reward-hack');
    const one = await failures('?label=reward-hack');
    expect(one.total).toBe(1);
    expect(one.data.map((row) => row.trajectory_id)).toEqual([trajectoryId]);

    // A note on question q2: its failures (reward ≤ 0.5, the list's default) in every run: alpha epoch 0 has 4 (0, 0,
    // 0, -0.5), alpha epoch 1 has 3 (0, 0, 0) and beta 2 (0, 0).
    const questionNote = await note({ data_id: 'q2' }, 'reward-hack');
    expect((await failures('?label=reward-hack')).total).toBe(9);
    expect((await failures('?label=reward-hack&training_id=beta')).total).toBe(2);
    // A group: alpha, epoch 1, q1 has one failure (the wrong answer, reward 0).
    await note({ training_id: 'alpha', epoch_id: 1, data_id: 'q1' }, 'env-bug');
    expect((await failures('?label=env-bug')).total).toBe(1);
    expect((await failures('?label=reward-hack,env-bug')).total).toBe(10);

    const deleted = await DELETE(
      new Request(`http://localhost/api/annotations/${questionNote}`, { method: 'DELETE' }),
      { params: Promise.resolve({ id: questionNote }) },
    );
    expect(deleted.status).toBe(204);
    expect((await failures('?label=reward-hack')).total).toBe(1);
  });

  it('a label not of the documented form is a 400 naming label', async () => {
    const { status, body } = await callAnalysisRoute(failureCases, '?label=Reward%20Hack');
    expect(status).toBe(400);
    expect((body as { error: { param: string } }).error.param).toBe('label');
  });
});
