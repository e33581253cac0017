import { ints } from '../../scan/scan';
import { byRow, percent, shareFindings, type Detector } from '../detector';

/** A trajectory repeats a call when it makes the same call (same tool, same arguments) this many times in a row. */
export const REPEATED_CALL_RUN = 5;

/**
 * `repeated_calls`: the share of trajectories that make the same tool call with the same arguments at least
 * `REPEATED_CALL_RUN` times in a row (`repeated_call_run`, derived at ingest) rises by 5 points over the baseline
 * (critical: 15).
 */
export const repeatedCalls: Detector = {
  id: 'repeated_calls',
  rule: `share of trajectories repeating one call with the same arguments ≥ ${REPEATED_CALL_RUN} times in a row rises ≥ 5 points (critical ≥ 15)`,
  columns: ['repeated_call_run'],
  detect(input) {
    const run = ints(input.scan, 'repeated_call_run');
    return shareFindings(input, {
      detector: 'repeated_calls',
      subject: null,
      label: `share of trajectories repeating a call ≥ ${REPEATED_CALL_RUN} times in a row`,
      rule: { warning: 0.05, critical: 0.15 },
      ...byRow((i) => run[i] >= REPEATED_CALL_RUN),
      message: (judged) =>
        `${percent(judged.value)} of trajectories repeat the same tool call ≥ ${REPEATED_CALL_RUN} times in a row ` +
        `at epoch ${judged.epoch_id} (baseline ${percent(judged.baseline ?? 0)})`,
    });
  },
};
