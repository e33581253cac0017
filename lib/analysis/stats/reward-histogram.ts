import { z } from 'zod';
import { floats, ints, type Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { singleTraining } from './epoch-progression';
import { count, epochId } from './response-parts';

/** Bins of the reward histogram: equal widths between the selection's lowest and highest reward. */
export const REWARD_HISTOGRAM_BINS = 10;

export const rewardHistogramResponse = z
  .object({
    training_id: z.string(),
    /**
     * The bins, lowest first, shared by every epoch so they compare: `[low, high)`, the last one `[low, high]`. One
     * bin `{low: r, high: r}` when every reward is r; none when nothing is selected.
     */
    bins: z.array(z.object({ low: z.number(), high: z.number() }).strict()),
    epochs: z.array(
      z
        .object({
          epoch_id: epochId,
          trajectory_count: z.number().int().positive(),
          /** Trajectories per bin, aligned with `bins`. */
          counts: z.array(count),
        })
        .strict(),
    ),
  })
  .strict();
export type RewardHistogram = z.infer<typeof rewardHistogramResponse>;

export const REWARD_HISTOGRAM_COLUMNS = ['epoch_id', 'reward'] as const;

/** The histogram of the rewards of `rows`, per epoch, over bins shared by all epochs. */
export function computeRewardHistogram(
  scan: Scan,
  rows: Int32Array,
): Pick<RewardHistogram, 'bins' | 'epochs'> {
  const reward = floats(scan, 'reward');
  const epochOf = ints(scan, 'epoch_id');
  let low = Infinity;
  let high = -Infinity;
  for (const i of rows) {
    if (reward[i] < low) low = reward[i];
    if (reward[i] > high) high = reward[i];
  }
  if (rows.length === 0) return { bins: [], epochs: [] };
  const width = high - low;
  const binCount = width === 0 ? 1 : REWARD_HISTOGRAM_BINS;
  const bins = Array.from({ length: binCount }, (_, b) => ({
    low: width === 0 ? low : low + (width * b) / binCount,
    high: width === 0 ? high : b === binCount - 1 ? high : low + (width * (b + 1)) / binCount,
  }));
  const perEpoch = new Map<number, Int32Array>();
  for (const i of rows) {
    let counts = perEpoch.get(epochOf[i]);
    if (!counts) perEpoch.set(epochOf[i], (counts = new Int32Array(binCount)));
    // Scaled before dividing, so a reward on an edge (0.3 of [0, 1]) lands in the bin it starts.
    const bin = width === 0 ? 0 : Math.min(binCount - 1, Math.floor(((reward[i] - low) * binCount) / width));
    counts[bin]++;
  }
  const epochs = [...perEpoch.entries()]
    .sort(([a], [b]) => a - b)
    .map(([epoch_id, counts]) => ({
      epoch_id,
      trajectory_count: counts.reduce((sum, n) => sum + n, 0),
      counts: Array.from(counts),
    }));
  return { bins, epochs };
}

/** How the rewards of one training are spread, epoch by epoch: a histogram per epoch on shared bins. */
export const rewardHistogram = defineStat({
  name: 'reward-histogram',
  doc: {
    params: '`training_id` (exactly one)',
    answers:
      "per epoch, the trajectories in each of 10 equal reward bins over the selection's range (one bin when every reward is equal)",
  },
  response: rewardHistogramResponse,
  columns: REWARD_HISTOGRAM_COLUMNS,
  params: ['training_id'],
  prepare: (query) => {
    singleTraining(query);
    return query;
  },
  compute: ({ scan, rows }, query): RewardHistogram => ({
    training_id: singleTraining(query),
    ...computeRewardHistogram(scan, rows),
  }),
});
