import { floats, strings } from '../../scan/scan';
import { spreadExamples, type Detector, type DetectorResult, type Finding } from '../detector';
import { BASELINE_EPOCHS, episodes, MIN_EPOCH_ROWS, MIN_Z, type Judged } from '../rules';

/** Smallest fall (absolute) of another component's mean, or of the success rate, that counts as diverging. */
export const MIN_FALL = 0.03;

/** Parsed dictionaries, per dictionary: a held column keeps its dictionary, so each value is parsed once a version. */
const parsedDictionaries = new WeakMap<readonly string[], Map<string, number>[]>();

/** Per distinct `reward_components` JSON, its numeric parts (parsed once per value, not per row). */
function parsedComponents(values: readonly string[]): Map<string, number>[] {
  const known = parsedDictionaries.get(values);
  if (known && known.length === values.length) return known;
  const parsed = values.map((json) => {
    const parts = new Map<string, number>();
    try {
      const object: unknown = JSON.parse(json);
      if (object && typeof object === 'object')
        for (const [name, value] of Object.entries(object))
          if (typeof value === 'number') parts.set(name, value);
    } catch {
      // Stored by ingest as JSON; an unreadable value has no parts.
    }
    return parts;
  });
  parsedDictionaries.set(values, parsed);
  return parsed;
}

/** Sums of one figure over an epoch's rows. */
interface Moments {
  n: number;
  sum: number;
  squares: number;
}

const add = (m: Moments, value: number) => {
  m.n++;
  m.sum += value;
  m.squares += value * value;
};

/** How a figure moved from its baseline (pooled previous epochs) to this epoch: the change and its z. */
function change(
  before: readonly Moments[],
  current: Moments,
): { mean: number; mean0: number; z: number } | null {
  const n0 = before.reduce((s, m) => s + m.n, 0);
  if (n0 === 0 || current.n === 0) return null;
  const mean0 = before.reduce((s, m) => s + m.sum, 0) / n0;
  const mean = current.sum / current.n;
  const var0 = Math.max(0, before.reduce((s, m) => s + m.squares, 0) / n0 - mean0 * mean0);
  const var1 = Math.max(0, current.squares / current.n - mean * mean);
  const se = Math.sqrt(var0 / n0 + var1 / current.n);
  return {
    mean,
    mean0,
    z: se === 0 ? (mean === mean0 ? 0 : Math.sign(mean - mean0) * Infinity) : (mean - mean0) / se,
  };
}

/**
 * `reward_component`: one reward component's mean rises by `MIN_Z` standard errors over its baseline (the pooled
 * previous judged epochs) while another component, or the success rate, falls by `MIN_Z` standard errors and at least
 * 3 points: the reward is being earned by a part that no longer goes with the rest (reward hacking; a success rate
 * read from the reward itself may not show it, so the other components are watched too). Critical when the fall is
 * 10 points or more. Runs without `reward_components` raise nothing.
 */
export const rewardComponent: Detector = {
  id: 'reward_component',
  rule:
    `a reward component's mean rises ≥ ${MIN_Z} standard errors while another component or the success rate falls ` +
    `≥ ${MIN_Z} standard errors and ≥ ${MIN_FALL * 100} points (critical: a fall ≥ 10 points)`,
  columns: ['reward_components', 'reward'],
  detect({ scan, run, successThreshold }): DetectorResult {
    const column = strings(scan, 'reward_components');
    const reward = floats(scan, 'reward');
    const parts = parsedComponents(column.values);
    const names = [...new Set(parts.flatMap((p) => [...p.keys()]))].sort();
    if (names.length === 0) return { series: [], findings: [] };
    // Per judged epoch: the moments of each component and of success (1/0).
    const epochs: { epoch_id: number; rows: Int32Array; figures: Map<string, Moments>; success: Moments }[] =
      [];
    for (const { epoch_id, rows } of run.epochs) {
      const figures = new Map(names.map((name) => [name, { n: 0, sum: 0, squares: 0 }]));
      const success = { n: 0, sum: 0, squares: 0 };
      for (const i of rows) {
        const code = column.codes[i];
        if (code < 0) continue;
        for (const [name, value] of parts[code]) add(figures.get(name)!, value);
        add(success, reward[i] > successThreshold ? 1 : 0);
      }
      if (success.n >= MIN_EPOCH_ROWS) epochs.push({ epoch_id, rows, figures, success });
    }
    const series: DetectorResult['series'] = [];
    const findings: Finding[] = [];
    for (const name of names) {
      const fell = new Map<number, string>();
      const points = epochs.map((current, index): Judged => {
        const before = epochs.slice(Math.max(0, index - BASELINE_EPOCHS), index);
        const own = change(
          before.map((e) => e.figures.get(name)!),
          current.figures.get(name)!,
        );
        const figure = current.figures.get(name)!;
        if (!own || before.length === 0)
          // The first judged epoch: its own mean, nothing to compare it with.
          return {
            epoch_id: current.epoch_id,
            value: figure.n > 0 ? figure.sum / figure.n : 0,
            baseline: null,
            severity: null,
          };
        let worst: { what: string; fall: number } | null = null;
        if (own.z >= MIN_Z) {
          const others: [string, ReturnType<typeof change>][] = [
            ...names
              .filter((other) => other !== name)
              .map((other): [string, ReturnType<typeof change>] => [
                `the ${other} component`,
                change(
                  before.map((e) => e.figures.get(other)!),
                  current.figures.get(other)!,
                ),
              ]),
            [
              'the success rate',
              change(
                before.map((e) => e.success),
                current.success,
              ),
            ],
          ];
          for (const [what, moved] of others) {
            if (!moved || moved.z > -MIN_Z || moved.mean0 - moved.mean < MIN_FALL) continue;
            const fall = moved.mean0 - moved.mean;
            if (!worst || fall > worst.fall)
              worst = {
                what: `${what} fell to ${moved.mean.toFixed(2)} (baseline ${moved.mean0.toFixed(2)})`,
                fall,
              };
          }
        }
        if (worst) fell.set(current.epoch_id, worst.what);
        const severity = !worst ? null : worst.fall >= 0.1 ? 'critical' : 'warning';
        return { epoch_id: current.epoch_id, value: own.mean, baseline: own.mean0, severity };
      });
      series.push({
        detector: 'reward_component',
        subject: name,
        label: `mean ${name} component`,
        unit: 'share',
        points,
      });
      for (const { first, severity } of episodes(points)) {
        const epoch = epochs.find((e) => e.epoch_id === first.epoch_id)!;
        // Examples: failed trajectories whose component is at least the epoch's mean, else any at or above it.
        const high = [...epoch.rows].filter((i) => {
          const code = column.codes[i];
          const value = code >= 0 ? parts[code].get(name) : undefined;
          return value !== undefined && value >= first.value;
        });
        const failed = high.filter((i) => !(reward[i] > successThreshold));
        findings.push({
          detector: 'reward_component',
          subject: name,
          severity,
          epoch_id: first.epoch_id,
          message:
            `the ${name} reward component rose to ${first.value.toFixed(2)} at epoch ${first.epoch_id} ` +
            `(baseline ${(first.baseline ?? 0).toFixed(2)}) while ${fell.get(first.epoch_id)}`,
          value: first.value,
          baseline: first.baseline,
          exampleRows: spreadExamples(failed.length >= 3 ? failed : high),
        });
      }
    }
    return { series, findings };
  },
};
