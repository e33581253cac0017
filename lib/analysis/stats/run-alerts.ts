import { z } from 'zod';
import { AnalysisError } from '../errors';
import type { AnalysisQuery } from '../filters/query';
import { healthAlert } from '../health/alert';
import { detectAll, HEALTH_COLUMNS, namedAlerts } from '../health/run-health';
import { defineStat } from '../stat';

const runAlertsOfRun = z.object({ training_id: z.string(), alerts: z.array(healthAlert) }).strict();
export type RunAlerts = z.infer<typeof runAlertsOfRun>;

/**
 * One run (`training_id=R`): `{ training_id, alerts }`. Several (`training_ids=a,b,…`, or no run named: every run):
 * `{ runs: [{ training_id, alerts }] }`, every selected run listed (with no alerts when it is healthy), sorted by id.
 */
export const runAlertsResponse = z.union([
  runAlertsOfRun,
  z.object({ runs: z.array(runAlertsOfRun) }).strict(),
]);
export type RunAlertsAnswer = z.infer<typeof runAlertsResponse>;

/** Whether the query asks for one run's alerts (the single answer) rather than several runs'. */
function singleRun(query: Pick<AnalysisQuery, 'training_id' | 'training_ids'>): string | null {
  return !query.training_ids?.length && query.training_id?.length === 1 ? query.training_id[0] : null;
}

/** The health detectors' alerts of one run, or of several (for badges). */
export const runAlerts = defineStat({
  name: 'run-alerts',
  doc: {
    params: '`training_id` (one run), or `training_ids=a,b,…` (several), or neither (every run)',
    answers:
      'the health alerts per run: `id`, `detector`, `subject`, `severity`, `epoch_id` (first epoch it fires), `message`, `value`, `baseline`, `examples` (trajectory ids); several runs: `{ runs: [...] }`',
  },
  response: runAlertsResponse,
  columns: HEALTH_COLUMNS,
  params: ['training_id', 'training_ids', 'success_threshold'],
  withRowIds: true,
  trainingsParam: (query) => (query.training_ids?.length ? 'training_ids' : 'training_id'),
  prepare: (query) => {
    if (!query.training_ids?.length) return query;
    if (query.training_id?.length)
      throw new AnalysisError('training_ids: give training_id or training_ids, not both', 'training_ids');
    // The named runs are the selection; the other filters still narrow each of them.
    return { ...query, training_id: [...new Set(query.training_ids)] };
  },
  compute: async ({ scan, rows }, query, { source }): Promise<RunAlertsAnswer> => {
    const runs = detectAll(scan, rows, query.success_threshold);
    const alerts = await namedAlerts(source.table, scan, runs);
    const single = singleRun(query);
    if (single !== null) return { training_id: single, alerts: alerts.get(single) ?? [] };
    return {
      runs: runs.map(({ trainingId }) => ({ training_id: trainingId, alerts: alerts.get(trainingId) ?? [] })),
    };
  },
});
