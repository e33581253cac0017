import type { HealthAlert } from '@/lib/analysis/health/alert';
import type { DetectorId } from '@/lib/analysis/health/detector';
import type { RunAlerts, RunAlertsAnswer } from '@/lib/analysis/stats/run-alerts';
import type { HealthSeries, RunHealth } from '@/lib/analysis/stats/run-health';
import { ANY_TOOL, epochFailuresHref, healthHref, trajectoryHref } from '@/lib/search-params';
import { formatInteger, formatPercent, formatReward } from './format';
import type { ChartColor, ValueFormat } from './types';

/**
 * Data preparation of the health monitor's views: the Health tab (alerts, one card per detector, the live run), the
 * health badge of a run (home page, overview) and the alerts a trajectory is an example of.
 */

/** What a run's badge says: its worst alert, or ok; unknown when its health could not be computed. */
export type HealthLevel = 'critical' | 'warning' | 'ok' | 'unknown';

export const HEALTH_COLORS: Record<HealthLevel, ChartColor> = {
  critical: 'rose',
  warning: 'amber',
  ok: 'emerald',
  unknown: 'gray',
};

/** The detectors' names as the Health tab titles their cards. */
export const DETECTOR_TITLES: Record<DetectorId, string> = {
  reward_collapse: 'Reward collapse',
  zero_variance: 'Zero-variance groups',
  truncation: 'Truncation and response length',
  tool_errors: 'Tool errors',
  repeated_calls: 'Repeated calls',
  format_errors: 'Format errors',
  degenerate_text: 'Degenerate text',
  reward_component: 'Reward components diverging',
};

/** What a detector's rule counts per epoch besides rows: an epoch with enough rows may still lack these. */
const COUNTED: Partial<Record<DetectorId, string>> = {
  tool_errors: 'tool calls',
  zero_variance: 'GRPO groups',
};

const isRaised = (alert: HealthAlert) => alert.severity === 'warning' || alert.severity === 'critical';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Badges

export interface HealthBadgeView {
  level: HealthLevel;
  /** Warning and critical alerts. */
  count: number;
  /** "critical · 2", "warning · 1", "ok", "n/a". */
  label: string;
  /** The sentence behind the label (a tooltip and the accessible name). */
  title: string;
  color: ChartColor;
  /** The run's Health tab. */
  href: string;
}

/**
 * A run's worst alert and how many it has. Null alerts: its health could not be computed; undefined: the answer does
 * not list the run (it has no scored trajectory to judge). `judged` false: no epoch of the run has the rows the
 * detectors need, so no alert is not "ok" but "not judged".
 */
export function healthBadge(
  trainingId: string,
  alerts: readonly HealthAlert[] | null | undefined,
  judged = true,
): HealthBadgeView {
  const href = healthHref(trainingId);
  if (!judged && alerts && !alerts.some(isRaised))
    return {
      level: 'unknown',
      count: 0,
      label: 'not judged',
      title: `${trainingId}: no epoch has enough rows for the detectors yet`,
      color: HEALTH_COLORS.unknown,
      href,
    };
  if (alerts === null || alerts === undefined)
    return {
      level: 'unknown',
      count: 0,
      label: 'n/a',
      title:
        alerts === null
          ? `${trainingId}: its health could not be computed`
          : `${trainingId}: no scored trajectory to judge`,
      color: HEALTH_COLORS.unknown,
      href,
    };
  const raised = alerts.filter(isRaised);
  const level: HealthLevel = raised.some((a) => a.severity === 'critical')
    ? 'critical'
    : raised.length > 0
      ? 'warning'
      : 'ok';
  const title =
    level === 'ok'
      ? `${trainingId}: no warning or critical alert`
      : `${trainingId}: ${plural(raised.length, 'alert')}, the worst ${level}`;
  return {
    level,
    count: raised.length,
    label: level === 'ok' ? 'ok' : `${level} · ${raised.length}`,
    title,
    color: HEALTH_COLORS[level],
    href,
  };
}

/** The alerts of each run of a run-alerts answer (one run, or several). */
export function alertsByRun(answer: RunAlertsAnswer): Map<string, HealthAlert[]> {
  const runs: RunAlerts[] = 'runs' in answer ? answer.runs : [answer];
  return new Map(runs.map((run) => [run.training_id, run.alerts]));
}

/**
 * The run an alert id belongs to (ids are `<run>:<detector>:<subject>:<epoch>`, and a run id may hold ':'): the
 * longest known run the id starts with.
 */
export function alertRun(alertId: string, trainings: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const id of trainings)
    if (alertId.startsWith(`${id}:`) && (found === undefined || id.length > found.length)) found = id;
  return found;
}

// ---------------------------------------------------------------------------------------------------------------------
// Values

/** How a detector's figure is printed: shares as percent, response lengths in tokens, components as rewards. */
export function healthFormat(detector: DetectorId, subject: string | null): ValueFormat {
  if (detector === 'truncation' && subject === 'response_tokens') return 'count';
  if (detector === 'reward_component') return 'reward';
  return 'percent';
}

/** One figure of a detector, with its unit ("34.4%", "1,155 tokens", "0.867"). */
export function formatHealthValue(format: ValueFormat, value: number | null): string {
  if (format === 'count') return value === null ? 'n/a' : `${formatInteger(value)} tokens`;
  return format === 'reward' ? formatReward(value) : formatPercent(value);
}

// ---------------------------------------------------------------------------------------------------------------------
// Alerts

export interface AlertLink {
  href: string;
  label: string;
}

export interface AlertView {
  id: string;
  /** The DOM id of its entry (an `alert=` link scrolls there). */
  anchor: string;
  severity: HealthAlert['severity'];
  color: ChartColor;
  detector: DetectorId;
  title: string;
  message: string;
  epochId: number;
  value: string;
  /** "n/a" when the run had no baseline. */
  baseline: string;
  examples: { id: string; href: string }[];
  /** The failures of the alert's run and epoch, with the detector's own filter where one exists. */
  view: AlertLink;
  /** The alert on the run's Health tab. */
  healthHref: string;
  /** The one the URL's `alert=` names. */
  highlighted: boolean;
}

/** The DOM id of an alert's entry (ids hold ':' and '*', which an element id may hold but a CSS selector may not). */
export function alertAnchor(alertId: string): string {
  return `alert-${alertId.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/** The filtered view behind an alert: its epoch's failures, narrowed by the filter that matches the detector. */
export function alertView(
  trainingId: string,
  alert: Pick<HealthAlert, 'detector' | 'subject' | 'epoch_id'>,
): AlertLink {
  const epoch = alert.epoch_id;
  switch (alert.detector) {
    case 'tool_errors': {
      const tool = alert.subject ?? ANY_TOOL;
      return {
        href: epochFailuresHref(trainingId, epoch, { tool_failed: tool }),
        label: `Failures of epoch ${epoch} where ${alert.subject === null ? 'a tool call' : alert.subject} failed`,
      };
    }
    case 'truncation':
      if (alert.subject === null)
        return {
          href: epochFailuresHref(trainingId, epoch, { truncated: 1 }),
          label: `Truncated failures of epoch ${epoch}`,
        };
      break;
  }
  return { href: epochFailuresHref(trainingId, epoch), label: `Failures of epoch ${epoch}` };
}

/** The alerts of a run as the Health tab lists them (in the API's order: critical first, then by epoch). */
export function alertViews(
  trainingId: string,
  alerts: readonly HealthAlert[],
  highlighted: string | null = null,
): AlertView[] {
  return alerts.map((alert) => {
    const format = healthFormat(alert.detector, alert.subject);
    return {
      id: alert.id,
      anchor: alertAnchor(alert.id),
      severity: alert.severity,
      color: alert.severity === 'info' ? 'sky' : HEALTH_COLORS[alert.severity],
      detector: alert.detector,
      title: DETECTOR_TITLES[alert.detector] + (alert.subject === null ? '' : ` · ${alert.subject}`),
      message: alert.message,
      epochId: alert.epoch_id,
      value: formatHealthValue(format, alert.value),
      baseline: formatHealthValue(format, alert.baseline),
      examples: alert.examples.slice(0, 5).map((id) => ({ id, href: trajectoryHref(id) })),
      view: alertView(trainingId, alert),
      healthHref: healthHref(trainingId, alert.id),
      highlighted: alert.id === highlighted,
    };
  });
}

/** "2 critical, 1 warning", or null when nothing is raised. */
export function alertCounts(alerts: readonly HealthAlert[]): string | null {
  const critical = alerts.filter((a) => a.severity === 'critical').length;
  const warning = alerts.filter((a) => a.severity === 'warning').length;
  const parts = [
    ...(critical > 0 ? [`${critical} critical`] : []),
    ...(warning > 0 ? [plural(warning, 'warning')] : []),
  ];
  return parts.length === 0 ? null : parts.join(', ');
}

/** The alerts of its run a trajectory is one of the examples of. */
export function alertsOfTrajectory(trajectoryId: string, alerts: readonly HealthAlert[]): HealthAlert[] {
  return alerts.filter((alert) => alert.examples.includes(trajectoryId));
}

// ---------------------------------------------------------------------------------------------------------------------
// Epochs

/** An epoch of the run and how many (scored) rows it has. */
export interface EpochRows {
  epoch_id: number;
  rows: number;
}

/** "3", "0–2", "0–2, 5, 7–8": sorted epoch numbers with consecutive runs joined. */
export function epochRanges(epochs: readonly number[]): string {
  const sorted = [...new Set(epochs)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

export interface JudgedEpochs {
  /** Epochs with at least `min_epoch_rows` rows. */
  judged: number;
  total: number;
  /** Why nothing is judged yet, or why no alert can fire yet; null when the detectors can judge. */
  note: string | null;
}

/**
 * Whether the run has epochs the detectors judge: none when every epoch has fewer than `minRows` rows, and no alert
 * is possible with one (it has no earlier epoch for a baseline).
 */
export function judgedEpochs(epochs: readonly EpochRows[], minRows: number): JudgedEpochs {
  const judged = epochs.filter((e) => e.rows >= minRows);
  const largest = epochs.reduce<EpochRows | null>(
    (best, e) => (best && best.rows >= e.rows ? best : e),
    null,
  );
  let note: string | null = null;
  if (epochs.length === 0) note = 'This run has no scored trajectories to judge.';
  else if (judged.length === 0)
    note =
      `No epoch of this run has enough rows to judge yet: the detectors judge an epoch from ${plural(minRows, 'row')} on, ` +
      `and the largest, epoch ${largest!.epoch_id}, has ${plural(largest!.rows, 'row')}.`;
  else if (judged.length === 1)
    note =
      `Only epoch ${judged[0].epoch_id} has enough rows to judge (${plural(minRows, 'row')} or more): an alert ` +
      'compares an epoch with earlier ones, so none can fire before a second epoch has them.';
  return { judged: judged.length, total: epochs.length, note };
}

// ---------------------------------------------------------------------------------------------------------------------
// Detector cards

/** One epoch of a detector's chart: the value and baseline lines, and the value again where it fired. */
export type HealthChartRow = {
  epoch: number;
  value: number | null;
  baseline: number | null;
  warning: number | null;
  critical: number | null;
};

export interface DetectorChart {
  /** Unique within the tab. */
  key: string;
  /** What the value is ("share of calculator calls that failed"). */
  label: string;
  format: ValueFormat;
  /** Every epoch of the run, judged or not (an epoch not judged is a gap). */
  rows: HealthChartRow[];
  /** Epochs where it fired, with the severity. */
  fired: { epoch_id: number; severity: 'warning' | 'critical' }[];
  /** Epochs of the run not judged, and why; null when every epoch was. */
  notJudged: string | null;
}

export interface DetectorCardView {
  id: DetectorId;
  title: string;
  rule: string;
  /** The charts drawn: series that fired first, then the run as a whole, then the others, at most `maxCharts`. */
  charts: DetectorChart[];
  /** Series left out of the charts: their labels. */
  omitted: string[];
  /** Whether one of the series left out fired (then the card's alerts name it). */
  omittedFired: boolean;
  /** Alerts of this detector (warning and critical). */
  alerts: number;
  level: HealthLevel;
  /** The detector had nothing to measure in this run (no reward components, no tool calls). */
  empty: boolean;
}

function notJudgedNote(
  detector: DetectorId,
  series: HealthSeries,
  epochs: readonly EpochRows[],
  minRows: number,
): string | null {
  const judged = new Set(series.points.map((p) => p.epoch_id));
  const missing = epochs.filter((e) => !judged.has(e.epoch_id));
  if (missing.length === 0) return null;
  const few = missing.filter((e) => e.rows < minRows);
  const sparse = missing.filter((e) => e.rows >= minRows);
  const parts: string[] = [];
  if (few.length > 0) {
    const counts = few.length <= 3 ? ` (${few.map((e) => plural(e.rows, 'row')).join(', ')})` : '';
    parts.push(
      `${few.length === 1 ? 'epoch' : 'epochs'} ${epochRanges(few.map((e) => e.epoch_id))}${counts}: fewer than ${minRows} rows`,
    );
  }
  if (sparse.length > 0) {
    const what = COUNTED[detector] ?? 'values to measure';
    parts.push(
      `${sparse.length === 1 ? 'epoch' : 'epochs'} ${epochRanges(sparse.map((e) => e.epoch_id))}: too few ${what} for the rule`,
    );
  }
  return `Not judged: ${parts.join('; ')}.`;
}

function chartOf(
  series: HealthSeries,
  index: number,
  epochs: readonly EpochRows[],
  minRows: number,
): DetectorChart {
  const byEpoch = new Map(series.points.map((p) => [p.epoch_id, p]));
  const all = [...new Set([...epochs.map((e) => e.epoch_id), ...byEpoch.keys()])].sort((a, b) => a - b);
  const rows = all.map((epoch): HealthChartRow => {
    const point = byEpoch.get(epoch);
    const value = point?.value ?? null;
    return {
      epoch,
      value,
      baseline: point?.baseline ?? null,
      warning: point?.severity === 'warning' ? value : null,
      critical: point?.severity === 'critical' ? value : null,
    };
  });
  return {
    key: `${series.detector}-${index}`,
    label: series.label,
    format: healthFormat(series.detector, series.subject),
    rows,
    fired: series.points.flatMap((p) => (p.severity ? [{ epoch_id: p.epoch_id, severity: p.severity }] : [])),
    notJudged: notJudgedNote(series.detector, series, epochs, minRows),
  };
}

/**
 * One card per detector, in the API's order: its rule, its series as charts (value, baseline, the epochs it fired)
 * and its alerts. A detector with many series (a tool each) draws those that fired, then the run as a whole, then the
 * rest, at most `maxCharts`; the others are named.
 */
export function detectorCards(
  health: Pick<RunHealth, 'detectors' | 'series' | 'alerts' | 'min_epoch_rows'>,
  epochs: readonly EpochRows[],
  maxCharts = 3,
): DetectorCardView[] {
  return health.detectors.map(({ id, rule }) => {
    const series = health.series.filter((s) => s.detector === id);
    const ranked = series
      .map((s, index) => ({ s, index, fired: s.points.some((p) => p.severity !== null) }))
      .sort(
        (a, b) =>
          Number(b.fired) - Number(a.fired) ||
          Number(a.s.subject !== null) - Number(b.s.subject !== null) ||
          a.index - b.index,
      );
    const drawn = ranked.slice(0, maxCharts).sort((a, b) => a.index - b.index);
    const alerts = health.alerts.filter((a) => a.detector === id && isRaised(a));
    const level: HealthLevel = alerts.some((a) => a.severity === 'critical')
      ? 'critical'
      : alerts.length > 0
        ? 'warning'
        : 'ok';
    return {
      id,
      title: DETECTOR_TITLES[id],
      rule,
      charts: drawn.map(({ s, index }) => chartOf(s, index, epochs, health.min_epoch_rows)),
      omitted: ranked.slice(maxCharts).map(({ s }) => s.label),
      omittedFired: ranked.slice(maxCharts).some(({ fired }) => fired),
      alerts: alerts.length,
      level,
      empty: series.length === 0,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// The live run

export interface LiveEpoch {
  epoch_id: number;
  rows: number;
  /** Fewer rows than the epoch before it: still being written. */
  partial: boolean;
  /** The epoch before it and its rows, when there is one. */
  previous: EpochRows | null;
}

/** The run's latest epoch, partial when it has fewer rows than the one before. */
export function liveEpoch(epochs: readonly EpochRows[]): LiveEpoch | null {
  const sorted = [...epochs].sort((a, b) => a.epoch_id - b.epoch_id);
  const latest = sorted.at(-1);
  if (!latest) return null;
  const previous = sorted.at(-2) ?? null;
  return {
    epoch_id: latest.epoch_id,
    rows: latest.rows,
    partial: previous !== null && latest.rows < previous.rows,
    previous,
  };
}

/** How recent a rollout must be for its run to count as still writing. */
export const LIVE_WINDOW_SECONDS = 30 * 60;

/** A run is still writing when its latest epoch is partial or its latest rollout is recent. */
export function isLive(epoch: LiveEpoch | null, lastActivitySeconds: number | null, nowMs: number): boolean {
  if (epoch?.partial) return true;
  return lastActivitySeconds !== null && nowMs / 1000 - lastActivitySeconds <= LIVE_WINDOW_SECONDS;
}

export interface LiveRollout {
  id: string;
  href: string;
  epochId: number;
  dataId: string;
  reward: string;
  termination: string;
}

/** The newest rollouts of a run as the Live card lists them (already in newest-first order). */
export function liveRollouts(
  rollouts: readonly {
    trajectory_id: string;
    epoch_id: number;
    data_id: string;
    reward: number;
    termination_reason: string;
  }[],
): LiveRollout[] {
  return rollouts.map((r) => ({
    id: r.trajectory_id,
    href: trajectoryHref(r.trajectory_id),
    epochId: r.epoch_id,
    dataId: r.data_id,
    reward: formatReward(r.reward),
    termination: r.termination_reason,
  }));
}
