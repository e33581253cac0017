import { expect, test } from '@playwright/test';
import { DEMO_CAMPAIGN, DEMO_TRAININGS, TAU_TRAINING } from './fixture';
import { expectDrawn, screenshot, watchConsole } from './helpers';

const COLLAPSING = DEMO_TRAININGS[2];

test('the questions tab shows the grid and the per-epoch transitions, every count opens its questions', async ({
  page,
}, testInfo) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=questions&training_id=${COLLAPSING}`);
  await expect(page.getByTestId('tab-questions')).toHaveAttribute('aria-current', 'page');
  const grid = page.getByTestId('question-grid');
  await expect(grid.getByTestId('question-row')).toHaveCount(DEMO_CAMPAIGN.questions);
  await expect(grid.getByTestId('question-row').first().getByTestId('grid-cell')).toHaveCount(
    DEMO_CAMPAIGN.epochs,
  );
  await expect(page.getByTestId('rate-legend')).toContainText('≥ 50%');
  await expectDrawn(page, 'card-question-transitions', '.recharts-line-curve[d]');
  await screenshot(page, testInfo, 'tab-questions');

  // The first epoch with regressed questions: its count is the number of rows the link opens.
  const counts = page.locator('[data-testid^="count-regressed-"]');
  const texts = await counts.allInnerTexts();
  const at = texts.findIndex((text) => Number(text) > 0);
  expect(at, 'the collapsing run regresses somewhere').toBeGreaterThanOrEqual(0);
  await counts.nth(at).click();
  await expect(page).toHaveURL(/status=regressed/);
  await expect(page.getByTestId('status-filter')).toContainText('regressed');
  await expect(grid.getByTestId('question-row')).toHaveCount(Number(texts[at]));
  console.expectNone();
});

test('sorting by difficulty puts the hardest question first and keeps the sort in the URL', async ({
  page,
}) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=questions&training_id=${TAU_TRAINING}`);
  await page.getByTestId('sort-difficulty').click();
  await expect(page).toHaveURL(/question_sort=difficulty/);
  // 14 of the 50 tau-bench tasks never succeeded: they come first, at 0 %.
  const rates = await page.getByTestId('question-row').locator('td:nth-of-type(1)').allInnerTexts();
  expect(rates.slice(0, 14).every((r) => r === '0%')).toBe(true);
  expect(rates[14]).not.toBe('0%');
  await expect(page.getByTestId('count-never_solved-0')).toHaveText('26');
  console.expectNone();
});

test('a grid cell opens its GRPO group with advantages, and the keyboard moves between groups', async ({
  page,
}, testInfo) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=questions&training_id=${TAU_TRAINING}`);
  // Natural order: airline:0, airline:1, … airline:10 after airline:9.
  await page.getByTestId('question-row').nth(1).getByTestId('grid-cell').click();
  await expect(page).toHaveURL(new RegExp(`/groups/${TAU_TRAINING}/0/airline%3A1$`));
  const samples = page.getByTestId('group-sample');
  await expect(samples).toHaveCount(4);
  // Rewards [0, 1, 0, 0]: mean 0.25, std √0.1875, advantages −1/√3 and √3.
  await expect(page.getByTestId('advantage')).toHaveText(['−0.577', '+1.732', '−0.577', '−0.577']);
  await expect(page.getByTestId('group-figures')).toContainText('0.250');
  await expect(samples.nth(1)).toContainText('cancel_reservation');
  await screenshot(page, testInfo, 'group');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`/groups/${TAU_TRAINING}/0/airline%3A2$`));
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`/groups/${TAU_TRAINING}/0/airline%3A1$`));
  console.expectNone();
});

test('a group whose samples all failed says it gives no learning signal', async ({ page }) => {
  await page.goto(`/groups/${TAU_TRAINING}/0/${encodeURIComponent('airline:0')}`);
  await expect(page.getByTestId('no-learning-signal')).toBeVisible();
  await expect(page.getByTestId('advantage')).toHaveText(['+0.000', '+0.000', '+0.000', '+0.000']);
});

test('the progress tab shows the share of zero-variance groups', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=progress&training_id=${TAU_TRAINING}`);
  // 24 of the 50 tau-bench tasks got the same reward in all four trials.
  await expect(page.getByTestId('card-group-zero-variance')).toContainText('48.0% of 50 groups');
  await page.goto(`/analysis?tab=progress&training_id=${COLLAPSING}`);
  await expectDrawn(page, 'card-group-zero-variance', '.recharts-line-curve[d]');
  console.expectNone();
});

test('the progress tab draws the reward histogram of each epoch', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=progress&training_id=${TAU_TRAINING}`);
  const card = page.getByTestId('card-reward-histogram');
  const rows = card.getByTestId('reward-histogram-row');
  // tau-bench rewards are 0 or 1: 116 of 200 in the lowest tenth, 84 in the highest, shown top first.
  await expect(rows).toHaveCount(10);
  await expect(rows.first().getByRole('rowheader')).toHaveText('0.90 to 1.00');
  await expect(rows.first().getByRole('cell')).toHaveText(['42%']);
  await expect(rows.last().getByRole('cell')).toHaveText(['58%']);
  await expect(rows.nth(4).getByRole('cell')).toHaveText(['·']);
  console.expectNone();
});

test('one question side by side in every run, and where two runs disagree', async ({ page }, testInfo) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=questions&training_id=${COLLAPSING}`);
  await page.getByTestId('disagree-with').getByRole('link', { name: DEMO_TRAININGS[0], exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/questions\\?training_ids=${COLLAPSING}%2C${DEMO_TRAININGS[0]}`));
  const rows = page.getByTestId('disagreement-row');
  await expect(rows.first()).toBeVisible();
  await screenshot(page, testInfo, 'question-disagreement');
  const first = (await rows.first().locator('th').innerText()).trim();
  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/questions/${encodeURIComponent(first)}\\?training_id=`));
  await expect(page.getByTestId('question-run')).toHaveCount(2);
  await expectDrawn(page, 'card-question-curve', '.recharts-line-curve[d]');
  await page.getByTestId('epoch-choice').getByRole('link', { name: '0', exact: true }).click();
  await expect(page.getByTestId('card-question-runs')).toContainText('Epoch 0 in each run');
  await screenshot(page, testInfo, 'question-runs');
  console.expectNone();
});
