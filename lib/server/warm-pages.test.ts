import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { warmupRunning } from '../warmup-state';
import { warmPages } from './warm-pages';

let server: http.Server | undefined;
afterEach(() => server?.close());

/** A server that records the paths asked and whether health would have said "warming" at each. */
async function recordingServer(status = 200) {
  const asked: { path: string; warming: boolean }[] = [];
  server = http.createServer((request, response) => {
    asked.push({ path: request.url ?? '', warming: warmupRunning() });
    if (request.url === '/api/analysis-stats/training-list' && status === 200)
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          trainings: [
            { training_id: 'new run', date_range: [1, 9] },
            { training_id: 'old', date_range: [1, 2] },
          ],
        }),
      );
    else response.writeHead(status).end('page');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, asked };
}

describe('warmPages', () => {
  it('renders the home page and every tab of the latest run once, saying "warming" until the last has answered', async () => {
    const { base, asked } = await recordingServer();
    await warmPages(base, {});
    expect(asked.map((a) => a.path)).toEqual([
      '/api/analysis-stats/training-list',
      '/',
      '/analysis?tab=overview&training_id=new%20run',
      '/analysis?tab=progress&training_id=new%20run',
      '/analysis?tab=health&training_id=new%20run',
      '/analysis?tab=questions&training_id=new%20run',
      '/analysis?tab=comparison&training_id=new%20run',
      '/analysis?tab=failures&training_id=new%20run',
      '/analysis?tab=tool-contexts&training_id=new%20run',
    ]);
    expect(asked.every((a) => a.warming)).toBe(true);
    expect(warmupRunning()).toBe(false);
  });

  it('goes on past pages that fail, and skips everything when the dashboard needs credentials', async () => {
    const failing = await recordingServer(500);
    await warmPages(failing.base, {});
    expect(failing.asked.map((a) => a.path)).toContain('/analysis?tab=failures');
    expect(failing.asked).toHaveLength(9);
    expect(warmupRunning()).toBe(false);
    server!.close();
    const locked = await recordingServer();
    await warmPages(locked.base, { DASHBOARD_AUTH: 'basic:reader:secret' });
    expect(locked.asked).toHaveLength(0);
  });
});
