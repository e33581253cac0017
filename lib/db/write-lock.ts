import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { TABLE_NAME } from './schema';

/**
 * One writer at a time per table, across processes and within one process.
 *
 * A lock file next to the table (`<db>/.trajectories.write.lock`) is created atomically: its content is written to a
 * private temp file first, then hard-linked to the lock path, which fails with EEXIST when another writer holds it.
 * The holder touches the file every `heartbeatMs`. A lock is stale when its process is gone (same host, pid no longer
 * running) or its heartbeat is older than `staleMs` (another host, or a reused pid). A stale lock is removed under a
 * second short-lived "breaker" lock after checking that it is still the same lock, so two writers that find the same
 * stale lock cannot remove each other's fresh one.
 *
 * Only local paths get the lock file: object stores have no atomic create-if-absent that LanceDB exposes here, so on
 * `s3://…` and other URIs only the in-process queue holds (see docs/ingest.md).
 */
export interface WriteLockOptions {
  /** Heartbeat age after which a lock is taken as abandoned (default 30 s). */
  staleMs?: number;
  /** How often the holder touches the lock file (default 5 s). */
  heartbeatMs?: number;
  /** Give up waiting after this long (default: wait as long as it takes). */
  timeoutMs?: number;
  /** Called once when the lock is busy, with a description of the holder. */
  onWait?: (holder: string) => void;
}

export class WriteLockTimeoutError extends Error {}

interface LockOwner {
  token: string;
  pid: number;
  host: string;
  acquiredAt: string;
}

const DEFAULT_STALE_MS = 30_000;
const DEFAULT_HEARTBEAT_MS = 5_000;
const BREAKER_STALE_MS = 10_000;

/** True for a plain path or a `file://` URI, where a lock file works; false for object stores. */
export function isLocalUri(uri: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(uri) || uri.startsWith('file://');
}

export function lockPathOf(uri: string): string {
  const dir = uri.startsWith('file://') ? new URL(uri).pathname : uri;
  return join(dir, `.${TABLE_NAME}.write.lock`);
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` while holding the table's write lock. */
export async function withWriteLock<T>(
  uri: string,
  fn: () => Promise<T>,
  options: WriteLockOptions = {},
): Promise<T> {
  // Same-process writers queue on a promise chain instead of polling the file.
  const previous = queues.get(uri) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  const tail = previous.then(() => mine);
  queues.set(uri, tail);
  try {
    await previous;
    if (!isLocalUri(uri)) return await fn();
    const release = await acquireLockFile(lockPathOf(uri), options);
    try {
      return await fn();
    } finally {
      await release();
    }
  } finally {
    done();
    if (queues.get(uri) === tail) queues.delete(uri);
  }
}

async function acquireLockFile(path: string, options: WriteLockOptions): Promise<() => Promise<void>> {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  const owner: LockOwner = {
    token: randomUUID(),
    pid: process.pid,
    host: hostname(),
    acquiredAt: new Date().toISOString(),
  };
  await mkdir(join(path, '..'), { recursive: true });
  let waited = false;
  let pause = 5;
  for (;;) {
    if (await createExclusive(path, JSON.stringify(owner))) break;
    const holder = await readOwner(path);
    if (holder && isStale(holder.owner, holder.mtimeMs, staleMs)) {
      await removeStale(path, holder.owner);
      continue;
    }
    if (Date.now() > deadline) {
      throw new WriteLockTimeoutError(
        `another writer holds the table's write lock (${describeOwner(holder?.owner)}); gave up after ${options.timeoutMs} ms`,
      );
    }
    if (!waited) {
      waited = true;
      options.onWait?.(describeOwner(holder?.owner));
    }
    await sleep(pause + Math.random() * pause);
    pause = Math.min(pause * 2, 200);
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => {});
  }, heartbeatMs);
  heartbeat.unref();
  return async () => {
    clearInterval(heartbeat);
    const current = await readOwner(path);
    // A lock taken from us as stale now belongs to someone else: leave it.
    if (current?.owner.token === owner.token) await unlink(path).catch(ignoreMissing);
  };
}

/** Creates `path` with `content` only if it does not exist; the content is complete the moment the file appears. */
async function createExclusive(path: string, content: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomUUID()}`;
  await writeFile(temp, content, { flag: 'wx' });
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(ignoreMissing);
  }
}

async function readOwner(path: string): Promise<{ owner: LockOwner; mtimeMs: number } | null> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const owner = JSON.parse(text) as LockOwner;
    return typeof owner.token === 'string' ? { owner, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null; // released in the meantime, or not a lock we understand: retry
  }
}

function isStale(owner: LockOwner, mtimeMs: number, staleMs: number): boolean {
  if (owner.host === hostname() && !processAlive(owner.pid)) return true;
  return Date.now() - mtimeMs > staleMs;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a stale lock, but only if it is still the one judged stale (checked under the breaker lock). */
async function removeStale(path: string, stale: LockOwner): Promise<void> {
  const breaker = `${path}.break`;
  if (!(await createExclusive(breaker, JSON.stringify({ pid: process.pid, host: hostname() })))) {
    const info = await stat(breaker).catch(() => null);
    if (info && Date.now() - info.mtimeMs > BREAKER_STALE_MS) await unlink(breaker).catch(ignoreMissing);
    await sleep(5);
    return;
  }
  try {
    const current = await readOwner(path);
    if (current?.owner.token === stale.token) await unlink(path).catch(ignoreMissing);
  } finally {
    await unlink(breaker).catch(ignoreMissing);
  }
}

function describeOwner(owner: LockOwner | undefined): string {
  return owner ? `pid ${owner.pid} on ${owner.host} since ${owner.acquiredAt}` : 'unknown holder';
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
