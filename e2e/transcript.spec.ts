import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '@lancedb/lancedb';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { ingestFiles, ingestRecords } from '../lib/ingest';
import { TAU_BENCH_FILE } from '../lib/test-support/fixture';
import { expectNoSidewaysScroll, startServer, watchConsole } from './helpers';

// The transcript viewer on the real tau-bench run and on two generated 2,000-step trajectories of 5 MB each, on a
// server and database of its own (the shared fixture database stays as it is).
const PORT = Number(process.env.E2E_TRANSCRIPT_PORT ?? 3151);
/** The server of this worker (a worker started after a failure starts its own, on the next port). */
let BASE = `http://127.0.0.1:${PORT}`;
/** Where the screenshots go besides the test results, when set (for looking at them). */
const SHOTS = process.env.TRANSCRIPT_SHOTS_DIR;

const LONG_STEPS = 2000;
/** 0-based positions in the generated trajectories. */
const ERROR_AT = 1502;
const DIFFERENT_AT = 1233;
const ZEBRA_AT = [29, 449, 1776];

/** A long log-reading session: a user turn every 100 steps, a reply every 10, tool calls between, 30-line results. */
function longTrajectory(id: string, variant: 'a' | 'b') {
  const steps: Record<string, unknown>[] = [
    { role: 'system', content: 'You are a log analyst.\nRead the shards, then answer.\nNever guess.' },
  ];
  for (let i = 1; i < LONG_STEPS; i++) {
    if (i % 100 === 1)
      steps.push({ role: 'user', content: `Question ${i}: what failed in shard ${i % 37}?` });
    else if (i % 10 === 0)
      steps.push({ action: 'respond', content: `Summary after ${i} reads: nothing new.` });
    else {
      const lines = Array.from(
        { length: 30 },
        (_, line) =>
          `${String(line).padStart(2, '0')} 2024-05-${String((i % 28) + 1).padStart(2, '0')} shard-${i % 37} ` +
          `${ZEBRA_AT.includes(i) && line === 17 ? 'zebra' : 'entry'} ${'·'.repeat(55)} ${i * 31 + line}`,
      );
      steps.push({
        action: 'read_log',
        action_input: {
          file: `shard-${i % 37}.log`,
          offset: i * 40,
          pattern: variant === 'b' && i === DIFFERENT_AT ? 'WARN' : 'ERROR',
          note: '',
        },
        observation: lines.join('\n'),
        tool_status: i === ERROR_AT ? 'error' : 'success',
        ...(i === ERROR_AT ? { error: `shard-${i % 37}.log: permission denied` } : {}),
        tokens: 100 + (i % 50),
        latency_s: 0.2 + (i % 7) / 10,
      });
    }
  }
  return {
    trajectory_id: id,
    training_id: 'long-run',
    epoch_id: 0,
    sample_id: variant === 'a' ? 0 : 1,
    data_id: 'shards',
    reward: 0,
    steps,
  };
}

interface TauMessage {
  role: string;
  content: string | null;
}

let dir: string;
let server: ChildProcess | undefined;
/** A tau-bench episode with failed calls: its id, user turns, first error (0-based) and steps. */
let tau: { id: string; sibling: string; users: string[]; firstError: number; steps: unknown[] };

test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(240_000);
  const port = PORT + testInfo.workerIndex;
  BASE = `http://127.0.0.1:${port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-dash-transcript-'));
  const db = { uri: dir, readConsistencyInterval: 0 };
  expect((await ingestFiles([TAU_BENCH_FILE], { db })).rejected).toBe(0);
  const long = [longTrajectory('long-a', 'a'), longTrajectory('long-b', 'b')];
  expect(JSON.stringify(long[0].steps).length).toBeGreaterThan(5_000_000);
  const stored = await ingestRecords(
    long.map((value, i) => ({ source: 'generated', line: i + 1, value })),
    { db },
  );
  expect(stored).toMatchObject({ inserted: 2, rejected: 0 });

  // The episode of task 0, trial 3 (4 failed calls), read back as stored.
  const table = await (await connect(dir)).openTable('trajectories');
  const rows = await table
    .query()
    .where(`data_id = 'airline:0'`)
    .select(['trajectory_id', 'sample_id', 'steps_json'])
    .toArray();
  expect(rows).toHaveLength(4);
  const row = rows.find((r) => Number(r.sample_id) === 3)!;
  const steps = JSON.parse(String(row.steps_json)) as { tool_status: string | null }[];
  const raw = fs
    .readFileSync(TAU_BENCH_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"data_id": "airline:0"'))
    .map((line) => JSON.parse(line) as { sample_id: number; messages: TauMessage[] })
    .find((record) => record.sample_id === 3)!;
  tau = {
    id: String(row.trajectory_id),
    sibling: String(rows.find((r) => Number(r.sample_id) === 0)!.trajectory_id),
    users: raw.messages.filter((m) => m.role === 'user').map((m) => String(m.content)),
    firstError: steps.findIndex((step) => step.tool_status === 'error'),
    steps,
  };
  expect(tau.users.length).toBeGreaterThan(3);
  expect(tau.firstError).toBeGreaterThan(0);
  server = await startServer(port, dir);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = true): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(SHOTS, `${name}.png`));
  }
}

/** Whether the element is at least partly in the viewport. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  });
}

const windowLabel = (page: Page) => page.getByTestId('step-window-nav').first();

/** Waits until the transcript's keys work: a key pressed before the page is hydrated does nothing. */
async function keysReady(page: Page): Promise<void> {
  await expect(page.getByTestId('transcript-nav')).toHaveAttribute('data-keys', 'ready');
}

test('a tau-bench episode reads as a conversation: every user turn, the system prompt folded, calls with results', async ({
  page,
}, testInfo) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${BASE}/trajectories/${tau.id}`);
  const steps = page.getByTestId('step');
  await expect(steps).toHaveCount(tau.steps.length);
  // Every step has its anchor, numbered as the page numbers it.
  for (const n of [1, tau.steps.length])
    await expect(page.locator(`#step-${n}`)).toHaveAttribute('data-testid', 'step');

  const users = page.locator('[data-testid="step"][data-role="user"]');
  await expect(users).toHaveCount(tau.users.length);
  for (let i = 0; i < tau.users.length; i++) {
    await expect(users.nth(i)).toBeVisible();
    await expect(users.nth(i)).toContainText(tau.users[i].slice(0, 40));
  }
  // The system prompt is one line until opened.
  const system = page.getByTestId('system-turn');
  await expect(system).not.toHaveAttribute('open');
  await expect(system.locator('summary')).toContainText('Airline Agent Policy');
  await expect(system.locator('summary')).toContainText(/Show the system prompt \(\d+ lines\)/);
  // Replies are the agent's words, never an observation; a call shows its arguments as JSON beside its result.
  await expect(page.locator('[data-role="assistant"]', { hasText: 'Reply' }).first()).toBeVisible();
  await expect(page.getByText('Observation', { exact: true })).toHaveCount(0);
  const call = page.locator('#step-7');
  await expect(call).toContainText('Tool call');
  await expect(call.getByTestId('step-arguments')).toContainText('"user_id": "mia_li_3668"');
  await expect(call.getByTestId('step-result')).toContainText('Result');
  await expect(call.getByRole('button', { name: /Show all \d+ lines/ })).toBeVisible();
  // The failed calls are marked, with their message.
  const failed = page.locator('[data-testid="step"][data-failed="true"]');
  expect(await failed.count()).toBe(4);
  await expect(failed.first()).toContainText('Error');
  await expect(page.getByTestId('transcript-nav')).toContainText(`First error: step ${tau.firstError + 1}`);
  await expect(page.getByTestId('key-help')).toContainText('e first error');
  await shot(page, testInfo, 'transcript-tau-1440', false);
  await shot(page, testInfo, 'transcript-tau-full-1440');
  // "e": the first failed call, ringed, under the sticky jump bar.
  await keysReady(page);
  await page.keyboard.press('e');
  await expect(page.locator(`#step-${tau.firstError + 1}`)).toHaveAttribute('data-current', 'true');
  await shot(page, testInfo, 'transcript-tau-error-1440', false);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE}/trajectories/${tau.id}`);
  await expect(users.first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'the transcript');
  await users.first().scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'transcript-tau-390', false);
  await page.locator('#step-7').scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'transcript-tau-call-390', false);
  console.expectNone();
});

test('a step copies its link and its JSON; the link opens the window holding it, scrolled to it', async ({
  page,
  context,
}) => {
  const console = watchConsole(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  await page.goto(`${BASE}/trajectories/${tau.id}`);
  const seventh = page.locator('#step-7');
  await seventh.getByRole('button', { name: 'Copy JSON of step 7' }).click();
  await expect(seventh.getByRole('button', { name: 'Copy JSON of step 7' })).toHaveText('Copied');
  const json = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(json)).toEqual(tau.steps[6]);

  // A step deep in a 2,000-step trajectory: its window opens (not the first), and the page is scrolled to it.
  await page.goto(`${BASE}/trajectories/long-a?step=1234`);
  await expect(windowLabel(page)).toContainText('Steps 1,201–1,400 of 2,000');
  const step = page.locator('#step-1234');
  await expect(step.getByTestId('step-cost')).toHaveText(/^\d+ tokens · \d\.\d\d s$/);
  await step.getByRole('button', { name: 'Copy link to step 1234' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(`${BASE}/trajectories/long-a?step=1234#step-1234`);

  const opened = await context.newPage();
  await opened.goto(link);
  await expect(windowLabel(opened)).toContainText('Steps 1,201–1,400 of 2,000');
  await expect(opened.locator('#step-1234')).toBeVisible();
  await expect.poll(() => inView(opened, '#step-1234')).toBe(true);
  expect(await inView(opened, '#step-1201')).toBe(false);
  await opened.close();
  console.expectNone();
});

test('"first error" jumps to the first failed call, in the window or in another one', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`${BASE}/trajectories/${tau.id}`);
  await keysReady(page);
  await page.keyboard.press('e');
  const target = `#step-${tau.firstError + 1}`;
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toHaveAttribute('data-current', 'true');
  await expect.poll(() => inView(page, target)).toBe(true);

  // 2,000 steps, the first error at step 1,503: the jump opens that window.
  await page.goto(`${BASE}/trajectories/long-a`);
  await expect(windowLabel(page)).toContainText('Steps 1–200 of 2,000');
  await page.getByRole('link', { name: 'First error: step 1,503' }).click();
  await expect(page).toHaveURL(/\/trajectories\/long-a\?step=1503#step-1503$/);
  await expect(windowLabel(page)).toContainText('Steps 1,401–1,600 of 2,000');
  await expect(page.locator('#step-1503')).toHaveAttribute('data-current', 'true');
  await expect(page.locator('#step-1503')).toContainText('permission denied');
  await expect.poll(() => inView(page, '#step-1503')).toBe(true);
  console.expectNone();
});

test('with q, next and previous match walk the matching steps across windows; keys wait while typing', async ({
  page,
}, testInfo) => {
  const console = watchConsole(page);
  await page.goto(`${BASE}/trajectories/long-a?q=zebra`);
  const nav = page.getByTestId('match-nav');
  await expect(nav).toContainText('3 matching steps');
  await expect(page.getByTestId('key-help')).toContainText('n or ] next match');
  await expect(page.locator('mark')).toHaveCount(1);
  await keysReady(page);

  // Typing "n" into a field is typing, not a jump.
  await page.getByLabel('Compare with trajectory…').fill('');
  await page.getByLabel('Compare with trajectory…').press('n');
  await expect(page.getByLabel('Compare with trajectory…')).toHaveValue('n');
  expect(page.url()).toBe(`${BASE}/trajectories/long-a?q=zebra`);
  await page.getByLabel('Compare with trajectory…').blur();

  await page.keyboard.press('n');
  await expect(page).toHaveURL(/#step-30$/);
  await expect(nav).toContainText('Match 1 of 3');
  await expect(page.locator('#step-30 mark[data-current-match="true"]')).toHaveText('zebra');
  await expect.poll(() => inView(page, '#step-30 mark')).toBe(true);

  await page.keyboard.press('n');
  await expect(page).toHaveURL(/\/trajectories\/long-a\?q=zebra&step=450#step-450$/);
  await expect(windowLabel(page)).toContainText('Steps 401–600 of 2,000');
  await expect(nav).toContainText('Match 2 of 3');
  await expect(page.locator('#step-450 mark[data-current-match="true"]')).toHaveText('zebra');
  await expect.poll(() => inView(page, '#step-450 mark')).toBe(true);
  await shot(page, testInfo, 'transcript-match-1440', false);

  await page.keyboard.press('N');
  await expect(page).toHaveURL(/step=30#step-30$/);
  await expect(windowLabel(page)).toContainText('Steps 1–200 of 2,000');
  await page.keyboard.press(']');
  await expect(page).toHaveURL(/step=450#step-450$/);
  await expect(nav).toContainText('Match 2 of 3');
  await page.keyboard.press(']');
  await expect(page).toHaveURL(/step=1777#step-1777$/);
  await expect(nav).toContainText('Match 3 of 3');
  await expect(nav.getByText('Next match ›')).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('link', { name: '‹ Previous match' }).click();
  await expect(page).toHaveURL(/step=450#step-450$/);
  console.expectNone();
});

test('two trajectories side by side: aligned steps, the first difference marked, windows of 100 positions', async ({
  page,
}, testInfo) => {
  const console = watchConsole(page);
  // From the sibling list of a tau-bench episode.
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${BASE}/trajectories/${tau.id}`);
  await page
    .getByRole('list', { name: 'Samples of the same question' })
    .getByRole('listitem')
    .filter({ hasText: 'sample 0' })
    .getByRole('link', { name: 'compare' })
    .click();
  await expect(page).toHaveURL(`${BASE}/trajectories/compare?a=${tau.id}&b=${tau.sibling}`);
  const summary = page.getByTestId('difference-summary');
  await expect(summary).toContainText(/^(Identical up to step \d+|They differ from step 1); step \d+: /);
  const first = page.locator('[data-first-difference="true"]');
  await expect(first).toHaveCount(1);
  await expect(first).toContainText('First difference');
  const rows = page.getByTestId('compare-row');
  expect(await rows.count()).toBeGreaterThan(10);
  await shot(page, testInfo, 'transcript-compare-1440', false);
  await first.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'transcript-compare-difference-1440', false);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(first).toBeVisible();
  await expectNoSidewaysScroll(page, 'the transcript');
  await shot(page, testInfo, 'transcript-compare-390', false);
  await first.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'transcript-compare-difference-390', false);

  // Two 2,000-step trajectories that part at step 1,234: the page opens the window holding it.
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${BASE}/trajectories/compare?a=long-a&b=long-b`);
  await expect(summary).toHaveText('Identical up to step 1,233; step 1,234: different arguments.');
  await expect(windowLabel(page)).toContainText('Steps 1,201–1,300 of 2,000');
  await expect(rows).toHaveCount(100);
  await expect(page.locator('#step-1234')).toHaveAttribute('data-first-difference', 'true');
  await expect(page.locator('#step-1234')).toContainText('arguments differ');
  await expect(page.locator('#step-1233')).toContainText('same in both');
  await expect(page.locator('#step-1234 [data-testid="step-arguments"]').first()).toContainText('"ERROR"');
  await expect(page.locator('#step-1234 [data-testid="step-arguments"]').last()).toContainText('"WARN"');
  // Empty strings read as "".
  await expect(page.locator('#step-1234 [data-testid="step-arguments"]').first()).toContainText('"note": ""');
  await page.getByRole('link', { name: 'Go to step 1,234 →' }).click();
  await expect.poll(() => inView(page, '#step-1234')).toBe(true);
  await page.goto(`${BASE}/trajectories/compare?a=long-a&b=long-b&step=1`);
  await expect(windowLabel(page)).toContainText('Steps 1–100 of 2,000');
  await expect(page.locator('[data-first-difference="true"]')).toHaveCount(0);

  // An unknown side says which.
  await page.goto(`${BASE}/trajectories/compare?a=long-a&b=nope`);
  await expect(page.getByTestId('bad-link')).toContainText('unknown trajectory "nope"');
  console.expectNone();
});

test('a 5 MB, 2,000-step trajectory: its page and the side-by-side page stay small and fast', async () => {
  const measure = async (url: string) => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const answer = await fetch(`${BASE}${url}`);
      bytes = (await answer.arrayBuffer()).byteLength;
      times.push(performance.now() - started);
      expect(answer.status, url).toBe(200);
    }
    const median = [...times].sort((a, b) => a - b)[1];
    const line = `${url}: ${Math.round(median)} ms (median of 3), ${(bytes / 1e6).toFixed(2)} MB of HTML`;
    test.info().annotations.push({ type: 'measured', description: line });
    globalThis.console.log(line);
    return bytes;
  };
  expect(await measure('/trajectories/long-a?step=1234')).toBeLessThan(3_000_000);
  expect(await measure('/trajectories/long-a?step=1234&q=zebra')).toBeLessThan(3_000_000);
  expect(await measure('/trajectories/compare?a=long-a&b=long-b')).toBeLessThan(5_000_000);
});
