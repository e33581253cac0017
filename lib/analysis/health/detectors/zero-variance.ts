import { computeZeroVarianceEpochs, ZERO_VARIANCE_COLUMNS } from '../../stats/group-zero-variance';
import { floats, strings } from '../../scan/scan';
import { percent, shareFindings, type Detector } from '../detector';

/** GRPO groups (≥ 2 samples) an epoch needs to be judged. */
export const MIN_EPOCH_GROUPS = 10;

/**
 * `zero_variance`: the share of GRPO groups (one question's samples in one epoch, at least 2 samples) whose rewards
 * are all equal rises by 15 points over the baseline (critical: 30). Such groups teach nothing. Groups of one sample
 * are not groups (an evaluation run) and are never counted. The message splits all-pass and all-fail.
 */
export const zeroVariance: Detector = {
  id: 'zero_variance',
  rule: `share of GRPO groups (≥ 2 samples, ≥ ${MIN_EPOCH_GROUPS} groups an epoch) with one reward for all samples rises ≥ 15 points (critical ≥ 30)`,
  columns: ZERO_VARIANCE_COLUMNS,
  detect(input) {
    const { scan, successThreshold } = input;
    const data = strings(scan, 'data_id').codes;
    const reward = floats(scan, 'reward');
    const split = new Map<number, { all_pass_share: number; all_fail_share: number }>();
    return shareFindings(input, {
      detector: 'zero_variance',
      subject: null,
      label: 'share of GRPO groups with zero reward variance',
      rule: { warning: 0.15, critical: 0.3, minTotal: MIN_EPOCH_GROUPS },
      count(rows) {
        const [epoch] = computeZeroVarianceEpochs(scan, rows, successThreshold);
        if (!epoch) return { hits: 0, total: 0 };
        split.set(epoch.epoch_id, epoch);
        return { hits: epoch.zero_variance, total: epoch.groups };
      },
      examples(rows) {
        // Rows of zero-variance groups: a group is zero-variance when its min and max rewards are equal.
        const range = new Map<number, { min: number; max: number; n: number }>();
        for (const i of rows) {
          const r = range.get(data[i]);
          if (!r) range.set(data[i], { min: reward[i], max: reward[i], n: 1 });
          else {
            r.min = Math.min(r.min, reward[i]);
            r.max = Math.max(r.max, reward[i]);
            r.n++;
          }
        }
        return [...rows].filter((i) => {
          const r = range.get(data[i])!;
          return r.n >= 2 && r.min === r.max;
        });
      },
      message: (judged) => {
        const parts = split.get(judged.epoch_id);
        return (
          `${percent(judged.value)} of GRPO groups have one reward for every sample at epoch ${judged.epoch_id} ` +
          `(baseline ${percent(judged.baseline ?? 0)})` +
          (parts
            ? `: ${percent(parts.all_fail_share)} all fail, ${percent(parts.all_pass_share)} all pass`
            : '')
        );
      },
    });
  },
};
