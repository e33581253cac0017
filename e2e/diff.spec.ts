import { expect, test } from '@playwright/test';
import { DEMO_CAMPAIGN, DEMO_TRAININGS } from './fixture';
import { screenshot, watchConsole } from './helpers';

const RUN = DEMO_TRAININGS[0];
const OTHER = DEMO_TRAININGS[1];
const LAST = DEMO_CAMPAIGN.epochs - 1;

interface DiffAnswer {
  questions: { newly_solved: string[]; regressed: string[]; both: number; neither: number };
  changes: { total: number; flipped: { pair: { first_divergent_step: number | null } }[] };
}

test('the Progress tab diffs two epochs: the page shows what the API answers, and a pair opens side by side', async ({
  page,
}, testInfo) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=progress&training_id=${RUN}`);
  const form = page.getByTestId('diff-epochs-form');
  await expect(form).toBeVisible();
  await form.locator('select[name="epoch_a"]').selectOption('0');
  await form.locator('select[name="epoch_b"]').selectOption(String(LAST));
  await form.getByRole('button', { name: 'Diff epochs' }).click();
  await expect(page).toHaveURL(new RegExp(`/diff\\?training_id=${RUN}&epoch_a=0&epoch_b=${LAST}`));

  const api = (await (
    await page.request.get(`/api/analysis-stats/diff?training_id=${RUN}&epoch_a=0&epoch_b=${LAST}`)
  ).json()) as DiffAnswer;
  const flips = api.questions.newly_solved.length + api.questions.regressed.length;
  expect(flips, 'the demo run changes between its first and last epoch').toBeGreaterThan(0);
  await expect(page.getByTestId('diff-count-newly_solved').locator('dd')).toHaveText(
    String(api.questions.newly_solved.length),
  );
  await expect(page.getByTestId('diff-count-regressed').locator('dd')).toHaveText(
    String(api.questions.regressed.length),
  );
  await expect(page.getByTestId('diff-count-both').locator('dd')).toHaveText(String(api.questions.both));
  await expect(page.getByTestId('diff-verdict')).not.toBeEmpty();
  await expect(page.getByTestId('diff-flipped-row')).toHaveCount(Math.min(api.changes.total, 50));
  await screenshot(page, testInfo, 'diff-epochs');

  // The first pair opens the side-by-side page at their first divergent step.
  const step = api.changes.flipped[0].pair.first_divergent_step;
  await page.getByTestId('diff-pair-link').first().click();
  await expect(page).toHaveURL(/\/trajectories\/compare\?a=.+&b=.+/);
  if (step !== null) await expect(page).toHaveURL(new RegExp(`step=${step}`));
  console.expectNone();
});

test('the Comparison tab opens the diff of two runs at their last shared epoch', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=comparison&training_ids=${RUN},${OTHER}`);
  const link = page.getByTestId('comparison-diff-link').first();
  await expect(link).toContainText(`epoch ${LAST}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/diff\\?epoch_id=${LAST}&training_ids=${RUN},${OTHER}`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${RUN} @ epoch ${LAST}`);
  await expect(page.getByTestId('diff-delta')).toHaveText(/pp$/);
  console.expectNone();
});

test('the chooser names two sides; a half-named diff says which parameter is missing', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto('/diff');
  const chooser = page.getByTestId('diff-chooser');
  await chooser.locator('select[name="training_ids"]').nth(0).selectOption(RUN);
  await chooser.locator('input[name="epoch_a"]').fill('1');
  await chooser.locator('select[name="training_ids"]').nth(1).selectOption(OTHER);
  await chooser.locator('input[name="epoch_b"]').fill('2');
  await chooser.getByRole('button', { name: 'Diff' }).click();
  await expect(page).toHaveURL(/\/diff\?/);
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText(`${RUN} @ epoch 1 → ${OTHER} @ epoch 2`);
  // The same run twice is one run at two epochs.
  await chooser.locator('select[name="training_ids"]').nth(1).selectOption(RUN);
  await chooser.getByRole('button', { name: 'Diff' }).click();
  await expect(title).toHaveText(`epoch 1 → epoch 2 of ${RUN}`);
  console.expectNone();

  await page.goto(`/diff?training_id=${RUN}&epoch_a=1`);
  await expect(page.getByText('epoch_b', { exact: false }).first()).toBeVisible();
});

test('the diff page fits a phone: its content is no wider than the window', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 900 });
  for (const url of ['/diff', `/diff?training_id=${RUN}&epoch_a=0&epoch_b=${LAST}`]) {
    await page.goto(url);
    await expect(page.getByTestId('diff-chooser')).toBeVisible();
    // The page's own content (the site header is the shell's); wide tables scroll inside their cards.
    const widest = await page.evaluate(() => document.querySelector('main')!.scrollWidth);
    expect(widest, url).toBeLessThanOrEqual(390);
  }
  await screenshot(page, testInfo, 'diff-390');
});
