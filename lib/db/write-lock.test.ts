import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/fixture';
import { isLocalUri, lockPathOf, withWriteLock, WriteLockTimeoutError } from './write-lock';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('rl-dash-lock-')));
afterEach(() => cleanup());

function plantLock(owner: { pid: number; host: string }, ageMs = 0): string {
  const lock = lockPathOf(dir);
  fs.writeFileSync(lock, JSON.stringify({ token: 'planted', acquiredAt: '2026-01-01T00:00:00Z', ...owner }));
  const then = new Date(Date.now() - ageMs);
  fs.utimesSync(lock, then, then);
  return lock;
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('the table write lock', () => {
  it('tells local paths from object-store URIs', () => {
    expect(isLocalUri('./data/lancedb')).toBe(true);
    expect(isLocalUri('/var/lib/db')).toBe(true);
    expect(isLocalUri('file:///var/lib/db')).toBe(true);
    expect(isLocalUri('s3://bucket/db')).toBe(false);
    expect(isLocalUri('gs://bucket/db')).toBe(false);
    expect(lockPathOf('file:///var/lib/db')).toBe('/var/lib/db/.trajectories.write.lock');
  });

  it('runs holders one at a time and removes the lock file after each', async () => {
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map((i) =>
        withWriteLock(dir, async () => {
          inside++;
          most = Math.max(most, inside);
          expect(fs.existsSync(lockPathOf(dir))).toBe(true);
          await new Promise((resolve) => setTimeout(resolve, 15));
          order.push(i);
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order.sort()).toEqual([0, 1, 2, 3]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('releases the lock when the holder throws', async () => {
    await expect(withWriteLock(dir, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(fs.existsSync(lockPathOf(dir))).toBe(false);
    expect(await withWriteLock(dir, async () => 'next')).toBe('next');
  });

  it('takes over a lock whose process is gone (same host) at once', async () => {
    plantLock({ pid: deadPid(), host: hostname() });
    const started = Date.now();
    expect(await withWriteLock(dir, async () => 'mine')).toBe('mine');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fs.existsSync(lockPathOf(dir))).toBe(false);
  });

  it('takes over a lock of another host once its heartbeat is older than staleMs', async () => {
    plantLock({ pid: 1, host: 'elsewhere' }, 60_000);
    expect(await withWriteLock(dir, async () => 'mine', { staleMs: 30_000 })).toBe('mine');
  });

  it('waits for a live holder, says who it is, and gives up after timeoutMs', async () => {
    const lock = plantLock({ pid: process.pid, host: hostname() });
    const waits: string[] = [];
    await expect(
      withWriteLock(dir, async () => 'never', { timeoutMs: 200, onWait: (holder) => waits.push(holder) }),
    ).rejects.toThrow(WriteLockTimeoutError);
    expect(waits).toEqual([`pid ${process.pid} on ${hostname()} since 2026-01-01T00:00:00Z`]);
    expect(fs.existsSync(lock)).toBe(true); // a live holder's lock is left alone
  });

  it('does not remove a lock that was taken over from it', async () => {
    const lock = lockPathOf(dir);
    await withWriteLock(dir, async () => {
      fs.unlinkSync(lock);
      plantLock({ pid: process.pid, host: 'other' });
    });
    expect(JSON.parse(fs.readFileSync(lock, 'utf8'))).toMatchObject({ token: 'planted', host: 'other' });
  });

  it('keeps a live holder’s lock fresh with a heartbeat', async () => {
    await withWriteLock(
      dir,
      async () => {
        const lock = lockPathOf(dir);
        const old = new Date(Date.now() - 60_000);
        fs.utimesSync(lock, old, old);
        await new Promise((resolve) => setTimeout(resolve, 120));
        expect(Date.now() - fs.statSync(lock).mtimeMs).toBeLessThan(1000);
      },
      { heartbeatMs: 20 },
    );
  });

  it('holds no lock file for an object-store URI (in-process queue only)', async () => {
    const uri = 's3://bucket/db';
    let inside = 0;
    let most = 0;
    await Promise.all(
      [0, 1, 2].map(() =>
        withWriteLock(uri, async () => {
          most = Math.max(most, ++inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(fs.existsSync(path.join('s3:', 'bucket'))).toBe(false);
  });
});
