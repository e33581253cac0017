import { questionCounts } from '@/lib/analysis/engine/question-groups';
import { groupRows } from '@/lib/analysis/grouping';
import { passAt1CI, PASS_COLUMNS } from '@/lib/analysis/metrics/pass-metrics';
import { strings } from '@/lib/analysis/scan/scan';
import { cached, type Source } from '@/lib/analysis/source';
import { selectRows } from '@/lib/analysis/stat';
import { computeSummary } from '@/lib/analysis/stats/summary';
import { questionSet, type RunFigures } from '@/lib/chart-data/runs-table';

/**
 * The runs table's figures of every run at once: pass@1 and average reward per epoch (as epoch-list answers them for
 * one run), the first and the last scored epoch's pass@1 with its 95 % interval (as epoch-progression's
 * `pass_at_1_ci`, the Progress tab's band), and the run's main dataset. One selection of the scored rows, grouped by
 * run and epoch, cached per table version: no statistic answers the interval for many runs in one request (summary
 * groups by run but has no pass@1 interval and no epochs; epoch-list is one run at a time), and a request per row
 * would cost a hundred requests for a hundred runs. The same compute functions as those stats, so the figures agree.
 */
export function runFigures(source: Source, successThreshold: number): Promise<Map<string, RunFigures>> {
  return cached(source, 'home-run-figures', { success_threshold: successThreshold }, async () => {
    const [scored, all] = await Promise.all([
      selectRows(source, {}, PASS_COLUMNS, { scoring: 'scored' }),
      selectRows(source, {}, ['training_id', 'dataset', 'data_id'], { scoring: 'any' }),
    ]);
    const datasets = mainDatasets(all.scan, all.rows);
    const figures = new Map<string, RunFigures>();
    for (const [id, runRows] of groupRows(scored.scan, 'training_id', scored.rows)) {
      const epochs = [...groupRows(scored.scan, 'epoch_id', runRows)].map(([epoch, rows]) => {
        const summary = computeSummary(
          scored.scan,
          rows,
          { success_threshold: successThreshold, k: undefined },
          { withCi: false },
        );
        return {
          epoch: Number(epoch),
          rows,
          passAt1: summary.pass_at_1,
          reward: summary.avg_reward,
          trajectories: summary.trajectory_count,
        };
      });
      const measured = (at: (typeof epochs)[number] | undefined) =>
        at && {
          epoch: at.epoch,
          value: at.passAt1,
          ci: passAt1CI(questionCounts(scored.scan, at.rows, successThreshold)),
        };
      const first = measured(epochs[0]) ?? null;
      const last = epochs.at(-1);
      const latest = last ? { ...measured(last)!, reward: last.reward } : null;
      figures.set(id, {
        dataset: datasets.get(id) ?? null,
        epochs: epochs.map(({ epoch, passAt1, reward, trajectories }) => ({
          epoch,
          passAt1,
          reward,
          trajectories,
        })),
        first,
        latest,
      });
    }
    for (const [id, dataset] of datasets)
      if (!figures.has(id)) figures.set(id, { dataset, epochs: [], first: null, latest: null });
    return figures;
  });
}

/**
 * Each run's most common dataset with its domain (questionSet: `tau2/airline` of the question `tau2/airline:11`; ties:
 * the one first seen); runs that record none are left out.
 */
function mainDatasets(scan: Parameters<typeof strings>[0], rows: Int32Array): Map<string, string> {
  const training = strings(scan, 'training_id');
  const dataset = strings(scan, 'dataset');
  const question = strings(scan, 'data_id');
  // Worked out once per (dataset, question id) pair, not per row.
  const sets: string[] = [];
  const setCodes = new Map<string, number>();
  const setOfPair = new Map<number, number>();
  const setOf = (i: number): number => {
    const d = dataset.codes[i];
    if (d < 0) return -1;
    const q = question.codes[i];
    const pair = d * (question.values.length + 1) + q + 1;
    const known = setOfPair.get(pair);
    if (known !== undefined) return known;
    const name = questionSet(dataset.values[d], q < 0 ? null : question.values[q])!;
    let code = setCodes.get(name);
    if (code === undefined) setCodes.set(name, (code = sets.push(name) - 1));
    setOfPair.set(pair, code);
    return code;
  };
  const counts = new Map<number, Map<number, number>>();
  for (const i of rows) {
    const d = setOf(i);
    if (d < 0) continue;
    const t = training.codes[i];
    let perRun = counts.get(t);
    if (!perRun) counts.set(t, (perRun = new Map()));
    perRun.set(d, (perRun.get(d) ?? 0) + 1);
  }
  const main = new Map<string, string>();
  for (const [t, perRun] of counts) {
    let best = -1;
    let most = 0;
    for (const [d, n] of perRun) if (n > most) [best, most] = [d, n];
    main.set(training.values[t], sets[best]);
  }
  return main;
}
