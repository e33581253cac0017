import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../ingest';
import { tempDb } from '../../test-support/fixture';
import { parseAnalysisQuery } from '../filters/query';
import { bootstrapMeanCI } from '../metrics/bootstrap';
import { clusterMeanCI } from '../metrics/cluster-bootstrap';
import { openSource, type Source } from '../source';
import { runStat, type Grouped } from '../stat';
import { summary, type Summary } from './summary';
import { trainingComparison } from './training-comparison';

// Runs A and B, questions q0–q7, three epochs, two samples each. A question's rewards repeat across epochs (the
// correlation that makes pooled epochs no independent questions): reward of (run, question, epoch, sample) below.
const QUESTIONS = 8;
const EPOCHS = 3;
const reward = (run: string, q: number, epoch: number, sample: number) =>
  run === 'A' ? +((q + sample) % 3 === 0) : +((q + sample + epoch) % 4 !== 1);

const db = tempDb();
let source: Source;

beforeAll(async () => {
  const lines: string[] = [];
  for (const run of ['A', 'B'])
    for (let epoch = 0; epoch < EPOCHS; epoch++)
      for (let q = 0; q < QUESTIONS; q++)
        for (let sample = 0; sample < 2; sample++)
          lines.push(
            JSON.stringify({
              training_id: run,
              epoch_id: epoch,
              sample_id: sample,
              data_id: `q${q}`,
              reward: reward(run, q, epoch, sample),
              steps: [{ action: 'respond' }],
            }),
          );
  await ingestText(lines.join('\n'), { db: db.config });
  source = await openSource(db.config);
});
afterAll(() => db.cleanup());

/** Per (epoch, question) of a run, in the order the rows were written: its mean reward and its question index. */
function questionMeans(run: string, epochs: number[]): { means: number[]; clusters: number[] } {
  const means: number[] = [];
  const clusters: number[] = [];
  for (const epoch of epochs)
    for (let q = 0; q < QUESTIONS; q++) {
      means.push((reward(run, q, epoch, 0) + reward(run, q, epoch, 1)) / 2);
      clusters.push(q);
    }
  return { means, clusters };
}

const interval = (ci: { low: number; high: number } | null) => (ci ? { low: ci.low, high: ci.high } : null);

describe('intervals over pooled epochs resample questions with all their epochs', () => {
  it("clusters the summary's interval of a run's epochs; one epoch's interval is the plain one", async () => {
    const all = (await runStat(summary, parseAnalysisQuery({ training_id: 'A' }), source)) as Summary;
    const { means, clusters } = questionMeans('A', [0, 1, 2]);
    const clustered = clusterMeanCI(means, clusters, { resamples: 1000, seed: 1 });
    expect(all.avg_reward_ci).toEqual(interval(clustered));
    // Run A repeats each question's rewards in every epoch: resampling the 24 pairs as independent is narrower.
    const naive = bootstrapMeanCI(means, { resamples: 1000, seed: 1 })!;
    expect(all.avg_reward_ci!.high - all.avg_reward_ci!.low).toBeGreaterThan(naive.high - naive.low);

    const grouped = (await runStat(
      summary,
      parseAnalysisQuery({ training_id: 'A', group_by: 'epoch_id' }, ['group_by']),
      source,
    )) as Grouped<Summary>;
    for (const epoch of [0, 1, 2]) {
      const plain = bootstrapMeanCI(questionMeans('A', [epoch]).means, { resamples: 1000, seed: 1 });
      expect(grouped.groups[String(epoch)].avg_reward_ci).toEqual(interval(plain));
    }
  });

  it("clusters the comparison's overall difference and per-run interval, and leaves each epoch's alone", async () => {
    const comparison = await trainingComparison(
      parseAnalysisQuery({ training_ids: 'A,B' }, ['training_ids']),
      source,
    );
    const a = questionMeans('A', [0, 1, 2]);
    const b = questionMeans('B', [0, 1, 2]);
    // Two samples each: a question's success rate is its mean reward (rewards are 0 or 1).
    const deltas = b.means.map((m, i) => m - a.means[i]);
    const [paired] = comparison.paired;
    expect(paired.delta_pass_at_1).toBeCloseTo(deltas.reduce((s, x) => s + x, 0) / deltas.length, 12);
    expect(paired.delta_ci).toEqual(
      interval(clusterMeanCI(deltas, a.clusters, { resamples: 1000, seed: 3 })),
    );
    for (const epoch of [0, 1, 2]) {
      const epochDeltas = deltas.slice(epoch * QUESTIONS, (epoch + 1) * QUESTIONS);
      expect(paired.per_epoch[epoch].delta_ci).toEqual(
        interval(bootstrapMeanCI(epochDeltas, { resamples: 1000, seed: 3 + epoch })),
      );
    }
    const own = (await runStat(summary, parseAnalysisQuery({ training_id: 'B' }), source)) as Summary;
    expect(comparison.trainings[1].avg_reward_ci).toEqual(own.avg_reward_ci);
    expect(own.avg_reward_ci).toEqual(
      interval(clusterMeanCI(b.means, b.clusters, { resamples: 1000, seed: 1 })),
    );
  });
});
