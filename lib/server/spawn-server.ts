import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcessOptions {
  port: number;
  /** Address to listen on (default: every interface). */
  hostname?: string;
  /** Variables added to this process's environment. */
  env?: Record<string, string | undefined>;
  stdio?: StdioOptions;
}

/**
 * Starts the production server (`npm start`: scripts/serve.ts, the front server before the built app) in a process of
 * its own, for the demo, the browser tests, the load test and the benchmarks. Needs `npm run build` first.
 */
export function spawnServer(options: ServerProcessOptions): ChildProcess {
  const args = ['--import', 'tsx', path.join(ROOT, 'scripts/serve.ts'), '-p', String(options.port)];
  if (options.hostname) args.push('-H', options.hostname);
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: options.stdio ?? 'inherit',
  });
}
