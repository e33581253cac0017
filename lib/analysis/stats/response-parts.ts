import { z } from 'zod';

/**
 * Pieces the statistics' response schemas share. Every schema is strict: the route tests validate every answer
 * against its stat's schema, so a renamed or extra field fails a test.
 */

export const count = z.number().int().nonnegative();
export const rate = z.number().min(0).max(1);
export const nullableNumber = z.number().nullable();
export const epochId = z.number().int();

/** A count and its share of the total. */
export const countRatio = z.object({ count, ratio: rate }).strict();
export const countRatios = z.record(z.string(), countRatio);

/** A 95% interval, `{low, high}`, or null when it cannot be computed. */
export const interval = z.object({ low: z.number(), high: z.number() }).strict().nullable();

/** pass@k per k ("1", "2", …); null where some question has fewer than k samples. */
export const passAt = z.record(z.string().regex(/^\d+$/), nullableNumber);
/** Per k: the questions with at least k samples. */
export const passAtQuestions = z.record(z.string().regex(/^\d+$/), count);

export const rewardDistribution = z
  .object({ perfect_score: countRatio, partial_success: countRatio, complete_failure: countRatio })
  .strict();

/** One normalised step, as stored in `steps_json`. */
export const step = z
  .object({
    step_id: z.number().int(),
    thought: z.string().nullable(),
    action: z.string().nullable(),
    action_input: z.unknown(),
    observation: z.string().nullable(),
    tool_status: z.enum(['success', 'error']).nullable(),
    process_reward: nullableNumber,
    role: z.enum(['system', 'user', 'assistant', 'tool']).optional(),
    content: z.string().nullable().optional(),
    error: z.string().nullable().optional(),
    tokens: nullableNumber.optional(),
    latency_s: nullableNumber.optional(),
  })
  .strict();

/** A stat's answer with `group_by`: its plain answer per group key. */
export const grouped = <T extends z.ZodType>(inner: T) =>
  z.object({ group_by: z.enum(['training_id', 'epoch_id']), groups: z.record(z.string(), inner) }).strict();

/**
 * A filtered stat's answer as its route sends it: with `unscored_count`, the trajectories the filters select whose
 * log gave no score (left out of every figure, never counted as 0).
 */
export function withUnscoredCount<T extends z.ZodType>(answer: T): z.ZodType {
  if (answer instanceof z.ZodUnion)
    return z.union(
      answer.options.map((option) => withUnscoredCount(option as z.ZodType)) as [z.ZodType, z.ZodType],
    );
  return answer instanceof z.ZodObject ? answer.extend({ unscored_count: z.number().int().min(0) }) : answer;
}
