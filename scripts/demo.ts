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
import { parseArgs } from 'node:util';
import { dbConfigFromEnv } from '@/lib/db';
import { spawnServer } from '@/lib/server/spawn-server';
import type { DemoCampaignOptions } from './demo-data';
import { loadDemoDataIfEmpty } from './demo-load';

const USAGE = `Usage: npm run demo -- [--data-only] [--rebuild] [--questions N] [--epochs N] [--samples N]
                        [--trainings N] [--lean] [--seed N] [--out FILE]

Loads a generated RL training campaign into LANCEDB_URI (default ./data/lancedb) when its trajectories table is
missing or empty, builds the app when .next/BUILD_ID is missing (or with --rebuild), then serves it (npm start) on
PORT (default 3000). --data-only loads the data and exits. --out sets where the generated JSONL is written
(default data/demo/demo-campaign.jsonl.gz; plain JSONL unless the name ends in .gz).`;

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

function runNext(args: string[]): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

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

/** Resolves once anything answers HTTP on the port; rejects if the server exits or takes longer than `timeoutMs`. */
async function waitForHttp(port: number, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (child.exitCode === null && child.signalCode === null) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      if (performance.now() > deadline)
        throw new Error(`nothing answered on port ${port} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  throw new Error('the server exited before it answered');
}

async function serve(port: number): Promise<number> {
  const child = spawnServer({ port });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const exited = waitForExit(child);
  try {
    await waitForHttp(port, child);
    console.log(`\nDashboard ready: http://localhost:${port}\n`);
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
  const load = await loadDemoDataIfEmpty(db, {
    campaign: args.campaign,
    file: args.out,
    log: (line) => console.log(line),
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
    console.log(
      args.rebuild ? 'Rebuilding the app (--rebuild) …' : 'No build found (.next/BUILD_ID): building …',
    );
    const code = await waitForExit(runNext(['build']));
    if (code !== 0) return code;
  }
  return serve(port);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
