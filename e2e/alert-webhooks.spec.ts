/**
 * Health alerts reach a webhook (docs/health.md#webhooks), end to end: a real built server (`npm start`) on a real
 * LanceDB folder of its own, a real HTTP receiver, rows ingested into the folder while the server runs, and a restart.
 * A Playwright spec rather than a vitest `slow` test because it needs the built app, and `npm run test:e2e` builds it
 * first (no browser page is opened).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type TestInfo } from '@playwright/test';
import { openTrajectories } from '../lib/db';
import { ingestText } from '../lib/ingest';
import { ALERT_RECORD_FILE, alertRecord, type AlertRecord } from '../lib/server/alert-record';
import { spawnServer } from '../lib/server/spawn-server';
import type { WebhookPayload } from '../lib/server/alert-webhooks';
import { scenarioRun } from '../lib/test-support/health-scenarios';

// Seed 3: `lookup` breaks at epoch 7 (lib/test-support/health-scenarios.ts); epochs 0–6 fire no alert.
const SEED = 3;
const PUBLIC_URL = 'https://dash.example.org';
const DEADLINE = 90_000;

interface Post {
  path: string;
  body: WebhookPayload;
}

let dir: string;
let receiver: http.Server;
let hookBase: string;
const posts: Post[] = [];
let server: ChildProcess | undefined;
let output = '';

/** Answers every POST with 200 after recording it. */
async function startReceiver(): Promise<void> {
  receiver = http.createServer(async (request, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    posts.push({ path: request.url ?? '', body: JSON.parse(text) as WebhookPayload });
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Starts `npm start` on the folder with two webhook URLs and waits until /api/health answers 200. */
async function startDashboard(port: number): Promise<ChildProcess> {
  const child = spawnServer({
    port,
    hostname: '127.0.0.1',
    env: {
      LANCEDB_URI: dir,
      LANCEDB_READ_CONSISTENCY_SECONDS: '1',
      ALERT_WEBHOOK_URLS: `${hookBase}/hooks/one,${hookBase}/hooks/two`,
      PUBLIC_URL,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  server = child;
  await expect(async () => {
    expect(child.exitCode, output).toBeNull();
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  }).toPass({ timeout: DEADLINE });
  return child;
}

async function stopDashboard(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function ingest(records: readonly unknown[]): Promise<number> {
  const db = { uri: dir, readConsistencyInterval: 0 };
  const summary = await ingestText(records.map((record) => JSON.stringify(record)).join('\n'), { db });
  expect(summary).toMatchObject({ inserted: records.length, rejected: 0 });
  return (await openTrajectories(db))!.version();
}

/** The server's record of alerts (null until its first look at the folder). */
function record(): AlertRecord | null {
  const file = path.join(dir, ALERT_RECORD_FILE);
  return fs.existsSync(file) ? alertRecord.parse(JSON.parse(fs.readFileSync(file, 'utf8'))) : null;
}

/** Waits until the server answers with table version `version` or later and has compared that version's alerts. */
async function waitWatched(port: number, version: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/api/analysis-stats/training-list`);
        return Number(response.headers.get('x-data-version'));
      },
      { timeout: DEADLINE },
    )
    .toBeGreaterThanOrEqual(version);
  await expect
    .poll(() => record()?.watched_version ?? -1, { timeout: DEADLINE })
    .toBeGreaterThanOrEqual(version);
}

const postsOf = (id: string) => posts.filter((post) => post.body.alerts.some((alert) => alert.id === id));
const heartbeat = (n: number) => ({
  training_id: 'heartbeat',
  epoch_id: 0,
  data_id: `hb-${n}`,
  reward: 1,
  termination_reason: 'success',
  steps: [{ action: 'respond', observation: 'ok' }],
});

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-dash-alerts-'));
  await startReceiver();
});

test.afterAll(async () => {
  await stopDashboard();
  await new Promise<void>((resolve) => {
    receiver?.closeAllConnections();
    receiver?.close(() => resolve());
  });
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test.afterEach(async ({}, testInfo: TestInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('server output', { body: output, contentType: 'text/plain' });
});

test('a new alert is POSTed once to every webhook, and not again after a restart', async () => {
  test.setTimeout(360_000);
  const run = scenarioRun('tool_errors', SEED);
  expect(run.injection).toEqual({ detector: 'tool_errors', epoch: 7, subject: 'lookup' });
  const onset = run.injection!.epoch;
  const alertId = `${run.trainingId}:tool_errors:lookup:${onset}`;
  const url = `${PUBLIC_URL}/analysis?training_id=${run.trainingId}&tab=health&alert=${encodeURIComponent(alertId)}`;

  // The run before its tool breaks, then the server.
  const before = run.records.filter((r) => (r as { epoch_id: number }).epoch_id < onset);
  const after = run.records.filter((r) => (r as { epoch_id: number }).epoch_id >= onset);
  expect([before.length, after.length]).toEqual([7 * 256, 3 * 256]);
  const firstVersion = await ingest(before);
  const port = await freePort();
  await startDashboard(port);
  await expect
    .poll(() => output, { timeout: DEADLINE })
    .toContain(`alert webhooks: new health alerts go to ${new URL(hookBase).host}`);

  // Its first look records what fires already (nothing here) and sends nothing.
  await waitWatched(port, firstVersion);
  expect(record()).toMatchObject({ format: 1, watched_version: firstVersion });
  expect(record()!.alerts).toEqual({});

  // The epochs where the tool breaks arrive while it runs: one POST per URL, within a generous deadline.
  const secondVersion = await ingest(after);
  await expect.poll(() => postsOf(alertId).length, { timeout: DEADLINE }).toBe(2);
  expect(postsOf(alertId).map((post) => post.path)).toEqual(
    expect.arrayContaining(['/hooks/one', '/hooks/two']),
  );
  const { body } = postsOf(alertId)[0];
  expect(body.alerts).toHaveLength(1);
  const [alert] = body.alerts;
  expect(alert).toEqual({
    id: alertId,
    training_id: run.trainingId,
    detector: 'tool_errors',
    subject: 'lookup',
    severity: 'critical',
    epoch_id: onset,
    message: expect.stringMatching(/\blookup\b.*\bepoch 7\b/),
    url,
  });
  expect(body.text).toBe(
    `*CRITICAL* ${run.trainingId}: ${alert.message.replace(/</g, '&lt;').replace(/>/g, '&gt;')} ` +
      `<${url.replace(/&/g, '&amp;')}|open>`,
  );
  expect(postsOf(alertId)[1].body).toEqual(body);

  // The API agrees, and the record says it was sent.
  await waitWatched(port, secondVersion);
  expect(record()!.alerts[alertId]).toMatchObject({ status: 'sent' });
  const answer = await (await fetch(`http://127.0.0.1:${port}/api/analysis-stats/run-alerts`)).json();
  expect(answer.runs).toEqual([
    { training_id: run.trainingId, alerts: [expect.objectContaining({ id: alertId })] },
  ]);
  expect(posts).toHaveLength(2);

  // A restart on the same folder, after another run was loaded while no server watched. The record outlives the
  // process: its alerts are not sent again, while the alerts that fired meanwhile are new to it and are sent (a first
  // look, with no record, would have recorded them as known instead).
  await stopDashboard();
  const other = scenarioRun('truncation', SEED);
  const truncationId = `${other.trainingId}:truncation:*:${other.injection!.epoch}`;
  const downVersion = await ingest(other.records);
  await startDashboard(port);
  await expect.poll(() => postsOf(truncationId).length, { timeout: DEADLINE }).toBe(2);
  for (const post of postsOf(truncationId)) {
    expect(post.body.alerts.length).toBeGreaterThan(0);
    expect(post.body.alerts.every((a) => a.training_id === other.trainingId)).toBe(true);
  }
  await waitWatched(port, downVersion);

  // A newer version (a harmless row) once the restarted server watches: nothing is sent again.
  const thirdVersion = await ingest([heartbeat(1)]);
  await waitWatched(port, thirdVersion);
  expect(postsOf(alertId)).toHaveLength(2);
  expect(posts).toHaveLength(4);
  const seen = record()!;
  expect(seen.watched_version).toBeGreaterThanOrEqual(thirdVersion);
  expect(seen.alerts[alertId].status).toBe('sent');
  // First seen at the version the ingest wrote (its data, or the index update right after).
  expect(seen.alerts[alertId].version).toBeGreaterThan(firstVersion);
  expect(seen.alerts[alertId].version).toBeLessThanOrEqual(secondVersion);
  expect(Object.values(seen.alerts).every((a) => a.status === 'sent')).toBe(true);
});
