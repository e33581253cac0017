import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRecords, loadFixture, tempDb } from '../test-support/fixture';
import { countMatching } from './filters/count-matching';
import { epochList } from './stats/epoch-list';
import { epochProgression } from './stats/epoch-progression';
import { AnalysisError } from './errors';
import { failureCases } from './stats/failure-cases';
import { pearson, spearman } from './metrics';
import { processRewardCorrelation, type ProcessRewardCorrelation } from './stats/process-reward-correlation';
import { parseAnalysisQuery, type AnalysisQuery } from './filters/query';
import { rewardCategoryStats, type RewardCategoryStats } from './stats/reward-category-stats';
import { openSource, type Source } from './source';
import { runStat, type Grouped, type Stat, type StatParam } from './stat';
import { summary, type Summary } from './stats/summary';
import { terminationStats, type TerminationStats } from './stats/termination-stats';
import { toolReturnStats, type ToolReturnStats } from './stats/tool-return-stats';
import { getTrajectory, siblingSamples } from './records/trajectory';
import { trainingComparison } from './stats/training-comparison';
import { listTrainings } from './stats/training-list';
import { unexpectedToolContexts } from './stats/unexpected-tool-contexts';

// Every expected figure below is counted by hand from FIXTURE in lib/test-support/fixture.ts.

const db = tempDb();
let source: Source;

beforeAll(async () => {
  await loadFixture(db.config);
  source = await openSource(db.config);
});
afterAll(() => db.cleanup());

const q = (params: Record<string, string> = {}, allowed: (keyof AnalysisQuery)[] = []) =>
  parseAnalysisQuery(new URLSearchParams(params), allowed);
const stat = async <R>(definition: Stat<StatParam, R>, params: Record<string, string> = {}) =>
  (await runStat(definition, q(params, ['group_by']), source)) as R;
const count = async (params: Record<string, string>) =>
  (await stat<TerminationStats>(terminationStats, params)).total_trajectories;

describe('training list', () => {
  it('lists each training with its size, epochs, agent and first timestamp', async () => {
    const { trainings } = await listTrainings(source);
    expect(trainings).toEqual([
      {
        training_id: 'alpha',
        trajectory_count: 24,
        epoch_range: [0, 1],
        epoch_count: 2,
        agent_name: 'alpha-agent',
        // Epoch 0 was written on 2026-01-01 (20,454 days after 1970-01-01), epoch 1 a day later.
        created_at: 1_767_225_600,
        date_range: [1_767_225_600, 1_767_312_000],
      },
      {
        training_id: 'beta',
        trajectory_count: 4,
        epoch_range: [0, 0],
        epoch_count: 1,
        agent_name: 'beta-agent',
        created_at: 1_767_225_600,
        date_range: [1_767_225_600, 1_767_225_600],
      },
    ]);
  });
});

describe('pass@k and average reward', () => {
  it('groups questions per epoch and averages the unbiased estimator', async () => {
    const s = await stat<Summary>(summary, { training_id: 'alpha', epoch_id: '0' });
    expect(s.trajectory_count).toBe(12);
    expect(s.question_count).toBe(3);
    expect(s.k).toBe(4);
    expect(s.pass_at_1).toBeCloseTo(0.5, 12);
    expect(s.pass_at['1']).toBeCloseTo(0.5, 12);
    expect(s.pass_at_k).toBeCloseTo(2 / 3, 12);
    expect(s.pass_at['5']).toBeNull();
    expect(s.pass_at_questions).toEqual({ '1': 3, '4': 3, '5': 0, '10': 0 });
    expect(s.avg_reward).toBeCloseTo(5 / 12, 12);
    expect(s.pass_hat_k).toBeCloseTo(1 / 3, 12); // only q3 has all four successful
  });

  it('uses the requested k and reports not computable when n < k', async () => {
    const s = await stat<Summary>(summary, { training_id: 'alpha', epoch_id: '0', k: '2' });
    expect(s.k).toBe(2);
    expect(s.pass_at_k).toBeCloseTo(11 / 18, 12);
    const beta = await stat<Summary>(summary, { training_id: 'beta', k: '4' });
    expect(beta.pass_at_k).toBeNull();
    expect(beta.pass_at_questions['4']).toBe(0);
  });

  it('never mixes a question across epochs', async () => {
    const s = await stat<Summary>(summary, { training_id: 'alpha' });
    expect(s.question_count).toBe(6);
    expect(s.pass_at_1).toBeCloseTo(3.5 / 6, 12);
  });

  it('honours success_threshold', async () => {
    const s = await stat<Summary>(summary, { training_id: 'alpha', epoch_id: '0', success_threshold: '0.5' });
    expect(s.pass_at_1).toBeCloseTo((0.5 + 0 + 0.75) / 3, 12);
  });

  it('gives a CI around the average reward', async () => {
    const s = await stat<Summary>(summary, { training_id: 'alpha' });
    expect(s.avg_reward).toBeCloseTo(13 / 24, 12);
    expect(s.avg_reward_ci!.low).toBeLessThanOrEqual(s.avg_reward!);
    expect(s.avg_reward_ci!.high).toBeGreaterThanOrEqual(s.avg_reward!);
  });

  it('groups by training', async () => {
    const grouped = (await runStat(
      summary,
      q({ group_by: 'training_id' }, ['group_by']),
      source,
    )) as Grouped<Summary>;
    expect(Object.keys(grouped.groups)).toEqual(['alpha', 'beta']);
    expect(grouped.groups.beta.k).toBe(2);
    expect(grouped.groups.beta.pass_at_1).toBeCloseTo(0.25, 12);
    expect(grouped.groups.beta.pass_at_k).toBeCloseTo(0.5, 12);
  });
});

describe('termination, reward categories and tools', () => {
  it('counts termination reasons, most frequent first', async () => {
    const t = await stat<TerminationStats>(terminationStats);
    expect(t.total_trajectories).toBe(28);
    expect(Object.keys(t.termination_stats)).toEqual([
      'success',
      'wrong_answer',
      'max_turns',
      'timeout',
      'tool_error',
    ]);
    expect(t.termination_stats.success).toEqual({ count: 15, ratio: 15 / 28 });
    expect(t.termination_stats.wrong_answer.count).toBe(8);
    expect(t.termination_stats.tool_error.count).toBe(1);
  });

  it('groups termination by epoch', async () => {
    const g = (await runStat(
      terminationStats,
      q({ group_by: 'epoch_id', training_id: 'alpha' }, ['group_by']),
      source,
    )) as Grouped<TerminationStats>;
    expect(Object.keys(g.groups)).toEqual(['0', '1']);
    expect(g.groups['0'].termination_stats.success.count).toBe(6);
    expect(g.groups['1'].termination_stats.success.count).toBe(8);
  });

  it('splits rewards into perfect / partial / failure with configurable thresholds', async () => {
    const r = await stat<RewardCategoryStats>(rewardCategoryStats);
    expect(r.reward_distribution.perfect_score.count).toBe(14);
    expect(r.reward_distribution.partial_success.count).toBe(1);
    expect(r.reward_distribution.complete_failure.count).toBe(13);
    const strict = await stat<RewardCategoryStats>(rewardCategoryStats, { failure_threshold: '0.5' });
    expect(strict.reward_distribution.partial_success.count).toBe(0);
    expect(strict.reward_distribution.complete_failure.count).toBe(14);
  });

  it('counts calls and failures per tool', async () => {
    const t = await stat<ToolReturnStats>(toolReturnStats);
    expect(t.total_calls).toBe(29);
    expect(t.total_failures).toBe(7);
    expect(t.tools.map((x) => [x.tool, x.calls, x.failures])).toEqual([
      ['search', 16, 4],
      ['python', 9, 3],
      ['calculator', 4, 0],
    ]);
    expect(t.tools[1].failure_rate).toBeCloseTo(3 / 9, 12);
  });

  it('correlates process reward with reward over trajectories that have one', async () => {
    const c = await stat<ProcessRewardCorrelation>(processRewardCorrelation);
    expect(c.n).toBe(25);
    expect(c.missing).toBe(3);
    // The same pairs, rebuilt from the fixture definition: mean of the process rewards that landed on a step.
    const pairs = fixtureRecords()
      .map((r) => {
        const rewards = (r.steps as { process_reward?: number | null }[])
          .map((s) => s.process_reward)
          .filter((v): v is number => typeof v === 'number');
        return rewards.length
          ? [rewards.reduce((a, b) => a + b, 0) / rewards.length, r.reward as number]
          : null;
      })
      .filter((p): p is number[] => p !== null);
    const expected = pearson(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
    expect(c.pearson.r).toBeCloseTo(expected.r!, 12);
    expect(c.pearson.r!).toBeGreaterThan(0.5);
    // Spearman, ranked from each column's value order, equals ranking these pairs (with their many ties) directly.
    const ranked = spearman(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
    expect(c.spearman.r).toBeCloseTo(ranked.r!, 12);
    expect(c.spearman.p).toBeCloseTo(ranked.p!, 12);
    expect(c.scatter).toHaveLength(25);
  });
});

describe('filters', () => {
  it.each([
    [{}, 28],
    [{ training_id: 'alpha' }, 24],
    [{ training_id: 'alpha,beta' }, 28],
    [{ epoch_id: '1' }, 12],
    [{ epoch_min: '1', epoch_max: '1' }, 12],
    [{ reward_max: '0' }, 13],
    [{ reward_min: '0.25', reward_max: '0.75' }, 1],
    [{ termination_reason: 'timeout,max_turns' }, 4],
    [{ tools_any: 'calculator' }, 4],
    [{ tools_all: 'search,python' }, 1],
    [{ tools_none: 'search' }, 15],
    [{ tool_failed: 'any' }, 6],
    [{ tool_failed: 'python' }, 3],
    [{ tool_calls_min: '2' }, 5],
    [{ tool_calls_max: '0' }, 5],
    [{ agent_name: 'beta-agent' }, 4],
    [{ q: 'FRANCE' }, 10],
    [{ q: "it's" }, 10],
    [{ q: 'q3' }, 8],
  ])('%j matches %i trajectories', async (params, expected) => {
    expect(await count(params)).toBe(expected);
  });

  it.each<Record<string, string>>([
    { termination_reason: "success' OR '1'='1" },
    { termination_reason: 'success) OR (1=1' },
    { q: "' OR 1=1 --" },
    { q: "%' OR question LIKE '%" },
    { tools_any: "search'])  OR true OR array_has_any(tools_used, ['x" },
    { tool_failed: "python') OR (1=1" },
    { agent_name: "beta-agent\\' OR 1=1 --" },
  ])('hostile value %j never widens the selection', async (params) => {
    expect(await count(params)).toBe(0);
  });

  it('counts the selection without reading it, with the same filters', async () => {
    expect(await countMatching(source, q({ tools_none: 'search' }))).toBe(15);
    expect(await countMatching(source, q({ q: "' OR 1=1 --" }))).toBe(0);
    expect(await countMatching(source, q())).toBe(28);
  });

  it('answers 404 for an unknown training, including an injection attempt', async () => {
    await expect(count({ training_id: "alpha' OR '1'='1" })).rejects.toMatchObject({
      status: 404,
      param: 'training_id',
    });
  });
});

describe('per-epoch views', () => {
  it('lists epochs with their figures at the k every epoch supports', async () => {
    const list = await epochList(q({ training_id: 'alpha' }), source);
    expect(list.k).toBe(4);
    expect(list.epochs.map((e) => e.epoch_id)).toEqual([0, 1]);
    expect(list.epochs[0].pass_at_1).toBeCloseTo(0.5, 12);
    expect(list.epochs[1].pass_at_1).toBeCloseTo(2 / 3, 12);
    expect(list.epochs[1].pass_at_k).toBeCloseTo(1, 12);
    expect(list.epochs[1].avg_reward).toBeCloseTo(8 / 12, 12);
  });

  it('traces the progression of one training', async () => {
    const p = await epochProgression(q({ training_id: 'alpha', k: '2' }), source);
    expect(p.k).toBe(2);
    expect(p.epochs[0].pass_at_k).toBeCloseTo(11 / 18, 12);
    expect(p.epochs[1].pass_at_k).toBeCloseTo(5 / 6, 12);
    expect(p.epochs[0].termination_stats.success.count).toBe(6);
    expect(p.epochs[0].reward_distribution.partial_success.count).toBe(1);
    expect(p.epochs[0].tool_calls).toBe(15);
    expect(p.epochs[0].tool_failures).toBe(4);
    expect(p.epochs[1].tools.python).toEqual({ calls: 2, failures: 1, failure_rate: 0.5 });
  });

  it('requires exactly one training', async () => {
    await expect(epochProgression(q({}), source)).rejects.toBeInstanceOf(AnalysisError);
    await expect(epochProgression(q({ training_id: 'alpha,beta' }), source)).rejects.toMatchObject({
      param: 'training_id',
    });
    await expect(epochList(q({ training_id: 'nope' }), source)).rejects.toMatchObject({ status: 404 });
  });
});

describe('training comparison', () => {
  it('puts runs side by side at a common k and pairs them on shared questions', async () => {
    const c = await trainingComparison(q({ training_ids: 'alpha,beta' }, ['training_ids']), source);
    // 6 questions of alpha have 4 samples, 2 of beta have 2: k is the most common count, 4.
    expect(c.k).toBe(4);
    expect(c.trainings.map((t) => t.training_id)).toEqual(['alpha', 'beta']);
    // alpha: pass@4 is 1 for every question with a success (5 of 6); beta's questions are too short for k = 4.
    expect(c.trainings[0].pass_at_k).toBeCloseTo(5 / 6, 12);
    expect(c.trainings[0].pass_at_k_questions).toBe(6);
    expect(c.trainings[1].pass_at_k).toBeNull();
    expect(c.trainings[1].pass_at_k_questions).toBe(0);
    const atTwo = await trainingComparison(
      q({ training_ids: 'alpha,beta', k: '2' }, ['training_ids']),
      source,
    );
    expect(atTwo.trainings[1].pass_at_k).toBeCloseTo(0.5, 12);
    expect(c.trainings[0].epochs).toHaveLength(2);
    expect(c.paired).toEqual([
      expect.objectContaining({
        training_id: 'beta',
        baseline: 'alpha',
        common_questions: 2,
        wins: 0,
        ties: 2,
        losses: 0,
      }),
    ]);
    expect(c.paired[0].delta_pass_at_1).toBe(0);
  });

  it('needs two runs', async () => {
    await expect(
      trainingComparison(q({ training_ids: 'alpha' }, ['training_ids']), source),
    ).rejects.toMatchObject({
      param: 'training_ids',
    });
  });
});

describe('failure cases', () => {
  it('lists trajectories with reward ≤ 0.5 by default, worst first, paged', async () => {
    const f = await failureCases(q({ limit: '3' }, ['limit']), source);
    expect(f.total).toBe(14);
    expect(f.filters_applied).toEqual({ reward_max: 0.5 });
    expect(f.data).toHaveLength(3);
    expect(f.data[0].reward).toBe(-0.5);
    expect(f.data[0].termination_reason).toBe('tool_error');
    // alpha epoch 0 q2 sample 3: one failed python call, then the answer (step ids default to the position).
    expect(f.data[0].steps_preview).toEqual([
      {
        step_id: 0,
        action: 'python',
        observation: 'Error: python failed on <script>alert(1)</script>',
        tool_status: 'error',
        action_input: '{"query":"q2-0"}',
      },
      {
        step_id: 1,
        action: 'respond',
        observation: 'final',
        tool_status: null,
        action_input: '{"answer":"-0.5"}',
      },
    ]);
    const next = await failureCases(q({ limit: '3', offset: '12' }, ['limit', 'offset']), source);
    expect(next.data.map((d) => d.reward)).toEqual([0, 0.5]);
  });

  it('sorts by step count descending', async () => {
    const f = await failureCases(q({ sort: '-step_count', limit: '1' }, ['sort', 'limit']), source);
    expect(f.data[0].step_count).toBe(4); // three searches and the answer
  });
});

describe('unexpected tool contexts', () => {
  it('lists each failed call with its neighbours', async () => {
    const all = await unexpectedToolContexts(q({}), source);
    expect(all.total).toBe(7);
    expect(all.tools).toEqual({ search: 4, python: 3 });
    expect(all.data).toHaveLength(7);
    const python = await unexpectedToolContexts(q({ tool: 'python' }, ['tool']), source);
    expect(python.total).toBe(3);
    expect(python.data.every((c) => c.tool === 'python' && c.failed.tool_status === 'error')).toBe(true);
    const partial = python.data.find((c) => c.data_id === 'q3')!;
    expect(partial.before).toBeNull();
    expect(partial.after?.action).toBe('python');
  });

  it('pages over calls, not trajectories', async () => {
    const all = await unexpectedToolContexts(q({}), source);
    const page = await unexpectedToolContexts(q({ offset: '1', limit: '2' }, ['offset', 'limit']), source);
    expect(page.data.map((c) => [c.trajectory_id, c.step_index])).toEqual(
      all.data.slice(1, 3).map((c) => [c.trajectory_id, c.step_index]),
    );
  });
});

describe('one trajectory', () => {
  it('returns parsed steps and its sibling samples', async () => {
    const [first] = (await failureCases(q({ limit: '1' }, ['limit']), source)).data;
    const detail = await getTrajectory(first.trajectory_id, source);
    expect(detail.steps.at(-1)?.action).toBe('respond');
    expect(detail.tools_failed).toEqual(['python']);
    const siblings = await siblingSamples(detail, source);
    expect(siblings.map((s) => s.sample_id)).toEqual([0, 1, 2, 3]);
    await expect(getTrajectory("x' OR '1'='1", source)).rejects.toMatchObject({ status: 404 });
  });
});
