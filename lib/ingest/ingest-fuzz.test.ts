import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from './ingest';
import { openTable, readBack } from './test-db';
import { tempDb } from '../test-support/fixture';

/** One line of a generated input: bytes, and whether it is a good record (its id and reward) or must be rejected. */
interface Line {
  bytes: Buffer;
  good: { id: string; reward: number } | null;
}

const record = (id: string, reward: number, observation = 'ok') =>
  JSON.stringify({
    trajectory_id: id,
    training_id: 'fuzz',
    epoch_id: 0,
    data_id: id,
    reward,
    steps: [{ action: 'search', observation, tool_status: 'success' }, { action: 'respond' }],
  });

const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'); // few ids: duplicates within and across batches
const reward = fc.integer({ min: -2, max: 2 });

const goodLine = fc.record({ id, reward }).map(({ id, reward }): Line => ({
  bytes: Buffer.from(record(id, reward)),
  good: { id, reward },
}));
const hugeLine = fc
  .record({ id, reward, size: fc.integer({ min: 100_000, max: 300_000 }) })
  .map(({ id, reward, size }): Line => ({
    bytes: Buffer.from(record(id, reward, 'x'.repeat(size))),
    good: { id, reward },
  }));
const bad = (make: (text: string, n: number) => Buffer | string) =>
  fc.record({ id, reward, n: fc.nat() }).map(({ id, reward, n }): Line => {
    const made = make(record(id, reward), n);
    return { bytes: Buffer.isBuffer(made) ? made : Buffer.from(made), good: null };
  });
const truncated = bad((text, n) => text.slice(0, 1 + (n % (text.length - 1))));
const wrongType = bad(
  (text, n) =>
    [
      text.replace(/"reward":-?\d+/, '"reward":"high"'),
      text.replace('"epoch_id":0', '"epoch_id":-1'),
      text.replace('"steps":[', '"steps":{"x":['),
      '42',
      'null',
    ][n % 5],
);
const deep = bad((text, n) =>
  text.replace('"respond"', `${'['.repeat(65 + (n % 5000))}${']'.repeat(65 + (n % 5000))}`),
);
const invalidUtf8 = bad((text, n) => {
  const at = 1 + (n % (text.length - 1));
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]);
});
const controlInId = bad((text) => text.replace('"trajectory_id":"', '"trajectory_id":"\\u0000'));

const line = fc.oneof(
  { arbitrary: goodLine, weight: 6 },
  { arbitrary: hugeLine, weight: 1 },
  { arbitrary: truncated, weight: 2 },
  { arbitrary: wrongType, weight: 2 },
  { arbitrary: deep, weight: 1 },
  { arbitrary: invalidUtf8, weight: 1 },
  { arbitrary: controlInId, weight: 1 },
);

describe('ingest fuzz', () => {
  it('never throws; rejects exactly the bad lines, by line; the last good record of each id lands, once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        async (lines, batchSize) => {
          const db = tempDb('rl-dash-fuzz-');
          try {
            const file = path.join(db.dir, 'input.jsonl');
            fs.writeFileSync(file, Buffer.concat(lines.flatMap((l) => [l.bytes, Buffer.from('\n')])));
            const summary = await ingestFiles([file], { db: db.config, batchSize });

            const badLines = lines.flatMap((l, i) => (l.good ? [] : [i + 1]));
            expect(summary.rejected).toBe(badLines.length);
            expect([...new Set(summary.errors.map((e) => e.line))]).toEqual(badLines);
            expect(summary.errors.every((e) => e.source === file && e.reason.length > 0)).toBe(true);

            const expected = new Map<string, number>();
            for (const l of lines) if (l.good) expected.set(l.good.id, l.good.reward);
            expect(summary.accepted).toBe(lines.length - badLines.length);
            if (expected.size === 0) return;
            const rows = await readBack(await openTable(db.config), ['trajectory_id', 'reward']);
            expect(rows).toHaveLength(expected.size);
            expect(Object.fromEntries(rows.map((r) => [r.trajectory_id, r.reward]))).toEqual(
              Object.fromEntries(expected),
            );
          } finally {
            db.cleanup();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
