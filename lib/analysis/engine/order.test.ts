import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, tempDb } from '../../test-support/fixture';
import type { Scan } from '../scan/scan';
import { openSource } from '../source';
import { orderedPage, type OrderKey } from './order';

describe('orderedPage', () => {
  const db = tempDb();
  let scan: Scan;
  beforeAll(async () => {
    await loadFixture(db.config);
    scan = (await openSource(db.config)).resident!.columns.scan;
  });
  afterAll(() => db.cleanup());

  /** The order by definition: key, then row id, with a plain comparison sort. */
  function expected(rows: Int32Array, column: OrderKey, descending: boolean): number[] {
    const key = column === 'reward' ? scan.floats.reward! : scan.ints[column]!;
    const ids = scan.rowIds!;
    return [...rows].sort((a, b) => {
      const d = descending ? key[b] - key[a] : key[a] - key[b];
      return d !== 0 ? d : ids[a] < ids[b] ? -1 : 1;
    });
  }

  it('puts the lowest rewards first, ties in row id order', () => {
    const all = Int32Array.from({ length: scan.length }, (_, i) => i);
    const page = orderedPage(scan, all, 'reward', false, 0, 2);
    // The only negative reward of FIXTURE is alpha/0/q2 sample 3 (−0.5); then the first reward-0 row: alpha/0/q1 s1.
    expect(Array.from(page, (i) => scan.floats.reward![i])).toEqual([-0.5, 0]);
    expect(page[1]).toBe(1);
  });

  it('equals a comparison sort for every key, direction, page and selection size (walking the full order or sorting alone)', () => {
    const large = Int32Array.from({ length: scan.length }, (_, i) => i).filter((i) => i % 5 !== 2);
    const small = Int32Array.from([27, 3, 11]);
    const single = Int32Array.from([9]);
    for (const rows of [large, small, single]) {
      for (const column of ['reward', 'step_count', 'epoch_id'] as const) {
        for (const descending of [false, true]) {
          const full = expected(rows, column, descending);
          for (const [offset, limit] of [
            [0, 5],
            [4, 7],
            [rows.length - 1, 10],
            [rows.length + 3, 5],
          ]) {
            const page = orderedPage(scan, rows, column, descending, offset, limit);
            expect([...page], `${column} ${descending} ${offset}`).toEqual(
              full.slice(offset, offset + limit),
            );
          }
        }
      }
    }
  });
});
