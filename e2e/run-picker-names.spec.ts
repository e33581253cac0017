import { expect, test, type Locator } from '@playwright/test';
import { scenarioRun } from '../lib/test-support/health-scenarios';
import { expectNoSidewaysScroll, serveRecords, shooter, watchConsole, type ServedRecords } from './helpers';

// Runs whose long names share their start and differ only at the end, as tau2-bench's do: the pickers must show the
// ends. They have a server of their own on a database of their own, so the shared fixture database stays as it is.
const PORT = Number(process.env.E2E_PICKER_PORT ?? 3177);
const BASE = `http://127.0.0.1:${PORT}`;
/** Where the screenshots go besides the test results, when set (for looking at them). */
const SHOTS = process.env.PICKER_SHOTS_DIR;

const START = 'tau2-384954369-airline_tighter_policy-';
/** What tells the runs apart; no end is part of another, so searching one finds that run alone. */
const ENDS = ['grok-4-fast', 'grok-3-mini', 'gpt-4.1-mini', 'o4-mini', 'claude-3-7-sonnet', 'gemini-2.5-pro'];
const NAMES = ENDS.map((end) => `${START}${end}`);
const OPTIONS = { epochs: 2, questions: 8, samples: 2 } as const;

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let served: ServedRecords | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const records = NAMES.flatMap((name, i) =>
    scenarioRun('clean', i + 1, OPTIONS).records.map((r) => ({ ...r, training_id: name })),
  );
  served = await serveRecords('rl-dash-picker-', PORT, { runs: records });
});

test.afterAll(() => served?.stop());

const shoot = shooter(SHOTS, { top: true });

/** Opens the picker, searches the end of a run's name and picks the one run found. */
async function pickByEnd(picker: Locator, end: string): Promise<void> {
  const button = picker.getByRole('button').first();
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const search = picker.getByPlaceholder('Search…');
  await search.fill(end);
  const found = picker.getByRole('option');
  await expect(found).toHaveCount(1);
  await expect(found).toHaveAccessibleName(`${START}${end}`);
  await found.click();
  await expect(found).toHaveAttribute('aria-selected', 'true');
}

/** Every chip of the picker shows the end of its run's name, and has the full name as its title. */
async function expectChipsShowEnds(picker: Locator, ends: readonly string[]): Promise<void> {
  const chips = picker.getByTestId('multi-select-chip');
  await expect(chips).toHaveCount(ends.length);
  for (const [i, end] of ends.entries()) {
    await expect(chips.nth(i)).toHaveAttribute('title', `${START}${end}`);
    await expect(chips.nth(i)).toContainText(end, { useInnerText: true });
  }
}

test('the training filter shows the ends of picked run names and finds a run by its end', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const console = watchConsole(page);
  await page.setViewportSize(DESKTOP);
  await page.goto(`${BASE}/analysis?training_id=${encodeURIComponent(NAMES[0])}`);
  const picker = page.getByTestId('filter-training');
  await expectChipsShowEnds(picker, [ENDS[0]]);

  const picked = [ENDS[0], ENDS[1], ENDS[3]];
  for (const end of picked.slice(1)) await pickByEnd(picker, end);
  await expect(page).toHaveURL(
    (url) => url.searchParams.get('training_id') === picked.map((end) => START + end).join(','),
  );
  // The list stays open while picking: what shows is the last search's one run.
  await expect(picker.getByRole('listbox')).toBeVisible();
  await expectNoSidewaysScroll(page, 'training filter open at 1440');
  await shoot(page, testInfo, 'filter-open-1440');

  await picker.getByPlaceholder('Search…').press('Escape');
  await expect(picker.getByRole('listbox')).toHaveCount(0);
  await expect(picker.getByRole('button').first()).toBeFocused();
  await expectChipsShowEnds(picker, picked);
  await shoot(page, testInfo, 'filter-picked-1440');

  await page.setViewportSize(PHONE);
  await expectChipsShowEnds(picker, picked);
  await picker.getByRole('button').first().click();
  await expect(picker.getByRole('option')).toHaveCount(NAMES.length);
  await expectNoSidewaysScroll(page, 'training filter open at 390');
  // Each option is its whole name (wrapped, not cut).
  for (const name of NAMES) await expect(picker.getByRole('option', { name, exact: true })).toHaveText(name);
  await picker.getByRole('option').first().scrollIntoViewIfNeeded();
  await shoot(page, testInfo, 'filter-open-390');
  await page.keyboard.press('Escape');
  await shoot(page, testInfo, 'filter-picked-390');

  // A chip's × takes its run out.
  await picker.getByRole('button', { name: `Remove ${START}${ENDS[1]}` }).click();
  await expect(page).toHaveURL(
    (url) => url.searchParams.get('training_id') === [ENDS[0], ENDS[3]].map((end) => START + end).join(','),
  );
  await expectChipsShowEnds(picker, [ENDS[0], ENDS[3]]);
  console.expectNone();
});

test('the comparison picks runs by the ends of their names, and its chips show them', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const console = watchConsole(page);
  await page.setViewportSize(DESKTOP);
  await page.goto(
    `${BASE}/analysis?tab=comparison&training_ids=${NAMES.slice(0, 2).map(encodeURIComponent).join(',')}`,
  );
  const picker = page.getByTestId('run-picker');
  await expectChipsShowEnds(picker, ENDS.slice(0, 2));

  await pickByEnd(picker, ENDS[4]);
  await pickByEnd(picker, ENDS[2]);
  await expect(page).toHaveURL(
    (url) => url.searchParams.get('training_ids') === [0, 1, 4, 2].map((i) => NAMES[i]).join(','),
  );
  await expectNoSidewaysScroll(page, 'comparison picker open at 1440');
  await shoot(page, testInfo, 'comparison-open-1440');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('comparison-row')).toHaveCount(4);
  // Three chips, and the fourth counted.
  await expectChipsShowEnds(picker, [ENDS[0], ENDS[1], ENDS[4]]);
  await expect(picker.getByTestId('multi-select-more')).toHaveText('+1 more');
  await shoot(page, testInfo, 'comparison-picked-1440');

  await page.setViewportSize(PHONE);
  await expectChipsShowEnds(picker, [ENDS[0], ENDS[1], ENDS[4]]);
  await expectNoSidewaysScroll(page, 'comparison picker at 390');
  await shoot(page, testInfo, 'comparison-picked-390');
  // The keyboard: ↓ opens with the first run listed active, Enter toggles it (here: out of the comparison).
  await picker.getByRole('button').first().focus();
  await page.keyboard.press('ArrowDown');
  const search = picker.getByPlaceholder('Search…');
  await expect(search).toBeFocused();
  await expect(picker.getByRole('option')).toHaveCount(NAMES.length);
  const first = (await picker.getByRole('option').first().getAttribute('aria-label'))!;
  await expect(search).toHaveAttribute(
    'aria-activedescendant',
    (await picker.getByRole('option').first().getAttribute('id'))!,
  );
  await expectNoSidewaysScroll(page, 'comparison picker open at 390');
  await shoot(page, testInfo, 'comparison-open-390');
  const before = [0, 1, 4, 2].map((i) => NAMES[i]);
  const after = before.includes(first) ? before.filter((name) => name !== first) : [...before, first];
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.searchParams.get('training_ids') === after.join(','));
  await page.keyboard.press('Tab');
  await expect(picker.getByRole('listbox')).toHaveCount(0);
  await expectChipsShowEnds(
    picker,
    after.slice(0, 3).map((name) => name.slice(START.length)),
  );
  console.expectNone();
});

test('the picker in dark mode, open over the comparison', async ({ page }, testInfo) => {
  const console = watchConsole(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize(DESKTOP);
  await page.goto(`${BASE}/analysis?tab=comparison&training_ids=${NAMES.map(encodeURIComponent).join(',')}`);
  await expect(page.locator('html')).toHaveClass(/dark/);
  const picker = page.getByTestId('run-picker');
  await expect(picker.getByTestId('multi-select-more')).toHaveText(`+${NAMES.length - 3} more`);
  await picker.getByRole('button').first().click();
  await page.keyboard.press('ArrowDown');
  await expect(picker.getByRole('option')).toHaveCount(NAMES.length);
  await expectNoSidewaysScroll(page, 'comparison picker open in dark mode');
  await shoot(page, testInfo, 'comparison-open-dark-1440');
  console.expectNone();
});
