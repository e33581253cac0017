import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DELETE, GET as GET_ONE, PATCH } from '@/app/api/annotations/[id]/route';
import { GET, POST } from '@/app/api/annotations/route';
import { annotationListResponse, annotationResponse, type Annotation } from '@/lib/annotations/schema';
import { openTrajectories } from '@/lib/db';
import { CLIENT_HEADER } from '@/lib/http-security/client-address';
import { serveFixtureDatabase } from '@/lib/test-support/route-fixture';

const BASE = 'http://dash.test';
const db = serveFixtureDatabase();
const BEARER_NAMED = 'named-token-0123456789abcdef';
const BEARER_PLAIN = 'plain-token-fedcba9876543210';
const AUTH = `basic:ana:pw-of-ana,basic:bob:pw-of-bob,bearer:trainer-7:${BEARER_NAMED},bearer:${BEARER_PLAIN}`;

let trajectoryId: string;
beforeAll(async () => {
  const table = (await openTrajectories(db.config))!;
  const rows = await table
    .query()
    .where("training_id = 'alpha' AND epoch_id = 0 AND data_id = 'q2' AND sample_id = 3")
    .select(['trajectory_id'])
    .toArray();
  expect(rows).toHaveLength(1);
  trajectoryId = String(rows[0].trajectory_id);
});

const savedAuth = process.env.DASHBOARD_AUTH;
afterEach(() => {
  if (savedAuth === undefined) delete process.env.DASHBOARD_AUTH;
  else process.env.DASHBOARD_AUTH = savedAuth;
});

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

let clients = 0;

/** A write as a browser or a script sends it: JSON, from its own client address, with the headers given. */
function write(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Request {
  return new Request(`${BASE}${path}`, {
    method,
    headers: {
      host: 'dash.test',
      [CLIENT_HEADER]: `203.0.113.${++clients}`,
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

const context = (id: string) => ({ params: Promise.resolve({ id }) });

async function created(response: Response): Promise<Annotation> {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(201);
  return annotationResponse.parse(body);
}

async function list(query: string) {
  const response = await GET(new Request(`${BASE}/api/annotations${query}`));
  expect(response.status).toBe(200);
  return annotationListResponse.parse(await response.json());
}

describe('POST /api/annotations with auth off', () => {
  it('writes as "anonymous" and answers 201 with id, author and times', async () => {
    delete process.env.DASHBOARD_AUTH;
    const response = await POST(
      write('POST', '/api/annotations', {
        target: { trajectory_id: trajectoryId },
        label: 'reward-hack',
        note: 'called python then claimed success',
      }),
    );
    const note = await created(response);
    expect(note).toMatchObject({
      author: 'anonymous',
      label: 'reward-hack',
      target: { kind: 'trajectory', trajectory_id: trajectoryId },
    });
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('location')).toBe(`/api/annotations/${note.id}`);
    expect(Date.parse(note.created_at)).toBeGreaterThan(Date.parse('2026-01-01'));
    // Anyone may edit an anonymous note while everyone is anonymous.
    const edited = await PATCH(
      write('PATCH', `/api/annotations/${note.id}`, { note: 'edited' }),
      context(note.id),
    );
    expect(edited.status).toBe(200);
    expect((await edited.json()).note).toBe('edited');
  });
});

describe('the author is the signed-in identity', () => {
  it.each([
    ['a Basic user: the user name', basic('ana', 'pw-of-ana'), 'ana'],
    ['a named bearer entry: its name', `Bearer ${BEARER_NAMED}`, 'trainer-7'],
    [
      'an unnamed bearer entry: token- and 8 hex digits of its SHA-256',
      `Bearer ${BEARER_PLAIN}`,
      `token-${createHash('sha256').update(BEARER_PLAIN).digest('hex').slice(0, 8)}`,
    ],
  ])('%s', async (_name, authorization, author) => {
    process.env.DASHBOARD_AUTH = AUTH;
    const note = await created(
      await POST(
        write('POST', '/api/annotations', { target: { data_id: 'q1' }, label: 'env-bug' }, { authorization }),
      ),
    );
    expect(note.author).toBe(author);
    expect((await list(`?author=${encodeURIComponent(author)}`)).annotations.map((a) => a.id)).toContain(
      note.id,
    );
  });

  it('writing without credentials, or with wrong ones, is 401 and writes nothing', async () => {
    process.env.DASHBOARD_AUTH = AUTH;
    const before = (await list('')).total;
    const missing = await POST(write('POST', '/api/annotations', { target: { data_id: 'q1' }, label: 'x' }));
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await missing.json()).toEqual({ error: { message: 'authentication required', param: null } });
    const wrong = await POST(
      write(
        'POST',
        '/api/annotations',
        { target: { data_id: 'q1' }, label: 'x' },
        { authorization: basic('ana', 'nope') },
      ),
    );
    expect(wrong.status).toBe(401);
    const unknownToken = await POST(
      write(
        'POST',
        '/api/annotations',
        { target: { data_id: 'q1' }, label: 'x' },
        { authorization: 'Bearer 0000000000000000000' },
      ),
    );
    expect(unknownToken.status).toBe(401);
    expect((await list('')).total).toBe(before);
  });

  it("editing or deleting someone else's note is 403; one's own works, and the edit shows at once", async () => {
    process.env.DASHBOARD_AUTH = AUTH;
    const ana = { authorization: basic('ana', 'pw-of-ana') };
    const bob = { authorization: basic('bob', 'pw-of-bob') };
    const note = await created(
      await POST(
        write(
          'POST',
          '/api/annotations',
          { target: { training_id: 'alpha', epoch_id: 1, data_id: 'q2' }, label: 'regressed', note: 'why?' },
          ana,
        ),
      ),
    );
    const byBob = await PATCH(
      write('PATCH', `/api/annotations/${note.id}`, { note: 'mine now' }, bob),
      context(note.id),
    );
    expect(byBob.status).toBe(403);
    expect((await byBob.json()).error.param).toBe('id');
    expect(
      (await DELETE(write('DELETE', `/api/annotations/${note.id}`, undefined, bob), context(note.id))).status,
    ).toBe(403);

    const edit = await PATCH(
      write('PATCH', `/api/annotations/${note.id}`, { label: 'flaky-grader', note: 'grader times out' }, ana),
      context(note.id),
    );
    expect(edit.status).toBe(200);
    const shown = annotationResponse.parse(
      await (await GET_ONE(new Request(`${BASE}/x`), context(note.id))).json(),
    );
    expect(shown).toMatchObject({
      label: 'flaky-grader',
      note: 'grader times out',
      author: 'ana',
      created_at: note.created_at,
    });
    expect((await list('?label=regressed')).annotations.map((a) => a.id)).not.toContain(note.id);
    expect((await list('?label=flaky-grader')).annotations.map((a) => a.id)).toContain(note.id);

    const gone = await DELETE(
      write('DELETE', `/api/annotations/${note.id}`, undefined, ana),
      context(note.id),
    );
    expect(gone.status).toBe(204);
    expect((await GET_ONE(new Request(`${BASE}/x`), context(note.id))).status).toBe(404);
    expect((await list('?label=flaky-grader')).annotations.map((a) => a.id)).not.toContain(note.id);
    const again = await DELETE(
      write('DELETE', `/api/annotations/${note.id}`, undefined, ana),
      context(note.id),
    );
    expect(again.status).toBe(404);
  });
});

describe('the cross-site guard on writes', () => {
  const payload = { target: { data_id: 'q3' }, label: 'csrf' };

  it.each([
    ['an Origin of another site', { origin: 'https://evil.example' }],
    ['an Origin on another port of the same host', { origin: 'http://dash.test:8080' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', origin: 'http://dash.test' }],
    ['an Origin that is not a URL', { origin: 'null' }],
  ])('refuses %s with 403, even with valid credentials', async (_name, headers) => {
    process.env.DASHBOARD_AUTH = AUTH;
    const response = await POST(
      write('POST', '/api/annotations', payload, { ...headers, authorization: basic('ana', 'pw-of-ana') }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/may not write|not this dashboard/);
    expect((await list('?label=csrf')).total).toBe(0);
  });

  it('passes a same-origin browser write and a script without Origin', async () => {
    delete process.env.DASHBOARD_AUTH;
    const browser = await POST(
      write('POST', '/api/annotations', payload, {
        origin: 'http://dash.test',
        'sec-fetch-site': 'same-origin',
      }),
    );
    expect(browser.status).toBe(201);
    expect((await POST(write('POST', '/api/annotations', payload))).status).toBe(201);
    expect((await list('?label=csrf')).total).toBe(2);
  });

  it('refuses a body that is not JSON (a cross-site form cannot send JSON without a preflight) with 415', async () => {
    delete process.env.DASHBOARD_AUTH;
    const form = await POST(
      write('POST', '/api/annotations', 'label=csrf', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
    );
    expect(form.status).toBe(415);
  });
});

describe('validation: a 400 naming the field', () => {
  it.each<[string, unknown, string]>([
    ['a label with capitals', { target: { data_id: 'q1' }, label: 'Reward-Hack' }, 'label'],
    ['a label with a space', { target: { data_id: 'q1' }, label: 'reward hack' }, 'label'],
    ['a label of 41 characters', { target: { data_id: 'q1' }, label: 'a'.repeat(41) }, 'label'],
    ['neither label nor note', { target: { data_id: 'q1' }, note: '  ' }, 'label'],
    ['a note over 10,000 characters', { target: { data_id: 'q1' }, note: 'x'.repeat(10_001) }, 'note'],
    ['no target', { label: 'x' }, 'target'],
    ['two target forms at once', { target: { trajectory_id: 't', data_id: 'q1' }, label: 'x' }, 'target'],
    [
      'a group without its epoch',
      { target: { training_id: 'alpha', data_id: 'q1' }, label: 'x' },
      'target.epoch_id',
    ],
    [
      'a negative epoch',
      { target: { training_id: 'alpha', epoch_id: -1, data_id: 'q1' }, label: 'x' },
      'target.epoch_id',
    ],
    ['an unknown field', { target: { data_id: 'q1' }, label: 'x', author: 'someone-else' }, 'author'],
  ])('%s', async (_name, payload, param) => {
    delete process.env.DASHBOARD_AUTH;
    const response = await POST(write('POST', '/api/annotations', payload));
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect(body.error.param).toBe(param);
  });

  it('a target that does not exist is a 404 naming target', async () => {
    delete process.env.DASHBOARD_AUTH;
    const response = await POST(
      write('POST', '/api/annotations', { target: { trajectory_id: 'no-such' }, label: 'x' }),
    );
    expect(response.status).toBe(404);
    expect((await response.json()).error.param).toBe('target');
  });

  it('a body over 64 KiB is a 413; a GET with an unknown parameter a 400 naming it', async () => {
    delete process.env.DASHBOARD_AUTH;
    const big = await POST(
      write('POST', '/api/annotations', { target: { data_id: 'q1' }, note: 'x'.repeat(70_000) }),
    );
    expect(big.status).toBe(413);
    const bad = await GET(new Request(`${BASE}/api/annotations?labels=x`));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.param).toBe('labels');
    const badLabel = await GET(new Request(`${BASE}/api/annotations?label=Not%20A%20Slug`));
    expect((await badLabel.json()).error.param).toBe('label');
  });
});

describe('GET /api/annotations by target', () => {
  it('data_id keeps the notes on the question and on its groups, never a trajectory note', async () => {
    delete process.env.DASHBOARD_AUTH;
    const question = await created(
      await POST(write('POST', '/api/annotations', { target: { data_id: 'q3' }, label: 'by-target' })),
    );
    const group = await created(
      await POST(
        write('POST', '/api/annotations', {
          target: { training_id: 'beta', epoch_id: 0, data_id: 'q1' },
          label: 'by-target',
        }),
      ),
    );
    const ids = (query: string) => list(query).then((answer) => answer.annotations.map((a) => a.id));
    expect(await ids('?label=by-target&data_id=q3')).toEqual([question.id]);
    expect(await ids('?label=by-target&data_id=q1&training_id=beta&epoch_id=0')).toEqual([group.id]);
    expect(await ids('?label=by-target&training_id=alpha')).toEqual([]);
    expect(await ids(`?trajectory_id=${encodeURIComponent(trajectoryId)}`)).toHaveLength(1);
    const page = await list('?label=by-target&limit=1');
    expect(page.total).toBe(2);
    expect(page.annotations.map((a) => a.id)).toEqual([group.id]); // most recent first
  });

  it('stores hostile text as given: the API answers it as JSON data, unchanged', async () => {
    delete process.env.DASHBOARD_AUTH;
    const text = '<img src=x onerror=alert(1)> <script>alert(2)</script> \' " & \u0000';
    const note = await created(
      await POST(write('POST', '/api/annotations', { target: { data_id: 'q2' }, note: text })),
    );
    expect(note.note).toBe(text);
    const response = await GET_ONE(new Request(`${BASE}/x`), context(note.id));
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await response.json()).note).toBe(text);
  });
});

describe('GET /api/annotations/<id> with any id', () => {
  it('answers 200 or a 404 naming id, never a 5xx', async () => {
    const fc = (await import('fast-check')).default;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom("' OR 1=1 --", '..', '%00', '\u0000', 'x'.repeat(300)),
          fc.string({ unit: 'binary' }),
        ),
        async (id) => {
          const response = await GET_ONE(new Request(`${BASE}/x`), context(id));
          expect([200, 404], id).toContain(response.status);
          if (response.status === 404) expect((await response.json()).error.param).toBe('id');
        },
      ),
      { seed: 20261207, numRuns: 100 },
    );
  });
});
