import { z } from 'zod';
import { DETECTOR_IDS } from '../health/detector';
import { healthAlert } from '../health/alert';
import { DETECTORS } from '../health/detectors';
import { detectAll, HEALTH_COLUMNS, namedAlerts } from '../health/run-health';
import { BASELINE_EPOCHS, MIN_EPOCH_ROWS } from '../health/rules';
import { defineStat } from '../stat';
import { singleTraining } from './epoch-progression';
import { epochId } from './response-parts';

const point = z
  .object({
    epoch_id: epochId,
    value: z.number(),
    baseline: z.number().nullable(),
    severity: z.enum(['warning', 'critical']).nullable(),
  })
  .strict();

const series = z
  .object({
    detector: z.enum(DETECTOR_IDS),
    subject: z.string().nullable(),
    label: z.string(),
    unit: z.enum(['share', 'tokens']),
    points: z.array(point),
  })
  .strict();
export type HealthSeries = z.infer<typeof series>;

export const runHealthResponse = z
  .object({
    training_id: z.string(),
    /** Epochs with fewer rows are not judged (a live run's partial epoch joins once it has them). */
    min_epoch_rows: z.number().int(),
    baseline_epochs: z.number().int(),
    detectors: z.array(z.object({ id: z.enum(DETECTOR_IDS), rule: z.string() }).strict()),
    series: z.array(series),
    alerts: z.array(healthAlert),
  })
  .strict();
export type RunHealth = z.infer<typeof runHealthResponse>;

/** One run's detectors: each one's figure per epoch with its baseline and where it fired, and the alerts. */
export const runHealth = defineStat({
  name: 'run-health',
  doc: {
    params: '`training_id` (exactly one)',
    answers:
      "each detector's rule and figure per epoch (`value`, `baseline`, `severity` where it fires) and the run's alerts (as run-alerts)",
  },
  response: runHealthResponse,
  columns: HEALTH_COLUMNS,
  params: ['training_id', 'success_threshold'],
  withRowIds: true,
  prepare: (query) => {
    singleTraining(query);
    return query;
  },
  compute: async ({ scan, rows }, query, { source }): Promise<RunHealth> => {
    const trainingId = singleTraining(query);
    const [run] = detectAll(scan, rows, query.success_threshold);
    const alerts = run ? ((await namedAlerts(source.table, scan, [run])).get(trainingId) ?? []) : [];
    return {
      training_id: trainingId,
      min_epoch_rows: MIN_EPOCH_ROWS,
      baseline_epochs: BASELINE_EPOCHS,
      detectors: DETECTORS.map(({ id, rule }) => ({ id, rule })),
      series: run?.series ?? [],
      alerts,
    };
  },
});
