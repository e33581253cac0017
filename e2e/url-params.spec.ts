import { expect, test } from '@playwright/test';
import { DEMO_CAMPAIGN, DEMO_TRAININGS } from './fixture';
import { tileNumber, watchConsole } from './helpers';

const PER_TRAINING = DEMO_CAMPAIGN.epochs * DEMO_CAMPAIGN.questions * DEMO_CAMPAIGN.samples;

test('without a training the dashboard opens the latest one under its explicit URL, replacing history', async ({
  page,
  request,
}) => {
  const { trainings } = (await (await request.get('/api/analysis-stats/training-list')).json()) as {
    trainings: { training_id: string; date_range: [number, number] | null }[];
  };
  const lastWrite = Math.max(...trainings.map((t) => t.date_range?.[1] ?? -Infinity));
  const latest = trainings.filter((t) => (t.date_range?.[1] ?? -Infinity) === lastWrite).at(-1)!.training_id;

  await page.goto('/');
  await page.goto('/analysis?tab=failures&reward_max=0');
  await expect(page).toHaveURL((url) => url.searchParams.get('training_id') === latest);
  const url = new URL(page.url());
  expect([url.searchParams.get('tab'), url.searchParams.get('reward_max')]).toEqual(['failures', '0']);
  await expect(page.getByTestId('filter-chips')).toContainText(`training: ${latest}`);
  await page.goBack();
  await expect(page).toHaveURL((back) => back.pathname === '/');

  await page.goto('/analysis?tab=comparison');
  expect(new URL(page.url()).searchParams.has('training_id')).toBe(false);
});

test('repeated list keys mean every value, in the figures, the chips and after removing one', async ({
  page,
}) => {
  const console = watchConsole(page);
  const [a, b] = DEMO_TRAININGS;
  await page.goto(`/analysis?training_id=${a}&training_id=${b},,${a}`);
  expect(await tileNumber(page, 'kpi-trajectories')).toBe(2 * PER_TRAINING);
  const chips = page.getByTestId('filter-chips').getByRole('listitem');
  await expect(chips).toHaveText([`training: ${a}×`, `training: ${b}×`]);
  await page.getByRole('button', { name: `Remove filter training_id: ${a}` }).click();
  await expect(page).toHaveURL((url) => url.searchParams.getAll('training_id').join('|') === b);
  await expect.poll(() => tileNumber(page, 'kpi-trajectories')).toBe(PER_TRAINING);
  console.expectNone();
});
