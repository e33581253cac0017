import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ingestFiles, ingestRecords } from '../lib/ingest';
import { spawnServer } from '../lib/server/spawn-server';
import { hostileRequests, rawStatus } from '../lib/test-support/hostile-requests';
import { TAU_BENCH_FILE } from '../lib/test-support/fixture';

// Its own server on its own database (INGEST_TOKEN set, default limits): independent of the other specs.
const PORT = Number(process.env.E2E_HOSTILE_PORT ?? 3127);
const BASE = `http://127.0.0.1:${PORT}`;
const TOKEN = 'hostile-spec-ingest-token-0123456789abcdef';
const HUGE_STEPS = 300_000;
const HUGE_ID = 'huge-300k';

let dir: string;
let server: ChildProcess;

/** The committed-count answer of a stopped ingest, or the counts of a whole one. */
interface Counts {
  read: number;
  inserted: number;
  rejected: number;
  errors: { line: number; field: string; reason: string }[];
}

function ingest(body: BodyInit, headers: Record<string, string> = {}) {
  const init = { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}`, ...headers } };
  // A stream body needs duplex: 'half', which Node's fetch takes but the DOM typings do not list.
  const streamed = body instanceof ReadableStream ? ({ ...init, duplex: 'half' } as RequestInit) : init;
  return fetch(`${BASE}/api/trajectories`, streamed);
}

/** `n` NDJSON lines of about 1.1 KB, training `training`, ids `from`…. */
function lines(training: string, n: number, from = 0): string[] {
  return Array.from(
    { length: n },
    (_, k) =>
      `${JSON.stringify({
        training_id: training,
        epoch_id: (from + k) % 5,
        data_id: `q${from + k}`,
        reward: (from + k) % 2,
        question: 'x'.repeat(1000),
        steps: [{ action: 'search', action_input: { q: 'y'.repeat(40) }, observation: 'z'.repeat(40) }],
      })}\n`,
  );
}

/** A body sent in 1 MB chunks without a Content-Length (chunked transfer encoding). */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, (at += 1 << 20)));
    },
  });
}

async function trajectoryCount(training: string): Promise<number> {
  const list = (await (await fetch(`${BASE}/api/analysis-stats/training-list`)).json()) as {
    trainings: { training_id: string; trajectory_count: number }[];
  };
  return list.trainings.find((t) => t.training_id === training)?.trajectory_count ?? 0;
}

async function expectHealthy(): Promise<void> {
  const health = await fetch(`${BASE}/api/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', database: 'ready' });
}

/** The server's peak resident memory so far (Linux), in MB. */
function peakRssMb(): number {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** A trajectory of 300,000 steps, as a writer other than this app's ingest could store it. */
function hugeRecord() {
  return {
    trajectory_id: HUGE_ID,
    training_id: 'huge',
    epoch_id: 0,
    data_id: 'q1',
    reward: 0,
    steps: Array.from({ length: HUGE_STEPS }, (_, i) => ({
      action: i % 7 === 6 ? 'respond' : `tool_${i % 5}`,
      action_input: { i },
      observation: `result ${i}`,
      tool_status: i % 11 === 0 ? 'error' : 'success',
    })),
  };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-dash-hostile-'));
  const db = { uri: dir, readConsistencyInterval: 0 };
  await ingestFiles([TAU_BENCH_FILE], { db });
  const huge = hugeRecord();
  const stored = await ingestRecords([{ source: 'other-writer', line: 1, value: huge }], {
    db,
    maxSteps: HUGE_STEPS,
  });
  expect(stored.inserted).toBe(1);
  server = spawnServer({
    port: PORT,
    hostname: '127.0.0.1',
    env: {
      LANCEDB_URI: dir,
      INGEST_TOKEN: TOKEN,
      LANCEDB_READ_CONSISTENCY_SECONDS: '0',
      // Short waits for slow clients, so that the tests of them take seconds.
      HTTP_HEADERS_TIMEOUT_SECONDS: '2',
      INGEST_BODY_IDLE_SECONDS: '2',
    },
    stdio: 'ignore',
  });
  await expect(async () => expectHealthy()).toPass({ timeout: 90_000 });
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a 22 MB NDJSON body is read to its end: 200 means every record was counted and stored', async () => {
  const body = lines('body-22mb', 19_981).join('');
  expect(body.length).toBeGreaterThan(22_000_000);
  const response = await ingest(body);
  expect(response.status).toBe(200);
  // No warning: in particular not that the ingest's worker threads could not start inside the server.
  expect(await response.json()).toMatchObject({ read: 19_981, inserted: 19_981, rejected: 0, warnings: [] });
  expect(await trajectoryCount('body-22mb')).toBe(19_981);
});

test('a 66 MB chunked body stops at INGEST_MAX_BYTES with a 413 that counts what is stored; re-sent in halves it completes', async () => {
  test.setTimeout(180_000);
  const all = lines('body-66mb', 60_000);
  const response = await ingest(chunked(all.join('')));
  expect(response.status).toBe(413);
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  const stopped = (await response.json()) as { error: { message: string }; committed: Counts };
  expect(stopped.error.message).toMatch(
    /^the body is over the limit of 50 MiB \(INGEST_MAX_BYTES\)\. \d+ records were read/,
  );
  expect(stopped.committed.read).toBeGreaterThan(40_000);
  expect(stopped.committed.read).toBeLessThan(60_000);
  expect(await trajectoryCount('body-66mb')).toBe(stopped.committed.inserted);
  for (const half of [all.slice(0, 30_000), all.slice(30_000)])
    expect((await ingest(half.join(''))).status).toBe(200);
  expect(await trajectoryCount('body-66mb')).toBe(60_000);
});

test('every hostile request gets its answer, with the security headers, and the server stays healthy', async () => {
  test.setTimeout(120_000);
  const requests = hostileRequests({ base: BASE, ingestToken: TOKEN, longestTrajectory: HUGE_ID });
  expect(requests.length, 'hostile requests to send').toBeGreaterThan(0);
  for (const request of requests) expect(request.expected, request.name).toContain(await request.send());
  // Answers Next.js gives itself, outside the proxy, carry the headers too.
  for (const url of ['/_next/image', '/_next/static/missing.js']) {
    const answer = await fetch(`${BASE}${url}`);
    expect(answer.status, url).toBeGreaterThanOrEqual(400);
    expect(answer.headers.get('content-security-policy'), url).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(answer.headers.get('x-content-type-options'), url).toBe('nosniff');
  }
  await expectHealthy();
});

test('a 300,000-step trajectory: ingest refuses it by INGEST_MAX_STEPS, and its pages stay small', async () => {
  test.setTimeout(180_000);
  const response = await ingest(JSON.stringify({ ...hugeRecord(), trajectory_id: 'huge-again' }));
  expect(response.status).toBe(200);
  const counts = (await response.json()) as Counts;
  expect(counts).toMatchObject({ read: 1, inserted: 0, rejected: 1 });
  expect(counts.errors[0]).toMatchObject({ line: 1, field: 'steps' });
  expect(counts.errors[0].reason).toContain('INGEST_MAX_STEPS');

  const id = encodeURIComponent(HUGE_ID);
  for (const [url, maxBytes] of [
    [`/trajectories/${id}`, 2_000_000],
    [`/trajectories/${id}?step=${HUGE_STEPS}`, 2_000_000],
    ['/groups/huge/0/q1', 500_000],
    [`/analysis?tab=failures&training_id=huge&trajectory=${id}`, 2_500_000],
  ] as const) {
    const page = await fetch(`${BASE}${url}`);
    expect(page.status, url).toBe(200);
    expect((await page.arrayBuffer()).byteLength, url).toBeLessThan(maxBytes);
  }
  const last = await (await fetch(`${BASE}/trajectories/${id}?step=${HUGE_STEPS}`)).text();
  expect(last.replaceAll('<!-- -->', '')).toContain('Steps 299,801–300,000 of 300,000');
});

test('ten parallel readers of the largest page and record leave the server healthy, its memory bounded', async () => {
  test.setTimeout(180_000);
  const id = encodeURIComponent(HUGE_ID);
  const reads = Array.from({ length: 10 }, (_, i) =>
    fetch(i % 2 ? `${BASE}/api/trajectories/${id}` : `${BASE}/trajectories/${id}?step=${i * 20_000}`).then(
      async (answer) => [answer.status, (await answer.arrayBuffer()).byteLength] as const,
    ),
  );
  for (const [status, bytes] of await Promise.all(reads)) {
    expect(status).toBe(200);
    expect(bytes).toBeGreaterThan(0);
  }
  await expectHealthy();
  const peak = peakRssMb();
  test.info().annotations.push({ type: 'server peak RSS', description: `${Math.round(peak)} MB` });
  expect(peak).toBeLessThan(2500);
});

test('a forged X-Forwarded-For neither escapes the token throttle nor locks out a trainer already accepted', async () => {
  const trainer = await ingest(lines('trainer', 3).join(''));
  expect(trainer.status).toBe(200);
  const guesses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const answer = await fetch(`${BASE}/api/trajectories`, {
      method: 'POST',
      body: '{}',
      headers: { authorization: `Bearer guess-${i}`, 'x-forwarded-for': `::ffff:10.9.${i}.1` },
    });
    guesses.push(answer.status);
  }
  // At most 5 wrong tokens a minute from one client, whatever address each claims (earlier tests sent some too).
  const throttled = guesses.indexOf(429);
  expect(throttled).toBeGreaterThanOrEqual(0);
  expect(throttled).toBeLessThanOrEqual(5);
  expect(guesses.slice(0, throttled).every((status) => status === 401)).toBe(true);
  expect(guesses.slice(throttled).every((status) => status === 429)).toBe(true);
  const again = await ingest(lines('trainer', 3, 3).join(''));
  expect(again.status).toBe(200);
  expect(await trajectoryCount('trainer')).toBe(6);
});

test('slow clients are cut: headers that never end get 408, an upload that stops gets 408 saying what it committed', async () => {
  expect(await rawStatus(BASE, 'GET / HTTP/1.1\r\nHost: x\r\n', { end: false })).toBe(408);
  const ten = lines('slow-upload', 10).join('');
  const head =
    `POST /api/trajectories HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\n` +
    `Content-Length: ${ten.length + 1000}\r\n\r\n`;
  // The ten records arrive, then nothing more: the rest of the declared body never comes.
  expect(await rawStatus(BASE, head + ten, { end: false })).toBe(408);
  expect(await trajectoryCount('slow-upload')).toBe(10);
  await expectHealthy();
});

test('a set but invalid DASHBOARD_AUTH or INGEST_TOKEN stops the server before it listens, naming the variable', async () => {
  const bad = spawnServer({
    port: PORT + 1,
    hostname: '127.0.0.1',
    env: { LANCEDB_URI: dir, DASHBOARD_AUTH: 'alice:wonderland', INGEST_TOKEN: 'too-short' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  bad.stdout!.on('data', (data) => (output += data));
  bad.stderr!.on('data', (data) => (output += data));
  const code = await new Promise<number | null>((resolve) => bad.on('exit', resolve));
  expect(code).toBe(1);
  expect(output).toContain('serve: DASHBOARD_AUTH entry 1: must start with basic: or bearer:');
  expect(output).toContain('serve: INGEST_TOKEN has 9 characters; at least 32 are required');
  expect(output).not.toContain('Ready');
  expect(output).not.toContain('wonderland');
  expect(await rawStatus(`http://127.0.0.1:${PORT + 1}`, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')).toBe(0);
});
