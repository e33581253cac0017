import { z } from 'zod';
import { DETECTOR_IDS } from './detector';

/**
 * One alert as the API answers it. `id` is stable (`<run>:<detector>:<subject or *>:<first epoch>`): the same
 * pathology keeps its id as the run goes on, which is how a webhook sends each alert once.
 */
export const healthAlert = z
  .object({
    id: z.string(),
    detector: z.enum(DETECTOR_IDS),
    /** The tool, component or figure it is about; null when it is about the run as a whole. */
    subject: z.string().nullable(),
    severity: z.enum(['info', 'warning', 'critical']),
    /** The first epoch it fires at. */
    epoch_id: z.number().int(),
    message: z.string(),
    /** The detector's figure at that epoch (a share, a mean, a rate). */
    value: z.number(),
    /** What the run did before (the pooled earlier epochs, or the best epoch for a collapse); null when none. */
    baseline: z.number().nullable(),
    /** Trajectories of that epoch that show it (up to 5). */
    examples: z.array(z.string()),
  })
  .strict();
export type HealthAlert = z.infer<typeof healthAlert>;
