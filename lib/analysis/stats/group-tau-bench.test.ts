import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTauBench, tempDb } from '../../test-support/fixture';
import { groupFigures, groupSamples, GROUP_SAMPLE_COLUMNS } from './group-detail';
import { computeZeroVarianceEpochs, ZERO_VARIANCE_COLUMNS } from './group-zero-variance';
import { allRows } from '../grouping';
import { computeQuestionLearning } from './question-learning';
import { scanTable } from '../scan/scan';
import { openSource, type Source } from '../source';

// The real tau-bench file: gpt-4o on airline, 50 tasks × 4 trials, all in epoch 0. Counted from the JSONL by hand:
// 24 tasks got the same reward in all four trials, 10 of them all 1 and 14 all 0.
// airline:1 has rewards [0, 1, 0, 0] (trials 0–3): mean 0.25, population std √0.1875, advantages −1/√3 and √3; the
// successful trial called get_user_details, get_reservation_details ×3 and cancel_reservation, none failed.
const db = tempDb();
let source: Source;

beforeAll(async () => {
  await loadTauBench(db.config);
  source = await openSource(db.config);
}, 60_000);
afterAll(() => db.cleanup());

describe('tau-bench groups', () => {
  it('has 48 % zero-variance groups: 20 % all pass, 28 % all fail', async () => {
    const scan = await scanTable(source.table!, { columns: ZERO_VARIANCE_COLUMNS });
    expect(computeZeroVarianceEpochs(scan, allRows(scan.length), 0)).toEqual([
      {
        epoch_id: 0,
        groups: 50,
        single_sample: 0,
        zero_variance: 24,
        all_pass: 10,
        all_fail: 14,
        zero_variance_share: 0.48,
        all_pass_share: 0.2,
        all_fail_share: 0.28,
      },
    ]);
  });

  it('normalises the advantages of airline:1', async () => {
    const scan = await scanTable(source.table!, {
      where: `data_id = 'airline:1'`,
      columns: GROUP_SAMPLE_COLUMNS,
    });
    const samples = groupSamples(scan, allRows(scan.length), 0);
    expect(samples.map((s) => s.reward)).toEqual([0, 1, 0, 0]);
    expect(samples[0].advantage).toBeCloseTo(-1 / Math.sqrt(3), 12);
    expect(samples[1].advantage).toBeCloseTo(Math.sqrt(3), 12);
    expect(samples[1].tool_path).toEqual(
      [
        'get_user_details',
        'get_reservation_details',
        'get_reservation_details',
        'get_reservation_details',
        'cancel_reservation',
      ].map((tool) => ({ tool, failed: false })),
    );
    const figures = groupFigures(samples);
    expect(figures.mean_reward).toBe(0.25);
    expect(figures.reward_std).toBeCloseTo(Math.sqrt(0.1875), 12);
    expect(figures.learning_signal).toBe(true);
  });

  it('solves 24 tasks at a 0.5 success rate in its one epoch', async () => {
    // Successful trials per task, counted from the JSONL: 0 of 4 for 14 tasks, 1 for 12, 2 for 10, 3 for 4, 4 for 10
    // (84 successes in all: pass@1 0.42). Solved (≥ 2 of 4): 10 + 4 + 10 = 24.
    const scan = await scanTable(source.table!, { columns: ['epoch_id', 'data_id', 'reward'] });
    const result = computeQuestionLearning(scan, allRows(scan.length), 'tau', {
      successThreshold: 0,
      solvedRate: 0.5,
      sort: 'data_id',
      limit: 50,
      offset: 0,
    });
    expect(result.transitions).toEqual([
      {
        epoch_id: 0,
        questions: 50,
        solved: 24,
        newly_solved: null,
        regressed: null,
        always_solved: 24,
        never_solved: 26,
      },
    ]);
  });
});
