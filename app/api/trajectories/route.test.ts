import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/trajectories/route';
import { errorResponseSchema, ingestResponseSchema } from '@/lib/ingest/http';
import { fixturePath, openTable, readBack } from '@/lib/ingest/test-db';
import { tempDb, type TempDb } from '@/lib/test-support/fixture';

const URL_BASE = 'http://localhost/api/trajectories';
const TOKEN = 'test-token-123';
const ENV_KEYS = [
  'INGEST_TOKEN',
  'INGEST_MAX_BYTES',
  'LANCEDB_URI',
  'LANCEDB_READ_CONSISTENCY_SECONDS',
] as const;

let db: TempDb;
let saved: Partial<Record<(typeof ENV_KEYS)[number], string>>;

beforeEach(() => {
  saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  db = tempDb();
  process.env.LANCEDB_URI = db.dir;
  process.env.LANCEDB_READ_CONSISTENCY_SECONDS = '0';
  process.env.INGEST_TOKEN = TOKEN;
  delete process.env.INGEST_MAX_BYTES;
});

afterEach(() => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  db.cleanup();
});

function post(
  body: BodyInit | null,
  options: { query?: string; token?: string | null; headers?: HeadersInit } = {},
) {
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  return POST(new Request(`${URL_BASE}${options.query ?? ''}`, { method: 'POST', body, headers }));
}

async function expectError(response: Response, status: number, param?: string) {
  expect(response.status).toBe(status);
  const body = errorResponseSchema.parse(await response.json());
  if (param !== undefined) expect(body.error.param).toBe(param);
  return body.error.message;
}

const steps = fs.readFileSync(fixturePath('steps.jsonl'), 'utf8');

describe('POST /api/trajectories', () => {
  it('is disabled without INGEST_TOKEN and says how to enable it', async () => {
    delete process.env.INGEST_TOKEN;
    const message = await expectError(await post(steps), 403);
    expect(message).toContain('INGEST_TOKEN');
    expect(fs.readdirSync(db.dir)).toEqual([]);
  });

  it('answers 401 to a missing or wrong token', async () => {
    const wrong = await post(steps, { token: 'nope' });
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    await expectError(wrong, 401);
    await expectError(await post(steps, { token: null }), 401);
    await expectError(await post(steps, { token: `${TOKEN}x` }), 401);
  });

  it('answers 413 over the size limit, by Content-Length and by counted bytes', async () => {
    process.env.INGEST_MAX_BYTES = '100';
    await expectError(await post(steps, { headers: { 'content-length': String(steps.length) } }), 413);
    // A streamed body declares no length: the bytes are counted.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(steps));
        controller.close();
      },
    });
    const response = await POST(
      new Request(URL_BASE, {
        method: 'POST',
        body: stream,
        headers: { authorization: `Bearer ${TOKEN}` },
        duplex: 'half',
      } as RequestInit),
    );
    const message = await expectError(response, 413);
    expect(message).toContain('INGEST_MAX_BYTES');
    expect(fs.readdirSync(db.dir)).toEqual([]);
  });

  it('answers 400 naming a bad query parameter', async () => {
    await expectError(await post(steps, { query: '?format=csv' }), 400, 'format');
    await expectError(await post(steps, { query: '?epoch_id=-1' }), 400, 'epoch_id');
    await expectError(await post(steps, { query: '?epoch_id=1.5' }), 400, 'epoch_id');
    await expectError(await post(steps, { query: '?training_id=' }), 400, 'training_id');
    await expectError(await post(steps, { query: '?dry_run=maybe' }), 400, 'dry_run');
    await expectError(await post(steps, { query: '?trainingId=x' }), 400, 'trainingId');
    await expectError(await post(steps, { query: '?format=steps&format=verl' }), 400, 'format');
  });

  it('answers 400 to an empty body or one that is not JSON at all', async () => {
    expect(await expectError(await post(''), 400)).toContain('empty');
    expect(await expectError(await post('hello\nworld'), 400)).toContain('not JSON');
  });

  it('ingests NDJSON and answers 200 with per-record errors', async () => {
    const body = fs.readFileSync(fixturePath('bad-lines.jsonl'), 'utf8');
    const response = await post(body, { headers: { 'content-type': 'application/x-ndjson' } });
    expect(response.status).toBe(200);
    const json = ingestResponseSchema.parse(await response.json());
    expect(json).toMatchObject({ read: 6, inserted: 2, updated: 0, rejected: 4, dry_run: false });
    expect(json.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'json'],
      [3, 'reward'],
      [4, 'reward'],
      [5, 'epoch_id'],
    ]);
    expect(await (await openTable(db.config)).countRows()).toBe(2);
  });

  it('ingests a JSON array with query overrides, and a dry run writes nothing', async () => {
    const verl = fs
      .readFileSync(fixturePath('verl.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    const body = JSON.stringify(verl);
    const dry = ingestResponseSchema.parse(
      await (await post(body, { query: '?training_id=http_run&dry_run=true' })).json(),
    );
    expect(dry).toMatchObject({ read: 3, inserted: 0, rejected: 0, dry_run: true });
    expect(fs.readdirSync(db.dir)).toEqual([]);

    const response = await post(body, { query: '?format=verl&training_id=http_run&epoch_id=7' });
    expect(response.status).toBe(200);
    expect(ingestResponseSchema.parse(await response.json())).toMatchObject({ inserted: 3, rejected: 0 });
    const rows = await readBack(await openTable(db.config), ['training_id', 'epoch_id']);
    expect(rows).toEqual(Array.from({ length: 3 }, () => ({ training_id: 'http_run', epoch_id: 7 })));
  });
});
