import { expect, test, type Page } from '@playwright/test';
import { scenarioRun } from '../lib/test-support/health-scenarios';
import {
  expectDrawn,
  expectNoSidewaysScroll,
  serveRecords,
  shooter,
  watchConsole,
  type ServedRecords,
} from './helpers';

// 40 runs named as tau2-bench's are (4 models × domains), more than the comparison once took (12): they have a server
// of their own on a database of their own, so the shared fixture database stays as it is.
const PORT = Number(process.env.E2E_COMPARISON_PORT ?? 3157);
const BASE = `http://127.0.0.1:${PORT}`;
/** Where the screenshots go besides the test results, when set (for looking at them). */
const SHOTS = process.env.COMPARISON_SHOTS_DIR;

const RUNS = 40;
const DOMAINS = ['airline', 'retail', 'telecom', 'mock'];
const MODELS = ['grok-3', 'gpt-4.1', 'claude-3-7-sonnet', 'o4-mini'];
/** "tau2-384954369-airline-grok-3": the end says the domain and the model. */
const runName = (i: number) =>
  `tau2-${384954369 + i * 7919}-${DOMAINS[i % 4]}-${MODELS[Math.floor(i / 4) % 4]}`;
const NAMES = Array.from({ length: RUNS }, (_, i) => runName(i));
/** Small runs (4 epochs × 16 questions × 4 samples), each learning at its own pace (seed). */
const OPTIONS = { epochs: 4, questions: 16, samples: 4 } as const;

let served: ServedRecords | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const records = NAMES.flatMap((name, i) =>
    scenarioRun('clean', i + 1, OPTIONS).records.map((r) => ({ ...r, training_id: name })),
  );
  served = await serveRecords('rl-dash-comparison-', PORT, { runs: records });
});

test.afterAll(() => served?.stop());

const shoot = shooter(SHOTS);

const lineCount = (page: Page, card: string) => page.getByTestId(card).locator('path.recharts-line-curve');

test('the home page compares all 40 runs: every run in the table, the best 5 on the charts', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${BASE}/`);
  const link = page.getByTestId('compare-all');
  await expect(link).toHaveText(`Compare all ${RUNS} trainings →`);
  await link.click();
  await expect(page).toHaveURL(/tab=comparison/);
  const ids = new URL(page.url()).searchParams.get('training_ids')!.split(',');
  expect(ids.sort()).toEqual([...NAMES].sort());

  // No error: the table answers every run.
  const rows = page.getByTestId('comparison-row');
  await expect(rows).toHaveCount(RUNS);
  await expect(page.getByText(/at most \d+ trainings/)).toHaveCount(0);

  // The charts draw the best five, and say so.
  await expect(page.getByTestId('shown-note')).toHaveText(
    `The charts show the best 5 of ${RUNS} runs by their latest epoch's pass@1, best first; the table lists all ${RUNS}.`,
  );
  await expectDrawn(page, 'card-comparison-pass-epochs', 'path.recharts-line-curve');
  await expect(lineCount(page, 'card-comparison-pass-epochs')).toHaveCount(5);
  await expect(lineCount(page, 'card-comparison-reward-epochs')).toHaveCount(5);
  await expect(page.locator('tr[data-testid="comparison-row"][data-shown="true"]')).toHaveCount(5);
  // The table is best first: the drawn runs are its first five rows.
  const drawn = await page
    .locator('tr[data-testid="comparison-row"][data-shown="true"]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run')));
  const firstFive = await rows.evaluateAll((trs) => trs.slice(0, 5).map((tr) => tr.getAttribute('data-run')));
  expect(drawn).toEqual(firstFive);

  // Rate axes start at 0; tick labels are all different.
  for (const card of ['card-comparison-pass-epochs', 'card-comparison-reward-epochs']) {
    const ticks = await page
      .getByTestId(card)
      .locator('.recharts-yAxis .recharts-cartesian-axis-tick-value')
      .evaluateAll((texts) => texts.map((text) => text.textContent ?? ''));
    expect(ticks.length, card).toBeGreaterThanOrEqual(2);
    expect(new Set(ticks).size, `${card}: ${ticks.join(' ')}`).toBe(ticks.length);
    if (card === 'card-comparison-pass-epochs') expect(ticks[0]).toBe('0.0%');
  }

  await expectNoSidewaysScroll(page, 'comparison at 1440');
  await shoot(page, testInfo, 'comparison-40-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(rows).toHaveCount(RUNS);
  await expectNoSidewaysScroll(page, 'comparison at 390');
  // The legends name the drawn runs whole (but the "tau2-" they share), each entry within the card on a phone.
  const legend = page.getByTestId('card-comparison-pass-epochs').getByTestId('run-legend').locator('li');
  await expect(legend).toHaveCount(5);
  const entries = await legend.evaluateAll((items) =>
    items.map((item) => ({
      text: (item as HTMLElement).innerText.trim(),
      fits: item.scrollWidth <= item.clientWidth && item.getBoundingClientRect().right <= window.innerWidth,
    })),
  );
  expect(entries).toEqual(drawn.map((id) => ({ text: id!.slice('tau2-'.length), fits: true })));
  await shoot(page, testInfo, 'comparison-40-390');
  console.expectNone();
});

test('the charts draw the runs `shown` names', async ({ page }) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  const shown = [NAMES[3], NAMES[17]];
  await page.goto(
    `${BASE}/analysis?tab=comparison&training_ids=${NAMES.join(',')}&shown=${shown.map(encodeURIComponent).join(',')}`,
  );
  await expect(page.getByTestId('comparison-row')).toHaveCount(RUNS);
  await expect(page.getByTestId('shown-note')).toContainText(`The charts show the 2 runs chosen of ${RUNS}`);
  await expectDrawn(page, 'card-comparison-pass-epochs', 'path.recharts-line-curve');
  await expect(lineCount(page, 'card-comparison-pass-epochs')).toHaveCount(2);
  await page.getByRole('button', { name: 'show the best 5' }).click();
  await expect(lineCount(page, 'card-comparison-pass-epochs')).toHaveCount(5);
  await expect(page).not.toHaveURL(/shown=/);
  console.expectNone();
});

test('the API compares all 40 runs', async ({ request }) => {
  const response = await request.get(
    `${BASE}/api/analysis-stats/training-comparison?training_ids=${NAMES.map(encodeURIComponent).join(',')}`,
  );
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.trainings).toHaveLength(RUNS);
  expect(body.paired).toHaveLength(RUNS - 1);
});

test('the Questions tab lists the other runs in a menu, never wider than the screen', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const console = watchConsole(page);
  const run = NAMES[0];
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${BASE}/analysis?tab=questions&training_id=${encodeURIComponent(run)}`);
    const menu = page.getByTestId('disagree-with');
    await expect(menu).toBeVisible();
    await expectNoSidewaysScroll(page, `questions tab at ${width}`);
    await shoot(page, testInfo, `questions-40-${width}`);
    await menu.locator('summary').click();
    const links = page.getByTestId('disagree-with-list').getByRole('link');
    await expect(links).toHaveCount(RUNS - 1);
    await expectNoSidewaysScroll(page, `questions tab with the menu open at ${width}`);
    await shoot(page, testInfo, `questions-40-menu-${width}`);
  }
  // A run from the menu opens the questions the two disagree on.
  await page.getByTestId('disagree-with-list').getByRole('link', { name: NAMES[21] }).click();
  await expect(page).toHaveURL(/\/questions\?training_ids=/);
  await expect(page.getByTestId('disagreement-row').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'disagreement page at 390');

  // One question across all 40 runs.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE}/questions/q-0`);
  await expect(page.getByTestId('question-run')).toHaveCount(RUNS);
  await expectNoSidewaysScroll(page, 'a question across runs at 390');
  await shoot(page, testInfo, 'question-across-40-390');
  await page.setViewportSize({ width: 1440, height: 900 });
  await expectNoSidewaysScroll(page, 'a question across runs at 1440');
  await shoot(page, testInfo, 'question-across-40-1440');
  console.expectNone();
});
