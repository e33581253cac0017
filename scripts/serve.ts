/**
 * `npm start`: the dashboard's production server. Checks the environment (refusing to start, with every problem named,
 * before anything listens), prepares the built app, and serves it through the front server (lib/server/front-server.ts).
 *
 *   npm start                         http://0.0.0.0:$PORT (default 3000)
 *   npm start -- -H 127.0.0.1 -p 8080
 */
import { parseArgs } from 'node:util';
import { parseTrustedProxies } from '@/lib/http-security/settings';
import { createFrontServer } from '@/lib/server/front-server';
import { warmPages } from '@/lib/server/warm-pages';
import { portFrom, serverSettingsFromEnv } from '@/lib/server/server-settings';
import { startupProblems } from '@/lib/server/startup-check';

const USAGE = `Usage: npm start -- [-H ADDRESS] [-p PORT]

Serves the built app (npm run build) on ADDRESS (default 0.0.0.0, every interface) and PORT (default $PORT or 3000).
Every variable of the README's Configuration and Hosting tables is checked first; the server does not start while
one is invalid.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    strict: true,
    options: {
      hostname: { type: 'string', short: 'H' },
      port: { type: 'string', short: 'p' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const problems = startupProblems(process.env);
  let port = 0;
  try {
    port = values.port === undefined ? serverSettingsFromEnv().port : portFrom(values.port, '-p');
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`serve: ${problem}`);
    console.error('serve: not started; fix the settings above.');
    return 1;
  }
  const hostname = values.hostname ?? '0.0.0.0';
  const settings = serverSettingsFromEnv();
  Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });
  const next = (await import('next')).default;
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createFrontServer((request, response) => handle(request, response), {
    ...settings,
    trustedProxies: parseTrustedProxies(process.env.TRUST_PROXY_HOPS),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  console.log(`Ready on http://${hostname}:${port}`);
  // Health says "warming" until every tab has been rendered once (and the data warm-up has ended).
  void warmPages(`http://${hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname}:${port}`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => {});
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`serve: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
