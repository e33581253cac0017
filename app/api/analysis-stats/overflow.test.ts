import { describe, expect, it } from 'vitest';
import { GET as epochProgression } from '@/app/api/analysis-stats/epoch-progression/route';
import { GET as summary } from '@/app/api/analysis-stats/summary/route';
import { clearResultCache } from '@/lib/analysis/source';
import { rowsToArrowTable } from '@/lib/ingest/arrow-batch';
import { normalizeRecord } from '@/lib/ingest/normalize';
import { openTable } from '@/lib/ingest/test-db';
import { callAnalysisRoute, serveFixtureDatabase } from '@/lib/test-support/route-fixture';

const db = serveFixtureDatabase();

/** Two rows with a reward of 1e308, written past the ingest (which refuses rewards beyond ±1e12), as another client could. */
async function addHugeRewards(): Promise<void> {
  const rows = [0, 1].map((sample) => {
    const result = normalizeRecord({
      training_id: 'overflow',
      epoch_id: 0,
      data_id: 'q',
      sample_id: sample,
      reward: 1,
      steps: [],
    });
    if (!result.ok) throw new Error('fixture record rejected');
    return { ...result.row, reward: 1e308 };
  });
  await (await openTable(db.config)).add(rowsToArrowTable(rows));
  clearResultCache();
}

describe('a figure that overflows', () => {
  it('is an error naming it, never a silent null', async () => {
    await addHugeRewards();
    for (const handler of [summary, epochProgression]) {
      const { status, body } = await callAnalysisRoute(handler, '?training_id=overflow');
      expect(status).toBe(500);
      expect(body).toEqual({
        error: {
          message: expect.stringMatching(/^the figure \S*avg_reward\S* is not a finite number: /),
          param: null,
        },
      });
    }
    // The other runs are unaffected.
    const { status } = await callAnalysisRoute(summary, '?training_id=alpha');
    expect(status).toBe(200);
  });
});
