import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ingestFiles, ingestText } from '@/lib/ingest';
import { parseAnalysisQuery } from '@/lib/analysis/filters/query';
import { openSource, type Source } from '@/lib/analysis/source';
import { epochList } from '@/lib/analysis/stats/epoch-list';
import { epochProgression } from '@/lib/analysis/stats/epoch-progression';
import { loadFixture, tempDb } from '@/lib/test-support/fixture';
import { runFigures } from './run-figures';

/** Runs besides the fixture's alpha and beta: one that records its dataset, one no trajectory of which has a score. */
const EXTRA = [
  ['delta', 'tau2/airline', 1],
  ['delta', 'tau2/airline', 0],
  ['delta', 'tau2/retail', 1],
  ['gamma', 'swe-bench', null],
].map(([training, dataset, reward], i) =>
  JSON.stringify({
    training_id: training,
    epoch_id: 0,
    sample_id: i,
    data_id: `x${i}`,
    dataset,
    reward,
    steps: [{ action: 'respond', action_input: 'x' }],
  }),
);

const db = tempDb();
let source: Source;

beforeAll(async () => {
  await loadFixture(db.config);
  expect((await ingestText(EXTRA.join('\n'), { db: db.config })).rejected).toBe(0);
  source = await openSource(db.config);
});
afterAll(() => db.cleanup());

describe("the runs table's figures", () => {
  it('gives each run its pass@1 and reward per epoch, computed by hand from the fixture', async () => {
    const figures = await runFigures(source, 0);
    const alpha = figures.get('alpha')!;
    // Epoch 0: success rates 2/4, 0/4, 4/4; rewards 2, −0.5, 3.5 over 12. Epoch 1: 3/4, 1/4, 4/4; rewards 3, 1, 4.
    expect(alpha.epochs.map((e) => [e.epoch, e.trajectories])).toEqual([
      [0, 12],
      [1, 12],
    ]);
    expect(alpha.epochs[0].passAt1).toBeCloseTo(0.5, 12);
    expect(alpha.epochs[0].reward).toBeCloseTo(5 / 12, 12);
    expect(alpha.epochs[1].passAt1).toBeCloseTo(2 / 3, 12);
    expect(alpha.epochs[1].reward).toBeCloseTo(8 / 12, 12);
    expect([alpha.first?.epoch, alpha.latest?.epoch]).toEqual([0, 1]);
    // beta: one epoch, rates 1/2 and 0/2.
    const beta = figures.get('beta')!;
    expect(beta.latest?.value).toBeCloseTo(0.25, 12);
    expect(beta.first?.epoch).toBe(beta.latest?.epoch);
  });

  it('agrees with epoch-list and with the Progress tab’s interval (epoch-progression)', async () => {
    const figures = await runFigures(source, 0);
    const defaults = parseAnalysisQuery({});
    for (const id of ['alpha', 'beta', 'delta']) {
      const run = figures.get(id)!;
      const list = await epochList({ ...defaults, training_id: [id] }, source);
      expect(run.epochs.map((e) => [e.epoch, e.passAt1, e.reward, e.trajectories])).toEqual(
        list.epochs.map((e) => [e.epoch_id, e.pass_at_1, e.avg_reward, e.trajectory_count]),
      );
      const progression = await epochProgression({ ...defaults, training_id: [id] }, source);
      expect(run.first?.ci).toEqual(progression.epochs[0].pass_at_1_ci);
      expect(run.latest?.ci).toEqual(progression.epochs.at(-1)!.pass_at_1_ci);
      expect(run.latest?.ci).not.toBeNull();
    }
  });

  it('names the domain of a tau2 run beside its dataset, from its question ids', async () => {
    const tau2 = tempDb();
    try {
      const file = path.join(process.cwd(), 'test-data', 'tau2-bench', 'telecom-grok-3-trimmed.json');
      expect((await ingestFiles([file], { db: tau2.config })).rejected).toBe(0);
      const figures = await runFigures(await openSource(tau2.config), 0);
      // The importer stores dataset "tau2" and question ids "tau2/telecom:<task>".
      expect([...figures.values()].map((run) => run.dataset)).toEqual(['tau2/telecom']);
    } finally {
      tau2.cleanup();
    }
  });

  it("names each run's main dataset, and keeps a run with no score without figures", async () => {
    const figures = await runFigures(source, 0);
    expect(figures.get('delta')?.dataset).toBe('tau2/airline');
    expect(figures.get('alpha')?.dataset).toBeNull();
    expect(figures.get('gamma')).toEqual({ dataset: 'swe-bench', epochs: [], first: null, latest: null });
  });
});
