import type { Table } from '@lancedb/lancedb';
import { ints, strings, type Scan, type ScanColumn } from '../scan/scan';
import { takeRows } from '../records/rows';
import type { DetectorSeries, Finding, RunRows } from './detector';
import { DETECTORS } from './detectors';
import type { HealthAlert } from './alert';

/** Every column a detector reads, with the run and epoch of each row. */
export const HEALTH_COLUMNS: readonly ScanColumn[] = [
  ...new Set<ScanColumn>(['training_id', 'epoch_id', ...DETECTORS.flatMap((d) => d.columns)]),
];

/**
 * The selected rows split by run (sorted by id) and epoch (ascending), in row order within each: a counting sort on
 * (run, epoch), two passes over typed arrays.
 */
export function splitRuns(scan: Scan, rows: Int32Array): RunRows[] {
  const training = strings(scan, 'training_id');
  const epoch = ints(scan, 'epoch_id');
  // Dense numbers for the distinct epochs, in ascending order.
  const seen = new Set<number>();
  let previous = NaN;
  for (const i of rows) if (epoch[i] !== previous) seen.add((previous = epoch[i]));
  const distinct = [...seen].sort((a, b) => a - b);
  const denseOf = new Map(distinct.map((e, index) => [e, index]));
  const epochs = distinct.length;
  const slot = new Int32Array(rows.length);
  const counts = new Int32Array(training.values.length * epochs + 1);
  let lastEpoch = NaN;
  let lastDense = 0;
  rows.forEach((i, n) => {
    // Rows come in runs of one epoch: the map is asked only when the epoch changes.
    if (epoch[i] !== lastEpoch) {
      lastEpoch = epoch[i];
      lastDense = denseOf.get(lastEpoch)!;
    }
    slot[n] = training.codes[i] * epochs + lastDense;
    counts[slot[n] + 1]++;
  });
  for (let s = 1; s < counts.length; s++) counts[s] += counts[s - 1];
  const starts = counts.slice();
  const sorted = new Int32Array(rows.length);
  rows.forEach((i, n) => (sorted[starts[slot[n]]++] = i));
  const runs: RunRows[] = [];
  for (let code = 0; code < training.values.length; code++) {
    const run: RunRows = { trainingId: training.values[code], epochs: [] };
    for (let e = 0; e < epochs; e++) {
      const s = code * epochs + e;
      if (counts[s + 1] > counts[s])
        run.epochs.push({ epoch_id: distinct[e], rows: sorted.subarray(counts[s], counts[s + 1]) });
    }
    if (run.epochs.length > 0) runs.push(run);
  }
  return runs.sort((a, b) => (a.trainingId < b.trainingId ? -1 : a.trainingId > b.trainingId ? 1 : 0));
}

export interface RunFindings {
  trainingId: string;
  findings: Finding[];
  series: DetectorSeries[];
}

/** Runs every detector over every run of the selection. */
export function detectAll(scan: Scan, rows: Int32Array, successThreshold: number): RunFindings[] {
  return splitRuns(scan, rows).map((run) => {
    const results = DETECTORS.map((detector) => detector.detect({ scan, run, successThreshold }));
    return {
      trainingId: run.trainingId,
      findings: results.flatMap((r) => r.findings),
      series: results.flatMap((r) => r.series),
    };
  });
}

/** The stable id of an alert: its run, detector, subject and first epoch. */
export function alertId(
  trainingId: string,
  finding: Pick<Finding, 'detector' | 'subject' | 'epoch_id'>,
): string {
  return [trainingId, finding.detector, finding.subject ?? '*', finding.epoch_id].join(':');
}

/**
 * The alerts of each run, their example rows turned into trajectory ids (one fetch of the ids of every example row,
 * by LanceDB row id). Critical first, then by epoch.
 */
export async function namedAlerts(
  table: Table | null,
  scan: Scan,
  runs: readonly RunFindings[],
): Promise<Map<string, HealthAlert[]>> {
  const rowIds = scan.rowIds;
  const wanted = [...new Set(runs.flatMap((r) => r.findings.flatMap((f) => f.exampleRows)))];
  const idOfRow = new Map<number, string>();
  if (table && rowIds && wanted.length > 0) {
    const fetched = await takeRows(
      table,
      wanted.map((i) => rowIds[i]),
      ['trajectory_id'],
    );
    fetched.forEach((row, index) => idOfRow.set(wanted[index], String(row.trajectory_id)));
  }
  const byRun = new Map<string, HealthAlert[]>();
  for (const run of runs) {
    const alerts = run.findings.map((finding): HealthAlert => ({
      id: alertId(run.trainingId, finding),
      detector: finding.detector,
      subject: finding.subject,
      severity: finding.severity,
      epoch_id: finding.epoch_id,
      message: finding.message,
      value: finding.value,
      baseline: finding.baseline,
      examples: finding.exampleRows.flatMap((i) => (idOfRow.has(i) ? [idOfRow.get(i)!] : [])),
    }));
    alerts.sort(
      (a, b) =>
        Number(b.severity === 'critical') - Number(a.severity === 'critical') ||
        a.epoch_id - b.epoch_id ||
        a.detector.localeCompare(b.detector),
    );
    byRun.set(run.trainingId, alerts);
  }
  return byRun;
}
