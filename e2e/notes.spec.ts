import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ingestText } from '../lib/ingest';
import { spawnServer } from '../lib/server/spawn-server';
import { trajectoryHref } from '../lib/params/hrefs';
import { expectNoSidewaysScroll, screenshot, watchConsole } from './helpers';

// It writes notes, so it has its own server on its own database, hosted with two users (DASHBOARD_AUTH): the shared
// fixture database stays as the fixture server built it, and this spec runs the same before, after or without the
// others.
const PORT = Number(process.env.E2E_NOTES_PORT ?? 3411);
const BASE = `http://127.0.0.1:${PORT}`;
const USERS = { ana: 'ana-password-1', bob: 'bob-password-2' };
const TRAINING = 'notes-run';
const LABELLED = 'notes-t-labelled';
const HOSTILE =
  'Guessed the answer. <img src=x onerror="window.__notesXss=1;alert(1)"> <script>window.__notesXss=2;alert(2)</script> & done';

const record = (id: string, data: string, sample: number, reward: number) => ({
  trajectory_id: id,
  training_id: TRAINING,
  epoch_id: 0,
  sample_id: sample,
  data_id: data,
  question: `Question ${data}`,
  reward,
  termination_reason: reward > 0 ? 'success' : 'wrong_answer',
  steps: [
    { action: 'search', action_input: { q: data }, observation: 'found it', tool_status: 'success' },
    { action: 'respond', action_input: { answer: String(reward) } },
  ],
});

let dir: string;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-dash-notes-'));
  const records = [
    record(LABELLED, 'nq1', 0, 0),
    record('notes-t-other', 'nq1', 1, 0),
    record('notes-t-solved', 'nq1', 2, 1),
    record('notes-t-q2', 'nq2', 0, 0),
  ];
  const seeded = await ingestText(records.map((r) => JSON.stringify(r)).join('\n'), {
    db: { uri: dir, readConsistencyInterval: 0 },
  });
  expect(seeded).toMatchObject({ inserted: 4, rejected: 0 });
  server = spawnServer({
    port: PORT,
    hostname: '127.0.0.1',
    env: {
      LANCEDB_URI: dir,
      DASHBOARD_AUTH: Object.entries(USERS)
        .map(([user, password]) => `basic:${user}:${password}`)
        .join(','),
    },
    stdio: 'ignore',
  });
  await expect(async () => {
    expect((await fetch(`${BASE}/api/health`)).status).toBe(200);
  }).toPass({ timeout: 90_000 });
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const authorization = (user: keyof typeof USERS) =>
  `Basic ${Buffer.from(`${user}:${USERS[user]}`).toString('base64')}`;

/** A page signed in as `user`; every alert or prompt it opens is recorded (a confirm is accepted and recorded apart). */
async function signedIn(browser: Browser, user: keyof typeof USERS, width = 1280) {
  const context = await browser.newContext({
    httpCredentials: { username: user, password: USERS[user] },
    viewport: { width, height: 900 },
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const confirms: string[] = [];
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'confirm') {
      confirms.push(dialog.message());
      void dialog.accept();
    } else {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    }
  });
  return { page, dialogs, confirms, close: () => context.close() };
}

async function notesVia(query: string) {
  const response = await fetch(`${BASE}/api/annotations${query}`, {
    headers: { authorization: authorization('ana') },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    total: number;
    annotations: { id: string; label: string | null; note: string; author: string }[];
  };
}

async function addNote(page: Page, label: string, note: string, about?: string) {
  const form = page.getByTestId('note-form');
  await form.getByLabel('Label').fill(label);
  if (about) await form.getByLabel('About').selectOption({ label: about });
  await form.getByLabel('Note').fill(note);
  await form.getByRole('button', { name: 'Add note' }).click();
}

test('a note with a label on a transcript: the author is the signed-in user, its text stays text', async ({
  browser,
}, testInfo) => {
  const { page, dialogs, close } = await signedIn(browser, 'ana');
  const console = watchConsole(page);
  await page.goto(`${BASE}${trajectoryHref(LABELLED)}`);
  const panel = page.getByTestId('notes-panel');
  await expect(panel).toContainText('No notes yet.');
  await addNote(page, 'reward-hack', HOSTILE);

  const text = panel.getByTestId('note-text');
  await expect(text).toHaveText(HOSTILE);
  await expect(panel.getByTestId('note')).toContainText('ana');
  // The header carries the label, linking to the notes with it.
  const chips = page.getByTestId('label-chips').first();
  await expect(chips).toHaveText('reward-hack');
  await expect(chips.getByRole('link')).toHaveAttribute('href', '/notes?label=reward-hack');
  // Inert: no element was made of the note, no script ran, no dialog opened.
  expect(await panel.locator('img, script').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __notesXss?: number }).__notesXss),
  ).toBeUndefined();
  const stored = await notesVia('?label=reward-hack');
  expect(stored.total).toBe(1);
  expect(stored.annotations[0]).toMatchObject({ author: 'ana', note: HOSTILE });

  // After a reload, still text.
  await page.reload();
  await expect(page.getByTestId('note-text')).toHaveText(HOSTILE);
  expect(dialogs).toEqual([]);
  await expectNoSidewaysScroll(page, 'transcript with a note');
  await screenshot(page, testInfo, 'labelled-transcript');
  console.expectNone();
  await close();
});

test('a note on the question labels every sample of it; the failure list filters by label', async ({
  browser,
}) => {
  const { page, dialogs, close } = await signedIn(browser, 'ana');
  await page.goto(`${BASE}${trajectoryHref('notes-t-q2')}`);
  await addNote(page, 'env-bug', 'the grader of nq2 is broken', 'its question (every run)');
  await expect(page.getByTestId('note-text')).toHaveText('the grader of nq2 is broken');

  await page.goto(`${BASE}/analysis?tab=failures&training_id=${TRAINING}&label=reward-hack`);
  const rows = page.getByTestId('failure-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('reward-hack');
  await page.goto(`${BASE}/analysis?tab=failures&training_id=${TRAINING}&label=env-bug`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('nq2');
  await expect(rows.first().getByTestId('label-chips')).toHaveText('env-bug');
  // Without the label, the failing ones of both questions, each with its labels.
  await page.goto(`${BASE}/analysis?tab=failures&training_id=${TRAINING}`);
  await expect(rows).toHaveCount(3);
  expect(dialogs).toEqual([]);
  await close();
});

test('the Notes page lists the notes with links; only the author may edit or delete', async ({
  browser,
}, testInfo) => {
  const bob = await signedIn(browser, 'bob');
  await bob.page.goto(`${BASE}/notes`);
  const list = bob.page.getByTestId('notes-list');
  await expect(list.getByTestId('note')).toHaveCount(2);
  // Bob sees Ana's notes, without edit or delete.
  await expect(list.getByTestId('note-delete')).toHaveCount(0);
  await bob.page
    .getByTestId('notes-facets')
    .getByRole('link', { name: /reward-hack/ })
    .click();
  await expect(bob.page).toHaveURL(/\/notes\?label=reward-hack$/);
  await expect(list.getByTestId('note')).toHaveCount(1);
  await expect(list.getByTestId('note-text')).toHaveText(HOSTILE);
  await expect(list.getByTestId('note-target')).toHaveAttribute('href', trajectoryHref(LABELLED));
  const failuresLink = await bob.page.getByTestId('notes-failures-link').getAttribute('href');
  expect(new URLSearchParams(failuresLink!.split('?')[1]).toString()).toMatch(
    /^(?=.*tab=failures)(?=.*label=reward-hack)/,
  );
  await expectNoSidewaysScroll(bob.page, 'notes page');
  await screenshot(bob.page, testInfo, 'notes-page');
  expect(bob.dialogs).toEqual([]);
  await bob.close();

  const ana = await signedIn(browser, 'ana');
  await ana.page.goto(`${BASE}/notes?label=env-bug`);
  const notes = ana.page.getByTestId('notes-list').getByTestId('note');
  await expect(notes).toHaveCount(1);
  await notes.getByRole('button', { name: 'edit' }).click();
  await ana.page.getByRole('form', { name: 'Edit the note' }).getByLabel('Note').fill('grader fixed in v2');
  await ana.page.getByRole('button', { name: 'save' }).click();
  await expect(notes.getByTestId('note-text')).toHaveText('grader fixed in v2');
  await expect(notes).toContainText('edited');
  await notes.getByTestId('note-delete').click();
  await expect(ana.page.getByTestId('notes-list')).toContainText('No note matches.');
  expect(ana.confirms).toEqual(['Delete this note?']);
  expect((await notesVia('?label=env-bug')).total).toBe(0);
  expect(ana.dialogs).toEqual([]);
  await ana.close();
});

test('a write from another origin is refused, even with the credentials the browser holds', async ({
  browser,
}) => {
  const { page, close } = await signedIn(browser, 'ana');
  // localhost and 127.0.0.1 are two origins: a page of the one posts to the other.
  await page.goto(`http://localhost:${PORT}/notes`);
  const status = await page.evaluate(async (target) => {
    const response = await fetch(`${target}/api/annotations`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ target: { data_id: 'nq1' }, label: 'csrf' }),
    }).catch(() => null);
    return response ? response.status : 'blocked';
  }, BASE);
  // The JSON write needs a preflight, which names no allowed origin: the browser does not send it.
  expect(status).toBe('blocked');
  // A simple request (no preflight) may reach the server, which refuses it for its Origin (and its type).
  await page.evaluate(async (target) => {
    await fetch(`${target}/api/annotations`, {
      method: 'POST',
      mode: 'no-cors',
      credentials: 'include',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ target: { data_id: 'nq1' }, label: 'csrf' }),
    }).catch(() => null);
  }, BASE);
  // The server's answer to a write with that Origin, which a script can send: 403.
  const direct = await fetch(`${BASE}/api/annotations`, {
    method: 'POST',
    headers: {
      authorization: authorization('ana'),
      'content-type': 'application/json',
      origin: `http://localhost:${PORT}`,
    },
    body: JSON.stringify({ target: { data_id: 'nq1' }, label: 'csrf' }),
  });
  expect(direct.status).toBe(403);
  expect((await notesVia('?label=csrf')).total).toBe(0);
  // Without credentials a write is 401.
  const anonymous = await fetch(`${BASE}/api/annotations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ target: { data_id: 'nq1' }, label: 'csrf' }),
  });
  expect(anonymous.status).toBe(401);
  await close();
});
