import { expect, test } from '@playwright/test';
import { scenarioRun, type ScenarioRun } from '../lib/test-support/health-scenarios';
import {
  expectDrawn,
  expectNoSidewaysScroll,
  serveRecords,
  shooter,
  watchConsole,
  type ServedRecords,
} from './helpers';

// It loads runs of its own (a pathology injected at a known epoch, a clean run, a run too small to judge and a run
// still writing), so it has its own server on its own database: the shared fixture database stays as it is.
const PORT = Number(process.env.E2E_HEALTH_PORT ?? 3147);
const BASE = `http://127.0.0.1:${PORT}`;
/** Where the screenshots go besides the test results, when set (for looking at them). */
const SHOTS = process.env.HEALTH_SHOTS_DIR;

const SICK = scenarioRun('tool_errors', 1);
const CLEAN = scenarioRun('clean', 1);
/** 2 epochs × 2 questions × 2 samples: no epoch has the 50 rows the detectors need. */
const TINY = scenarioRun('clean', 2, { epochs: 2, questions: 2, samples: 2 });
/** Three full epochs of 256 rows and the fourth cut to its first 40: a run still writing. */
const LIVE_ROWS = 40;
const LIVE = ((run: ScenarioRun): ScenarioRun => {
  const last = 3;
  const kept = run.records.filter((r) => r.epoch_id !== last);
  return {
    ...run,
    records: [...kept, ...run.records.filter((r) => r.epoch_id === last).slice(0, LIVE_ROWS)],
  };
})(scenarioRun('clean', 3, { epochs: 4 }));

const injection = SICK.injection!;
/** The alert the injected pathology raises: its tool fails at the onset epoch (ids are run:detector:subject:epoch). */
const ALERT_ID = `${SICK.trainingId}:tool_errors:${injection.subject}:${injection.epoch}`;

let served: ServedRecords | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const runs = [SICK, CLEAN, TINY, LIVE];
  served = await serveRecords(
    'rl-dash-health-',
    PORT,
    Object.fromEntries(runs.map((run) => [run.trainingId, run.records])),
  );
});

test.afterAll(() => served?.stop());

const healthOf = (trainingId: string, alert?: string) =>
  `${BASE}/analysis?training_id=${encodeURIComponent(trainingId)}&tab=health${alert ? `&alert=${encodeURIComponent(alert)}` : ''}`;

const shoot = shooter(SHOTS);

test('the Health tab lists the injected alert with examples that open real trajectories', async ({
  page,
}, testInfo) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(healthOf(SICK.trainingId));
  await expect(page.getByTestId('tab-health')).toHaveAttribute('aria-current', 'page');

  const alert = page.locator(`[data-testid="health-alert"][data-alert-id="${ALERT_ID}"]`);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('critical');
  await expect(alert).toContainText(`Tool errors · ${injection.subject}`);
  await expect(alert).toContainText(`First epoch${injection.epoch}`);
  await expect(alert).toContainText(`of ${injection.subject} calls failed at epoch ${injection.epoch}`);

  // The view behind it: that epoch's failures where that tool failed.
  await expect(alert.getByTestId('health-alert-view')).toHaveAttribute(
    'href',
    `/analysis?training_id=${SICK.trainingId}&epoch_id=${injection.epoch}&tool_failed=${injection.subject}&tab=failures`,
  );

  // The detector's card draws its lines and marks where it fired.
  await expectDrawn(page, 'card-health-tool_errors', 'path.recharts-curve');
  await expect(page.getByTestId('card-health-tool_errors')).toContainText('critical · 1');
  await shoot(page, testInfo, 'health-tab-1440');

  const examples = alert.getByTestId('health-alert-example');
  const count = await examples.count();
  expect(count).toBeGreaterThanOrEqual(3);
  expect(count).toBeLessThanOrEqual(5);
  const hrefs = await examples.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).toMatch(/^\/trajectories\/t_[0-9a-f]+$/);

  // Every example is a real trajectory page of the run, at the alert's epoch, that says it is an example of it.
  for (const href of hrefs) {
    const response = await page.goto(`${BASE}${href}`);
    expect(response?.status(), href).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      decodeURIComponent(href.split('/').pop()!),
    );
    await expect(page.getByText(`Failures of ${SICK.trainingId}, epoch ${injection.epoch}`)).toBeVisible();
    const lines = page.getByTestId('trajectory-alerts');
    await expect(lines).toContainText(`of ${injection.subject} calls failed`);
    await expect(lines.getByRole('link', { name: 'See on the Health tab →' }).first()).toHaveAttribute(
      'href',
      `/analysis?training_id=${SICK.trainingId}&tab=health&alert=${ALERT_ID}`,
    );
  }
  await shoot(page, testInfo, 'trajectory-example-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId('trajectory-alerts')).toBeVisible();
  await shoot(page, testInfo, 'trajectory-example-390');
  console.expectNone();
});

test('an alert= link highlights that alert and scrolls to it', async ({ page }, testInfo) => {
  const console = watchConsole(page);
  // Short, so the alert list's first entry sits below the fold unless the page scrolls to it.
  await page.setViewportSize({ width: 390, height: 500 });
  await page.goto(healthOf(SICK.trainingId, ALERT_ID));
  const alert = page.locator(`[data-alert-id="${ALERT_ID}"]`);
  await expect(alert).toHaveAttribute('data-highlighted', 'true');
  await expect(alert).toHaveAttribute('aria-current', 'true');
  await expect(alert).toBeInViewport();
  expect(await page.locator('[data-testid="health-alert"][data-highlighted]').count()).toBe(1);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectDrawn(page, 'card-health-tool_errors', 'path.recharts-curve');
  // Nothing sticks out sideways on a phone.
  await expectNoSidewaysScroll(page, 'the Health tab at 390 px');
  await shoot(page, testInfo, 'health-tab-390');

  // An alert link without its run opens the alert's run.
  await page.goto(`${BASE}/analysis?tab=health&alert=${encodeURIComponent(ALERT_ID)}`);
  await expect(page).toHaveURL(new RegExp(`training_id=${SICK.trainingId}`));
  await expect(page.locator(`[data-alert-id="${ALERT_ID}"]`)).toHaveAttribute('data-highlighted', 'true');
  console.expectNone();
});

test("the home page shows each run's health badge, linking to its Health tab", async ({ page }, testInfo) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${BASE}/`);
  const list = page.getByTestId('training-list');
  const row = (id: string) =>
    list.getByRole('row').filter({ has: page.getByRole('link', { name: id, exact: true }) });
  const sick = row(SICK.trainingId).getByTestId('health-badge');
  await expect(sick).toHaveAttribute('data-level', 'critical');
  await expect(sick).toHaveText(/^critical · \d+$/);
  await expect(row(CLEAN.trainingId).getByTestId('health-badge')).toHaveText('ok');
  await expect(row(TINY.trainingId).getByTestId('health-badge')).toHaveText('not judged');
  await shoot(page, testInfo, 'home-badges-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(sick).toBeVisible();
  await shoot(page, testInfo, 'home-badges-390');

  await sick.click();
  await expect(page).toHaveURL(`${BASE}/analysis?training_id=${SICK.trainingId}&tab=health`);
  await expect(page.locator(`[data-alert-id="${ALERT_ID}"]`)).toBeVisible();

  // The overview of the run carries the same badge.
  await page.goto(`${BASE}/analysis?training_id=${SICK.trainingId}`);
  await expect(page.getByTestId('run-health-strip').getByTestId('health-badge')).toHaveAttribute(
    'data-level',
    'critical',
  );
  console.expectNone();
});

test('a clean run says it is healthy; a run too small to judge says so; a live run shows its partial epoch', async ({
  page,
}, testInfo) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(healthOf(CLEAN.trainingId));
  await expect(page.getByTestId('health-ok')).toHaveText(
    'No warning or critical alert: every detector is within its baseline.',
  );
  expect(await page.getByTestId('health-alert').count()).toBe(0);
  await expectDrawn(page, 'card-health-reward_collapse', 'path.recharts-curve');
  await shoot(page, testInfo, 'health-clean-1440');

  await page.goto(healthOf(TINY.trainingId));
  await expect(page.getByTestId('health-note')).toContainText(
    'No epoch of this run has enough rows to judge yet: the detectors judge an epoch from 50 rows on',
  );
  await expect(page.getByTestId('health-ok')).toHaveCount(0);

  await page.goto(healthOf(LIVE.trainingId));
  const live = page.getByTestId('card-health-live');
  await expect(live).toBeVisible();
  await expect(live.getByTestId('health-live-epoch')).toContainText(`Latest epoch 3: ${LIVE_ROWS} rows`);
  await expect(live.getByTestId('health-live-epoch')).toContainText('partial');
  const rollouts = live.getByRole('link');
  expect(await rollouts.count()).toBe(10);
  await expect(rollouts.first()).toHaveAttribute('href', /^\/trajectories\//);
  await expect(page.getByTestId('card-health-reward_collapse')).toContainText(
    'Not judged: epoch 3 (40 rows): fewer than 50 rows.',
  );
  await shoot(page, testInfo, 'health-live-1440');
  console.expectNone();
});
