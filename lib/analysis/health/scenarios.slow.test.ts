import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../ingest';
import { tempDb, type TempDb } from '../../test-support/fixture';
import {
  HEALTH_DETECTORS,
  scenarioSuite,
  type ScenarioRecord,
  type ScenarioRun,
} from '../../test-support/health-scenarios';
import { parseAnalysisQuery } from '../filters/query';
import { openSource, type Source } from '../source';
import { runAlerts, type RunAlerts } from '../stats/run-alerts';
import { LIMIT_REASON } from './detectors/truncation';

/**
 * The detectors on seeded runs: every detector must find its injected pathology within one epoch of the onset, with
 * examples that show it, and raise nothing on the clean runs. The rules were tuned on seeds 1–6; these seeds were not
 * looked at while tuning. Examples are checked against the generated records (not the derived columns the detectors
 * read), so a wrong derivation fails here too.
 */
const REPORT_SEEDS = [7, 8, 9];
const OPTIONS = { questions: 24 };

type Alert = RunAlerts['alerts'][number];

let db: TempDb;
let runs: ScenarioRun[];
let alertsOf: Map<string, Alert[]>;
let recordOf: Map<string, ScenarioRecord>;
let source: Source;

beforeAll(async () => {
  db = tempDb();
  runs = scenarioSuite(REPORT_SEEDS, OPTIONS);
  const file = path.join(db.dir, 'scenarios.jsonl');
  fs.mkdirSync(db.dir, { recursive: true });
  fs.writeFileSync(file, runs.flatMap((run) => run.records.map((r) => JSON.stringify(r))).join('\n'));
  const summary = await ingestFiles([file], { db: { ...db.config, uri: path.join(db.dir, 'lance') } });
  expect(summary.rejected).toBe(0);
  source = await openSource({ ...db.config, uri: path.join(db.dir, 'lance') });
  const answer = await runAlerts(
    parseAnalysisQuery(new URLSearchParams(), ['training_id', 'training_ids']),
    source,
  );
  if (!('runs' in answer)) throw new Error('expected the answer for every run');
  alertsOf = new Map(answer.runs.map((run) => [run.training_id, run.alerts]));
  // The trajectories an alert names, back to the records they were made from.
  const rows = await source
    .table!.query()
    .select(['trajectory_id', 'training_id', 'epoch_id', 'data_id', 'sample_id'])
    .toArray();
  const byKey = new Map(
    runs.flatMap((run) =>
      (run.records as ScenarioRecord[]).map((r) => [
        `${r.training_id}|${r.epoch_id}|${r.data_id}|${r.sample_id}`,
        r,
      ]),
    ),
  );
  recordOf = new Map(
    rows.map((row) => [
      String(row.trajectory_id),
      byKey.get(`${row.training_id}|${row.epoch_id}|${row.data_id}|${row.sample_id}`)!,
    ]),
  );
}, 240_000);

afterAll(() => db?.cleanup());

/** The longest run of consecutive identical calls of a record, computed from its steps. */
function longestRepeat(record: ScenarioRecord): number {
  let best = 0;
  let run = 0;
  let previous = '';
  for (const step of record.steps) {
    if (!step.action || step.action === 'final_answer') continue;
    const call = `${step.action}${JSON.stringify(step.action_input)}`;
    run = call === previous ? run + 1 : 1;
    previous = call;
    best = Math.max(best, run);
  }
  return best;
}

function finalAnswer(record: ScenarioRecord): string | null {
  const last = record.steps.at(-1);
  return last?.action === 'final_answer' ? (last.content ?? '') : null;
}

/** Whether a trajectory shows the pathology its alert is about, judged from the generated record. */
const SHOWS: Record<
  (typeof HEALTH_DETECTORS)[number],
  (record: ScenarioRecord, alert: Alert, run: ScenarioRun) => boolean
> = {
  zero_variance: (record, _alert, run) => {
    const group = (run.records as ScenarioRecord[]).filter(
      (r) => r.epoch_id === record.epoch_id && r.data_id === record.data_id,
    );
    return group.length >= 2 && group.every((r) => r.reward === record.reward);
  },
  truncation: (record) => record.metrics.truncated === 1 || LIMIT_REASON.test(record.termination_reason),
  tool_errors: (record, alert) =>
    record.steps.some(
      (s) => s.tool_status === 'error' && (alert.subject === null || s.action === alert.subject),
    ),
  repeated_calls: (record) => longestRepeat(record) >= 5,
  format_errors: (record) => record.termination_reason === 'format_error',
  reward_collapse: (record) => record.reward <= 0,
  degenerate_text: (record) => {
    const answer = finalAnswer(record);
    if (answer === null) return false;
    const words = answer.toLowerCase().split(/\W+/).filter(Boolean);
    return words.length === 0 || new Set(words).size * 4 < words.length;
  },
  reward_component: (record, alert) =>
    record.reward_components[alert.subject as 'format'] >= (alert.baseline ?? 0),
};

describe('health detectors on seeded runs', () => {
  it('find every injection within one epoch of its onset, with at least three examples that show it', () => {
    const report: string[] = [];
    for (const detector of HEALTH_DETECTORS) {
      const injected = runs.filter((run) => run.injection?.detector === detector);
      expect(injected).toHaveLength(REPORT_SEEDS.length);
      let found = 0;
      for (const run of injected) {
        const { epoch, subject } = run.injection!;
        const hit = alertsOf
          .get(run.trainingId)!
          .find(
            (a) =>
              a.detector === detector &&
              a.epoch_id >= epoch &&
              a.epoch_id <= epoch + 1 &&
              (subject === null || a.subject === subject),
          );
        if (!hit) continue;
        expect(hit.severity === 'warning' || hit.severity === 'critical').toBe(true);
        expect(hit.examples.length, `${run.trainingId}: examples`).toBeGreaterThanOrEqual(3);
        for (const id of hit.examples) {
          const record = recordOf.get(id)!;
          expect(record.epoch_id, `${id} is of the alert's epoch`).toBe(hit.epoch_id);
          expect(SHOWS[detector](record, hit, run), `${run.trainingId}: ${id} shows ${detector}`).toBe(true);
        }
        found++;
      }
      // Precision: of this detector's alerts on every run, those on a run where it was injected, within one epoch of
      // the onset (any subject: truncation's length alert on the same run is the same injection).
      const raised = runs.flatMap((run) =>
        alertsOf
          .get(run.trainingId)!
          .filter((a) => a.detector === detector)
          .map((a) => ({ run, a })),
      );
      const onInjection = raised.filter(
        ({ run, a }) =>
          run.injection?.detector === detector &&
          a.epoch_id >= run.injection.epoch &&
          a.epoch_id <= run.injection.epoch + 1,
      );
      const elsewhere = raised
        .filter((entry) => !onInjection.includes(entry))
        .map(({ run }) => run.injection?.detector ?? 'clean');
      report.push(
        `${detector}: recall ${found}/${injected.length}, precision ${onInjection.length}/${raised.length}` +
          (elsewhere.length ? ` (others on runs injected with ${[...new Set(elsewhere)].join(', ')})` : ''),
      );
      expect(found, `${detector} found its injections`).toBe(injected.length);
    }
    console.log(`health detectors, seeds ${REPORT_SEEDS.join(', ')}:\n  ${report.join('\n  ')}`);
  });

  it('raise no warning and no critical alert on clean runs', () => {
    const clean = runs.filter((run) => run.injection === null);
    expect(clean).toHaveLength(REPORT_SEEDS.length);
    for (const run of clean) expect(alertsOf.get(run.trainingId), run.trainingId).toEqual([]);
  });

  it('answer one run alone with the same alerts', async () => {
    const run = runs.find((r) => r.injection?.detector === 'tool_errors')!;
    const one = await runAlerts(
      parseAnalysisQuery(new URLSearchParams({ training_id: run.trainingId }), [
        'training_id',
        'training_ids',
      ]),
      source,
    );
    expect(one).toEqual({ training_id: run.trainingId, alerts: alertsOf.get(run.trainingId) });
  });
});
