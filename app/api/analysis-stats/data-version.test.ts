import { describe, expect, it } from 'vitest';
import { columnBudgetFromEnv, columnEngine } from '@/lib/analysis/engine/registry';
import { clearResultCache } from '@/lib/analysis/source';
import { dbConfigFromEnv, openTrajectories } from '@/lib/db';
import { serveFixtureDatabase } from '@/lib/test-support/route-fixture';
import { GET as summary } from './summary/route';

// A changed table may be answered from its previous version for up to a minute, labelled stale.
serveFixtureDatabase({ readConsistencySeconds: 60 });

async function call(): Promise<{ response: Response; count: number }> {
  clearResultCache();
  const response = await summary(new Request('http://localhost/api/analysis-stats/summary'));
  return { response, count: ((await response.json()) as { trajectory_count: number }).trajectory_count };
}

describe('data version headers', () => {
  it('name the version the figures describe, and the newer one while it loads', async () => {
    const table = (await openTrajectories(dbConfigFromEnv()))!;
    const loaded = await table.version();

    const first = await call();
    expect(first.response.headers.get('X-Data-Version')).toBe(String(loaded));
    expect(first.response.headers.get('X-Data-Stale')).toBeNull();
    expect(first.count).toBe(28);

    // beta's 4 trajectories go: a delete reloads every row, and meanwhile the previous version answers.
    await table.delete("training_id = 'beta'");
    const latest = await table.version();
    expect(latest).toBeGreaterThan(loaded);
    const during = await call();
    expect(during.response.headers.get('X-Data-Version')).toBe(String(loaded));
    expect(during.response.headers.get('X-Data-Stale')).toBe(String(latest));
    expect(during.count).toBe(28);

    await columnEngine(dbConfigFromEnv(), columnBudgetFromEnv()).settled();
    const after = await call();
    expect(after.response.headers.get('X-Data-Version')).toBe(String(latest));
    expect(after.response.headers.get('X-Data-Stale')).toBeNull();
    expect(after.count).toBe(24);
  });

  it('are absent from error answers', async () => {
    const response = await summary(new Request('http://localhost/api/analysis-stats/summary?k=zero'));
    expect(response.status).toBe(400);
    expect(response.headers.get('X-Data-Version')).toBeNull();
  });
});
