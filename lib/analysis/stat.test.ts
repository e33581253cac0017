import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestText } from '../ingest';
import { loadFixture, loadTauBench, tempDb } from '../test-support/fixture';
import { epochList } from './stats/epoch-list';
import { groupRows } from './grouping';
import { failureCases } from './stats/failure-cases';
import { defaultK } from './metrics/pass-metrics';
import { parseAnalysisQuery, pickFilters, type AnalysisQuery } from './filters/query';
import { rewardCategoryStats } from './stats/reward-category-stats';
import { clearResultCache, openSource, type Source } from './source';
import { runStat, selectRows, type Stat } from './stat';
import { summary } from './stats/summary';
import { terminationStats } from './stats/termination-stats';

const q = (params: Record<string, string>, allowed: (keyof AnalysisQuery)[] = []): AnalysisQuery =>
  parseAnalysisQuery(new URLSearchParams(params), allowed);

const record = (training: string, data: string, sample: number, reward: number) =>
  JSON.stringify({
    training_id: training,
    epoch_id: 0,
    data_id: data,
    sample_id: sample,
    reward,
    termination_reason: reward > 0 ? 'success' : 'wrong_answer',
    steps: [{ action: 'respond', action_input: String(reward) }],
  });

describe('defaultK', () => {
  it('is the most common sample count, ties going to the larger', () => {
    expect(defaultK([8, 8, 8, 1])).toBe(8);
    expect(defaultK([2, 2, 4, 4])).toBe(4);
    expect(defaultK([4, 4, 2, 2])).toBe(4);
    expect(defaultK([3])).toBe(3);
    expect(defaultK([])).toBeNull();
  });
});

describe('cache keys hold only the filters and the parameters a stat reads', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    await loadFixture(db.config);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  it('a new failure-list sort or page does not recompute the termination donut', async () => {
    clearResultCache();
    const donut = vi.spyOn(terminationStats.spec, 'compute');
    const list = vi.spyOn(failureCases.spec, 'compute');
    const paging: (keyof AnalysisQuery)[] = ['sort', 'offset', 'limit'];
    const first = q({ training_id: 'alpha', sort: 'reward', offset: '0', limit: '2' }, paging);
    const second = q({ training_id: 'alpha', sort: '-step_count', offset: '2', limit: '2' }, paging);
    const a = await terminationStats(first, source);
    const b = await terminationStats(second, source);
    await failureCases(first, source);
    await failureCases(second, source);
    expect(donut).toHaveBeenCalledTimes(1);
    expect(b).toEqual(a);
    expect(list).toHaveBeenCalledTimes(2);
    // A filter does change the donut.
    await terminationStats(q({ training_id: 'alpha', epoch_id: '1' }), source);
    expect(donut).toHaveBeenCalledTimes(2);
    donut.mockRestore();
    list.mockRestore();
  });

  it('a threshold recomputes only the stats that read it', async () => {
    clearResultCache();
    const pass = vi.spyOn(summary.spec, 'compute');
    const categories = vi.spyOn(rewardCategoryStats.spec, 'compute');
    await summary(q({ perfect_threshold: '1' }), source);
    await summary(q({ perfect_threshold: '0.9' }), source);
    await rewardCategoryStats(q({ perfect_threshold: '1' }), source);
    await rewardCategoryStats(q({ perfect_threshold: '0.9' }), source);
    expect(pass).toHaveBeenCalledTimes(1);
    expect(categories).toHaveBeenCalledTimes(2);
    // Grouped and plain are different answers: the grouped one is computed (all groups at once), not taken from the cache.
    const grouped = vi.spyOn(summary.spec, 'computeGroups');
    await runStat(summary, q({ group_by: 'epoch_id' }, ['group_by']), source);
    expect(grouped).toHaveBeenCalledTimes(1);
    expect(pass).toHaveBeenCalledTimes(1);
    grouped.mockRestore();
    pass.mockRestore();
    categories.mockRestore();
  });
});

describe('stats compute over any subset of rows of a selection', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    await loadFixture(db.config);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  // The rows of beta, picked out of a selection of both runs (so they are not 0..n-1), must give what a selection
  // of beta alone gives.
  async function subsetEqualsFiltered<R>(stat: Stat<keyof AnalysisQuery, R>) {
    const query = stat.spec.prepare
      ? stat.spec.prepare(q({ training_id: 'beta' }))
      : q({ training_id: 'beta' });
    const { training_id, ...otherFilters } = pickFilters(query);
    const both = await selectRows(source, otherFilters, [...stat.spec.columns, 'training_id'], {
      withRowIds: stat.spec.withRowIds,
    });
    const codes = both.scan.strings.training_id!;
    const beta = codes.values.indexOf('beta');
    const rows = both.rows.filter((i) => codes.codes[i] === beta);
    expect(rows[0]).toBeGreaterThan(0);
    const context = { source, filters: { ...otherFilters, training_id } };
    const fromSubset = await stat.spec.compute({ scan: both.scan, rows }, query, context);
    expect(fromSubset).toEqual(await stat(query, source));
  }

  it('summary, termination, reward categories, failure list, epoch list', async () => {
    for (const stat of [summary, terminationStats, rewardCategoryStats, epochList, failureCases])
      await subsetEqualsFiltered(stat as Stat<keyof AnalysisQuery, unknown>);
  });
});

describe('a stat computing all groups at once answers as it does group by group', () => {
  const fixture = tempDb();
  const tau = tempDb();
  beforeAll(async () => {
    await loadFixture(fixture.config);
    await loadTauBench(tau.config);
  });
  afterAll(() => {
    fixture.cleanup();
    tau.cleanup();
  });

  it('summary and termination mix by training and by epoch, over every row and over filtered rows', async () => {
    const filterSets: Record<string, string>[] = [
      {},
      { reward_min: '0.5' },
      { termination_reason: 'success' },
      { epoch_min: '1' },
      { reward_max: '-100' },
    ];
    for (const db of [fixture, tau]) {
      const source = await openSource(db.config);
      for (const params of filterSets) {
        for (const groupBy of ['training_id', 'epoch_id'] as const) {
          for (const threshold of ['0.5', '0']) {
            const query = q({ ...params, success_threshold: threshold }, ['success_threshold']);
            const selection = await selectRows(source, pickFilters(query), [
              ...summary.spec.columns,
              groupBy,
            ]);
            const together = summary.spec.computeGroups!(selection, groupBy, query);
            const oneByOne = new Map(
              [...groupRows(selection.scan, groupBy, selection.rows)].map(([key, rows]) => [
                key,
                summary.spec.compute({ scan: selection.scan, rows }, query, { source, filters: {} }),
              ]),
            );
            expect([...together.keys()]).toEqual([...oneByOne.keys()]);
            expect(together).toEqual(oneByOne);
          }
        }
      }
    }
  });
});

describe('the default k does not collapse on one short question', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    // Run "short": a has 3 samples (1 success), b has 3 (none), c has a single successful sample.
    const lines = [
      record('short', 'a', 0, 1),
      record('short', 'a', 1, 0),
      record('short', 'a', 2, 0),
      record('short', 'b', 0, 0),
      record('short', 'b', 1, 0),
      record('short', 'b', 2, 0),
      record('short', 'c', 0, 1),
    ];
    await ingestText(lines.join('\n'), { db: db.config });
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  it('uses k = 3 and leaves the 1-sample question out of pass@3', async () => {
    const s = await summary(q({}), source);
    expect(s.k).toBe(3);
    // pass@3: a has a success among its 3 → 1; b → 0; c (n = 1 < 3) is not computable, so not counted.
    expect(s.pass_at_k).toBe(0.5);
    expect(s.pass_at_k_questions).toBe(2);
    expect(s.question_count).toBe(3);
    // pass@1 still covers all three: (1/3 + 0 + 1) / 3.
    expect(s.pass_at_1).toBeCloseTo(4 / 9, 12);
  });

  it('keeps the same k per epoch in the epoch list', async () => {
    const list = await epochList(q({}), source);
    expect(list.training_id).toBeNull();
    expect(list.k).toBe(3);
    expect(list.epochs).toEqual([
      expect.objectContaining({ epoch_id: 0, trajectory_count: 7, pass_at_k: 0.5, pass_at_k_questions: 2 }),
    ]);
  });
});

describe('tau-bench with one extra 1-sample question', () => {
  const db = tempDb();
  let source: Source;
  const TRAINING = 'tau-bench-gpt-4o-airline';
  beforeAll(async () => {
    await loadTauBench(db.config);
    await ingestText(record(TRAINING, 'extra-task', 0, 1), { db: db.config });
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  it('keeps k = 4 and pass@4 = 0.72 over the 50 four-trial tasks', async () => {
    const s = await summary(q({}), source);
    expect(s.question_count).toBe(51);
    expect(s.k).toBe(4);
    expect(s.pass_at_k).toBeCloseTo(0.72, 12);
    expect(s.pass_at_k_questions).toBe(50);
    // pass@1 over all 51: (0.42 · 50 + 1) / 51 = 22/51.
    expect(s.pass_at_1).toBeCloseTo(22 / 51, 12);
    expect(s.pass_at['5']).toBeNull();
    const atTwo = await summary(q({ k: '2' }), source);
    expect(atTwo.pass_at_k).toBeCloseTo(0.5667, 4);
    expect(atTwo.pass_at_k_questions).toBe(50);
  });
});
