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

/** The selected rows split by run (sorted by id) and epoch (ascending). */
export function splitRuns(scan: Scan, rows: Int32Array): RunRows[] {
  const training = strings(scan, 'training_id');
  const epoch = ints(scan, 'epoch_id');
  const byRun = new Map<number, Map<number, number[]>>();
  for (const i of rows) {
    let run = byRun.get(training.codes[i]);
    if (!run) byRun.set(training.codes[i], (run = new Map()));
    let list = run.get(epoch[i]);
    if (!list) run.set(epoch[i], (list = []));
    list.push(i);
  }
  return [...byRun.entries()]
    .map(([code, epochs]) => ({
      trainingId: training.values[code],
      epochs: [...epochs.entries()]
        .sort(([a], [b]) => a - b)
        .map(([epoch_id, list]) => ({ epoch_id, rows: Int32Array.from(list) })),
    }))
    .sort((a, b) => (a.trainingId < b.trainingId ? -1 : a.trainingId > b.trainingId ? 1 : 0));
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
