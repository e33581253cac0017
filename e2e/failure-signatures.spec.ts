import { expect, test } from '@playwright/test';
import { DEMO_TRAININGS, TAU_TRAINING, XSS_TRAINING } from './fixture';
import { screenshot, watchConsole } from './helpers';

interface Signatures {
  total: number;
  signature_count: number;
  signatures: { signature: string; count: number; example: string | null; trend: string }[];
}

/** The tau-bench run with every reward: its 73 failed calls in 8 signatures. */
const TAU_ALL = `training_id=${TAU_TRAINING}&reward_max=any`;

test('the Failures tab lists the signatures as the API does, and one narrows the list to it', async ({
  page,
  request,
}, testInfo) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  const api = (await (
    await request.get(`/api/analysis-stats/failure-signatures?${TAU_ALL}&limit=10`)
  ).json()) as Signatures;
  expect([api.total, api.signature_count]).toEqual([73, 8]);
  await page.goto(`/analysis?tab=failures&${TAU_ALL}`);
  const card = page.getByTestId('card-failure-signatures');
  await expect(card).toContainText('73 failed tool calls in 8 signatures');
  const rows = card.getByTestId('signature-row');
  await expect(rows).toHaveCount(8);
  const shown = await rows.all();
  expect(shown).toHaveLength(8);
  for (const [i, row] of shown.entries()) {
    await expect(row.getByTestId('signature-link')).toHaveText(api.signatures[i].signature);
    await expect(row).toContainText(`${api.signatures[i].count} ·`);
  }
  // One epoch: no line to draw.
  await expect(card.getByTestId('signature-sparkline')).toHaveCount(0);
  // The nine "payment amount" messages are one signature, the most common; its example is one real message.
  await expect(rows.first()).toContainText('total price is <num>, but paid <num>');
  await expect(rows.first().getByTestId('signature-example')).toContainText(
    /total price is \d+, but paid \d+/,
  );
  await screenshot(page, testInfo, 'signatures-1440');

  // A signature opens the failure list narrowed by it: the chip says so, the rows are the API's.
  await rows.nth(1).getByTestId('signature-link').click();
  await expect(page).toHaveURL(/signature=/);
  const signature = new URL(page.url()).searchParams.get('signature');
  expect(signature).toBe(api.signatures[1].signature);
  await expect(page.getByTestId('filter-chips')).toContainText(`error: “${signature}”`);
  const failures = await (
    await request.get(
      `/api/analysis-stats/failure-cases?${TAU_ALL}&signature=${encodeURIComponent(signature!)}&limit=25`,
    )
  ).json();
  expect(failures.total).toBeGreaterThan(0);
  await expect(page.getByTestId('failure-row')).toHaveCount(Math.min(failures.total, 25));
  await expect(page.getByTestId('failure-scope')).toContainText(`${failures.total} trajector`);
  // The narrowed card still lists that signature, marked as the active filter, with all of its calls.
  const active = page.locator('[data-testid=signature-row][aria-current=true]');
  await expect(active).toHaveCount(1);
  await expect(active).toContainText(`${api.signatures[1].count} ·`);
  console.expectNone();
});

test('over several epochs each signature has its trend and a line of its rate', async ({ page, request }) => {
  const console = watchConsole(page);
  const run = `training_id=${DEMO_TRAININGS[0]}`;
  const api = (await (
    await request.get(`/api/analysis-stats/failure-signatures?${run}&reward_max=0.5&limit=10`)
  ).json()) as Signatures;
  expect(api.signatures.length).toBeGreaterThan(1);
  await page.goto(`/analysis?tab=failures&${run}`);
  const rows = page.getByTestId('card-failure-signatures').getByTestId('signature-row');
  await expect(rows).toHaveCount(api.signatures.length);
  const shown = await rows.all();
  expect(shown).toHaveLength(api.signatures.length);
  for (const [i, row] of shown.entries()) {
    await expect(row).toHaveAttribute('data-trend', api.signatures[i].trend);
    await expect(row.getByTestId('signature-sparkline').locator('path')).toHaveCount(1);
    expect(await row.getByTestId('signature-sparkline').locator('path').getAttribute('d')).toMatch(
      /^M[\d.]+ [\d.]+ L/,
    );
  }
  console.expectNone();
});

test('the card switches to final answers, which are listed but not filters', async ({ page, request }) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=failures&${TAU_ALL}`);
  const card = page.getByTestId('card-failure-signatures');
  await card.getByRole('link', { name: 'Answers', exact: true }).click();
  await expect(page).toHaveURL(/signature_of=final_answers/);
  const api = (await (
    await request.get(`/api/analysis-stats/failure-signatures?${TAU_ALL}&signature_of=final_answers&limit=10`)
  ).json()) as Signatures;
  // 116 of the 200 trajectories have reward 0.
  expect(api.total).toBe(116);
  await expect(card).toContainText(`116 failed trajectories in ${api.signature_count} signatures`);
  await expect(card.getByTestId('signature-row')).toHaveCount(Math.min(api.signature_count, 10));
  await expect(card.getByTestId('signature-link')).toHaveCount(0);
  await expect(card.getByRole('link', { name: 'Answers', exact: true })).toHaveAttribute(
    'aria-current',
    'true',
  );
  console.expectNone();
});

test('a message full of HTML is shown as text', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`/analysis?tab=failures&training_id=${XSS_TRAINING}`);
  const card = page.getByTestId('card-failure-signatures');
  await expect(card.getByTestId('signature-row')).toHaveCount(1);
  await expect(card.getByTestId('signature-example')).toContainText('<script>window.__xss=1</script>');
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  console.expectNone();
});

test('the signature list fits a phone screen', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/analysis?tab=failures&${TAU_ALL}`);
  const card = page.getByTestId('card-failure-signatures');
  await expect(card.getByTestId('signature-row')).toHaveCount(8);
  // The card and everything in it stay within the window (the longest signature wraps).
  const overflowing = await card.evaluate(
    (root) =>
      [root, ...root.querySelectorAll('*')].filter(
        (el) => el.getBoundingClientRect().right > window.innerWidth,
      ).length,
  );
  expect(overflowing).toBe(0);
  await screenshot(page, testInfo, 'signatures-390');
});
