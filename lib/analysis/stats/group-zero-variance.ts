import { z } from 'zod';
import { singleTraining } from './epoch-progression';
import { ints, floats, strings, type Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { count, epochId, rate } from './response-parts';

/**
 * Per epoch, the share of GRPO groups (one question's samples in one epoch, at least 2 samples) whose samples all got
 * the same reward: such a group has zero advantage everywhere and teaches the policy nothing. Split into groups that
 * all passed (reward > success_threshold) and all failed. A question with one sample in the epoch is not a group (an
 * evaluation run samples once): it is counted apart, in `single_sample`, and in no share.
 */
const zeroVarianceEpoch = z
  .object({
    epoch_id: epochId,
    /** Groups of at least 2 samples. */
    groups: count,
    /** Questions with a single sample in the epoch: no variance to speak of, left out of every share. */
    single_sample: count,
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
  // Per group: its first reward, its size and whether every later one equals it.
  const groups = new Map<number, Map<number, { first: number; same: boolean; size: number }>>();
  for (const i of rows) {
    let epoch = groups.get(epochOf[i]);
    if (!epoch) groups.set(epochOf[i], (epoch = new Map()));
    const group = epoch.get(data[i]);
    if (!group) epoch.set(data[i], { first: reward[i], same: true, size: 1 });
    else {
      group.size++;
      if (group.same && reward[i] !== group.first) group.same = false;
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([epoch_id, epoch]) => {
      let allPass = 0;
      let allFail = 0;
      let single = 0;
      for (const { first, same, size } of epoch.values()) {
        if (size < 2) single++;
        else if (!same) continue;
        else if (first > successThreshold) allPass++;
        else allFail++;
      }
      const count = epoch.size - single;
      const share = (n: number) => (count === 0 ? 0 : n / count);
      return {
        epoch_id,
        groups: count,
        single_sample: single,
        zero_variance: allPass + allFail,
        all_pass: allPass,
        all_fail: allFail,
        zero_variance_share: share(allPass + allFail),
        all_pass_share: share(allPass),
        all_fail_share: share(allFail),
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
