import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../ingest';
import { loadTauBench, tempDb } from '../../test-support/fixture';
import { parseAnalysisQuery } from '../filters/query';
import { openSource, type Source } from '../source';
import { groupZeroVariance } from '../stats/group-zero-variance';
import { runAlerts } from '../stats/run-alerts';
import { runHealth } from '../stats/run-health';

const query = (params: Record<string, string>) =>
  parseAnalysisQuery(new URLSearchParams(params), ['training_id', 'training_ids']);

describe('health on the real tau-bench run (one epoch of 200 trajectories)', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    await loadTauBench(db.config);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  it('raises nothing: its one epoch has no earlier epoch to be judged against', async () => {
    const training_id = 'tau-bench-gpt-4o-airline';
    expect(await runAlerts(query({ training_id }), source)).toEqual({ training_id, alerts: [] });
    const health = await runHealth(query({ training_id }), source);
    const collapse = health.series.find((s) => s.detector === 'reward_collapse')!;
    // 200 trajectories, pass@1 0.42 (test-data/tau-bench/README.md): judged, but with no baseline.
    expect(collapse.points).toEqual([{ epoch_id: 0, value: 0.42, baseline: null, severity: null }]);
  });
});

describe('zero variance counts GRPO groups of at least two samples only', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    // An evaluation run: 60 questions, one sample each, in each of two epochs (rewards 0 and 1 alternating), and a
    // training run with two samples per question whose group q-0 got the same reward twice.
    const lines: string[] = [];
    for (const epoch of [0, 1])
      for (let q = 0; q < 60; q++)
        lines.push(
          JSON.stringify({
            training_id: 'eval',
            epoch_id: epoch,
            data_id: `q-${q}`,
            reward: q % 2,
            steps: [{ action: 'final_answer', content: 'x' }],
          }),
        );
    for (let q = 0; q < 3; q++)
      for (const sample of [0, 1])
        lines.push(
          JSON.stringify({
            training_id: 'grpo',
            epoch_id: 0,
            data_id: `q-${q}`,
            sample_id: sample,
            reward: q === 0 ? 1 : sample,
            steps: [{ action: 'final_answer', content: 'x' }],
          }),
        );
    const summary = await ingestText(lines.join('\n'), { db: db.config });
    expect(summary.rejected).toBe(0);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());

  it('leaves single-sample questions out of the groups and every share', async () => {
    const answer = await groupZeroVariance(query({ training_id: 'eval' }), source);
    expect(
      answer.epochs.map((e) => [e.groups, e.single_sample, e.zero_variance, e.zero_variance_share]),
    ).toEqual([
      [0, 60, 0, 0],
      [0, 60, 0, 0],
    ]);
    const grpo = await groupZeroVariance(query({ training_id: 'grpo' }), source);
    expect(grpo.epochs[0]).toMatchObject({ groups: 3, single_sample: 0, zero_variance: 1, all_pass: 1 });
    expect(grpo.epochs[0].zero_variance_share).toBeCloseTo(1 / 3, 12);
  });

  it('gives the zero-variance detector nothing to judge in an evaluation run', async () => {
    const health = await runHealth(query({ training_id: 'eval' }), source);
    expect(health.series.find((s) => s.detector === 'zero_variance')!.points).toEqual([]);
    expect(health.alerts).toEqual([]);
  });
});
