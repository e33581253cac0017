import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TABS } from '../../lib/params/table';
import { spawnServer } from '../../lib/server/spawn-server';
import { COLD_REWARD_MIN } from './endpoints';
import { neverAskedFilter, neverAskedRowFilter } from './routes';
import { median, timed } from './timing';

export const PAGE_PORT = 3310;

/** Waits until `/api/health` says `ok` (200), as a load balancer would before sending traffic: warmed up. */
async function waitUntilServing(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not say ok on ${base}/api/health within 5 minutes`);
}

async function getPage(url: string): Promise<number> {
  const run = await timed(async () => {
    const response = await fetch(url);
    await response.text();
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  });
  return run.ms;
}

/**
 * Server-side rendering of each tab's deep link through the production server on the bench database: cold (a filter never
 * asked) and warm (the same URL again). Null when the app is not built (`.next` missing).
 */
export async function timePages(dbUri: string, trainingId: string, repeats: number) {
  if (!fs.existsSync(path.resolve('.next', 'BUILD_ID'))) return null;
  const base = `http://127.0.0.1:${PAGE_PORT}`;
  const server = spawnServer({
    port: PAGE_PORT,
    env: { LANCEDB_URI: dbUri, LANCEDB_READ_CONSISTENCY_SECONDS: '0' },
    stdio: 'ignore',
  });
  try {
    const ready = await timed(() => waitUntilServing(base, server));
    const first = await getPage(`${base}/analysis?tab=overview&training_id=${trainingId}`);
    const firstNew = await getPage(
      `${base}/analysis?tab=overview&training_id=${trainingId}&${neverAskedFilter()}`,
    );
    const tabs: { tab: string; coldMs: number; warmMs: number }[] = [];
    for (const tab of TABS) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const url = `${base}/analysis?tab=${tab}&training_id=${trainingId}&${neverAskedRowFilter(COLD_REWARD_MIN)}`;
        cold.push(await getPage(url));
        warm.push(await getPage(url));
      }
      tabs.push({ tab, coldMs: median(cold), warmMs: median(warm) });
    }
    return { readyMs: ready.ms, firstMs: first, firstNewMs: firstNew, tabs };
  } finally {
    server.kill('SIGTERM');
  }
}
