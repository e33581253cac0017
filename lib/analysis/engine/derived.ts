import { allRows } from '../grouping';
import type { Scan } from '../scan/scan';
import { orderedPage, type OrderKey } from './order';
import { questionKeys } from './question-groups';

const FAILURE_ORDERS: OrderKey[] = ['reward', 'step_count', 'epoch_id'];

/**
 * What the engine derives once per version of the resident columns, done ahead of the first request that needs it:
 * the question numbers every pass@k figure groups by, and the failure-list orders.
 */
export function deriveVersionWork(scan: Scan): void {
  questionKeys(scan);
  const every = allRows(scan.length);
  for (const column of FAILURE_ORDERS)
    for (const descending of [false, true]) orderedPage(scan, every, column, descending, 0, 1);
}
