/**
 * `npm run demo`: load the demo campaign into an empty database, build the app if needed, and serve it.
 *
 *   npm run demo                      load (if empty) → build (if needed) → npm start on $PORT (default 3000)
 *   npm run demo -- --data-only       load (if empty) and exit
 *   npm run demo -- --rebuild         rebuild even when .next/BUILD_ID exists
 *   npm run demo -- --questions 20 --epochs 4 --samples 4 --lean   a smaller campaign
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { dbConfigFromEnv } from '@/lib/db';
import { spawnServer } from '@/lib/server/spawn-server';
import type { DemoCampaignOptions } from './demo-data';
import { loadDemoDataIfEmpty } from './demo-load';
import { BuildOutputFilter, formatElapsed, healthStatus, Progress, type HealthAnswer } from './demo-progress';

const USAGE = `Usage: npm run demo -- [--data-only] [--rebuild] [--questions N] [--epochs N] [--samples N]
                        [--trainings N] [--lean] [--seed N] [--out FILE]

Loads a generated RL training campaign into LANCEDB_URI (default ./data/lancedb) when its trajectories table is
missing or empty, builds the app when .next/BUILD_ID is missing (or with --rebuild), then serves it (npm start) on
PORT (default 3000). --data-only loads the data and exits. --out sets where the generated JSONL is written
(default data/demo/demo-campaign.jsonl.gz; plain JSONL unless the name ends in .gz). Each step says what it does
and how far along it is while it runs, until the dashboard's URL.`;

interface DemoArgs {
  dataOnly: boolean;
  rebuild: boolean;
  help: boolean;
  campaign: DemoCampaignOptions;
  /** Where the generated JSONL goes (default data/demo/demo-campaign.jsonl.gz). */
  out?: string;
}

function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      'data-only': { type: 'boolean' },
      rebuild: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      questions: { type: 'string' },
      epochs: { type: 'string' },
      samples: { type: 'string' },
      trainings: { type: 'string' },
      seed: { type: 'string' },
      lean: { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  const int = (name: 'questions' | 'epochs' | 'samples' | 'trainings' | 'seed') => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value)) throw new Error(`--${name} must be an integer, got "${raw}"`);
    return value;
  };
  return {
    dataOnly: values['data-only'] ?? false,
    rebuild: values.rebuild ?? false,
    help: values.help ?? false,
    out: values.out,
    campaign: {
      questions: int('questions'),
      epochs: int('epochs'),
      samples: int('samples'),
      trainings: int('trainings'),
      seed: int('seed'),
      lean: values.lean,
    },
  };
}

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return signal ? 128 + (constants.signals[signal] ?? 0) : 1;
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(exitCodeOf(code, signal)));
  });
}

/** Calls `onLine` with each line the stream carries. */
function eachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}

/**
 * `next build`, its steps shown as they come (`[23 s] ✓ Compiled successfully in 20.1s`) and a status line while it
 * is silent; the route table is left out, and the last lines of a failing build are printed in full.
 */
async function build(progress: Progress, rebuild: boolean): Promise<number> {
  progress.log(
    rebuild ? 'Rebuilding the app (--rebuild, ~1–2 min) …' : 'Building the app (first run only, ~1–2 min) …',
  );
  const child = spawn(process.execPath, [nextBin, 'build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const filter = new BuildOutputFilter();
  const tail: string[] = [];
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > BUILD_TAIL_LINES) tail.shift();
    const shown = filter.filter(line);
    if (shown === null) return;
    progress.log(`  [${formatElapsed(progress.seconds)}] ${shown}`);
    // The status line names the step under way, not one that has just ended (`✓ …`).
    if (!shown.startsWith('✓')) progress.update(shown);
  };
  eachLine(child.stdout, onLine);
  eachLine(child.stderr, onLine);
  progress.begin('building the app', 'starting next build');
  const code = await waitForExit(child);
  const took = formatElapsed(progress.seconds);
  if (code === 0) {
    progress.end(`  built in ${took}${filter.routes > 0 ? ` (${filter.routes} routes)` : ''}`);
    return 0;
  }
  progress.end();
  console.error(`demo: next build failed (exit ${code}) after ${took}; its last lines:`);
  for (const line of tail) console.error(`  ${line}`);
  return code;
}

/** Lines of `next build`'s output kept to print when it fails. */
const BUILD_TAIL_LINES = 60;
/** How long the server may take to answer HTTP at all, and then to finish its warm-up. */
const ANSWER_TIMEOUT_MS = 120_000;
const WARMUP_TIMEOUT_MS = 15 * 60_000;

/** `/api/health`'s answer, or null while nothing answers on the port. */
async function health(port: number): Promise<HealthAnswer | null> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) });
  } catch {
    return null;
  }
  try {
    const body = (await response.json()) as Partial<HealthAnswer>;
    if (typeof body.status === 'string') return { status: body.status, reason: body.reason };
  } catch {
    // Not the dashboard's health answer.
  }
  return { status: response.ok ? 'ok' : `HTTP ${response.status}` };
}

/**
 * Polls `/api/health` every second until the server answers `ok` (it says `warming` while it loads the resident
 * columns and renders each tab once), showing its state. Rejects when the server exits first or does not answer
 * within ANSWER_TIMEOUT_MS; gives up waiting (resolving false) when the warm-up outlasts WARMUP_TIMEOUT_MS.
 */
async function waitUntilReady(port: number, child: ChildProcess, progress: Progress): Promise<boolean> {
  progress.begin('server', healthStatus(null));
  let answered = false;
  try {
    while (child.exitCode === null && child.signalCode === null) {
      const answer = await health(port);
      if (answer?.status === 'ok') {
        progress.end(`  ready after ${formatElapsed(progress.seconds)}`);
        return true;
      }
      if (answer && answer.status !== 'warming') {
        progress.end(`demo: the server answers "${healthStatus(answer)}"`);
        return false;
      }
      answered ||= answer !== null;
      const waited = progress.seconds * 1000;
      if (!answered && waited > ANSWER_TIMEOUT_MS)
        throw new Error(`nothing answered on port ${port} after ${ANSWER_TIMEOUT_MS / 1000} s`);
      if (waited > WARMUP_TIMEOUT_MS) {
        progress.end(
          `  still warming up after ${formatElapsed(progress.seconds)}: the first pages will be slow`,
        );
        return false;
      }
      progress.update(healthStatus(answer));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    throw new Error('the server exited before it was ready');
  } finally {
    progress.end();
  }
}

async function serve(port: number, progress: Progress): Promise<number> {
  progress.log(`Starting the server on port ${port} …`);
  const child = spawnServer({ port, stdio: ['ignore', 'pipe', 'pipe'] });
  // The server's own lines pass through, above the status line.
  eachLine(child.stdout, (line) => progress.log(line));
  eachLine(child.stderr, (line) => progress.log(line, process.stderr));
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const exited = waitForExit(child);
  try {
    const ready = await waitUntilReady(port, child, progress);
    console.log(`\nDashboard ${ready ? 'ready' : '(not ready yet)'}: http://localhost:${port}\n`);
  } catch (error) {
    console.error(`demo: ${(error as Error).message}`);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
  return exited;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseDemoArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const db = dbConfigFromEnv();
  const progress = new Progress(process.stdout);
  const load = await loadDemoDataIfEmpty(db, {
    campaign: args.campaign,
    file: args.out,
    log: (line) => progress.log(line),
    progress,
  });
  if (load.loaded && load.ingest.rejected > 0) {
    console.error(`demo: ${load.ingest.rejected} demo records were rejected`);
    return 1;
  }
  if (args.dataOnly) return 0;

  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`PORT must be a port number, got ${port}`);
  if (args.rebuild || !existsSync(path.join('.next', 'BUILD_ID'))) {
    const code = await build(progress, args.rebuild);
    if (code !== 0) return code;
  }
  return serve(port, progress);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
