import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowsToArrowTable } from '../ingest/arrow-batch';
import { normalizeRecord } from '../ingest/normalize';
import { fixtureRecords, loadFixture, tempDb, type TempDb } from '../test-support/fixture';
import { openTrajectories } from './connection';
import { incompleteIndexes, MAX_FRAGMENTS_BEFORE_COMPACTION } from './indexes';
import { maintainAfterIngest } from './maintenance';

/**
 * No test here races a timer against LanceDB's I/O: `setTimeout` is faked, so the time limit fires only when a test
 * advances the clock, and the maintenance is held at a step through the `onStep` hook when a test needs it to be slow.
 * (The native work itself does not use JS timers, so it runs as usual under the fake clock.)
 */
const FAKE_TIMERS: Parameters<typeof vi.useFakeTimers>[0] = { toFake: ['setTimeout', 'clearTimeout'] };

let db: TempDb;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => {
  vi.useRealTimers();
  db.cleanup();
});

/** A promise and its resolve function. */
function signal<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Whether a promise has settled, checked after a turn of the event loop (every queued microtask has run by then). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

/** The fixture, then as many rows again written past the indexes (as an ingest killed before its fold leaves them). */
async function openFixture() {
  await loadFixture(db.config);
  const table = (await openTrajectories(db.config))!;
  const rows = fixtureRecords().map((record) => {
    const result = normalizeRecord(record);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return { ...result.row, trajectory_id: `${result.row.trajectory_id}-unindexed` };
  });
  await table.add(rowsToArrowTable(rows));
  return table;
}

describe('maintainAfterIngest', () => {
  it('gives up waiting after its time limit with a warning, and the rows stay readable', async () => {
    const table = await openFixture();
    const rows = await table.countRows();
    vi.useFakeTimers(FAKE_TIMERS);

    // The maintenance reaches its first step and stays there, as LanceDB's optimize once did for good. The held
    // work is never released: it owns no timer and touches the table no more, so the test can delete the folder.
    const reached = signal<string>();
    const warnings = maintainAfterIngest(table, Date.now, 60_000, (step) => {
      reached.resolve(step);
      return new Promise<void>(() => {});
    });
    expect(await reached.promise).toMatch(/^(index \w+|optimize)$/);

    await vi.advanceTimersByTimeAsync(59_999);
    expect(await settled(warnings), 'answered before its time limit').toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(warnings), 'still waiting at its time limit').toBe(true);
    expect(await warnings).toEqual([
      'index update / compaction did not finish within 60 s; the rows are committed and the next ingest retries it',
    ]);
    expect(await table.countRows()).toBe(rows);
  });

  it('returns no warning when the step finishes in time, and leaves no timer behind', async () => {
    const table = await openFixture();
    vi.useFakeTimers(FAKE_TIMERS);
    // The clock stands still, so the time limit cannot fire whatever the machine's load: the answer depends only on
    // the maintenance (a retry would wait on the frozen clock too, and fail the test by its own time limit).
    const steps: string[] = [];
    const warnings = await maintainAfterIngest(table, Date.now, 60_000, (step) => void steps.push(step));
    expect(warnings).toEqual([]);
    expect(steps.at(-1)).toBe('optimize');
    expect(vi.getTimerCount(), 'the time limit is cleared once the maintenance is done').toBe(0);
    const indexed = (await table.listIndices()).flatMap((index) => index.columns);
    expect(indexed).toContain('trajectory_id');
  });

  it('compacts a first load of many fragments before indexing it, and needs no optimize after', async () => {
    const rows = fixtureRecords().map((record) => {
      const result = normalizeRecord(record);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.row;
    });
    const fragments = MAX_FRAGMENTS_BEFORE_COMPACTION + 4;
    const { connect } = await import('@lancedb/lancedb');
    const conn = await connect(db.config.uri);
    // One row a write, as many small appends leave a table; the ids repeat the fixture's with a suffix per write.
    const one = (i: number) => rowsToArrowTable([{ ...rows[i % rows.length], trajectory_id: `row-${i}` }]);
    const raw = await conn.createTable('trajectories', one(0));
    for (let i = 1; i < fragments; i++) await raw.add(one(i));
    const table = (await openTrajectories(db.config))!;
    expect((await table.stats()).fragmentStats.numFragments).toBe(fragments);
    expect(await table.listIndices()).toEqual([]);

    const steps: string[] = [];
    expect(await maintainAfterIngest(table, Date.now, 600_000, (step) => void steps.push(step))).toEqual([]);
    expect(steps[0]).toBe('compact');
    expect(
      steps.slice(1).every((step) => step.startsWith('index ')),
      steps.join(', '),
    ).toBe(true);
    expect((await table.stats()).fragmentStats.numFragments).toBeLessThan(MAX_FRAGMENTS_BEFORE_COMPACTION);
    expect(await incompleteIndexes(table)).toEqual([]);
    expect(await table.countRows()).toBe(fragments);
    expect(await table.countRows(`trajectory_id = 'row-${fragments - 1}'`)).toBe(1);
  }, 120_000);

  it('retries a step that failed (a commit conflict) after a pause, without a warning', async () => {
    const table = await openFixture();
    vi.useFakeTimers(FAKE_TIMERS);
    const steps: string[] = [];
    let failures = 0;
    const warnings = maintainAfterIngest(table, Date.now, 60_000, (step) => {
      steps.push(step);
      if (step === 'optimize' && failures++ === 0) throw new Error('Commit conflict for version 7');
    });
    // The failed attempt schedules its pause next to the time limit; until the clock moves, nothing else happens.
    while (vi.getTimerCount() < 2 && !(await settled(warnings)));
    expect(failures).toBe(1);
    expect(await settled(warnings), 'answered without waiting for the retry').toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(await warnings).toEqual([]);
    expect(failures).toBe(2);
    expect(steps.filter((step) => step === 'optimize')).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
