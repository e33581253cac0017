import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../ingest';
import { tempDb } from '../../test-support/fixture';
import { AnalysisError } from '../errors';
import { parseAnalysisQuery } from '../filters/query';
import { bootstrapMeanCI } from '../metrics';
import { openSource, type Source } from '../source';
import { epochProgression } from './epoch-progression';
import { summary } from './summary';
import {
  MAX_COMPARED,
  sharedBootstrap,
  sustainedFrom,
  trainingComparison,
  type EpochDifference,
} from './training-comparison';

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
// Each question is written COPIES times under its own data_id (q1-0 … q2-4): ten shared questions an epoch, enough for
// an interval to judge (MIN_QUESTIONS_FOR_VERDICT), with the same means.
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

const COPIES = 5;
const db = tempDb();
let source: Source;

beforeAll(async () => {
  const lines: string[] = [];
  for (let copy = 0; copy < COPIES; copy++)
    for (const [training, byEpoch] of Object.entries(RUNS))
      byEpoch.forEach((questions, epoch) =>
        questions.forEach((rewards, q) =>
          rewards.forEach((reward, sample) =>
            lines.push(
              JSON.stringify({
                training_id: training,
                epoch_id: epoch,
                sample_id: sample,
                data_id: `q${q + 1}-${copy}`,
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
      common_questions: 30,
      wins: 20,
      ties: 10,
      losses: 0,
    });
    expect(pd.delta_pass_at_1).toBeCloseTo(2.5 / 6, 12);
    expect(pd.per_epoch.map((e) => [e.epoch_id, e.common_questions, e.delta_pass_at_1])).toEqual([
      [0, 10, 0],
      [1, 10, 0.5],
      [2, 10, 0.75],
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

describe('sharedBootstrap', () => {
  const random = (i: number) => (((Math.sin(i * 12.9898) * 43758.5453) % 1) + 1) % 1;

  it('gives bootstrapMeanCI figure for figure, the first time and when it reuses the draws', () => {
    const ci = sharedBootstrap();
    for (const [n, seed] of [
      [32, 3],
      [32, 3],
      [32, 4],
      [320, 1],
      [2, 9],
      [600, 3],
    ]) {
      for (let run = 0; run < 3; run++) {
        const values = Array.from({ length: n }, (_, i) => Math.round(random(i * 31 + run * 7 + n) * 8) / 8);
        expect(ci(values, seed)).toEqual(bootstrapMeanCI(values, { resamples: 1000, seed }));
      }
    }
  });

  it('leaves empty input, one value and NaN to bootstrapMeanCI', () => {
    const ci = sharedBootstrap();
    expect(ci([], 3)).toBeNull();
    expect(ci([0.5], 3)).toEqual({ mean: 0.5, low: 0.5, high: 0.5 });
    expect(ci([0.5, NaN, 1, 0], 3)).toEqual(bootstrapMeanCI([0.5, NaN, 1, 0], { resamples: 1000, seed: 3 }));
  });
});

// 40 runs, two epochs, two questions, two samples; reward 1 is a success. Run r, in both epochs:
//   q1: [0, 1] for r < 20, [1, 1] from run 20;  q2: [0, 0] for even r, [0, 1] for odd r.
// By hand:
//   run-00 (the baseline): rates q1 1/2, q2 0 → pass@1 (1/2 + 0 + 1/2 + 0) / 4 = 0.25; reward 2/8 = 0.25.
//   run-17: rates 1/2, 1/2 → pass@1 0.5, reward 4/8; against run-00: q1 +0, q2 +1/2 in each epoch:
//     Δ = 1/4, 2 wins, 2 ties, 0 losses; no epoch where all of its deltas clear 0 (CI low 0).
//   run-39: rates 1, 1/2 → pass@1 0.75, reward 6/8; Δ +1/2 on every question: CI [0.5, 0.5], better from epoch 0.
const MANY = 40;
const manyId = (r: number) => `run-${String(r).padStart(2, '0')}`;
const manyDb = tempDb();
let manySource: Source;

beforeAll(async () => {
  const lines: string[] = [];
  for (let r = 0; r < MANY; r++)
    for (let epoch = 0; epoch < 2; epoch++) {
      const rewards: Record<string, number[]> = { q1: [r < 20 ? 0 : 1, 1], q2: [0, r % 2] };
      for (const [question, samples] of Object.entries(rewards))
        samples.forEach((reward, sample) =>
          lines.push(
            JSON.stringify({
              training_id: manyId(r),
              epoch_id: epoch,
              sample_id: sample,
              data_id: question,
              reward,
              steps: [{ action: 'respond' }],
            }),
          ),
        );
    }
  await ingestText(lines.join('\n'), { db: manyDb.config });
  manySource = await openSource(manyDb.config);
});
afterAll(() => manyDb.cleanup());

describe('a comparison of many runs', () => {
  const ids = Array.from({ length: MANY }, (_, r) => manyId(r));

  it('answers all 40 runs, each paired with the first', async () => {
    const comparison = await trainingComparison(
      parseAnalysisQuery({ training_ids: ids.join(',') }, ['training_ids']),
      manySource,
    );
    expect(comparison.trainings.map((t) => t.training_id)).toEqual(ids);
    expect(comparison.paired.map((pd) => pd.training_id)).toEqual(ids.slice(1));
    expect(new Set(comparison.paired.map((pd) => pd.baseline))).toEqual(new Set(['run-00']));

    const byId = new Map(comparison.trainings.map((t) => [t.training_id, t]));
    expect(byId.get('run-00')).toMatchObject({ trajectory_count: 8, pass_at_1: 0.25, avg_reward: 0.25 });
    expect(byId.get('run-17')).toMatchObject({ trajectory_count: 8, pass_at_1: 0.5, avg_reward: 0.5 });
    expect(byId.get('run-39')).toMatchObject({ trajectory_count: 8, pass_at_1: 0.75, avg_reward: 0.75 });
    expect(byId.get('run-39')!.epochs.map((e) => [e.epoch_id, e.pass_at_1, e.avg_reward])).toEqual([
      [0, 0.75, 0.75],
      [1, 0.75, 0.75],
    ]);

    const paired = new Map(comparison.paired.map((pd) => [pd.training_id, pd]));
    expect(paired.get('run-17')).toMatchObject({
      common_questions: 4,
      delta_pass_at_1: 0.25,
      wins: 2,
      ties: 2,
      losses: 0,
      better_from_epoch: null,
      worse_from_epoch: null,
    });
    expect(paired.get('run-17')!.delta_ci!.low).toBe(0);
    expect(paired.get('run-39')).toMatchObject({
      common_questions: 4,
      delta_pass_at_1: 0.5,
      delta_ci: { low: 0.5, high: 0.5 },
      wins: 4,
      ties: 0,
      losses: 0,
      // Higher on its 4 shared questions in every epoch, but 4 are too few to call it (MIN_QUESTIONS_FOR_VERDICT).
      better_from_epoch: null,
      worse_from_epoch: null,
    });
  });

  it("gives each run the summary's and the progression's figures, intervals included", async () => {
    const comparison = await trainingComparison(
      parseAnalysisQuery({ training_ids: ids.join(',') }, ['training_ids']),
      manySource,
    );
    for (const id of ['run-17', 'run-39']) {
      const compared = comparison.trainings.find((t) => t.training_id === id)!;
      const query = parseAnalysisQuery({ training_id: id });
      const own = await summary(query, manySource);
      expect(compared).toMatchObject({ ...own, k: comparison.k });
      expect(compared.avg_reward_ci).not.toBeNull();
      const progression = await epochProgression(query, manySource);
      expect(compared.epochs).toEqual(
        progression.epochs.map((e) => ({
          epoch_id: e.epoch_id,
          trajectory_count: e.trajectory_count,
          avg_reward: e.avg_reward,
          avg_reward_ci: e.avg_reward_ci,
          pass_at_1: e.pass_at_1,
          pass_at_k: e.pass_at_k,
        })),
      );
    }
  });

  it(`takes up to ${MAX_COMPARED} runs, the most a list parameter holds`, async () => {
    expect(MAX_COMPARED).toBe(100);
    expect(() =>
      parseAnalysisQuery({ training_ids: Array.from({ length: 101 }, (_, r) => `r${r}`).join(',') }, [
        'training_ids',
      ]),
    ).toThrow(AnalysisError);
    await expect(
      trainingComparison(parseAnalysisQuery({ training_ids: 'run-00' }, ['training_ids']), manySource),
    ).rejects.toThrow(/at least two/);
  });
});
