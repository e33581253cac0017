/**
 * Load test of the built app on loopback: the production server on a database, then N autocannon connections for D
 * seconds over a mix of pages and API endpoints while one more client sends the hostile requests of
 * lib/test-support/hostile-requests.ts over and over (a gzip bomb, a whitespace gzip, forged tokens, TRACE, oversized
 * headers and bodies, the longest trajectory's page and record); reports errors, latency percentiles, throughput, the
 * server's peak RSS and each hostile request's answers and times, and with --write puts the result in
 * docs/BENCHMARKS.md under its own heading. It fails when a request of the mix errs or a hostile one gets an answer
 * other than its expected one.
 *
 *   npm run build && npm run loadtest -- [--db ./data/lancedb] [--connections 64] [--duration 30] [--write]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { spawnServer } from '../lib/server/spawn-server';
import { hostileRequests, type HostileRequest } from '../lib/test-support/hostile-requests';
import prettier from 'prettier';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.LANCEDB_URI ?? './data/lancedb' },
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '30' },
    port: { type: 'string', default: '3299' },
    write: { type: 'boolean', default: false },
  },
});

const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = Number(values.connections);
const DURATION = Number(values.duration);
const DB = path.resolve(values.db!);
const DOC = path.resolve('docs/BENCHMARKS.md');
const START = '<!-- loadtest:start -->';
const END = '<!-- loadtest:end -->';

function fail(message: string): never {
  console.error(`loadtest: ${message}`);
  process.exit(1);
}

if (!fs.existsSync('.next/BUILD_ID')) fail('no build in .next: run `npm run build` first');
if (!fs.existsSync(DB)) fail(`no database at ${DB} (--db)`);
if (!(CONNECTIONS >= 1 && CONNECTIONS <= 512 && DURATION >= 1 && DURATION <= 600))
  fail('--connections must be 1–512 and --duration 1–600 seconds');

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // Gone.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

async function waitForHealth(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`${BASE}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  fail(`server not healthy on ${BASE} after ${timeoutMs / 1000} s`);
}

async function json<T>(url: string): Promise<T> {
  const response = await fetch(`${BASE}${url}`);
  if (!response.ok) fail(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The request mix: pages and endpoints a morning visit touches, on the database's own trainings. */
async function requestMix(): Promise<string[]> {
  const { trainings } = await json<{ trainings: { training_id: string }[] }>(
    '/api/analysis-stats/training-list',
  );
  if (trainings.length === 0) fail(`the database at ${DB} has no trajectories`);
  const [a, b = a] = trainings.map((t) => encodeURIComponent(t.training_id));
  const failures = await json<{ data: { trajectory_id: string }[] }>(
    `/api/analysis-stats/failure-cases?training_id=${a}&limit=5`,
  );
  const trajectory = failures.data[0]?.trajectory_id;
  return [
    '/',
    `/analysis?training_id=${a}`,
    `/analysis?tab=progress&training_id=${a}`,
    `/analysis?tab=failures&training_id=${a}`,
    '/api/health',
    '/api/analysis-stats/training-list',
    `/api/analysis-stats/summary?training_id=${a}`,
    `/api/analysis-stats/epoch-progression?training_id=${a}`,
    `/api/analysis-stats/termination-stats?training_id=${b}`,
    `/api/analysis-stats/failure-cases?training_id=${a}&limit=20`,
    `/api/analysis-stats/tool-return-stats?training_id=${a}`,
    ...(a !== b ? [`/api/analysis-stats/training-comparison?training_ids=${a},${b}`] : []),
    ...(trajectory ? [`/api/trajectories/${encodeURIComponent(trajectory)}`] : []),
  ];
}

/** A token for the run's server: the hostile gzip bodies must reach the ingest to be refused there. */
const INGEST_TOKEN = `loadtest-${process.pid}-${Date.now()}-ingest-token-0123456789`;

interface HostileOutcome {
  name: string;
  sent: number;
  statuses: Record<string, number>;
  unexpected: number;
  medianMs: number;
  maxMs: number;
}

/** Sends the hostile requests in turn, one at a time, until `stop()` says the load is over. */
async function sendHostile(requests: HostileRequest[], running: () => boolean): Promise<HostileOutcome[]> {
  const times = new Map<string, number[]>();
  const outcomes = requests.map((request) => ({
    name: request.name,
    sent: 0,
    statuses: {} as Record<string, number>,
    unexpected: 0,
    medianMs: 0,
    maxMs: 0,
  }));
  while (running()) {
    for (const [i, request] of requests.entries()) {
      const started = performance.now();
      const status = await request.send();
      const ms = performance.now() - started;
      const outcome = outcomes[i];
      outcome.sent++;
      outcome.statuses[status] = (outcome.statuses[status] ?? 0) + 1;
      if (!request.expected.includes(status)) outcome.unexpected++;
      times.set(request.name, [...(times.get(request.name) ?? []), ms]);
      if (!running()) break;
    }
  }
  for (const outcome of outcomes) {
    const sorted = (times.get(outcome.name) ?? [0]).sort((a, b) => a - b);
    outcome.medianMs = Math.round(sorted[Math.floor(sorted.length / 2)]);
    outcome.maxMs = Math.round(sorted[sorted.length - 1]);
  }
  return outcomes;
}

/** The trajectory with the most steps, by the failure list sorted on step count (any reward). */
async function longestTrajectory(): Promise<string | null> {
  const longest = await json<{ data: { trajectory_id: string }[] }>(
    '/api/analysis-stats/failure-cases?sort=-step_count&limit=1&reward_max=1000000000000',
  );
  return longest.data[0]?.trajectory_id ?? null;
}

interface Outcome {
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusByPath: Record<string, Record<string, number>>;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  rps: number;
  peakRssMb: number;
  idleRssMb: number;
  hostile: HostileOutcome[];
}

async function main(): Promise<void> {
  const server = spawnServer({
    port: PORT,
    hostname: '127.0.0.1',
    env: { LANCEDB_URI: DB, INGEST_TOKEN },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    await waitForHealth(60_000);
    const paths = await requestMix();
    // Warm-up: every path once, so the run measures a running dashboard, not its first compile of each route.
    for (const p of paths) await fetch(`${BASE}${p}`).then((r) => r.arrayBuffer());
    const idleRss = treeRss(server.pid!);
    let peakRss = idleRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, treeRss(server.pid!));
    }, 200);
    const statusByPath: Outcome['statusByPath'] = {};
    let loading = true;
    const hostile = sendHostile(
      hostileRequests({
        base: BASE,
        ingestToken: INGEST_TOKEN,
        longestTrajectory: await longestTrajectory(),
      }),
      () => loading,
    );
    const result = await autocannon({
      url: BASE,
      connections: CONNECTIONS,
      duration: DURATION,
      timeout: 30,
      requests: paths.map((p) => ({
        method: 'GET' as const,
        path: p,
        onResponse: (status: number) => {
          const counts = (statusByPath[p] ??= {});
          counts[status] = (counts[status] ?? 0) + 1;
        },
      })),
    });
    loading = false;
    const hostileOutcomes = await hostile;
    clearInterval(sampler);
    const outcome: Outcome = {
      requests: result.requests.total,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusByPath,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      rps: result.requests.average,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      idleRssMb: Math.round(idleRss / 2 ** 20),
      hostile: hostileOutcomes,
    };
    const healthy = (await fetch(`${BASE}/api/health`)).status === 200;
    await report(outcome, paths, healthy);
    const unexpected = hostileOutcomes.reduce((sum, h) => sum + h.unexpected, 0);
    if (outcome.errors + outcome.timeouts + outcome.non2xx + unexpected > 0 || !healthy) process.exitCode = 1;
  } finally {
    stop();
  }
}

async function report(outcome: Outcome, paths: string[], healthy: boolean): Promise<void> {
  const bad = outcome.errors + outcome.timeouts + outcome.non2xx;
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}, ` +
      `load average ${os.loadavg()[0].toFixed(1)} at the end, other work included), Node ${process.version}, ` +
      `database \`${path.relative(process.cwd(), DB) || DB}\`: ${CONNECTIONS} connections for ${DURATION} s over ` +
      `${paths.length} paths in turn (${paths.filter((p) => !p.startsWith('/api/')).length} pages, the rest JSON), ` +
      'after one warm-up request per path.',
    '',
    '| requests | errors | p50 | p90 | p99 | max | requests/s | server RSS idle → peak |',
    '| -------- | ------ | --- | --- | --- | --- | ---------- | ---------------------- |',
    `| ${outcome.requests} | ${bad} | ${outcome.p50} ms | ${outcome.p90} ms | ${outcome.p99} ms | ${outcome.max} ms | ${outcome.rps.toFixed(1)} | ${outcome.idleRssMb} → ${outcome.peakRssMb} MB |`,
    '',
    'Answers per path:',
    '',
    ...paths.map((p) => `- \`${p}\`: ${JSON.stringify(outcome.statusByPath[p] ?? {})}`),
    '',
    'Hostile requests sent meanwhile, one at a time, in turn (none writes a row; each must get its expected answer):',
    '',
    '| request | sent | answers | unexpected | median | max |',
    '| ------- | ---- | ------- | ---------- | ------ | --- |',
    ...outcome.hostile.map(
      (h) =>
        `| ${h.name} | ${h.sent} | ${JSON.stringify(h.statuses)} | ${h.unexpected} | ${h.medianMs} ms | ${h.maxMs} ms |`,
    ),
    '',
    `\`/api/health\` after the run: ${healthy ? '200 ok' : 'not ok'}.`,
  ];
  console.log(lines.join('\n'));
  if (values.write) await writeSection(lines);
}

/** Replaces (or appends) the load-test section of docs/BENCHMARKS.md, formatted; the rest of the file is left as it is. */
async function writeSection(lines: string[]): Promise<void> {
  const section = [START, '## Load test (`npm run loadtest`)', '', ...lines, END].join('\n');
  const text = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${text.slice(0, start)}${section}${text.slice(end + END.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  const options = await prettier.resolveConfig(DOC);
  fs.writeFileSync(DOC, await prettier.format(next, { ...options, filepath: DOC }));
  console.log(`written to ${path.relative(process.cwd(), DOC)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
