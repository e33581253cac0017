import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { DEMO_CAMPAIGN, DEMO_TRAININGS } from './fixture';
import { expectNoSidewaysScroll, tileNumber, watchConsole } from './helpers';

/**
 * Links as researchers share them (a chat tool appends `utm_source`), and what the page says about the filters in
 * effect: the Failures tab's default reward cap, an empty result, Reset, an epoch range, a figure pooled over epochs;
 * and the pages on a phone. Reads the shared fixture database (e2e/fixture.ts) and writes nothing to it.
 */

const RUN = DEMO_TRAININGS[0];
const PER_TRAINING = DEMO_CAMPAIGN.epochs * DEMO_CAMPAIGN.questions * DEMO_CAMPAIGN.samples;
const PER_EPOCH = DEMO_CAMPAIGN.questions * DEMO_CAMPAIGN.samples;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** Screenshots are kept with the test results, and copied to SHOTS_DIR when it is set. */
async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  const dir = process.env.SHOTS_DIR;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(file, path.join(dir, `${name}.png`));
  }
}

/** The number at the start of the failure list's scope line ("390 trajectories with reward ≤ 0.5 …"). */
async function listTotal(page: Page): Promise<number> {
  const text = await page.getByTestId('failure-scope').innerText();
  return Number(text.replace(/,/g, '').match(/^\d+/)![0]);
}

/** A failing trajectory of the run, with its question and epoch (for the drawer, the question and group pages). */
async function aFailure(page: Page) {
  const response = await page.request.get(`/api/analysis-stats/failure-cases?training_id=${RUN}&limit=1`);
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as {
    data: { trajectory_id: string; data_id: string; epoch_id: number }[];
  };
  expect(data).toHaveLength(1);
  return data[0];
}

test('a shared link with a parameter the page does not know opens the view, and its links drop it', async ({
  page,
  request,
}) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?training_id=${RUN}&utm_source=slack&tab=failures`);
  await expect(page.getByTestId('tab-failures')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('failure-row').first()).toBeVisible();
  await expect(page.getByTestId('bad-link')).toHaveCount(0);

  // Every link the page makes (tabs, sort headers, rows, pages, the list links) leaves the unknown parameter out.
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(hrefs.filter((href) => href.includes('training_id=')).length).toBeGreaterThan(10);
  expect(hrefs.filter((href) => href.includes('utm_source'))).toEqual([]);

  // The other pages too: the trajectory, its question across runs, its group, the disagreement of two runs.
  const failure = await aFailure(page);
  for (const url of [
    `/trajectories/${encodeURIComponent(failure.trajectory_id)}?utm_source=slack&fbclid=x`,
    `/questions/${encodeURIComponent(failure.data_id)}?training_id=${RUN}&utm_source=slack`,
    `/groups/${RUN}/${failure.epoch_id}/${encodeURIComponent(failure.data_id)}?utm_source=slack`,
    `/questions?training_ids=${DEMO_TRAININGS[0]},${DEMO_TRAININGS[1]}&utm_source=slack`,
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.getByTestId('bad-link'), url).toHaveCount(0);
    const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(
      links.filter((href) => href.includes('utm_source')),
      url,
    ).toEqual([]);
  }

  // The API stays strict: an unknown parameter is a 400 naming it.
  const api = await request.get(`/api/analysis-stats/summary?training_id=${RUN}&utm_source=slack`);
  expect(api.status()).toBe(400);
  expect(JSON.stringify(await api.json())).toContain('utm_source');
  console.expectNone();
});

test('the Failures tab shows its reward cap as a chip, and lifting it lists every trajectory', async ({
  page,
  request,
}, testInfo) => {
  const console = watchConsole(page);
  await page.setViewportSize(DESKTOP);
  await page.goto(`/analysis?training_id=${RUN}&tab=failures`);
  const cap = page.getByTestId('filter-chips').getByRole('listitem').filter({ hasText: 'failures default' });
  await expect(cap).toHaveText(/reward ≤ 0\.5 \(failures default\)/);
  await expect(page.getByTestId('filter-reward-max')).toHaveAttribute('placeholder', '0.5');
  const failing = await listTotal(page);
  await shot(page, testInfo, 'failures-1440');
  await page.setViewportSize(PHONE);
  await expect(cap).toBeInViewport();
  await shot(page, testInfo, 'failures-390');
  await page.setViewportSize(DESKTOP);

  await page.getByRole('button', { name: /Lift the failures default/ }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('reward_max') === 'any');
  await expect(page.getByTestId('filter-chips')).toContainText('all rewards (failures default lifted)');
  await expect(page.getByTestId('filter-reward-max')).toHaveValue('any');
  await expect.poll(() => listTotal(page)).toBeGreaterThan(failing);
  const all = await listTotal(page);
  expect(all).toBe(PER_TRAINING);
  // The API takes the same value and agrees.
  const api = await request.get(
    `/api/analysis-stats/failure-cases?training_id=${RUN}&reward_max=any&limit=1`,
  );
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { total: number; filters_applied: Record<string, unknown> };
  expect([body.total, body.filters_applied.reward_max]).toEqual([all, 'any']);

  // The plain list link beside the failures goes back and forth.
  await page.getByTestId('failures-only-link').click();
  await expect(page).toHaveURL((url) => !url.searchParams.has('reward_max'));
  await expect.poll(() => listTotal(page)).toBe(failing);
  await page.getByTestId('all-trajectories-link').click();
  await expect.poll(() => listTotal(page)).toBe(all);
  console.expectNone();
});

test('an empty result names the filter that emptied it, with the link that removes it', async ({ page }) => {
  const console = watchConsole(page);
  // reward ≥ 1 under the failures' cap of 0.5: both bounds are named, each with its way out.
  await page.goto(`/analysis?training_id=${RUN}&tab=failures&reward_min=1`);
  const cause = page.getByTestId('empty-cause');
  await expect(cause).toHaveText(
    'No trajectory has reward ≥ 1 and reward ≤ 0.5 (failures default) in this run: remove one of them',
  );
  const fixes = page.getByTestId('empty-fix');
  await expect(fixes).toHaveCount(2);
  await expect(fixes.nth(0)).toContainText('Remove reward ≥ 1');
  await expect(fixes.nth(1)).toContainText('Show all rewards (lift the failures default)');
  await fixes.nth(1).getByRole('link').click();
  await expect(page).toHaveURL((url) => url.searchParams.get('reward_max') === 'any');
  await expect(page.getByTestId('failure-row').first()).toBeVisible();

  // A bound nothing reaches, on the overview: the one filter, named.
  await page.goto(`/analysis?training_id=${RUN}&reward_min=1.5`);
  await expect(page.getByTestId('empty-cause')).toHaveText(
    'No trajectory has reward ≥ 1.5 in this run: remove that filter',
  );
  await page.getByTestId('empty-fix').getByRole('link').click();
  await expect(page).toHaveURL((url) => !url.searchParams.has('reward_min'));
  await expect.poll(() => tileNumber(page, 'kpi-trajectories')).toBe(PER_TRAINING);
  console.expectNone();
});

test('Reset filters keeps the run that was open, and its chip', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?training_id=${RUN}&epoch_id=2&reward_min=0&tab=failures`);
  await expect(page.getByTestId('failure-row').first()).toBeVisible();
  await page.getByTestId('filter-reset').click();
  await expect(page).toHaveURL(
    (url) => !url.searchParams.has('epoch_id') && !url.searchParams.has('reward_min'),
  );
  expect(new URL(page.url()).searchParams.get('training_id')).toBe(RUN);
  await expect(page.getByTestId('filter-chips')).toContainText(`training: ${RUN}`);
  // The picker shows the run as its chip (the full name in its title), not its placeholder.
  const picker = page.getByTestId('filter-training');
  await expect(picker.getByTestId('multi-select-chip')).toHaveCount(1);
  await expect(picker.getByTestId('multi-select-chip')).toHaveAttribute('title', RUN);
  await expect(picker.getByText(RUN, { exact: true }).filter({ visible: true })).toHaveCount(1);
  await expect(picker.getByText('Latest training').filter({ visible: true })).toHaveCount(0);
  await expect(page.getByTestId('filter-reset')).toBeDisabled();
  console.expectNone();
});

test('the epoch selector shows a range from the URL and sets one', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?training_id=${RUN}&epoch_min=2&epoch_max=4`);
  const select = page.getByTestId('filter-epoch');
  await expect(select.locator('option:checked')).toHaveText('Epochs 2–4');
  await expect(page.getByTestId('filter-epoch-min')).toHaveValue('2');
  await expect(page.getByTestId('filter-epoch-max')).toHaveValue('4');
  expect(await tileNumber(page, 'kpi-trajectories')).toBe(3 * PER_EPOCH);
  await expect(page.getByTestId('pooled-note')).toContainText('Pooled over 3 epochs (epochs 2–4)');

  await page.getByTestId('filter-epoch-min').selectOption('1');
  await expect(page).toHaveURL(
    (url) => url.searchParams.get('epoch_min') === '1' && url.searchParams.get('epoch_max') === '4',
  );
  await expect.poll(() => tileNumber(page, 'kpi-trajectories')).toBe(4 * PER_EPOCH);

  // From one epoch to a range, through the selector alone.
  await select.selectOption({ label: 'All epochs' });
  await expect(page).toHaveURL((url) => !url.searchParams.has('epoch_min'));
  await select.selectOption({ label: 'Epoch range…' });
  await page.getByTestId('filter-epoch-max').selectOption('0');
  await expect(page).toHaveURL(
    (url) => url.searchParams.get('epoch_min') === '0' && url.searchParams.get('epoch_max') === '0',
  );
  await expect.poll(() => tileNumber(page, 'kpi-trajectories')).toBe(PER_EPOCH);
  console.expectNone();
});

test('the overview says what it pools and labels its counts as what they count', async ({ page }) => {
  await page.goto(`/analysis?training_id=${RUN}`);
  const { epochs, questions } = DEMO_CAMPAIGN;
  await expect(page.getByTestId('pooled-note')).toContainText(
    `Pooled over ${epochs} epochs (epochs 0–${epochs - 1})`,
  );
  const tile = page.getByTestId('kpi-questions');
  await expect(tile.locator('dt')).toHaveText('Question-epochs');
  expect(await tileNumber(page, 'kpi-questions')).toBe(epochs * questions);
  await expect(tile).toContainText(`of ${questions} questions`);
  await expect(page.getByTestId('kpi-trajectories')).toContainText(`pooled over ${epochs} epochs`);
  await expect(page.getByTestId('card-termination')).toContainText(`pooled over ${epochs} epochs`);

  // One epoch pools nothing: plain questions, no note.
  await page.goto(`/analysis?training_id=${RUN}&epoch_id=1`);
  await expect(page.getByTestId('kpi-questions').locator('dt')).toHaveText('Questions');
  await expect(page.getByTestId('pooled-note')).toHaveCount(0);
});

test('on a phone the drawer fits and the failure table scrolls in its card', async ({ page }, testInfo) => {
  const console = watchConsole(page);
  await page.setViewportSize(PHONE);
  const failure = await aFailure(page);
  await page.goto(`/analysis?training_id=${RUN}&tab=failures`);
  // The table's headers never print over each other: each holds its label.
  const headers = page.getByTestId('failure-table').locator('thead th');
  await expect(headers).toHaveCount(7);
  const overflowing = await headers.evaluateAll((cells) =>
    cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent),
  );
  expect(overflowing).toEqual([]);

  await page.goto(`/analysis?training_id=${RUN}&tab=failures&trajectory=${failure.trajectory_id}`);
  const drawer = page.getByTestId('trajectory-drawer');
  const close = page.getByRole('button', { name: 'Close trajectory' });
  await expect(close).toBeInViewport({ ratio: 1 });
  const box = (await drawer.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  // The drawer's content scrolls within it.
  const body = drawer.locator('> div').last();
  const scroll = await body.evaluate((element) => {
    element.scrollTop = 200;
    return { top: element.scrollTop, overflows: element.scrollHeight > element.clientHeight };
  });
  expect(scroll.overflows).toBe(true);
  expect(scroll.top).toBeGreaterThan(0);
  await body.evaluate((element) => (element.scrollTop = 0));
  await shot(page, testInfo, 'drawer-390');
  await close.click();
  await expect(drawer).toHaveCount(0);
  console.expectNone();
});

test('no page is wider than the viewport, on a phone or a desktop', async ({ page }) => {
  const failure = await aFailure(page);
  const urls = [
    `/analysis?training_id=${RUN}`,
    `/analysis?training_id=${RUN}&tab=failures`,
    `/analysis?training_id=${RUN}&tab=failures&reward_min=1`,
    `/questions?training_ids=${DEMO_TRAININGS[0]},${DEMO_TRAININGS[1]}`,
    `/questions/${encodeURIComponent(failure.data_id)}`,
    `/trajectories/${encodeURIComponent(failure.trajectory_id)}`,
    `/groups/${RUN}/${failure.epoch_id}/${encodeURIComponent(failure.data_id)}`,
  ];
  expect(urls).toHaveLength(7);
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    for (const url of urls) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await expectNoSidewaysScroll(page, `${url} at ${viewport.width} px`);
    }
  }
});
