import { z } from 'zod';
import { AnalysisError } from '../errors';
import { groupAdvantages } from '../metrics/group-advantages';
import { compareDataIds } from './question-cells';
import { pickFilters, type AnalysisQuery } from '../filters/query';
import { floats, ints, list, strings, type Scan } from '../scan/scan';
import { defineStat, selectRows } from '../stat';
import type { Source } from '../source';
import { sqlString } from '../../db/sql';
import { count, epochId, rate } from './response-parts';

/** One GRPO group: every sample of one question in one epoch of one training, side by side. */

/** Tool calls listed per sample: a group page stays small whatever one trajectory holds. */
export const MAX_TOOL_PATH = 100;

const groupToolCall = z.object({ tool: z.string(), failed: z.boolean() }).strict();
export type GroupToolCall = z.infer<typeof groupToolCall>;

const groupSample = z
  .object({
    trajectory_id: z.string(),
    sample_id: z.number().int(),
    reward: z.number(),
    success: z.boolean(),
    /** (reward − group mean) / group std; 0 for every sample when the group has no spread. */
    advantage: z.number(),
    termination_reason: z.string(),
    step_count: count,
    /** The first `MAX_TOOL_PATH` tool calls, in order. */
    tool_path: z.array(groupToolCall),
    /** Every tool call of the sample (more than `tool_path` holds when it was cut). */
    tool_call_count: count,
  })
  .strict();
export type GroupSample = z.infer<typeof groupSample>;

const neighbourFields = {
  /** The questions before and after this one in the same epoch (natural data_id order). */
  previous_data_id: z.string().nullable(),
  next_data_id: z.string().nullable(),
  /** The epochs before and after this one in which the question has samples. */
  previous_epoch: epochId.nullable(),
  next_epoch: epochId.nullable(),
};
export type GroupNeighbours = z.infer<z.ZodObject<typeof neighbourFields>>;

export const groupDetailResponse = z
  .object({
    training_id: z.string(),
    epoch_id: epochId,
    data_id: z.string(),
    question: z.string().nullable(),
    success_threshold: z.number(),
    samples: z.array(groupSample),
    mean_reward: z.number(),
    reward_std: z.number().nonnegative(),
    min_reward: z.number(),
    max_reward: z.number(),
    success_rate: rate,
    /** False when every sample got the same reward (all advantages 0). */
    learning_signal: z.boolean(),
    ...neighbourFields,
  })
  .strict();
export type GroupDetail = z.infer<typeof groupDetailResponse>;

export const GROUP_SAMPLE_COLUMNS = [
  'trajectory_id',
  'sample_id',
  'reward',
  'termination_reason',
  'step_count',
  'tool_call_names',
  'tool_call_failed',
] as const;

export const GROUP_NEIGHBOUR_COLUMNS = ['epoch_id', 'data_id'] as const;

/** The group's samples (the given rows of the scan), by sample id, with their advantages. */
export function groupSamples(scan: Scan, rows: Int32Array, successThreshold: number): GroupSample[] {
  const ids = strings(scan, 'trajectory_id');
  const sample = ints(scan, 'sample_id');
  const reward = floats(scan, 'reward');
  const reason = strings(scan, 'termination_reason');
  const steps = ints(scan, 'step_count');
  const calls = list(scan, 'tool_call_names');
  const failed = scan.toolCallFailed;
  if (!failed) throw new Error('scan: column tool_call_failed was not selected');

  const order = Array.from(rows).sort(
    (a, b) => sample[a] - sample[b] || (ids.values[ids.codes[a]] < ids.values[ids.codes[b]] ? -1 : 1),
  );
  const { advantages } = groupAdvantages(order.map((i) => reward[i]));
  return order.map((i, at) => {
    const tool_path: GroupToolCall[] = [];
    const first = calls.offsets[i];
    const end = calls.offsets[i + 1];
    for (let j = first; j < Math.min(end, first + MAX_TOOL_PATH); j++)
      tool_path.push({ tool: calls.values[calls.codes[j]], failed: failed[j] === 1 });
    return {
      trajectory_id: ids.values[ids.codes[i]],
      sample_id: sample[i],
      reward: reward[i],
      success: reward[i] > successThreshold,
      advantage: advantages[at],
      termination_reason: reason.values[reason.codes[i]],
      step_count: steps[i],
      tool_path,
      tool_call_count: end - first,
    };
  });
}

/** Mean, spread and success rate of a group's samples. */
export function groupFigures(samples: readonly GroupSample[]) {
  const rewards = samples.map((s) => s.reward);
  const { mean, std, learning_signal } = groupAdvantages(rewards);
  return {
    mean_reward: mean,
    reward_std: std,
    min_reward: Math.min(...rewards),
    max_reward: Math.max(...rewards),
    success_rate: samples.filter((s) => s.success).length / samples.length,
    learning_signal,
  };
}

/** Where the keyboard goes from (epoch, dataId), given the training's (epoch, data_id) rows. */
export function groupNeighbours(
  scan: Scan,
  rows: Int32Array,
  epoch: number,
  dataId: string,
): GroupNeighbours {
  const epochOf = ints(scan, 'epoch_id');
  const data = strings(scan, 'data_id');
  const sameEpoch = new Set<string>();
  const sameQuestion = new Set<number>();
  for (const i of rows) {
    const id = data.values[data.codes[i]];
    if (epochOf[i] === epoch) sameEpoch.add(id);
    if (id === dataId) sameQuestion.add(epochOf[i]);
  }
  const questions = [...sameEpoch].sort(compareDataIds);
  const epochs = [...sameQuestion].sort((a, b) => a - b);
  const q = questions.indexOf(dataId);
  const e = epochs.indexOf(epoch);
  return {
    previous_data_id: q > 0 ? questions[q - 1] : null,
    next_data_id: q >= 0 && q + 1 < questions.length ? questions[q + 1] : null,
    previous_epoch: e > 0 ? epochs[e - 1] : null,
    next_epoch: e >= 0 && e + 1 < epochs.length ? epochs[e + 1] : null,
  };
}

/** The filters that name a group; any other would drop samples and change the advantages. */
const GROUP_FILTERS = new Set(['training_id', 'epoch_id', 'data_id']);

interface GroupKey {
  trainingId: string;
  epoch: number;
  dataId: string;
}

/** The group a query names: exactly one training, one epoch and one question, and no other filter. */
function groupKey(query: Partial<AnalysisQuery>): GroupKey {
  const other = Object.keys(pickFilters(query)).find((key) => !GROUP_FILTERS.has(key));
  if (other !== undefined)
    throw new AnalysisError(
      `${other}: a group is every sample of one question in one epoch; drop this filter`,
      other,
    );
  if (query.training_id?.length !== 1)
    throw new AnalysisError('training_id: give exactly one training', 'training_id');
  if (query.epoch_id === undefined)
    throw new AnalysisError('epoch_id: give the epoch of the group', 'epoch_id');
  if (query.data_id?.length !== 1) throw new AnalysisError('data_id: give exactly one question', 'data_id');
  return { trainingId: query.training_id[0], epoch: query.epoch_id, dataId: query.data_id[0] };
}

async function questionText(source: Source, key: GroupKey): Promise<string | null> {
  if (!source.table) return null;
  const rows = await source.table
    .query()
    .where(
      `training_id = ${sqlString(key.trainingId)} AND epoch_id = ${key.epoch} AND data_id = ${sqlString(key.dataId)}`,
    )
    .select(['question'])
    .limit(1)
    .toArray();
  return (rows[0]?.question as string | null | undefined) ?? null;
}

/** One GRPO group with its advantages and the way to the neighbouring groups; 404 when it has no samples. */
export const groupDetail = defineStat({
  name: 'group-detail',
  doc: {
    params:
      '`training_id`, `epoch_id`, `data_id` (one each; no other filter: it would drop samples and change the advantages)',
    answers:
      "one GRPO group: every sample with its reward, advantage and tool path (the first 100 calls), the group's spread and its neighbours; 404 when the group has no samples",
  },
  response: groupDetailResponse,
  columns: GROUP_SAMPLE_COLUMNS,
  params: ['training_id', 'epoch_id', 'data_id', 'success_threshold'],
  prepare: (query) => {
    groupKey(query);
    return query;
  },
  compute: async ({ scan, rows }, query, { source }): Promise<GroupDetail> => {
    const key = groupKey(query);
    if (rows.length === 0)
      throw new AnalysisError(
        `no samples of question "${key.dataId}" in epoch ${key.epoch} of "${key.trainingId}"`,
        'data_id',
        404,
      );
    const samples = groupSamples(scan, rows, query.success_threshold);
    const training = await selectRows(source, { training_id: [key.trainingId] }, GROUP_NEIGHBOUR_COLUMNS);
    return {
      training_id: key.trainingId,
      epoch_id: key.epoch,
      data_id: key.dataId,
      question: await questionText(source, key),
      success_threshold: query.success_threshold,
      samples,
      ...groupFigures(samples),
      ...groupNeighbours(training.scan, training.rows, key.epoch, key.dataId),
    };
  },
});
