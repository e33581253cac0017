import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFixture, tempDb, tempDir } from '../test-support/fixture';
import { parseAnalysisQuery } from './filters/query';
import { clearResultCache, openSource } from './source';
import { runStat, statParams, type Stat } from './stat';
import { epochProgression } from './stats/epoch-progression';
import { failureCases } from './stats/failure-cases';
import { questionLearning } from './stats/question-learning';
import { summary } from './stats/summary';
import { listTrainings } from './stats/training-list';
import { latestTraining } from '../chart-data/latest-training';
import { warmResidentColumns } from './warm';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.restoreAllMocks();
});

describe('warmResidentColumns', () => {
  it('loads every row of the table into the resident columns', async () => {
    const db = tempDb();
    cleanups.push(db.cleanup);
    await loadFixture(db.config);
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    await warmResidentColumns(db.config);
    // FIXTURE: 28 trajectories.
    expect(info).toHaveBeenCalledWith(expect.stringContaining('28 rows'));
    expect((await openSource(db.config)).resident?.columns.rowsRead).toBe(28);
  });

  it('does nothing on an empty database', async () => {
    const db = tempDb();
    cleanups.push(db.cleanup);
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    await expect(warmResidentColumns(db.config)).resolves.toBeUndefined();
    expect(info).not.toHaveBeenCalled();
  });

  it('logs, and does not throw, when the database cannot be opened', async () => {
    const files = tempDir();
    cleanups.push(files.cleanup);
    // A plain file where the database directory should be.
    const uri = join(files.dir, 'not-a-directory');
    writeFileSync(uri, 'x');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(
      warmResidentColumns({ uri: join(uri, 'db'), readConsistencyInterval: 0 }),
    ).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledWith('resident columns not loaded at start:', expect.anything());
  });
});

describe('the first views after start', () => {
  it('are answered by the warm-up: the latest training per registered stat, ready before the first request', async () => {
    const db = tempDb();
    cleanups.push(db.cleanup);
    await loadFixture(db.config);
    clearResultCache();
    vi.spyOn(console, 'info').mockImplementation(() => {});
    await warmResidentColumns(db.config);
    // The training the dashboard opens on, as the page picks it (alpha: its epoch 1 is the latest rollout).
    const source = await openSource(db.config);
    const opened = latestTraining((await listTrainings(source)).trainings)!;
    const other = opened === 'alpha' ? 'beta' : 'alpha';
    expect(opened).toBe('alpha');
    const stats: Stat[] = [epochProgression, questionLearning, failureCases, summary];
    for (const stat of stats) {
      const compute = vi.spyOn(stat.spec, 'compute');
      const query = parseAnalysisQuery(new URLSearchParams({ training_id: opened }), statParams(stat));
      await runStat(stat, query, source);
      expect(compute, stat.spec.name).not.toHaveBeenCalled();
      // A request the warm-up did not make is computed.
      await runStat(
        stat,
        parseAnalysisQuery(new URLSearchParams({ training_id: other }), statParams(stat)),
        source,
      );
      expect(compute, stat.spec.name).toHaveBeenCalledTimes(1);
    }
  });
});
