import { floats, strings } from '../../scan/scan';
import { percent, spreadExamples, type Detector, type Finding } from '../detector';
import { episodes, MIN_EPOCH_ROWS, wilson, type Judged } from '../rules';

/** Smallest fall of the success rate below the run's best epoch that fires (absolute). */
export const MIN_COLLAPSE = 0.1;

/**
 * `reward_collapse`: the success rate (pass@1: reward > success_threshold) of an epoch falls below the run's best
 * earlier epoch beyond both intervals (the epoch's 95 % Wilson interval lies wholly under the best epoch's) and by at
 * least 10 points; critical when it is at most half the best. The baseline is the best earlier epoch's rate.
 */
export const rewardCollapse: Detector = {
  id: 'reward_collapse',
  rule:
    'success rate falls below the best earlier epoch with disjoint 95 % intervals and by ≥ 10 points ' +
    '(critical: at most half the best)',
  columns: ['reward', 'data_id'],
  detect({ scan, run, successThreshold }) {
    const reward = floats(scan, 'reward');
    const data = strings(scan, 'data_id').codes;
    const points: Judged[] = [];
    const failures = new Map<number, number[]>();
    let best: { epoch_id: number; rate: number; low: number; solved: Set<number> } | null = null;
    for (const { epoch_id, rows } of run.epochs) {
      if (rows.length < MIN_EPOCH_ROWS) continue;
      let hits = 0;
      const solved = new Set<number>();
      for (const i of rows) {
        if (reward[i] > successThreshold) {
          hits++;
          solved.add(data[i]);
        }
      }
      const rate = hits / rows.length;
      const interval = wilson(hits, rows.length);
      let severity: Judged['severity'] = null;
      if (best && interval.high < best.low && best.rate - rate >= MIN_COLLAPSE)
        severity = rate <= best.rate / 2 ? 'critical' : 'warning';
      points.push({ epoch_id, value: rate, baseline: best?.rate ?? null, severity });
      if (severity && best) {
        // Examples: failures on questions the best epoch solved.
        const bestSolved = best.solved;
        failures.set(
          epoch_id,
          [...rows].filter((i) => !(reward[i] > successThreshold) && bestSolved.has(data[i])),
        );
      }
      if (!best || rate > best.rate) best = { epoch_id, rate, low: interval.low, solved };
    }
    const findings = episodes(points).map(({ first, severity }): Finding => ({
      detector: 'reward_collapse',
      subject: null,
      severity,
      epoch_id: first.epoch_id,
      message:
        `success rate fell to ${percent(first.value)} at epoch ${first.epoch_id}, from ` +
        `${percent(first.baseline ?? 0)} at the run's best epoch`,
      value: first.value,
      baseline: first.baseline,
      exampleRows: spreadExamples(failures.get(first.epoch_id) ?? []),
    }));
    return {
      series: [
        { detector: 'reward_collapse', subject: null, label: 'success rate (pass@1)', unit: 'share', points },
      ],
      findings,
    };
  },
};
