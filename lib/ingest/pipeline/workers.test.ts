import { afterAll, describe, expect, it } from 'vitest';
import { tempDb } from '../../test-support/fixture';
import { ingestText, type IngestSummary } from '../ingest';
import { WORKERS_AFTER_RECORDS } from './ordered';
import { rowFingerprint } from '../row-fingerprint';
import { openTable } from '../test-db';

const dbs = [tempDb(), tempDb()];
afterAll(() => dbs.forEach((db) => db.cleanup()));

/**
 * A file long enough to start the workers, with what depends on input order: records without sample_id or
 * trajectory_id (numbered per question in input order), a bad line, a record given twice, and rejected records that
 * still take their sample slot.
 */
function input(): string {
  const lines: string[] = [];
  for (let i = 0; i < WORKERS_AFTER_RECORDS * 3; i++) {
    const record: Record<string, unknown> = {
      training_id: `run-${i % 3}`,
      epoch_id: i % 5,
      data_id: `q${i % 17}`,
      reward: i % 4 === 0 ? 1 : 0,
      steps: [{ action: 'lookup', action_input: { i }, observation: `row ${i}` }],
    };
    if (i % 7 === 0) record.sample_id = i;
    if (i % 11 === 0) record.trajectory_id = `given-${i % 500}`; // given twice or more: the last wins
    if (i % 997 === 0) record.reward = 'high'; // rejected, but takes its sample slot
    lines.push(JSON.stringify(record));
    if (i === 4321) lines.push('{"training_id": "broken"');
  }
  return `${lines.join('\n')}\n`;
}

async function content(uri: string): Promise<string[]> {
  const table = await openTable({ uri, readConsistencyInterval: 0 });
  const rows = (await table.query().toArray()) as Record<string, unknown>[];
  return rows
    .map((row) => `${String(row.trajectory_id)} ${String(row.sample_id)} ${rowFingerprint(row)}`)
    .sort();
}

const counts = (s: IngestSummary) => ({
  read: s.read,
  accepted: s.accepted,
  inserted: s.inserted,
  updated: s.updated,
  rejected: s.rejected,
  errors: s.errors.map((e) => `${e.line} ${e.field}: ${e.reason}`),
});

describe('ingest on worker threads', () => {
  it('writes exactly what the single-threaded ingest writes, ids, errors and line numbers included', async () => {
    const text = input();
    const one = await ingestText(text, { db: dbs[0].config, workers: 0, batchSize: 1000 });
    const two = await ingestText(text, { db: dbs[1].config, workers: 2, batchSize: 1000 });
    expect([one.workers, two.workers, two.warnings]).toEqual([0, 2, []]);
    expect(counts(two)).toEqual(counts(one));
    expect(one.rejected).toBe(8); // 7 wrong rewards and the broken line
    expect(one.errors.map((e) => e.line)).toContain(4323);
    const rows = await content(dbs[0].dir);
    expect(rows.length).toBe(one.inserted);
    expect(await content(dbs[1].dir)).toEqual(rows);
  }, 120_000);
});
