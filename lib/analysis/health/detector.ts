import type { Scan, ScanColumn } from '../scan/scan';
import { episodes, judgeShares, type Judged, type ShareCount, type ShareRule } from './rules';

/** Every detector, in the order the Health tab shows them. Ids are stable: alert ids and webhooks use them. */
export const DETECTOR_IDS = [
  'reward_collapse',
  'zero_variance',
  'truncation',
  'tool_errors',
  'repeated_calls',
  'format_errors',
  'degenerate_text',
  'reward_component',
] as const;
export type DetectorId = (typeof DETECTOR_IDS)[number];

export type Severity = 'warning' | 'critical';

/** One run's selected rows, split by epoch (ascending). */
export interface RunRows {
  trainingId: string;
  epochs: { epoch_id: number; rows: Int32Array }[];
}

export interface DetectorInput {
  scan: Scan;
  run: RunRows;
  successThreshold: number;
}

/** An alert before it is named and its example rows are turned into trajectory ids. */
export interface Finding {
  detector: DetectorId;
  subject: string | null;
  severity: Severity;
  epoch_id: number;
  message: string;
  value: number;
  baseline: number | null;
  /** Rows (indices into the scan) of trajectories that show it, at most `EXAMPLES`. */
  exampleRows: number[];
}

/** A detector's figure per epoch, as the Health tab draws it. */
export interface DetectorSeries {
  detector: DetectorId;
  subject: string | null;
  /** What the value is ("share of trajectories truncated"). */
  label: string;
  unit: 'share' | 'tokens';
  points: Judged[];
}

export interface DetectorResult {
  series: DetectorSeries[];
  findings: Finding[];
}

export interface Detector {
  id: DetectorId;
  /** The rule in one sentence (docs and the Health tab). */
  rule: string;
  columns: readonly ScanColumn[];
  detect(input: DetectorInput): DetectorResult;
}

/** Example trajectories an alert names (at least three whenever the epoch has that many). */
export const EXAMPLES = 5;

export const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;

/**
 * A detector over a share of trajectories (or groups, or calls): per epoch, `count` says which rows are counted and
 * which show the pathology; the share is judged by `judgeShares`, and each episode becomes a finding with its first
 * epoch's rows that show it as examples.
 */
export function shareFindings(
  input: DetectorInput,
  spec: {
    detector: DetectorId;
    subject: string | null;
    label: string;
    rule: ShareRule;
    /** An epoch's counts. */
    count(rows: Int32Array): { hits: number; total: number };
    /** The rows of an epoch that show the pathology, in row order (asked only of the epochs an alert starts at). */
    examples(rows: Int32Array): number[];
    message(judged: Judged, hitRows: number[]): string;
  },
): DetectorResult {
  const counts: ShareCount[] = input.run.epochs.map(({ epoch_id, rows }) => ({
    epoch_id,
    ...spec.count(rows),
  }));
  const points = judgeShares(counts, spec.rule);
  const findings = episodes(points).map(({ first, severity }): Finding => {
    const rows = input.run.epochs.find((e) => e.epoch_id === first.epoch_id)!.rows;
    const hitRows = spec.examples(rows);
    return {
      detector: spec.detector,
      subject: spec.subject,
      severity,
      epoch_id: first.epoch_id,
      message: spec.message(first, hitRows),
      value: first.value,
      baseline: first.baseline,
      exampleRows: spreadExamples(hitRows),
    };
  });
  return {
    series: [{ detector: spec.detector, subject: spec.subject, label: spec.label, unit: 'share', points }],
    findings,
  };
}

/** `count` and `examples` of a share of trajectories: those `shows` says, of those `counted` says (default all). */
export function byRow(
  shows: (row: number) => boolean,
  counted: (row: number) => boolean = () => true,
): { count(rows: Int32Array): { hits: number; total: number }; examples(rows: Int32Array): number[] } {
  return {
    count(rows) {
      let hits = 0;
      let total = 0;
      for (const i of rows) {
        if (!counted(i)) continue;
        total++;
        if (shows(i)) hits++;
      }
      return { hits, total };
    },
    examples: (rows) => [...rows].filter((i) => counted(i) && shows(i)),
  };
}

/** Up to `EXAMPLES` rows spread over the list (not only its first rows, which often share a question). */
export function spreadExamples(rows: readonly number[]): number[] {
  if (rows.length <= EXAMPLES) return [...rows];
  const step = rows.length / EXAMPLES;
  return Array.from({ length: EXAMPLES }, (_, i) => rows[Math.floor(i * step)]);
}

/** Per dictionary value of a string column, whether it matches (a pass over values, not rows). */
export function matchingCodes(values: readonly string[], pattern: RegExp): Uint8Array {
  return Uint8Array.from(values, (value) => (pattern.test(value) ? 1 : 0));
}
