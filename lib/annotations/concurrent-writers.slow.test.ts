import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, tempDb, tempDir } from '../test-support/fixture';
import { labelMatches } from '../analysis/filters/label-matches';
import { openSource } from '../analysis/source';
import { currentAnnotations, openAnnotations } from './store';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WRITER = path.join(import.meta.dirname, 'test-note-writer.ts');
const PER_WRITER = 25;

const db = tempDb('rl-dash-notes-concurrent-');
const barrier = tempDir('rl-dash-notes-barrier-');
beforeAll(() => loadFixture(db.config));
afterAll(() => {
  db.cleanup();
  barrier.cleanup();
});

interface WriterResult {
  code: number | null;
  ids: string[];
  started: number;
  finished: number;
  stderr: string;
}

/** Runs one writer process to its end: its exit code, the ids it printed, when it wrote, what it said on stderr. */
function runWriter(name: string): Promise<WriterResult> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WRITER, barrier.dir, name, '2', String(PER_WRITER)],
    {
      cwd: ROOT,
      env: { ...process.env, LANCEDB_URI: db.dir, LANCEDB_READ_CONSISTENCY_SECONDS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      const printed = line.startsWith('{') ? JSON.parse(line) : { ids: [], started: 0, finished: 0 };
      resolve({ code, ...printed, stderr });
    }),
  );
}

describe('two server processes writing notes at the same time', () => {
  it('keeps every note of both (the table created by whichever came first), each id once', async () => {
    expect(await openAnnotations(db.config)).toBeNull();
    // This process asks for a label the writers will use: nothing carries it yet.
    const source = await openSource(db.config);
    expect((await labelMatches(source, { label: ['writer-a'] }))!.rowIds.size).toBe(0);

    const [a, b] = await Promise.all([runWriter('a'), runWriter('b')]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(a.ids).toHaveLength(PER_WRITER);
    expect(b.ids).toHaveLength(PER_WRITER);
    // The two wrote at the same time: each started before the other had finished.
    expect(a.started).toBeLessThan(b.finished);
    expect(b.started).toBeLessThan(a.finished);

    const set = await currentAnnotations({ ...db.config });
    expect(set.list).toHaveLength(2 * PER_WRITER);
    const ids = set.list.map((note) => note.id);
    expect(new Set(ids).size).toBe(2 * PER_WRITER);
    expect(new Set(ids)).toEqual(new Set([...a.ids, ...b.ids]));
    // The same question, asked again at once, sees the other processes' notes: the fixture's q1 has 10 trajectories
    // (alpha 4 + 4 in epochs 0 and 1, beta 2).
    expect((await labelMatches(source, { label: ['writer-a'] }))!.rowIds.size).toBe(10);
    for (const writer of ['a', 'b']) {
      const mine = set.list.filter((note) => note.author === writer);
      expect(mine).toHaveLength(PER_WRITER);
      expect(new Set(mine.map((note) => note.note))).toEqual(
        new Set(Array.from({ length: PER_WRITER }, (_, i) => `${writer} #${i}`)),
      );
      expect(mine.every((note) => note.label === `writer-${writer}`)).toBe(true);
    }
    const table = (await openAnnotations(db.config))!;
    expect(await table.countRows()).toBe(2 * PER_WRITER);
  }, 120_000);
});
