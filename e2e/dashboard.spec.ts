import { expect, test } from '@playwright/test';
import {
  DEMO_CAMPAIGN,
  DEMO_TRAININGS,
  HOSTILE_TRAINING,
  TAU_TRAINING,
  XSS_TRAINING,
  XSS_TRAJECTORY_ID,
} from './fixture';
import { expectDrawn, screenshot, tileNumber, watchConsole } from './helpers';

const PER_TRAINING = DEMO_CAMPAIGN.epochs * DEMO_CAMPAIGN.questions * DEMO_CAMPAIGN.samples;
const PER_EPOCH = DEMO_CAMPAIGN.questions * DEMO_CAMPAIGN.samples;

test('the home page lists every training and leads to its analysis', async ({ page }, testInfo) => {
  const console = watchConsole(page);
  await page.goto('/');
  const list = page.getByTestId('training-list');
  for (const id of [...DEMO_TRAININGS, TAU_TRAINING, XSS_TRAINING, HOSTILE_TRAINING])
    await expect(list).toContainText(id);
  // One pass@1 sparkline per scored training: the demo runs, tau-bench, the xss and the hostile runs.
  await expect(list.getByTestId('pass-sparkline')).toHaveCount(DEMO_TRAININGS.length + 3);
  await screenshot(page, testInfo, 'home');
  // A run's name opens its Progress tab (is it learning); its overview has the pooled figures.
  await list.getByRole('link', { name: TAU_TRAINING, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`training_id=${TAU_TRAINING}`));
  await expect(page.getByTestId('tab-progress')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('tab-overview').click();
  // The real dataset's known figures, as the page shows them.
  expect(await tileNumber(page, 'kpi-trajectories')).toBe(200);
  await expect(page.getByTestId('kpi-pass-at-1')).toContainText('42.0%');
  await expect(page.getByTestId('kpi-pass-at-k')).toContainText('pass@4');
  await expect(page.getByTestId('kpi-pass-at-k')).toContainText('72.0%');
  await expect(page.getByTestId('kpi-avg-reward')).toContainText('0.420');
  console.expectNone();
});

test('overview draws every chart', async ({ page }, testInfo) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?training_id=${DEMO_TRAININGS[0]}`);
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-current', 'page');
  expect(await tileNumber(page, 'kpi-trajectories')).toBe(PER_TRAINING);
  await expectDrawn(page, 'card-termination', '[data-testid=termination-donut] path');
  await expectDrawn(page, 'card-process-reward', '.recharts-scatter-symbol');
  await expect(page.getByTestId('card-reward-categories')).toContainText('Perfect');
  await expect(page.getByTestId('card-tool-returns')).toContainText('python');
  await screenshot(page, testInfo, 'tab-overview');
  console.expectNone();
});

test('training progress draws curves, and clicking a point narrows to that epoch', async ({
  page,
}, testInfo) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=progress&training_id=${DEMO_TRAININGS[1]}`);
  await page.waitForLoadState('networkidle');
  for (const card of ['card-progress-reward', 'card-progress-pass', 'card-progress-tools'])
    await expectDrawn(page, card, '.recharts-line-curve[d]');
  await expectDrawn(page, 'card-progress-termination', '.recharts-bar-rectangle rect');
  await screenshot(page, testInfo, 'tab-progress');

  const chart = page.getByTestId('card-progress-reward').locator('.recharts-wrapper');
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5);
  const dot = chart.locator('.recharts-active-dot circle').first();
  await expect(dot).toBeVisible();
  // The active dot re-renders under the pointer: click where it is rather than on the element.
  const at = (await dot.boundingBox())!;
  await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
  await expect(page).toHaveURL(/epoch_id=\d+/);
  const epoch = Number(new URL(page.url()).searchParams.get('epoch_id'));
  await expect(page.getByTestId('filter-epoch')).toHaveValue(String(epoch));
  console.expectNone();
});

test('comparison puts runs side by side on the same questions', async ({ page }, testInfo) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=comparison&training_ids=${DEMO_TRAININGS[0]},${DEMO_TRAININGS[1]}`);
  const table = page.getByTestId('comparison-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table).toContainText(DEMO_TRAININGS[1]);
  await expectDrawn(page, 'card-comparison-pass', '.recharts-bar-rectangle rect');
  await expectDrawn(page, 'card-comparison-pass-epochs', '.recharts-line-curve[d]');
  await expectDrawn(page, 'card-comparison-termination', '.recharts-bar-rectangle rect');
  await screenshot(page, testInfo, 'tab-comparison');

  // Adding a run through the picker writes it to the URL and to the table.
  await page.getByTestId('run-picker').getByRole('button').first().click();
  await page.getByRole('option', { name: DEMO_TRAININGS[2] }).click();
  await expect(page).toHaveURL(new RegExp(`training_ids=.*${DEMO_TRAININGS[2]}`));
  await page.keyboard.press('Escape');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  console.expectNone();
});

test('a pasted failures link reproduces the exact view', async ({ page, request }, testInfo) => {
  const console = watchConsole(page);
  const filters = `training_id=${DEMO_TRAININGS[2]}&epoch_id=4&termination_reason=timeout,max_turns&reward_max=0`;
  await page.goto(`/analysis?tab=failures&${filters}`);
  await expect(page.getByTestId('tab-failures')).toHaveAttribute('aria-current', 'page');
  const chips = page.getByTestId('filter-chips');
  for (const text of [DEMO_TRAININGS[2], 'timeout', 'max_turns']) await expect(chips).toContainText(text);
  await expect(page.getByTestId('filter-epoch')).toHaveValue('4');

  const api = await (await request.get(`/api/analysis-stats/failure-cases?${filters}&limit=25`)).json();
  expect(api.total).toBeGreaterThan(0);
  const rows = page.getByTestId('failure-row');
  await expect(rows).toHaveCount(Math.min(api.total, 25));
  const shown = await rows.all();
  expect(shown).toHaveLength(Math.min(api.total, 25));
  for (const row of shown) await expect(row).toContainText(/timeout|max_turns/);
  await expect(rows.first()).toContainText(api.data[0].trajectory_id.slice(0, 6));
  await expectDrawn(page, 'card-termination', '[data-testid=termination-donut] path');
  await screenshot(page, testInfo, 'tab-failures');
  console.expectNone();
});

test('clicking a failure category filters the failures on it', async ({ page, request }) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=failures&training_id=${DEMO_TRAININGS[2]}`);
  await page.waitForLoadState('networkidle');
  const card = page.getByTestId('card-termination');
  // A slice of the donut…
  await card.locator('[data-testid=termination-donut] path').first().dispatchEvent('click');
  await expect(page).toHaveURL(/termination_reason=/);
  const reason = new URL(page.url()).searchParams.get('termination_reason')!;
  await expect(page.getByTestId('filter-chips')).toContainText(reason);
  // The rows are the API's first page of failures with that reason: as many, and at least one.
  const filters = new URL(page.url()).searchParams;
  filters.delete('tab');
  const api = await (await request.get(`/api/analysis-stats/failure-cases?${filters}&limit=25`)).json();
  expect(api.total, `failures ending in ${reason}`).toBeGreaterThan(0);
  const rows = page.getByTestId('failure-row');
  await expect(rows).toHaveCount(Math.min(api.total, 25));
  const shown = await rows.all();
  expect(shown).toHaveLength(Math.min(api.total, 25));
  for (const row of shown) await expect(row).toContainText(reason);
  // …or an entry of its legend.
  await page.goto(`/analysis?tab=failures&training_id=${DEMO_TRAININGS[2]}`);
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Filter termination_reason: timeout' }).click();
  await expect(page).toHaveURL(/termination_reason=timeout/);
  await expect(page.getByTestId('failure-row').first()).toContainText('timeout');
  console.expectNone();
});

test('changing a filter changes the URL and the figures; back restores the view', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?training_id=${DEMO_TRAININGS[0]}`);
  expect(await tileNumber(page, 'kpi-trajectories')).toBe(PER_TRAINING);

  await page.getByTestId('filter-epoch').selectOption('3');
  await expect(page).toHaveURL(/epoch_id=3/);
  await expect.poll(() => tileNumber(page, 'kpi-trajectories')).toBe(PER_EPOCH);

  await page.getByTestId('filter-reward-max').fill('0');
  await page.getByTestId('filter-reward-max').press('Enter');
  await expect(page).toHaveURL(/reward_max=0/);
  await expect.poll(() => tileNumber(page, 'kpi-trajectories')).toBeLessThan(PER_EPOCH);

  await page.getByTestId('tab-failures').click();
  await expect(page).toHaveURL(/tab=failures.*|.*tab=failures/);
  await expect(page.getByTestId('failure-table')).toBeVisible();

  await page.goBack();
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page).not.toHaveURL(/reward_max/);
  await page.goBack();
  await expect(page).not.toHaveURL(/epoch_id/);
  await expect.poll(() => tileNumber(page, 'kpi-trajectories')).toBe(PER_TRAINING);

  await page.getByTestId('filter-q').fill('no question says this zzz');
  await page.getByTestId('filter-q').press('Enter');
  await expect(page.getByText('No trajectories match these filters')).toBeVisible();
  await page.getByTestId('filter-reset').click();
  // Without any filter the dashboard opens the latest training under its explicit URL (a redirect).
  await expect(page).not.toHaveURL(/q=/);
  await expect(page).toHaveURL(/training_id=/);
  await expect(page.getByText('No trajectories match these filters')).toBeHidden();
  console.expectNone();
});

test('the failure drawer opens from the keyboard and lives in the URL', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=failures&training_id=${DEMO_TRAININGS[2]}`);
  await expect(page.getByTestId('failure-row').first()).toBeVisible();
  // Keys are handled once the table is hydrated, which networkidle does not promise: press j until a row lights up,
  // then k back to the first row (k stops there).
  const highlighted = page.locator('[data-testid=failure-row][data-highlighted=true]');
  await expect(async () => {
    await page.keyboard.press('j');
    await expect(highlighted).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  for (let i = 0; i < 3; i++) await page.keyboard.press('k');
  await expect(page.getByTestId('failure-row').first()).toHaveAttribute('data-highlighted', 'true');
  await page.keyboard.press('j');
  await expect(page.getByTestId('failure-row').nth(1)).toHaveAttribute('data-highlighted', 'true');
  await page.keyboard.press('k');
  await expect(page.getByTestId('failure-row').first()).toHaveAttribute('data-highlighted', 'true');
  await page.keyboard.press('Enter');
  const drawer = page.getByTestId('trajectory-drawer');
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(/trajectory=/);
  await expect(drawer.getByTestId('step').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page).not.toHaveURL(/trajectory=/);
  console.expectNone();
});

test('tool contexts show each failed call between its neighbours, by tool', async ({ page }, testInfo) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=tool-contexts&training_id=${TAU_TRAINING}`);
  const picker = page.getByTestId('tool-picker');
  await expect(picker).toContainText('73');
  await expect(page.getByTestId('failed-step').first()).toBeVisible();
  await screenshot(page, testInfo, 'tab-tool-contexts');
  await picker.getByRole('link', { name: /book_reservation/ }).click();
  await expect(page).toHaveURL(/tool=book_reservation/);
  // tau-bench has 30 failed book_reservation calls; the tab shows 20 to a page.
  await expect(picker.getByRole('link', { name: /book_reservation/ })).toContainText('30');
  const failed = page.getByTestId('failed-step');
  await expect(failed).toHaveCount(20);
  const steps = await failed.all();
  expect(steps).toHaveLength(20);
  for (const step of steps) await expect(step).toContainText('book_reservation');
  console.expectNone();
});

test('trajectory text is rendered as text, never as HTML', async ({ page }, testInfo) => {
  const console = watchConsole(page);
  const id = encodeURIComponent(XSS_TRAJECTORY_ID);
  for (const url of [
    `/trajectories/${id}`,
    `/analysis?tab=failures&training_id=${XSS_TRAINING}&trajectory=${id}`,
  ]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await expect(page.getByText(XSS_TRAJECTORY_ID).first()).toBeVisible();
    await expect(page.getByText('<script>window.__xss=1</script> thinking').first()).toBeVisible();
    await expect(page.getByText(/Question with <img src=x onerror=/).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('main img[src="x"], main b[onmouseover]').count()).toBe(0);
  }
  await screenshot(page, testInfo, 'trajectory-drawer');
  await page.goto(`/trajectories/${id}`);
  await screenshot(page, testInfo, 'trajectory');
  console.expectNone();
});

test('pages are sent with protective headers', async ({ request }) => {
  const response = await request.get('/analysis');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['x-frame-options']).toBe('SAMEORIGIN');
  expect(response.headers()['x-powered-by']).toBeUndefined();
});

test('unknown ids and bad parameters get a clear page, not a crash', async ({ page }) => {
  const notFound = await page.goto('/trajectories/does-not-exist');
  expect(notFound?.status()).toBe(404);
  await expect(page.getByText('Not found')).toBeVisible();
  await page.goto('/analysis?reward_min=abc');
  await expect(page.getByTestId('bad-link')).toContainText('reward_min');
  await page.goto('/analysis?training_id=ghost-run');
  await expect(page.getByTestId('bad-link')).toContainText('ghost-run');
});
