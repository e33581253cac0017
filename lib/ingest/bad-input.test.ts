import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleIngestRequest } from './http';
import { ingestFiles } from './ingest';
import { openTable, readBack } from './test-db';
import { tempDb, type TempDb } from '../test-support/fixture';

let db: TempDb;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

const good = (i: number) =>
  JSON.stringify({
    trajectory_id: `g${i}`,
    training_id: 'bad-input',
    epoch_id: 0,
    data_id: `q${i}`,
    reward: 1,
    steps: [],
  });

function writeLines(name: string, lines: (string | Buffer)[]): string {
  const file = path.join(db.dir, name);
  fs.writeFileSync(file, Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l), Buffer.from('\n')]))));
  return file;
}

async function storedIds(): Promise<string[]> {
  return (await readBack(await openTable(db.config), ['trajectory_id']))
    .map((r) => r.trajectory_id as string)
    .sort();
}

describe('bad records cost only themselves', () => {
  it('a record nested 6,000 levels deep is one error with its line; the 4,000 good records land', async () => {
    const deep = `{"training_id":"x","epoch_id":0,"data_id":"d","reward":1,"steps":[{"action":"a","action_input":${'['.repeat(6000)}${']'.repeat(6000)}}]}`;
    const lines = Array.from({ length: 4000 }, (_, i) => good(i));
    lines.splice(2000, 0, deep);
    const file = writeLines('deep.jsonl', lines);
    const summary = await ingestFiles([file], { db: db.config });
    expect(summary).toMatchObject({ read: 4001, inserted: 4000, rejected: 1 });
    expect(summary.errors).toEqual([
      { source: file, line: 2001, field: 'json', reason: 'nested deeper than 64 levels of arrays/objects' },
    ]);
  });

  it('rejects a line with invalid UTF-8, naming it, instead of storing U+FFFD', async () => {
    const broken = Buffer.concat([
      Buffer.from(good(1).slice(0, 30)),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(good(1).slice(30)),
    ]);
    const file = writeLines('utf8.jsonl', [good(0), broken, good(2)]);
    const summary = await ingestFiles([file], { db: db.config });
    expect(summary.errors).toEqual([
      {
        source: file,
        line: 2,
        field: 'json',
        reason: 'invalid UTF-8: the record has bytes that are not UTF-8 text',
      },
    ]);
    expect(await storedIds()).toEqual(['g0', 'g2']);
  });

  it('rejects control characters in ids and lone surrogates in any string, naming the field', async () => {
    const nul = JSON.stringify({
      trajectory_id: 'a\u0000b',
      training_id: 'bad-input',
      epoch_id: 0,
      data_id: 'q',
      reward: 0,
      steps: [],
    });
    const surrogate = good(3).replace(
      '"steps":[]',
      '"steps":[{"action":"respond","observation":"x\\ud800"}]',
    );
    const file = writeLines('strings.jsonl', [nul, surrogate, good(4)]);
    const summary = await ingestFiles([file], { db: db.config });
    expect(summary.errors).toEqual([
      {
        source: file,
        line: 1,
        field: 'trajectory_id',
        reason: 'must not contain control characters (found U+0000)',
      },
      {
        source: file,
        line: 2,
        field: 'steps[0].observation',
        reason: 'has an unpaired UTF-16 surrogate (a \\uD800–\\uDFFF escape without its pair); fix the text',
      },
    ]);
    expect(await storedIds()).toEqual(['g4']);
  });

  it('over HTTP: a deep record and invalid UTF-8 are per-record errors in a 200 answer', async () => {
    const token = 'bad-input-token-0123456789abcdefghij';
    const body = Buffer.concat([
      Buffer.from(`${good(0)}\n{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}\n`),
      Buffer.from([0xff, 0x0a]),
      Buffer.from(`${good(1)}\n`),
    ]);
    const response = await handleIngestRequest(
      new Request('http://localhost/api/trajectories', {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${token}` },
      }),
      { ...process.env, INGEST_TOKEN: token, LANCEDB_URI: db.dir },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      read: 4,
      inserted: 2,
      rejected: 2,
      errors: [
        { line: 2, field: 'json', reason: 'nested deeper than 64 levels of arrays/objects' },
        { line: 3, field: 'json', reason: 'invalid UTF-8: the record has bytes that are not UTF-8 text' },
      ],
    });
    expect(await storedIds()).toEqual(['g0', 'g1']);
  });
});
