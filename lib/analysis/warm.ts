import { dbConfigFromEnv, type DbConfig } from '../db';
import { orderedPage, type OrderKey } from './engine/order';
import { questionKeys } from './engine/question-groups';
import { allRows } from './grouping';
import { openSource } from './source';

const FAILURE_ORDERS: OrderKey[] = ['reward', 'step_count', 'epoch_id'];

/** Where the process keeps whether its start-up warm-up is running: one slot however many module copies load this. */
const SLOT = Symbol.for('rl-dashboard.warmup');
type Slot = { running: boolean };

function slot(): Slot {
  const holder = globalThis as { [SLOT]?: Slot };
  return (holder[SLOT] ??= { running: false });
}

/** True while the start-up warm-up (`startWarmup`) has not finished: `/api/health` then answers "warming". */
export function warmupRunning(): boolean {
  return slot().running;
}

/**
 * Starts `warmResidentColumns` once, at server start, after `before` (the table's upgrade), and marks the process as
 * warming until both end. A failing `before` is logged; the warm-up still runs.
 */
export function startWarmup(config?: DbConfig, before?: () => Promise<void>): Promise<void> {
  const state = slot();
  state.running = true;
  const prepared = (before?.() ?? Promise.resolve()).catch((error) =>
    console.error('table upgrade failed:', error),
  );
  return prepared
    .then(() => warmResidentColumns(config))
    .finally(() => {
      state.running = false;
    });
}

/**
 * Loads the resident columns of the database, with what the first figures of a version derive from them (question
 * numbers, the failure-list orders), so the first requests do not wait for them. Never fails: an empty database has
 * nothing to load, and an unreachable one is logged (requests then report the error themselves).
 */
export async function warmResidentColumns(config: DbConfig = dbConfigFromEnv()): Promise<void> {
  try {
    const source = await openSource(config);
    const held = source.resident?.columns;
    if (!held) return;
    questionKeys(held.scan);
    const every = allRows(held.scan.length);
    for (const column of FAILURE_ORDERS)
      for (const descending of [false, true]) orderedPage(held.scan, every, column, descending, 0, 1);
    console.info(`resident columns: ${held.scan.length} rows of version ${held.version}`);
  } catch (error) {
    console.error('resident columns not loaded at start:', error);
  }
}
