import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { clearResultCache } from '@/lib/analysis/source';
import * as schemas from '@/lib/api/response-schemas';
import { tempDb } from '@/lib/test-support/fixture';
import { callAnalysisRoute, serveFixtureDatabase, type Handler } from '@/lib/test-support/route-fixture';
import { GET as epochList } from './epoch-list/route';
import { GET as epochProgression } from './epoch-progression/route';
import { GET as failureCases } from './failure-cases/route';
import { GET as processRewardCorrelation } from './process-reward-correlation/route';
import { GET as rewardCategoryStats } from './reward-category-stats/route';
import { GET as summary } from './summary/route';
import { GET as terminationStats } from './termination-stats/route';
import { GET as toolReturnStats } from './tool-return-stats/route';
import { GET as trainingComparison } from './training-comparison/route';
import { GET as trainingList } from './training-list/route';
import { GET as unexpectedToolContexts } from './unexpected-tool-contexts/route';
import { GET as trajectory } from '../trajectories/[id]/route';

const db = serveFixtureDatabase();
const empty = tempDb();
afterAll(() => empty.cleanup());

const call = callAnalysisRoute;

async function ok<T extends z.ZodType>(handler: Handler, query: string, schema: T): Promise<z.infer<T>> {
  const { status, body } = await call(handler, query);
  expect(status, JSON.stringify(body)).toBe(200);
  return schema.parse(body);
}

const ENDPOINTS: [string, Handler, z.ZodType, string][] = [
  ['termination-stats', terminationStats, schemas.terminationStatsSchema, ''],
  ['reward-category-stats', rewardCategoryStats, schemas.rewardCategoryStatsSchema, ''],
  ['tool-return-stats', toolReturnStats, schemas.toolReturnStatsSchema, ''],
  ['process-reward-correlation', processRewardCorrelation, schemas.processRewardCorrelationSchema, ''],
  ['summary', summary, schemas.summarySchema, ''],
  ['training-list', trainingList, schemas.trainingListSchema, ''],
  ['epoch-list', epochList, schemas.epochListSchema, '?training_id=alpha'],
  ['epoch-progression', epochProgression, schemas.epochProgressionSchema, '?training_id=alpha'],
  ['training-comparison', trainingComparison, schemas.trainingComparisonSchema, '?training_ids=alpha,beta'],
  ['failure-cases', failureCases, schemas.failureCasesSchema, ''],
  ['unexpected-tool-contexts', unexpectedToolContexts, schemas.unexpectedToolContextsSchema, ''],
];

describe('every endpoint answers with its strict schema', () => {
  it.each(ENDPOINTS)('%s', async (_name, handler, schema, query) => {
    await ok(handler, query, schema);
  });
});

describe('figures through the API', () => {
  it('termination-stats, plain and grouped', async () => {
    const plain = await ok(terminationStats, '?training_id=alpha&epoch_id=0', schemas.terminationStatsSchema);
    expect(plain.total_trajectories).toBe(12);
    const grouped = await ok(
      terminationStats,
      '?group_by=training_id',
      schemas.groupedSchema(schemas.terminationStatsSchema),
    );
    expect(grouped.groups.alpha.total_trajectories).toBe(24);
    expect(grouped.groups.beta.total_trajectories).toBe(4);
  });

  it('summary at k=2 on alpha epoch 0', async () => {
    const s = await ok(summary, '?training_id=alpha&epoch_id=0&k=2', schemas.summarySchema);
    expect(s.pass_at_1).toBeCloseTo(0.5, 12);
    expect(s.pass_at_k).toBeCloseTo(11 / 18, 12);
    expect(s.pass_at).toEqual({ '1': 0.5, '2': expect.closeTo(11 / 18, 12), '5': null, '10': null });
  });

  it('epoch-progression per epoch', async () => {
    const p = await ok(epochProgression, '?training_id=alpha', schemas.epochProgressionSchema);
    expect(p.epochs.map((e) => [e.epoch_id, e.trajectory_count])).toEqual([
      [0, 12],
      [1, 12],
    ]);
  });

  it('failure-cases with filters and paging', async () => {
    const f = await ok(
      failureCases,
      '?training_id=alpha&termination_reason=timeout&limit=1&sort=-epoch_id',
      schemas.failureCasesSchema,
    );
    expect(f.total).toBe(2);
    expect(f.data).toHaveLength(1);
    expect(f.data[0].epoch_id).toBe(1);
    expect(f.filters_applied).toEqual({
      training_id: 'alpha',
      termination_reason: 'timeout',
      reward_max: 0.5,
    });
  });

  it('a trajectory by id, and 404 for an unknown one', async () => {
    const f = await ok(failureCases, '?limit=1', schemas.failureCasesSchema);
    const id = f.data[0].trajectory_id;
    const response = await trajectory(new Request(`http://localhost/api/trajectories/${id}`), {
      params: Promise.resolve({ id }),
    });
    expect(response.status).toBe(200);
    const detail = schemas.trajectoryDetailSchema.parse(await response.json());
    expect(detail.steps.length).toBe(detail.step_count);
    const missing = await trajectory(new Request('http://localhost/api/trajectories/nope'), {
      params: Promise.resolve({ id: "nope' OR '1'='1" }),
    });
    expect(missing.status).toBe(404);
    schemas.errorSchema.parse(await missing.json());
  });
});

const HOSTILE_NAMES = ["' OR 1=1 --", "x') OR ('1'='1", 'a\\', '"; DROP TABLE trajectories; --', '%', '_'];
const HOSTILE_NUMBERS = [
  "' OR 1=1 --",
  '1e999',
  '-1',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '0x10',
  '1.5.2',
  ' ',
];

describe('hostile parameters get a 4xx naming the parameter, or an answer that is not wider', () => {
  const numeric = [
    'epoch_id',
    'epoch_min',
    'epoch_max',
    'tool_calls_min',
    'tool_calls_max',
    'k',
    'reward_min',
    'reward_max',
    'success_threshold',
  ];
  // -1 is a valid bound for these; the fixture's rewards lie in [-0.5, 1], so reward ≥ -1 keeps all 28 rows,
  // reward ≤ -1 none, and a success threshold filters nothing.
  const validMinusOne: Record<string, number> = { reward_min: 28, reward_max: 0, success_threshold: 28 };
  it.each(numeric.flatMap((param) => HOSTILE_NUMBERS.map((value) => [param, value])))(
    '%s=%j',
    async (param, value) => {
      const { status, body } = await call(terminationStats, `?${param}=${encodeURIComponent(value)}`);
      // A negative bound is a valid reward filter; everything else here is not a number in range.
      const valid = value === '-1' && param in validMinusOne;
      if (valid) {
        expect(status).toBe(200);
        expect(schemas.terminationStatsSchema.parse(body).total_trajectories).toBe(validMinusOne[param]);
      } else {
        expect(status).toBe(400);
        expect(schemas.errorSchema.parse(body).error.param).toBe(param);
      }
    },
  );

  it.each(
    ['termination_reason', 'tools_any', 'tools_all', 'tool_failed', 'agent_name', 'q'].flatMap((param) =>
      HOSTILE_NAMES.map((value) => [param, value]),
    ),
  )('%s=%j never widens', async (param, value) => {
    const { status, body } = await call(terminationStats, `?${param}=${encodeURIComponent(value)}`);
    expect(status).toBe(200);
    const total = schemas.terminationStatsSchema.parse(body).total_trajectories;
    // Only a name that really occurs could match; none of these does ('%' and '_' are literal characters here).
    expect(total).toBe(0);
  });

  it.each(HOSTILE_NAMES)('training_id=%j is an unknown training (404)', async (value) => {
    const { status, body } = await call(summary, `?training_id=${encodeURIComponent(value)}`);
    expect(status).toBe(404);
    expect(schemas.errorSchema.parse(body).error.param).toBe('training_id');
  });

  const handlers: Record<string, Handler> = {
    terminationStats,
    failureCases,
    unexpectedToolContexts,
    epochProgression,
    epochList,
    trainingComparison,
    trainingList,
  };
  it.each(
    [
      [terminationStats, '?group_by=question', 'group_by'],
      [terminationStats, '?tab=overview&nonsense=1', 'nonsense'],
      [terminationStats, '?epoch_id=1&epoch_min=0', 'epoch_id'],
      [terminationStats, '?reward_min=1&reward_max=0', 'reward_min'],
      [terminationStats, '?k=0', 'k'],
      [terminationStats, '?k=1&k=2', 'k'],
      [terminationStats, `?q=${'x'.repeat(300)}`, 'q'],
      [
        terminationStats,
        `?termination_reason=${Array.from({ length: 101 }, (_, i) => `r${i}`).join(',')}`,
        'termination_reason',
      ],
      [terminationStats, '?termination_reason=%00', 'termination_reason'],
      [terminationStats, '?limit=5', 'limit'],
      [failureCases, '?limit=-1', 'limit'],
      [failureCases, '?limit=100000', 'limit'],
      [failureCases, '?offset=-5', 'offset'],
      [failureCases, '?sort=reward;drop', 'sort'],
      [unexpectedToolContexts, '?offset=abc', 'offset'],
      [epochProgression, '', 'training_id'],
      [epochList, '?training_ids=alpha,beta', 'training_ids'],
      [trainingComparison, '?training_ids=alpha', 'training_ids'],
      [trainingComparison, '?training_ids=alpha,beta&training_id=alpha', 'training_id'],
      [trainingList, '?training_id=alpha', 'training_id'],
    ].map(([handler, query, param]) => [
      Object.keys(handlers).find((name) => handlers[name] === handler)!,
      query,
      param,
    ]) as [string, string, string][],
  )('%s%s → 400 on %s', async (name, query, param) => {
    const { status, body } = await call(handlers[name], query);
    expect(status).toBe(400);
    expect(schemas.errorSchema.parse(body).error.param).toBe(param);
  });

  it('404 for unknown trainings in comparison and progression', async () => {
    expect((await call(trainingComparison, '?training_ids=alpha,ghost')).status).toBe(404);
    expect((await call(epochProgression, '?training_id=ghost')).status).toBe(404);
  });
});

describe('an empty database', () => {
  it('answers empty results, not errors', async () => {
    process.env.LANCEDB_URI = empty.config.uri;
    clearResultCache();
    try {
      expect((await ok(trainingList, '', schemas.trainingListSchema)).trainings).toEqual([]);
      expect((await ok(terminationStats, '', schemas.terminationStatsSchema)).total_trajectories).toBe(0);
      const s = await ok(summary, '', schemas.summarySchema);
      expect(s.pass_at_1).toBeNull();
      expect(s.k).toBeNull();
      expect((await ok(failureCases, '', schemas.failureCasesSchema)).total).toBe(0);
      expect((await ok(unexpectedToolContexts, '', schemas.unexpectedToolContextsSchema)).total).toBe(0);
      expect((await ok(toolReturnStats, '', schemas.toolReturnStatsSchema)).tools).toEqual([]);
      expect((await ok(processRewardCorrelation, '', schemas.processRewardCorrelationSchema)).n).toBe(0);
    } finally {
      process.env.LANCEDB_URI = db.config.uri;
    }
  });
});
