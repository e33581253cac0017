import { Index } from '@lancedb/lancedb';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/fixture';
import { connect } from './connection';

const dir = tempDir('rl-dash-fts-');
afterAll(() => dir.cleanup());

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'search', 'flight', 'book', 'error', 'ok', 'reservation'];

describe('a full-text index over a large text column', () => {
  // With LanceDB's default native pool on a 2-core machine (or LANCE_CPU_THREADS=1), this build waits forever (20,000
  // rows finish in seconds, 40,000 never do). Opening the database through lib/db sizes the native pool first.
  it('finishes building over 60,000 rows of 200 words', { timeout: 120_000 }, async () => {
    const db = await connect({ uri: dir.dir, readConsistencyInterval: 0 });
    const rows = Array.from({ length: 60_000 }, (_, i) => ({
      id: i,
      text: Array.from(
        { length: 200 },
        (_, j) => `${WORDS[(i * 7 + j * 13) % WORDS.length]}${(i + j) % 97}`,
      ).join(' '),
    }));
    const table = await db.createTable('texts', rows);
    await table.createIndex('text', { config: Index.fts() });
    const hits = await table.search('alpha0', 'fts', 'text').limit(100_000).toArray();
    // alpha0 is word j of row i when (7i + 13j) % 10 == 0 and (i + j) % 97 == 0: counted by brute force below.
    let expected = 0;
    for (let i = 0; i < 60_000; i++) {
      for (let j = 0; j < 200; j++) {
        if ((i * 7 + j * 13) % 10 === 0 && (i + j) % 97 === 0) {
          expected++;
          break;
        }
      }
    }
    expect(expected).toBeGreaterThan(0);
    expect(hits.length).toBe(expected);
  });
});
