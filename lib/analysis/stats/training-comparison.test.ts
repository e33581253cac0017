import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../ingest';
import { tempDb } from '../../test-support/fixture';
import { parseAnalysisQuery } from '../filters/query';
import { openSource, type Source } from '../source';
import { sustainedFrom, trainingComparison, type EpochDifference } from './training-comparison';

const epochs = (lows: number[]): EpochDifference[] =>
  lows.map((low, epoch_id) => ({
    epoch_id,
    common_questions: 10,
    delta_pass_at_1: low + 0.05,
    delta_ci: { low, high: low + 0.1 },
  }));
const above = (e: EpochDifference) => e.delta_ci!.low > 0;

describe('sustainedFrom', () => {
  it('is the first epoch of the final unbroken run', () => {
    expect(sustainedFrom(epochs([-0.1, 0.05, 0.02, 0.1]), above)).toBe(1);
    expect(sustainedFrom(epochs([0.1, -0.1, 0.1]), above)).toBe(2);
    expect(sustainedFrom(epochs([0.1, 0.2]), above)).toBe(0);
  });

  it('is null when the last epoch does not hold, or there are no epochs', () => {
    expect(sustainedFrom(epochs([0.1, 0.2, -0.01]), above)).toBeNull();
    expect(sustainedFrom([], above)).toBeNull();
  });
});

// Two runs, two questions, two samples each, three epochs. Success rates by hand:
//   A every epoch: q1 1/2, q2 0/2.
//   B epoch 0: q1 1/2, q2 0/2 (deltas 0, 0); epoch 1: 2/2, 1/2 (deltas .5, .5); epoch 2: 2/2, 2/2 (deltas .5, 1).
const RUNS: Record<string, number[][][]> = {
  A: [
    [
      [1, 0],
      [0, 0],
    ],
    [
      [1, 0],
      [0, 0],
    ],
    [
      [1, 0],
      [0, 0],
    ],
  ],
  B: [
    [
      [1, 0],
      [0, 0],
    ],
    [
      [1, 1],
      [1, 0],
    ],
    [
      [1, 1],
      [1, 1],
    ],
  ],
};

const db = tempDb();
let source: Source;

beforeAll(async () => {
  const lines: string[] = [];
  for (const [training, byEpoch] of Object.entries(RUNS))
    byEpoch.forEach((questions, epoch) =>
      questions.forEach((rewards, q) =>
        rewards.forEach((reward, sample) =>
          lines.push(
            JSON.stringify({
              training_id: training,
              epoch_id: epoch,
              sample_id: sample,
              data_id: `q${q + 1}`,
              reward,
              steps: [{ action: 'respond' }],
            }),
          ),
        ),
      ),
    );
  await ingestText(lines.join('\n'), { db: db.config });
  source = await openSource(db.config);
});
afterAll(() => db.cleanup());

describe('paired comparison', () => {
  it('measures the difference overall and per epoch, and says from which epoch B is better', async () => {
    const comparison = await trainingComparison(
      parseAnalysisQuery({ training_ids: 'A,B' }, ['training_ids']),
      source,
    );
    const [pd] = comparison.paired;
    expect(pd).toMatchObject({
      training_id: 'B',
      baseline: 'A',
      common_questions: 6,
      wins: 4,
      ties: 2,
      losses: 0,
    });
    expect(pd.delta_pass_at_1).toBeCloseTo(2.5 / 6, 12);
    expect(pd.per_epoch.map((e) => [e.epoch_id, e.common_questions, e.delta_pass_at_1])).toEqual([
      [0, 2, 0],
      [1, 2, 0.5],
      [2, 2, 0.75],
    ]);
    expect(pd.per_epoch[1].delta_ci).toEqual({ low: 0.5, high: 0.5 });
    expect(pd.per_epoch[2].delta_ci!.low).toBeGreaterThanOrEqual(0.5);
    expect(pd.better_from_epoch).toBe(1);
    expect(pd.worse_from_epoch).toBeNull();
  });

  it('sees the baseline as worse from the same epoch when the order is swapped', async () => {
    const comparison = await trainingComparison(
      parseAnalysisQuery({ training_ids: 'B,A' }, ['training_ids']),
      source,
    );
    expect(comparison.paired[0]).toMatchObject({
      training_id: 'A',
      better_from_epoch: null,
      worse_from_epoch: 1,
    });
  });
});
