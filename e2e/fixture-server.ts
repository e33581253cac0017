/**
 * Builds the e2e fixture database in a fresh folder, then serves the built app on it as `npm start` does (the front
 * server before Next.js).
 * Playwright starts this as its webServer, so the data always exists before the first page is opened.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ingestFiles, ingestRecords, ingestText } from '../lib/ingest';
import { spawnServer } from '../lib/server/spawn-server';
import { TAU_BENCH_FILE } from '../lib/test-support/fixture';
import { demoRawRecords } from '../scripts/demo-data';
import { DEMO_CAMPAIGN, E2E_DB, HOSTILE_RECORDS, XSS_RECORD } from './fixture';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3107' } } });
const dir = E2E_DB;

async function build(): Promise<void> {
  fs.rmSync(dir, { recursive: true, force: true });
  const db = { uri: dir, readConsistencyInterval: 0 };
  const results = [
    await ingestRecords(demoRawRecords(DEMO_CAMPAIGN, 'demo'), { db }),
    await ingestFiles([TAU_BENCH_FILE], { db }),
    await ingestText(JSON.stringify(XSS_RECORD), { db }),
    await ingestText(HOSTILE_RECORDS.map((record) => JSON.stringify(record)).join('\n'), { db }),
  ];
  for (const result of results)
    if (result.rejected > 0) throw new Error(`fixture rejected ${JSON.stringify(result.errors[0])}`);
  console.log(`e2e fixture: ${results.reduce((n, r) => n + r.inserted, 0)} trajectories in ${dir}`);
}

build()
  .then(() => {
    const server = spawnServer({
      port: Number(values.port),
      hostname: '127.0.0.1',
      env: { LANCEDB_URI: dir },
    });
    const stop = () => server.kill('SIGTERM');
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    server.on('exit', (code) => process.exit(code ?? 0));
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
