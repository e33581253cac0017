import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { EPOCH_METRICS } from '@/lib/analysis/stats/epoch-progression';
import { PREVIEW_OBSERVATION_CHARS } from '@/lib/analysis/records/rows';
import * as plan from '@/lib/api/plan-contract';
import { errorSchema } from '@/lib/api/response-schemas';
import { callAnalysisRoute, serveFixtureDatabase, type Handler } from '@/lib/test-support/route-fixture';
import { GET as epochList } from './epoch-list/route';
import { GET as epochProgression } from './epoch-progression/route';
import { GET as failureCases } from './failure-cases/route';
import { GET as rewardCategoryStats } from './reward-category-stats/route';
import { GET as terminationStats } from './termination-stats/route';
import { GET as trainingComparison } from './training-comparison/route';
import { GET as trainingList } from './training-list/route';

// The plan's API section is the contract: every answer must parse with the schema written from its JSON examples.

serveFixtureDatabase();

const get = callAnalysisRoute;

async function contract<T extends z.ZodType>(
  handler: Handler,
  query: string,
  schema: T,
): Promise<z.infer<T>> {
  const { status, body } = await get(handler, query);
  expect(status, JSON.stringify(body)).toBe(200);
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  // The answer itself, with the fields beyond the plan that parsing would strip.
  return body as z.infer<T>;
}

describe('the plan contract, endpoint by endpoint', () => {
  it('training-list: count, epoch range, agent and created_at in Unix seconds', async () => {
    const body = await contract(trainingList, '', plan.planTrainingList);
    expect(body.trainings.map((t) => [t.training_id, t.trajectory_count, t.epoch_range])).toEqual([
      ['alpha', 24, [0, 1]],
      ['beta', 4, [0, 0]],
    ]);
    // The fixture's first rollouts are at 2026-01-01T00:00:00Z.
    expect(body.trainings[0].created_at).toBe(1_767_225_600);
  });

  it('epoch-list: with a training, and without one (every training in scope)', async () => {
    const one = await contract(epochList, '?training_id=alpha', plan.planEpochList);
    expect(one.epochs.map((e) => [e.epoch_id, e.trajectory_count])).toEqual([
      [0, 12],
      [1, 12],
    ]);
    const all = await contract(epochList, '', plan.planEpochList);
    // Epoch 0 pools alpha's 12 and beta's 4 trajectories.
    expect(all.epochs.map((e) => [e.epoch_id, e.trajectory_count])).toEqual([
      [0, 16],
      [1, 12],
    ]);
    // alpha e0 q1 2/4, q2 0/4, q3 4/4 and beta e0 q1 1/2, q2 0/2: pass@1 = (0.5 + 0 + 1 + 0.5 + 0) / 5.
    expect(all.epochs[0].pass_at_1).toBeCloseTo(0.4, 12);
  });

  it('epoch-progression: all metrics by default', async () => {
    const body = await contract(epochProgression, '?training_id=alpha', plan.planEpochProgression);
    expect(body.training_id).toBe('alpha');
    expect(body.epochs[0].termination_stats.success).toEqual({ count: 6, ratio: 0.5 });
    expect(Object.keys(body.epochs[0]).sort()).toEqual(['epoch_id', ...EPOCH_METRICS].sort());
  });

  it('epoch-progression: metrics picks the per-epoch fields; an unknown one is a 400 naming metrics', async () => {
    const { status, body } = await get(epochProgression, '?training_id=alpha&metrics=pass_at_1,avg_reward');
    expect(status).toBe(200);
    const epochs = (body as { epochs: Record<string, unknown>[] }).epochs;
    expect(epochs.map((e) => Object.keys(e).sort())).toEqual([
      ['avg_reward', 'epoch_id', 'pass_at_1'],
      ['avg_reward', 'epoch_id', 'pass_at_1'],
    ]);
    expect(epochs[1]).toEqual({ epoch_id: 1, pass_at_1: expect.closeTo(2 / 3, 12), avg_reward: 8 / 12 });
    const bad = await get(epochProgression, '?training_id=alpha&metrics=pass_at_1,accuracy');
    expect(bad.status).toBe(400);
    expect(errorSchema.parse(bad.body).error.param).toBe('metrics');
  });

  it('training-comparison: the plan fields at the top level of each training', async () => {
    const body = await contract(trainingComparison, '?training_ids=alpha,beta', plan.planTrainingComparison);
    expect(body.trainings.map((t) => t.training_id)).toEqual(['alpha', 'beta']);
    // alpha: 24 trajectories, rewards summing to 5 in epoch 0 and 8 in epoch 1.
    expect(body.trainings[0].avg_reward).toBeCloseTo(13 / 24, 12);
    expect(body.trainings[1].reward_distribution.perfect_score).toEqual({ count: 1, ratio: 0.25 });
  });

  it('failure-cases: filters echoed as given, steps_preview a list of short steps', async () => {
    const body = await contract(failureCases, '?training_id=alpha&epoch_id=0', plan.planFailureCases);
    expect(body.filters_applied).toEqual({ training_id: 'alpha', epoch_id: 0, reward_max: 0.5 });
    // alpha epoch 0 at reward ≤ 0.5: q1 two zeros, q2 all four, q3 the 0.5.
    expect(body.total).toBe(7);
    expect(body.data).toHaveLength(7);
    for (const row of body.data) {
      expect(row.steps_preview.length).toBeGreaterThan(0);
      for (const step of row.steps_preview)
        expect(step.observation.length).toBeLessThanOrEqual(PREVIEW_OBSERVATION_CHARS);
    }
  });

  it('termination-stats and reward-category-stats keep the shapes the plan uses', async () => {
    await contract(terminationStats, '?training_id=alpha', plan.planTerminationStats);
    await contract(rewardCategoryStats, '?training_id=alpha', plan.planRewardCategoryStats);
  });
});

describe('the contract schemas catch drift', () => {
  const counts = { count: 1, ratio: 1 };
  const distribution = { perfect_score: counts, partial_success: counts, complete_failure: counts };

  it('a comparison with its figures nested under summary fails', () => {
    const nested = {
      trainings: [
        {
          training_id: 'a',
          summary: { pass_at_1: 0.5, pass_at_k: 0.7, avg_reward: 0.5 },
          termination_stats: { success: counts },
          reward_distribution: distribution,
        },
      ],
    };
    expect(plan.planTrainingComparison.safeParse(nested).success).toBe(false);
  });

  it('a failure case with a string preview, or filters as lists, fails', () => {
    const row = {
      trajectory_id: 't',
      data_id: 'q',
      question: 'Q',
      reward: 0,
      termination_reason: 'timeout',
      step_count: 1,
      agent_name: 'a',
      steps_preview: [{ step_id: 0, action: 'search', observation: '…' }],
    };
    const filters = { training_id: 'a', epoch_id: 0, reward_max: 0.5 };
    expect(plan.planFailureCases.safeParse({ total: 1, filters_applied: filters, data: [row] }).success).toBe(
      true,
    );
    const asString = { ...row, steps_preview: 'search → respond' };
    expect(
      plan.planFailureCases.safeParse({ total: 1, filters_applied: filters, data: [asString] }).success,
    ).toBe(false);
    const asList = { ...filters, training_id: ['a'] };
    expect(plan.planFailureCases.safeParse({ total: 1, filters_applied: asList, data: [row] }).success).toBe(
      false,
    );
  });

  it('a training with created_at as an ISO string fails', () => {
    const training = {
      training_id: 'a',
      trajectory_count: 1,
      epoch_range: [0, 0],
      agent_name: null,
      created_at: '2024-01-01T00:00:00Z',
    };
    expect(plan.planTrainingList.safeParse({ trainings: [training] }).success).toBe(false);
  });
});
