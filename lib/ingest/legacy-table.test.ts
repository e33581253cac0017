import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTrajectories, TableNeedsUpgradeError } from '../db';
import { openTrajectoriesAsStored } from '../db/connection';
import { tempDb, type TempDb } from '../test-support/fixture';
import { ingestText } from './ingest';
import { upgradeTable } from './upgrade';

// A table the previous version wrote (test-data/legacy-table/README.md says how): 18 rows.
const LEGACY = join(process.cwd(), 'test-data', 'legacy-table', 'db');

let db: TempDb | null = null;
afterEach(() => {
  db?.cleanup();
  db = null;
});

function copyLegacy(): TempDb {
  const copy = tempDb();
  cpSync(LEGACY, copy.config.uri, { recursive: true });
  return copy;
}

/** A stored value as plain data (list columns come back as Arrow vectors). */
function plain(value: unknown): unknown {
  return value !== null && typeof value === 'object' && Symbol.iterator in value
    ? [...(value as Iterable<unknown>)]
    : value;
}

async function allRows(table: Awaited<ReturnType<typeof openTrajectoriesAsStored>>) {
  const rows = (await table!.query().toArray()).map((row) => row.toJSON() as Record<string, unknown>);
  return new Map(rows.map((row) => [String(row.trajectory_id), row]));
}

describe('a table written by the previous version', () => {
  it('is refused until upgraded, then keeps every stored value and gains the new columns', async () => {
    db = copyLegacy();
    const before = await allRows(await openTrajectoriesAsStored(db.config));
    expect(before.size).toBe(18);
    await expect(openTrajectories(db.config)).rejects.toBeInstanceOf(TableNeedsUpgradeError);

    const report = await upgradeTable(db.config);
    expect(report.relaxed).toEqual(['reward']);
    expect(report.added).toEqual(
      expect.arrayContaining([
        'turn_count',
        'error_fingerprints',
        'dataset',
        'metadata',
        'repeated_call_run',
        'final_answer_chars',
        'final_repeat_share',
        'final_answer_fingerprint',
      ]),
    );
    expect(report.filled).toBe(18);

    const table = (await openTrajectories(db.config))!;
    const after = await allRows(table);
    expect(after.size).toBe(18);
    for (const [id, old] of before) {
      const now = after.get(id)!;
      for (const [column, value] of Object.entries(old))
        expect([id, column, plain(now[column])]).toEqual([id, column, plain(value)]);
      const steps = JSON.parse(String(old.steps_json)) as unknown[];
      expect(now.turn_count).toBe(steps.length);
      expect([...(now.error_fingerprints as Iterable<string>)]).toHaveLength(Number(old.tool_error_count));
      expect(now.dataset).toBeNull();
      expect(now.metadata).toBeNull();
    }
    // The tau-bench rows' failed calls are fingerprinted: ids and values in their messages are placeholders.
    const fingerprints = [...after.values()]
      .filter((row) => row.training_id === 'tau-bench-gpt-4o-airline')
      .flatMap((row) => [...(row.error_fingerprints as Iterable<string>)]);
    expect(fingerprints.length).toBeGreaterThan(0);
    expect(fingerprints.every((print) => print.startsWith('Error'))).toBe(true);

    // Repeated calls and the final answer, filled from the stored steps (counted by hand from steps_json):
    const answers = (id: string) => {
      const row = after.get(id)!;
      return [row.repeated_call_run, row.final_answer_chars, row.final_repeat_share];
    };
    // calculator {expr: "2+2"}, search "2+2" (failed), search "2+2" again, final_answer "4" (its words in the
    // observation, as replies were stored before steps had content): a run of 2, a 1-character answer, too short.
    expect(answers('traj-explicit')).toEqual([2, 1, null]);
    // A lone `Finish` whose words are its argument, "maybe"; no tool call.
    expect(answers('t_c0863e550dc4f2214fe5ab91')).toEqual([0, 5, null]);
    // Three get_reservation_details calls with different ids (no repeat), ended by transfer_to_human_agents: a call
    // last, so no final answer.
    expect(answers('t_4927f7d80b7830e39adbc0e9')).toEqual([1, null, null]);
    // Five replies, no call; the last: "You're welcome! If you have any other questions or need further assistance,
    // feel free to reach out. Safe travels, and I hope you feel better soon!": 15 + 84 + 47 = 146 characters, 27
    // words (you re welcome if …), 24 4-grams, none repeated.
    expect(answers('t_a20d863d58965243dd7b0902')).toEqual([0, 146, 0]);
    // The final answers' fingerprints: "4" is a number; "maybe" and the farewell (no id, number or quoted text) stay as
    // they are; no final answer is ''.
    const print = (id: string) => after.get(id)!.final_answer_fingerprint;
    expect(['traj-explicit', 't_c0863e550dc4f2214fe5ab91', 't_4927f7d80b7830e39adbc0e9'].map(print)).toEqual([
      '<num>',
      'maybe',
      '',
    ]);
    expect(print('t_a20d863d58965243dd7b0902')).toMatch(
      /^You're welcome! If you have any other .* feel better soon!$/,
    );
    expect(await table.countRows('final_answer_fingerprint IS NULL')).toBe(0);
    // Every row is filled: no row lacks the run, and only rows without a final answer lack its length.
    expect(await table.countRows('repeated_call_run IS NULL')).toBe(0);
    expect(await table.countRows('final_answer_chars IS NULL')).toBe(1);
    // A second upgrade finds nothing left to fill (the null lengths are answers, not gaps).
    expect(await upgradeTable(db.config, { scanForUnfilled: true })).toEqual({
      added: [],
      relaxed: [],
      filled: 0,
      droppedIndexes: [],
    });

    // An unscored trajectory can now be written beside the old rows.
    const summary = await ingestText(
      JSON.stringify({
        training_id: 'unscored-run',
        epoch_id: 0,
        data_id: 'q',
        reward: null,
        steps: [
          { role: 'user', content: 'hi' },
          { action: 'respond', content: 'hello' },
        ],
      }),
      { db: db.config },
    );
    expect(summary).toMatchObject({ inserted: 1, rejected: 0 });
    expect(await table.countRows('reward IS NULL')).toBe(1);
  });
});
