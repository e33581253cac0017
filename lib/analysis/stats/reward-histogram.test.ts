import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../ingest';
import { loadTauBench, tempDb } from '../../test-support/fixture';
import { AnalysisError } from '../errors';
import { parseAnalysisQuery } from '../filters/query';
import { openSource, type Source } from '../source';
import { rewardCategoryStats } from './reward-category-stats';
import { REWARD_HISTOGRAM_BINS, rewardHistogram } from './reward-histogram';

// Rewards by training and epoch. Training t spans [0, 1], so its bins are tenths; u and v must not move t's bins.
const REWARDS: Record<string, Record<number, number[]>> = {
  t: { 0: [0, 0, 0.25, 1], 1: [0.3, 0.7, 1, 1, 0.1] },
  u: { 0: [-1, 3] },
  v: { 0: [0.5, 0.5], 2: [0.5] },
};

function records(): string {
  return Object.entries(REWARDS)
    .flatMap(([training, epochs]) =>
      Object.entries(epochs).flatMap(([epoch, rewards]) =>
        rewards.map((reward, i) =>
          JSON.stringify({
            training_id: training,
            epoch_id: Number(epoch),
            sample_id: 0,
            data_id: `q${i}`,
            reward,
            termination_reason: 'done',
            steps: [{ action: 'respond', action_input: 'x' }],
          }),
        ),
      ),
    )
    .join('\n');
}

const db = tempDb();
let source: Source;

beforeAll(async () => {
  const ingested = await ingestText(records(), { db: db.config });
  expect(ingested.rejected).toBe(0);
  source = await openSource(db.config);
});
afterAll(() => db.cleanup());

const histogram = (params: Record<string, string>) =>
  rewardHistogram(parseAnalysisQuery(new URLSearchParams(params), ['training_id']), source);

describe('reward histogram', () => {
  it('bins one training by tenths of its reward range, per epoch, edges in the bin they start', async () => {
    const result = await histogram({ training_id: 't' });
    expect(result.training_id).toBe('t');
    expect(result.bins).toHaveLength(REWARD_HISTOGRAM_BINS);
    expect(result.bins[0]).toEqual({ low: 0, high: 0.1 });
    expect(result.bins[9]).toEqual({ low: 0.9, high: 1 });
    result.bins.forEach((bin, b) => {
      expect(bin.low).toBeCloseTo(b / 10, 12);
      expect(bin.high).toBeCloseTo((b + 1) / 10, 12);
    });
    expect(result.epochs).toEqual([
      { epoch_id: 0, trajectory_count: 4, counts: [2, 0, 1, 0, 0, 0, 0, 0, 0, 1] },
      { epoch_id: 1, trajectory_count: 5, counts: [0, 1, 0, 1, 0, 0, 0, 1, 0, 2] },
    ]);
  });

  it('takes its bins from the filtered rows', async () => {
    // Rewards ≤ 0.5 of t: 0, 0, 0.25 | 0.3, 0.1 → range [0, 0.3], bins of 0.03; 0.3 closes the last bin.
    const result = await histogram({ training_id: 't', reward_max: '0.5' });
    expect(result.bins[0].low).toBe(0);
    expect(result.bins[9].high).toBe(0.3);
    expect(result.epochs).toEqual([
      { epoch_id: 0, trajectory_count: 3, counts: [2, 0, 0, 0, 0, 0, 0, 0, 1, 0] },
      { epoch_id: 1, trajectory_count: 2, counts: [0, 0, 0, 1, 0, 0, 0, 0, 0, 1] },
    ]);
  });

  it('gives one bin when every reward is the same, and none when nothing is selected', async () => {
    expect(await histogram({ training_id: 'v' })).toEqual({
      training_id: 'v',
      bins: [{ low: 0.5, high: 0.5 }],
      epochs: [
        { epoch_id: 0, trajectory_count: 2, counts: [2] },
        { epoch_id: 2, trajectory_count: 1, counts: [1] },
      ],
    });
    expect(await histogram({ training_id: 't', reward_min: '5' })).toEqual({
      training_id: 't',
      bins: [],
      epochs: [],
    });
  });

  it('asks for exactly one training', async () => {
    await expect(histogram({})).rejects.toThrow(AnalysisError);
    await expect(histogram({ training_id: 't,u' })).rejects.toMatchObject({ param: 'training_id' });
  });
});

describe('reward histogram of the real tau-bench run', () => {
  const tau = tempDb();
  let tauSource: Source;
  beforeAll(async () => {
    await loadTauBench(tau.config);
    tauSource = await openSource(tau.config);
  });
  afterAll(() => tau.cleanup());

  it('puts its 0/1 rewards in the end bins: 116 failures and 84 successes of 200 (pass@1 0.42)', async () => {
    const query = parseAnalysisQuery(new URLSearchParams({ training_id: 'tau-bench-gpt-4o-airline' }), [
      'training_id',
    ]);
    const result = await rewardHistogram(query, tauSource);
    expect(result.bins[0].low).toBe(0);
    expect(result.bins.at(-1)!.high).toBe(1);
    expect(result.epochs).toEqual([
      { epoch_id: 0, trajectory_count: 200, counts: [116, 0, 0, 0, 0, 0, 0, 0, 0, 84] },
    ]);
    // The same split as the reward categories (perfect: reward ≥ 1, failure: reward ≤ 0).
    const categories = await rewardCategoryStats(query, tauSource);
    expect(categories.reward_distribution.complete_failure.count).toBe(116);
    expect(categories.reward_distribution.perfect_score.count).toBe(84);
  });
});
