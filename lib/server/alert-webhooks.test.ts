import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Table } from '@lancedb/lancedb';
import { openSource, type Source } from '../analysis/source';
import { watchNewVersions } from '../analysis/warm';
import { openTrajectories } from '../db';
import { ingestText } from '../ingest';
import { tempDb } from '../test-support/fixture';
import { scenarioRun } from '../test-support/health-scenarios';
import { memoryStore } from './alert-record';
import {
  alertLine,
  alertMonitor,
  alertUrl,
  firingAlerts,
  startAlertWebhooks,
  webhookPayload,
  type FiredAlert,
  type WebhookPayload,
} from './alert-webhooks';

const LOOKUP: FiredAlert = {
  id: 'grpo run/1:tool_errors:lookup:7',
  training_id: 'grpo run/1',
  detector: 'tool_errors',
  subject: 'lookup',
  severity: 'critical',
  epoch_id: 7,
  message:
    '47 % of lookup calls failed at epoch 7 (baseline 5.1 %); most common error: reservation <id> not found',
  value: 0.47,
  baseline: 0.051,
  examples: ['t1', 't2'],
};
const TRUNCATION: FiredAlert = {
  id: 'ppo:truncation:*:5',
  training_id: 'ppo',
  detector: 'truncation',
  subject: null,
  severity: 'warning',
  epoch_id: 5,
  message: '31 % of trajectories\nhit the token cap at epoch 5 (baseline 3 %) & more',
  value: 0.31,
  baseline: 0.03,
  examples: [],
};

describe('alertUrl', () => {
  it('links the alert on its run’s Health tab, values URL-encoded', () => {
    expect(alertUrl('https://dash.example.org/rl', LOOKUP.training_id, LOOKUP.id)).toBe(
      'https://dash.example.org/rl/analysis?training_id=grpo%20run%2F1&tab=health&alert=grpo%20run%2F1%3Atool_errors%3Alookup%3A7',
    );
    expect(alertUrl(null, 'ppo', 'ppo:truncation:*:5')).toBe(
      '/analysis?training_id=ppo&tab=health&alert=ppo%3Atruncation%3A*%3A5',
    );
  });
});

describe('webhookPayload', () => {
  it('gives each alert its fields and link, and one Slack line per alert, severity first', () => {
    const payload = webhookPayload([LOOKUP, TRUNCATION], 'https://dash.example.org/rl');
    expect(payload).toEqual({
      text: [
        '*CRITICAL* grpo run/1: 47 % of lookup calls failed at epoch 7 (baseline 5.1 %); most common error: ' +
          'reservation &lt;id&gt; not found ' +
          '<https://dash.example.org/rl/analysis?training_id=grpo%20run%2F1&amp;tab=health&amp;alert=grpo%20run%2F1%3Atool_errors%3Alookup%3A7|open>',
        '*WARNING* ppo: 31 % of trajectories hit the token cap at epoch 5 (baseline 3 %) &amp; more ' +
          '<https://dash.example.org/rl/analysis?training_id=ppo&amp;tab=health&amp;alert=ppo%3Atruncation%3A*%3A5|open>',
      ].join('\n'),
      alerts: [
        {
          id: 'grpo run/1:tool_errors:lookup:7',
          training_id: 'grpo run/1',
          detector: 'tool_errors',
          subject: 'lookup',
          severity: 'critical',
          epoch_id: 7,
          message:
            '47 % of lookup calls failed at epoch 7 (baseline 5.1 %); most common error: reservation <id> not found',
          url: 'https://dash.example.org/rl/analysis?training_id=grpo%20run%2F1&tab=health&alert=grpo%20run%2F1%3Atool_errors%3Alookup%3A7',
        },
        {
          id: 'ppo:truncation:*:5',
          training_id: 'ppo',
          detector: 'truncation',
          subject: null,
          severity: 'warning',
          epoch_id: 5,
          message: '31 % of trajectories\nhit the token cap at epoch 5 (baseline 3 %) & more',
          url: 'https://dash.example.org/rl/analysis?training_id=ppo&tab=health&alert=ppo%3Atruncation%3A*%3A5',
        },
      ],
    });
  });

  it('writes a relative link as text (not a Slack link) without PUBLIC_URL', () => {
    const [alert] = webhookPayload([TRUNCATION], null).alerts;
    expect(alert.url).toBe('/analysis?training_id=ppo&tab=health&alert=ppo%3Atruncation%3A*%3A5');
    expect(alertLine(alert)).toBe(
      '*WARNING* ppo: 31 % of trajectories hit the token cap at epoch 5 (baseline 3 %) &amp; more ' +
        '/analysis?training_id=ppo&amp;tab=health&amp;alert=ppo%3Atruncation%3A*%3A5',
    );
  });

  it('keeps a | of the address from ending the Slack link', () => {
    const [alert] = webhookPayload([TRUNCATION], 'https://dash.example.org/a|b').alerts;
    expect(alertLine(alert)).toMatch(/ <https:\/\/dash\.example\.org\/a%7Cb\/analysis\?[^|>]*\|open>$/);
  });
});

describe('alertMonitor', () => {
  const table = {} as Table;
  const at = (version: number, hasTable = true): Source => ({
    table: hasTable ? table : null,
    version,
    uri: 'mem',
  });

  let info: MockInstance<typeof console.info>;
  beforeAll(() => {
    info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterAll(() => info.mockRestore());

  it('sends nothing at the first watch, then each new alert once, one payload per version', async () => {
    const firing = new Map<number, FiredAlert[]>([
      [3, [LOOKUP]],
      [4, [LOOKUP]],
      [5, [LOOKUP, TRUNCATION]],
      [6, [TRUNCATION]],
    ]);
    const sent: WebhookPayload[] = [];
    const store = memoryStore();
    const onVersion = alertMonitor({
      store,
      publicUrl: null,
      send: (payload) => sent.push(payload),
      alertsOf: async (source) => firing.get(source.version) ?? [],
      now: () => new Date('2025-03-01T10:00:00.000Z'),
    });
    await onVersion(at(3));
    await onVersion(at(4));
    expect(sent).toEqual([]);
    await onVersion(at(5));
    await onVersion(at(6));
    expect(sent).toEqual([webhookPayload([TRUNCATION], null)]);
    expect(await store.load()).toEqual({
      format: 1,
      watching_since: '2025-03-01T10:00:00.000Z',
      watched_version: 6,
      alerts: {
        'grpo run/1:tool_errors:lookup:7': { status: 'known', version: 3, at: '2025-03-01T10:00:00.000Z' },
        'ppo:truncation:*:5': { status: 'sent', version: 5, at: '2025-03-01T10:00:00.000Z' },
      },
    });

    // A restart on the same record: what it holds is not sent again, a newer alert is.
    const again: WebhookPayload[] = [];
    const restarted = alertMonitor({
      store,
      publicUrl: null,
      send: (payload) => again.push(payload),
      alertsOf: async (source) => (source.version === 7 ? [LOOKUP, TRUNCATION] : [{ ...LOOKUP, id: 'new' }]),
    });
    await restarted(at(7));
    expect(again).toEqual([]);
    await restarted(at(8));
    expect(again.map((p) => p.alerts.map((a) => a.id))).toEqual([['new']]);
  });

  it('looks at versions one at a time, only the latest of those that waited', async () => {
    const looked: number[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const onVersion = alertMonitor({
      store: memoryStore(),
      publicUrl: null,
      send: () => undefined,
      alertsOf: async (source) => {
        looked.push(source.version);
        if (source.version === 1) await held;
        return [];
      },
    });
    const first = onVersion(at(1));
    await onVersion(at(2));
    await onVersion(at(3));
    release();
    await first;
    expect(looked).toEqual([1, 3]);
  });

  it('logs a failing version and goes on with the next', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const sent: WebhookPayload[] = [];
      const onVersion = alertMonitor({
        store: memoryStore(),
        publicUrl: null,
        send: (payload) => sent.push(payload),
        alertsOf: async (source) => {
          if (source.version === 2) throw new Error('scan failed');
          return source.version === 1 ? [] : [LOOKUP];
        },
      });
      await onVersion(at(1));
      await onVersion(at(2));
      await onVersion(at(3));
      expect(warn).toHaveBeenCalledWith(
        'alert webhooks: alerts of table version 2 not checked:',
        expect.any(Error),
      );
      expect(sent.map((p) => p.alerts.map((a) => a.id))).toEqual([[LOOKUP.id]]);
    } finally {
      warn.mockRestore();
    }
  });

  it('saves no record while the database has no table', async () => {
    const store = memoryStore();
    const onVersion = alertMonitor({
      store,
      publicUrl: null,
      send: () => undefined,
      alertsOf: async () => [],
    });
    await onVersion(at(0, false));
    expect(await store.load()).toBeNull();
  });
});

describe('startAlertWebhooks', () => {
  it('is off without ALERT_WEBHOOK_URLS, and when a setting is invalid', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const config = { uri: 's3://bucket/db', readConsistencyInterval: 1 };
      expect(startAlertWebhooks({}, config)).toBeNull();
      expect(startAlertWebhooks({ ALERT_WEBHOOK_URLS: 'ftp://x/secret' }, config)).toBeNull();
      expect(error).toHaveBeenCalledWith(
        'alert webhooks off: ALERT_WEBHOOK_URLS entry 1: must be an http:// or https:// URL, got a ftp: URL',
      );
    } finally {
      error.mockRestore();
    }
  });
});

describe('firingAlerts', () => {
  const db = tempDb('rl-dash-alert-webhooks-');
  afterAll(db.cleanup);

  it('lists the alerts of the runs with the run they are about', async () => {
    const run = scenarioRun('tool_errors', 3);
    expect(run.injection).toEqual({ detector: 'tool_errors', epoch: 7, subject: 'lookup' });
    const text = run.records.map((record) => JSON.stringify(record)).join('\n');
    expect(await ingestText(text, { db: db.config })).toMatchObject({
      inserted: run.records.length,
      rejected: 0,
    });
    const alerts = await firingAlerts(await openSource(db.config));
    expect(
      alerts.map(({ id, training_id, detector, subject, severity, epoch_id }) => ({
        id,
        training_id,
        detector,
        subject,
        severity,
        epoch_id,
      })),
    ).toEqual([
      {
        id: 'health-tool_errors-s3:tool_errors:lookup:7',
        training_id: 'health-tool_errors-s3',
        detector: 'tool_errors',
        subject: 'lookup',
        severity: 'critical',
        epoch_id: 7,
      },
    ]);
    expect(alerts[0].message).toMatch(/\blookup\b.*\bepoch 7\b/);
  });
});

describe('the version watcher', () => {
  const db = tempDb('rl-dash-alert-watch-');
  afterAll(db.cleanup);

  const row = (n: number) =>
    JSON.stringify({
      training_id: 'watched',
      epoch_id: 0,
      data_id: `q${n}`,
      reward: 1,
      termination_reason: 'success',
      steps: [{ action: 'respond', observation: 'ok' }],
    });

  it('calls its listener once with the first version it sees, then once with each newer one', async () => {
    await ingestText(row(1), { db: db.config });
    const first = await (await openTrajectories(db.config))!.version();
    const seen: number[] = [];
    let wake = () => {};
    const called = () => new Promise<void>((resolve) => (wake = resolve));
    let next = called();
    const stop = watchNewVersions(db.config, 20, (source) => {
      seen.push(source.version);
      wake();
    });
    try {
      await next;
      expect(seen).toEqual([first]);
      next = called();
      await ingestText(row(2), { db: db.config });
      const latest = await (await openTrajectories(db.config))!.version();
      // The ingest may commit more than one version (its rows, then an index): wait for the last.
      while (seen[seen.length - 1] < latest) {
        await next;
        next = called();
      }
      expect(seen[seen.length - 1]).toBe(latest);
      expect(seen.every((version, i) => i === 0 || version > seen[i - 1])).toBe(true);
    } finally {
      stop();
    }
  });
});
