import { z } from 'zod';
import { singleTraining } from './epoch-progression';
import { ints, floats, strings, type Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { count, epochId, rate } from './response-parts';

/**
 * Per epoch, the share of GRPO groups (one question's samples in one epoch) whose samples all got the same reward:
 * such a group has zero advantage everywhere and teaches the policy nothing. Split into groups that all passed
 * (reward > success_threshold) and all failed.
 */
const zeroVarianceEpoch = z
  .object({
    epoch_id: epochId,
    groups: count,
    zero_variance: count,
    all_pass: count,
    all_fail: count,
    /** zero_variance / groups, and the same for each side. */
    zero_variance_share: rate,
    all_pass_share: rate,
    all_fail_share: rate,
  })
  .strict();
export type ZeroVarianceEpoch = z.infer<typeof zeroVarianceEpoch>;

export const groupZeroVarianceResponse = z
  .object({ training_id: z.string(), success_threshold: z.number(), epochs: z.array(zeroVarianceEpoch) })
  .strict();
export type GroupZeroVariance = z.infer<typeof groupZeroVarianceResponse>;

export const ZERO_VARIANCE_COLUMNS = ['epoch_id', 'data_id', 'reward'] as const;

export function computeZeroVarianceEpochs(
  scan: Scan,
  rows: Int32Array,
  successThreshold: number,
): ZeroVarianceEpoch[] {
  const epochOf = ints(scan, 'epoch_id');
  const data = strings(scan, 'data_id').codes;
  const reward = floats(scan, 'reward');
  // Per group: its first reward and whether every later one equals it.
  const groups = new Map<number, Map<number, { first: number; same: boolean }>>();
  for (const i of rows) {
    let epoch = groups.get(epochOf[i]);
    if (!epoch) groups.set(epochOf[i], (epoch = new Map()));
    const group = epoch.get(data[i]);
    if (!group) epoch.set(data[i], { first: reward[i], same: true });
    else if (group.same && reward[i] !== group.first) group.same = false;
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([epoch_id, epoch]) => {
      let allPass = 0;
      let allFail = 0;
      for (const { first, same } of epoch.values()) {
        if (!same) continue;
        if (first > successThreshold) allPass++;
        else allFail++;
      }
      const count = epoch.size;
      return {
        epoch_id,
        groups: count,
        zero_variance: allPass + allFail,
        all_pass: allPass,
        all_fail: allFail,
        zero_variance_share: (allPass + allFail) / count,
        all_pass_share: allPass / count,
        all_fail_share: allFail / count,
      };
    });
}

/** Zero-variance groups per epoch of one training. */
export const groupZeroVariance = defineStat({
  name: 'group-zero-variance',
  doc: {
    params: '`training_id` (exactly one)',
    answers: 'per epoch, the groups whose samples all got the same reward, split into all-pass and all-fail',
  },
  response: groupZeroVarianceResponse,
  columns: ZERO_VARIANCE_COLUMNS,
  params: ['training_id', 'success_threshold'],
  prepare: (query) => {
    singleTraining(query);
    return query;
  },
  compute: ({ scan, rows }, query): GroupZeroVariance => ({
    training_id: singleTraining(query),
    success_threshold: query.success_threshold,
    epochs: computeZeroVarianceEpochs(scan, rows, query.success_threshold),
  }),
});
