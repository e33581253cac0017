import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFixture, tempDb, tempDir } from '../test-support/fixture';
import { openSource } from './source';
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
