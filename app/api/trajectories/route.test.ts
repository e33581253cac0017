import fs from 'node:fs';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/trajectories/route';
import { errorResponseSchema, ingestResponseSchema } from '@/lib/ingest/http';
import { fixturePath, openTable, readBack } from '@/lib/ingest/test-db';
import { tempDb, type TempDb } from '@/lib/test-support/fixture';

const URL_BASE = 'http://localhost/api/trajectories';
const TOKEN = 'route-test-token-0123456789abcdefgh';
const ENV_KEYS = [
  'INGEST_TOKEN',
  'INGEST_MAX_BYTES',
  'LANCEDB_URI',
  'LANCEDB_READ_CONSISTENCY_SECONDS',
  'INGEST_LOCK_WAIT_SECONDS',
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

  it('stays disabled with a token shorter than 32 characters, and logs why', async () => {
    process.env.INGEST_TOKEN = 'x'.repeat(31);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const message = await expectError(await post(steps, { token: 'x'.repeat(31) }), 403);
    expect(message).toContain('at least 32 characters');
    expect(logged.mock.calls.flat().join(' ')).toMatch(/INGEST_TOKEN has 31 characters, at least 32/);
    logged.mockRestore();
    expect(fs.readdirSync(db.dir)).toEqual([]);
  });

  it('answers 401 to a missing or wrong token', async () => {
    const client = { 'x-forwarded-for': '203.0.113.1' };
    const wrong = await post(steps, { token: 'nope', headers: client });
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    await expectError(wrong, 401);
    await expectError(await post(steps, { token: null, headers: client }), 401);
    await expectError(await post(steps, { token: `${TOKEN}x`, headers: client }), 401);
  });

  it('answers 429 with Retry-After after 5 wrong tokens from one client within a minute, others unaffected', async () => {
    const client = { 'x-forwarded-for': '203.0.113.2, 10.0.0.1' };
    for (let i = 0; i < 5; i++)
      await expectError(await post(steps, { token: `wrong-${i}`, headers: client }), 401);
    const blocked = await post(steps, { headers: client }); // even the right token waits
    const message = await expectError(blocked, 429);
    expect(message).toMatch(/Too many wrong tokens/);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(fs.readdirSync(db.dir)).toEqual([]);
    const other = await post(steps, { headers: { 'x-forwarded-for': '203.0.113.3' } });
    expect(other.status).toBe(200);
  });

  it('answers 503 with Retry-After when another writer keeps the table busy, naming what was not written', async () => {
    process.env.INGEST_LOCK_WAIT_SECONDS = '0.3';
    fs.writeFileSync(
      `${db.dir}/.trajectories.write.lock`,
      JSON.stringify({
        token: 'other',
        pid: process.pid,
        host: hostname(),
        acquiredAt: '2026-01-01T00:00:00Z',
      }),
    );
    const response = await post(steps, { headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(response.headers.get('retry-after')).toBe('10');
    const message = await expectError(response, 503);
    expect(message).toMatch(
      /^The table is busy: writing failed: another writer holds the table's write lock/,
    );
    expect(message).toContain('not written: the 3 records of <body>:1–3');
  });

  it('answers a failure without internal paths', async () => {
    fs.writeFileSync(`${db.dir}/trajectories.lance`, 'not a table'); // a file where the table directory should be
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await post(steps, { headers: { 'x-forwarded-for': '203.0.113.4' } });
    logged.mockRestore();
    const message = await expectError(response, 500);
    expect(message).toMatch(/^Ingest failed: /);
    expect(message).not.toMatch(/\/work\/|node_modules|\.rs\b|\/tmp\/|Caused by/);
    expect(message).toContain('not written: the 3 records of <body>:1–3');
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
    expect(json).toMatchObject({
      read: 6,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 4,
      warnings: [],
      dry_run: false,
    });
    expect(json.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'json'],
      [3, 'reward'],
      [4, 'reward'],
      [5, 'epoch_id'],
    ]);
    expect(await (await openTable(db.config)).countRows()).toBe(2);

    const again = ingestResponseSchema.parse(await (await post(body)).json());
    expect(again).toMatchObject({ read: 6, inserted: 0, updated: 0, unchanged: 2, rejected: 4 });
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
