import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../ingest';
import { tempDb } from '../../test-support/fixture';
import { groupAdvantages } from '../metrics/group-advantages';
import {
  groupFigures,
  groupNeighbours,
  groupSamples,
  GROUP_NEIGHBOUR_COLUMNS,
  GROUP_SAMPLE_COLUMNS,
} from './group-detail';
import { computeZeroVarianceEpochs, ZERO_VARIANCE_COLUMNS } from './group-zero-variance';
import { ACROSS_RUNS_COLUMNS, computeQuestionRuns } from './question-across-runs';
import { computeDisagreements, DISAGREEMENT_COLUMNS } from './question-disagreement';
import { computeQuestionLearning, type QuestionLearningOptions } from './question-learning';
import { allRows } from '../grouping';
import { scanTable, type Scan, type ScanColumn } from '../scan/scan';
import { openSource, type Source } from '../source';

// Training t: 4 questions × 3 epochs × 4 samples; u: 2 samples of q1 (epochs 0, 1) and q2 (epoch 0).
// Successes (reward > 0) by hand, solved = rate ≥ 0.5:
//   q1  e0 1/4 no   e1 2/4 yes  e2 4/4 yes   overall 7/12, first 1, last 2, flips 1
//   q2  e0 3/4 yes  e1 0/4 no   e2 2/4 yes   overall 5/12, first 0, last 2, flips 2
//   q3  e0 4/4 yes  e1 4/4 yes  e2 3/4 yes   overall 11/12, first 0, last 2, flips 0 (e1 has a 0.5 reward)
//   q10 e0 0/4 no   e1 0/4 no   e2 1/4 no    overall 1/12, never solved, flips 0
const REWARDS: Record<string, Record<number, Record<string, number[]>>> = {
  t: {
    0: { q1: [1, 0, 0, 0], q2: [1, 1, 1, 0], q3: [1, 1, 1, 1], q10: [0, 0, 0, 0] },
    1: { q1: [1, 1, 0, 0], q2: [0, 0, 0, 0], q3: [1, 1, 1, 0.5], q10: [0, 0, 0, 0] },
    2: { q1: [1, 1, 1, 1], q2: [1, 0, 1, 0], q3: [1, 1, 1, 0], q10: [0, 0, 1, 0] },
  },
  u: {
    0: { q1: [1, 1], q2: [0, 0] },
    1: { q1: [0, 1] },
  },
};

// Tool calls of the samples of (t, epoch 1, q3): "name!" is a failed call.
const Q3_E1_CALLS = [['search'], [], ['search', 'python!'], ['python!', 'python!', 'search']];

function records(): string {
  const lines: string[] = [];
  for (const [training, epochs] of Object.entries(REWARDS))
    for (const [epoch, questions] of Object.entries(epochs))
      for (const [question, rewards] of Object.entries(questions))
        rewards.forEach((reward, sample) => {
          const calls = training === 't' && epoch === '1' && question === 'q3' ? Q3_E1_CALLS[sample] : [];
          const steps = [
            ...calls.map((call) => ({
              action: call.replace('!', ''),
              observation: call.endsWith('!') ? 'Error: failed' : 'ok',
              tool_status: call.endsWith('!') ? 'error' : 'success',
            })),
            { action: 'respond', action_input: 'done' },
          ];
          lines.push(
            JSON.stringify({
              training_id: training,
              epoch_id: Number(epoch),
              sample_id: sample,
              data_id: question,
              reward,
              termination_reason: reward > 0 ? 'success' : 'wrong_answer',
              steps,
            }),
          );
        });
  return lines.join('\n');
}

const db = tempDb();
let source: Source;

beforeAll(async () => {
  const summary = await ingestText(records(), { db: db.config });
  expect(summary.rejected).toBe(0);
  source = await openSource(db.config);
});
afterAll(() => db.cleanup());

async function scan(where: string, columns: readonly ScanColumn[]): Promise<Scan> {
  return scanTable(source.table!, { where, columns });
}

const options = (patch: Partial<QuestionLearningOptions> = {}): QuestionLearningOptions => ({
  successThreshold: 0,
  solvedRate: 0.5,
  sort: 'data_id',
  limit: 50,
  offset: 0,
  ...patch,
});

async function learning(patch: Partial<QuestionLearningOptions> = {}) {
  const s = await scan(`training_id = 't'`, ['epoch_id', 'data_id', 'reward']);
  return computeQuestionLearning(s, allRows(s.length), 't', options(patch));
}

describe('question learning', () => {
  it('builds the questions × epochs grid in natural data_id order', async () => {
    const result = await learning();
    expect(result.epochs).toEqual([0, 1, 2]);
    expect(result.total).toBe(4);
    expect(result.questions.map((q) => q.data_id)).toEqual(['q1', 'q2', 'q3', 'q10']);
    const q1 = result.questions[0];
    expect(q1.cells.map((c) => c?.success_rate)).toEqual([0.25, 0.5, 1]);
    expect(q1.cells.map((c) => c?.solved)).toEqual([false, true, true]);
    expect(q1.cells[1]).toEqual({ samples: 4, successes: 2, success_rate: 0.5, solved: true });
    expect(q1).toMatchObject({
      samples: 12,
      success_rate: 7 / 12,
      first_solved: 1,
      last_solved: 2,
      flips: 1,
    });
    expect(result.questions[1]).toMatchObject({
      success_rate: 5 / 12,
      first_solved: 0,
      last_solved: 2,
      flips: 2,
    });
    expect(result.questions[2]).toMatchObject({
      success_rate: 11 / 12,
      first_solved: 0,
      last_solved: 2,
      flips: 0,
    });
    expect(result.questions[3]).toMatchObject({
      success_rate: 1 / 12,
      first_solved: null,
      last_solved: null,
      flips: 0,
    });
  });

  it('counts newly solved, regressed, always and never solved questions per epoch', async () => {
    const { transitions } = await learning();
    expect(transitions).toEqual([
      {
        epoch_id: 0,
        questions: 4,
        solved: 2,
        newly_solved: null,
        regressed: null,
        always_solved: 2,
        never_solved: 2,
      },
      {
        epoch_id: 1,
        questions: 4,
        solved: 2,
        newly_solved: 1,
        regressed: 1,
        always_solved: 1,
        never_solved: 1,
      },
      {
        epoch_id: 2,
        questions: 4,
        solved: 3,
        newly_solved: 1,
        regressed: 0,
        always_solved: 1,
        never_solved: 1,
      },
    ]);
  });

  it('moves with the solved threshold', async () => {
    // Solved = rate ≥ 0.75: q1 e2, q2 e0, q3 everywhere.
    const { transitions, questions } = await learning({ solvedRate: 0.75 });
    expect(transitions.map((t) => t.solved)).toEqual([2, 1, 2]);
    expect(transitions.map((t) => t.regressed)).toEqual([null, 1, 0]);
    expect(questions[0]).toMatchObject({ data_id: 'q1', first_solved: 2, flips: 1 });
  });

  it('sorts by difficulty, first and last solved epoch and flips, ties by data_id', async () => {
    const order = async (sort: QuestionLearningOptions['sort']) =>
      (await learning({ sort })).questions.map((q) => q.data_id);
    expect(await order('difficulty')).toEqual(['q10', 'q2', 'q1', 'q3']);
    expect(await order('-difficulty')).toEqual(['q3', 'q1', 'q2', 'q10']);
    expect(await order('first_solved')).toEqual(['q2', 'q3', 'q1', 'q10']);
    expect(await order('-first_solved')).toEqual(['q1', 'q2', 'q3', 'q10']);
    expect(await order('-flips')).toEqual(['q2', 'q1', 'q3', 'q10']);
  });

  it('keeps the questions with a status at an epoch, the last one by default', async () => {
    const ids = async (patch: Partial<QuestionLearningOptions>) => {
      const result = await learning(patch);
      return [result.status_epoch, result.questions.map((q) => q.data_id)];
    };
    expect(await ids({ status: 'regressed', statusEpoch: 1 })).toEqual([1, ['q2']]);
    expect(await ids({ status: 'newly_solved', statusEpoch: 1 })).toEqual([1, ['q1']]);
    expect(await ids({ status: 'newly_solved' })).toEqual([2, ['q2']]);
    expect(await ids({ status: 'always_solved', statusEpoch: 0 })).toEqual([0, ['q2', 'q3']]);
    expect(await ids({ status: 'never_solved' })).toEqual([2, ['q10']]);
    expect(await ids({ status: 'regressed', statusEpoch: 7 })).toEqual([7, []]);
  });

  it('pages after sorting and filtering', async () => {
    const result = await learning({ limit: 2, offset: 1 });
    expect(result.total).toBe(4);
    expect(result.questions.map((q) => q.data_id)).toEqual(['q2', 'q3']);
  });

  it('marks a question missing from an epoch as an empty cell and compares across the gap', async () => {
    const s = await scan(`training_id = 'u'`, ['epoch_id', 'data_id', 'reward']);
    const result = computeQuestionLearning(s, allRows(s.length), 'u', options());
    // q2 only in epoch 0 (0/2): the epoch 1 cell is empty and it is not counted there.
    expect(result.questions[1].cells).toEqual([
      { samples: 2, successes: 0, success_rate: 0, solved: false },
      null,
    ]);
    expect(result.transitions[1]).toMatchObject({ questions: 1, solved: 1, regressed: 0, newly_solved: 0 });
  });
});

describe('group advantages', () => {
  it('normalises by the population standard deviation', () => {
    // mean 0.875, deviations .125 ×3 and −.375, variance .1875 / 4 = .046875: advantages 1/√3 and −√3.
    const result = groupAdvantages([1, 1, 1, 0.5]);
    expect(result.mean).toBe(0.875);
    expect(result.std).toBeCloseTo(Math.sqrt(0.046875), 12);
    expect(result.advantages[0]).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(result.advantages[3]).toBeCloseTo(-Math.sqrt(3), 12);
    expect(result.learning_signal).toBe(true);
  });

  it('gives every sample 0 and no learning signal when the rewards are all equal', () => {
    expect(groupAdvantages([0, 0, 0])).toEqual({
      mean: 0,
      std: 0,
      advantages: [0, 0, 0],
      learning_signal: false,
    });
    expect(groupAdvantages([1, 0])).toMatchObject({ mean: 0.5, std: 0.5, advantages: [1, -1] });
  });
});

describe('group detail', () => {
  it('shows each sample with reward, advantage, termination, tool path and length', async () => {
    const s = await scan(`training_id = 't' AND epoch_id = 1 AND data_id = 'q3'`, GROUP_SAMPLE_COLUMNS);
    const samples = groupSamples(s, allRows(s.length), 0);
    expect(samples.map((x) => x.sample_id)).toEqual([0, 1, 2, 3]);
    expect(samples.map((x) => x.reward)).toEqual([1, 1, 1, 0.5]);
    expect(samples[3].advantage).toBeCloseTo(-Math.sqrt(3), 12);
    expect(samples[3].success).toBe(true);
    expect(samples[2].tool_path).toEqual([
      { tool: 'search', failed: false },
      { tool: 'python', failed: true },
    ]);
    expect(samples[3].tool_path.map((c) => c.failed)).toEqual([true, true, false]);
    expect(samples.map((x) => x.step_count)).toEqual([2, 1, 3, 4]);
    expect(samples[0].termination_reason).toBe('success');
    expect(groupFigures(samples)).toMatchObject({
      mean_reward: 0.875,
      min_reward: 0.5,
      max_reward: 1,
      success_rate: 1,
      learning_signal: true,
    });
  });

  it('says there is no learning signal when all samples failed alike', async () => {
    const s = await scan(`training_id = 't' AND epoch_id = 1 AND data_id = 'q2'`, GROUP_SAMPLE_COLUMNS);
    const samples = groupSamples(s, allRows(s.length), 0);
    expect(samples.map((x) => x.advantage)).toEqual([0, 0, 0, 0]);
    expect(groupFigures(samples)).toMatchObject({ reward_std: 0, success_rate: 0, learning_signal: false });
  });

  it('finds the neighbouring questions and epochs', async () => {
    const s = await scan(`training_id = 't'`, GROUP_NEIGHBOUR_COLUMNS);
    expect(groupNeighbours(s, allRows(s.length), 1, 'q3')).toEqual({
      previous_data_id: 'q2',
      next_data_id: 'q10',
      previous_epoch: 0,
      next_epoch: 2,
    });
    expect(groupNeighbours(s, allRows(s.length), 0, 'q1')).toEqual({
      previous_data_id: null,
      next_data_id: 'q2',
      previous_epoch: null,
      next_epoch: 1,
    });
  });
});

describe('zero-variance groups', () => {
  it('counts the groups whose samples all got the same reward, split all-pass / all-fail', async () => {
    const s = await scan(`training_id = 't'`, ZERO_VARIANCE_COLUMNS);
    const epochs = computeZeroVarianceEpochs(s, allRows(s.length), 0);
    // e0: q3 all 1, q10 all 0. e1: q2, q10 all 0 (q3 all successes but 0.5 ≠ 1). e2: q1 all 1.
    expect(epochs).toEqual([
      {
        epoch_id: 0,
        groups: 4,
        single_sample: 0,
        zero_variance: 2,
        all_pass: 1,
        all_fail: 1,
        zero_variance_share: 0.5,
        all_pass_share: 0.25,
        all_fail_share: 0.25,
      },
      {
        epoch_id: 1,
        groups: 4,
        single_sample: 0,
        zero_variance: 2,
        all_pass: 0,
        all_fail: 2,
        zero_variance_share: 0.5,
        all_pass_share: 0,
        all_fail_share: 0.5,
      },
      {
        epoch_id: 2,
        groups: 4,
        single_sample: 0,
        zero_variance: 1,
        all_pass: 1,
        all_fail: 0,
        zero_variance_share: 0.25,
        all_pass_share: 0.25,
        all_fail_share: 0,
      },
    ]);
  });
});

describe('one question across runs', () => {
  it('shows each run at its last epoch with the question, with its per-epoch curve', async () => {
    const s = await scan(`data_id = 'q1'`, ACROSS_RUNS_COLUMNS);
    const [t, u] = computeQuestionRuns(s, allRows(s.length), ['t', 'u'], null, 0);
    expect(t).toMatchObject({
      epoch_id: 2,
      samples: 4,
      successes: 4,
      success_rate: 1,
      avg_reward: 1,
      rewards: [1, 1, 1, 1],
    });
    expect(t.curve.map((p) => p.success_rate)).toEqual([0.25, 0.5, 1]);
    expect(u).toMatchObject({ epoch_id: 1, samples: 2, successes: 1, success_rate: 0.5, rewards: [0, 1] });
    expect(u.curve).toEqual([
      { epoch_id: 0, samples: 2, successes: 2, success_rate: 1 },
      { epoch_id: 1, samples: 2, successes: 1, success_rate: 0.5 },
    ]);
  });

  it('shows the same epoch in each run, and an empty entry for a run without the question', async () => {
    const s = await scan(`data_id = 'q1'`, ACROSS_RUNS_COLUMNS);
    const [t, u] = computeQuestionRuns(s, allRows(s.length), ['t', 'u'], 0, 0);
    expect([t.success_rate, u.success_rate]).toEqual([0.25, 1]);
    const s3 = await scan(`data_id = 'q3'`, ACROSS_RUNS_COLUMNS);
    const [, missing] = computeQuestionRuns(s3, allRows(s3.length), ['t', 'u'], null, 0);
    expect(missing).toEqual({
      training_id: 'u',
      epoch_id: null,
      samples: 0,
      successes: 0,
      success_rate: null,
      avg_reward: null,
      rewards: [],
      curve: [],
    });
  });
});

describe('question disagreement', () => {
  it('orders questions by the absolute success-rate difference over shared epochs', async () => {
    const s = await scan(`training_id IN ('t', 'u')`, DISAGREEMENT_COLUMNS);
    // q2 shares epoch 0: t 3/4, u 0/2 → −0.75. q1 shares epochs 0, 1: t 3/8, u 3/4 → +0.375. q3, q10: not in u.
    expect(computeDisagreements(s, allRows(s.length), ['t', 'u'], 0)).toEqual([
      { data_id: 'q2', shared_epochs: 1, samples: [4, 2], success_rates: [0.75, 0], difference: -0.75 },
      { data_id: 'q1', shared_epochs: 2, samples: [8, 4], success_rates: [0.375, 0.75], difference: 0.375 },
    ]);
  });
});
