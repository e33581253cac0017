import { expect, test, type Page } from '@playwright/test';
import { scenarioRun, type ScenarioKind } from '../lib/test-support/health-scenarios';
import { expectNoSidewaysScroll, serveRecords, shooter, watchConsole, type ServedRecords } from './helpers';

// 48 runs named as tau2-bench's are (4 models × 4 domains × 3 experiments, the model's provider and a timestamp in the
// name) and one with a much longer name: the runs table searched, sorted, grouped, ticked and compared. A server of
// its own on a database of its own, so the shared fixture database stays as it is.
const PORT = Number(process.env.E2E_RUNS_TABLE_PORT ?? 3167);
const BASE = `http://127.0.0.1:${PORT}`;
/** Where the screenshots go besides the test results, when set (for looking at them). */
const SHOTS = process.env.RUNS_TABLE_SHOTS_DIR;

const DOMAINS = ['airline', 'retail', 'telecom', 'mock'];
const MODELS = ['xai/grok-3', 'openai/gpt-4.1', 'anthropic/claude-3-7-sonnet', 'openai/o4-mini'];
const EXPERIMENTS = [384954369, 384954370, 391102233];
/** Clean runs learn (green); a collapsing run falls (red). */
const KINDS: ScenarioKind[] = ['clean', 'reward_collapse', 'clean', 'tool_errors'];
const OPTIONS = { epochs: 6, questions: 8, samples: 8 } as const;
const START = Date.UTC(2025, 9, 5, 22, 50, 14);

interface Run {
  name: string;
  model: string;
  domain: string;
  kind: ScenarioKind;
  seed: number;
  start: number;
}

/** "2025-10-05T22:50:14". */
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19);

const RUNS: Run[] = EXPERIMENTS.flatMap((experiment, e) =>
  MODELS.flatMap((model, m) =>
    DOMAINS.map((domain, d) => {
      const i = e * 16 + m * 4 + d;
      const start = START + i * 3_600_000;
      return {
        name: `tau2-${experiment}-${domain}-${model}-${stamp(start)}`,
        model,
        domain,
        kind: KINDS[(i + e) % KINDS.length],
        seed: i + 1,
        start,
      };
    }),
  ),
);
/** A name far longer than the column: its end must still show. */
const LONG: Run = {
  name: 'tau2-384954369-airline-anthropic/claude-3-7-sonnet-20250219-temperature-0.7-top-p-0.95-max-turns-30-2025-10-09T08:15:00',
  model: 'anthropic/claude-3-7-sonnet',
  domain: 'airline',
  kind: 'clean',
  seed: 99,
  start: START + 60 * 3_600_000,
};
const ALL = [...RUNS, LONG];

let served: ServedRecords | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const records = ALL.flatMap((run) =>
    scenarioRun(run.kind, run.seed, OPTIONS).records.map((record, j) => ({
      ...record,
      training_id: run.name,
      agent_name: run.model,
      dataset: `tau2/${run.domain}`,
      // Epoch by epoch, a minute per record.
      created_at: run.start + j * 60_000,
    })),
  );
  served = await serveRecords('rl-dash-runs-table-', PORT, { runs: records });
});

test.afterAll(() => served?.stop());

/** The whole page, and what the window shows (`<name>-top`, where the table starts). */
const shoot = shooter(SHOTS, { top: true });

const rows = (page: Page) => page.getByTestId('run-row');
const shownRuns = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run') ?? ''));
const header = (page: Page, name: string) => page.getByRole('columnheader', { name });

test('every run is listed with its colour, trend and latest pass@1 interval; the page fits 1440 and 390 px', async ({
  page,
}, testInfo) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${BASE}/`);
  await expect(rows(page)).toHaveCount(ALL.length);
  await expect(page.getByTestId('runs-table-note')).toContainText(`${ALL.length} runs.`);
  // Most recently updated first (the default order).
  expect((await shownRuns(page))[0]).toBe(LONG.name);
  // Each scored run: a sparkline coloured by its trend, an interval under pass@1.
  await expect(page.getByTestId('pass-sparkline')).toHaveCount(ALL.length);
  await expect(page.getByTestId('pass-interval')).toHaveCount(ALL.length);
  const directions = await page
    .getByTestId('pass-sparkline')
    .evaluateAll((figures) => figures.map((f) => f.getAttribute('data-direction')));
  expect(directions).toContain('up');
  expect(directions).toContain('down');
  // A collapsing run is never drawn green.
  const collapsed = RUNS.filter((run) => run.kind === 'reward_collapse');
  expect(collapsed.length).toBeGreaterThan(0);
  for (const run of collapsed)
    await expect(
      page.locator(`[data-testid=run-row][data-run="${run.name}"] [data-testid=pass-sparkline]`),
    ).not.toHaveAttribute('data-direction', 'up');
  await expect(page.getByTestId('health-badge')).toHaveCount(ALL.length);
  await expectNoSidewaysScroll(page, 'home at 1440 px');
  // At 1440 px the whole table fits: it does not even scroll inside its own box.
  const box = page.getByTestId('training-list').locator('..');
  const wide = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(wide.scrollWidth).toBeLessThanOrEqual(wide.clientWidth);
  await shoot(page, testInfo, 'runs-table-1440');

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, 'home at 390 px');
  // The table scrolls inside its own box, the run column staying in view.
  const { scrollWidth, clientWidth } = await box.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  const name = rows(page).first().getByTestId('run-name');
  const before = (await name.boundingBox())!.x;
  await box.evaluate((el) => el.scrollBy(300, 0));
  expect(Math.abs((await name.boundingBox())!.x - before)).toBeLessThan(1);
  await box.evaluate((el) => el.scrollTo(0, 0));
  await shoot(page, testInfo, 'runs-table-390');
  console.expectNone();
});

test('a tau2 name shows whole at 1440 and 390 px, wrapping between its parts: domain, model and time all read', async ({
  page,
}) => {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${BASE}/`);
    await expect(rows(page)).toHaveCount(ALL.length);
    const shown = await page
      .getByTestId('run-name')
      .evaluateAll((links) =>
        links.map((link) => [link.getAttribute('aria-label'), (link as HTMLElement).innerText]),
      );
    expect(shown).toHaveLength(ALL.length);
    for (const [name, text] of shown) {
      if (name === LONG.name) continue;
      // innerText joins the wrapped lines with nothing: the lines end only after a separator.
      expect(text, `${width} px`).toBe(name);
    }
    if (width === 390) {
      // Wrapped onto more lines, never wider than its column.
      const link = page.getByTestId('run-name').first();
      const { height, lineHeight } = await link.evaluate((el) => ({
        height: el.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(el).lineHeight),
      }));
      expect(height).toBeGreaterThan(1.5 * lineHeight);
      await expectNoSidewaysScroll(page, 'home at 390 px');
    }
  }
});

test('a long name is shortened in the middle: its end shows, all of it on hover and in the copy', async ({
  page,
}) => {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${BASE}/?runs_q=${encodeURIComponent('max-turns-30')}`);
    await expect(rows(page)).toHaveCount(1);
    const link = page.getByRole('link', { name: LONG.name, exact: true });
    const shown = await link.innerText();
    expect(shown.length, `${width} px: "${shown}"`).toBeLessThan(LONG.name.length);
    expect(shown).toContain('…');
    expect(shown.endsWith('08:15:00'), `${width} px: "${shown}"`).toBe(true);
    expect(LONG.name.startsWith(shown.split('…')[0])).toBe(true);
    await expect(link).toHaveAttribute('title', new RegExp(`^${LONG.name.replace(/[.]/g, '\\.')} `));
    await expect(page.getByRole('button', { name: `Copy the name ${LONG.name}` })).toBeVisible();
  }
});

test('the search narrows the rows and is kept in the URL', async ({ page }) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${BASE}/`);
  await expect(rows(page)).toHaveCount(ALL.length);
  await page.getByRole('searchbox', { name: 'Search runs' }).fill('airline grok');
  const expected = ALL.filter((run) => run.domain === 'airline' && run.model.includes('grok')).map(
    (r) => r.name,
  );
  expect(expected).toHaveLength(3);
  await expect(rows(page)).toHaveCount(3);
  await expect(page).toHaveURL((url) => url.searchParams.get('runs_q') === 'airline grok');
  expect((await shownRuns(page)).sort()).toEqual([...expected].sort());
  // The agent and the dataset are searched too.
  await page.goto(`${BASE}/?runs_q=${encodeURIComponent('tau2/mock o4-mini')}`);
  await expect(rows(page)).toHaveCount(3);
  await page.goto(`${BASE}/?runs_q=nothing-like-this`);
  await expect(page.getByTestId('empty-state')).toContainText('No run matches');
  console.expectNone();
});

test('a header button sorts the table and sets aria-sort; the order is a deep link', async ({ page }) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${BASE}/`);
  await expect(header(page, 'Updated')).toHaveAttribute('aria-sort', 'descending');
  await expect(header(page, 'Pass@1 now')).toHaveAttribute('aria-sort', 'none');

  await header(page, 'Pass@1 now').getByRole('button').click();
  await expect(page).toHaveURL((url) => url.searchParams.get('runs_sort') === '-pass');
  await expect(header(page, 'Pass@1 now')).toHaveAttribute('aria-sort', 'descending');
  await expect(header(page, 'Updated')).toHaveAttribute('aria-sort', 'none');
  const passes = async () =>
    (
      await page
        .getByTestId('run-pass')
        .evaluateAll((cells) => cells.map((c) => c.querySelector('span span')?.textContent ?? ''))
    ).map((text) => Number.parseFloat(text));
  await expect(async () => {
    const values = await passes();
    expect(values).toHaveLength(ALL.length);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  }).toPass();

  await header(page, 'Pass@1 now').getByRole('button').click();
  await expect(page).toHaveURL((url) => url.searchParams.get('runs_sort') === 'pass');
  await expect(header(page, 'Pass@1 now')).toHaveAttribute('aria-sort', 'ascending');
  await expect(async () => {
    const values = await passes();
    expect(values).toEqual([...values].sort((a, b) => a - b));
  }).toPass();

  await header(page, 'Run').getByRole('button').click();
  await expect(header(page, 'Run')).toHaveAttribute('aria-sort', 'ascending');
  const byName = [...ALL.map((r) => r.name)].sort((a, b) =>
    new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare(a, b),
  );
  await expect(async () => expect(await shownRuns(page)).toEqual(byName)).toPass();

  // The same order from the URL alone.
  await page.goto(`${BASE}/?runs_sort=-name`);
  await expect(header(page, 'Run')).toHaveAttribute('aria-sort', 'descending');
  expect(await shownRuns(page)).toEqual([...byName].reverse());
  console.expectNone();
});

test('grouping by a name part heads each group; by agent from the URL', async ({ page }, testInfo) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${BASE}/`);
  const select = page.getByRole('combobox', { name: 'Group by' });
  await select.selectOption('part3');
  await expect(page).toHaveURL((url) => url.searchParams.get('runs_group') === 'part3');
  const headers = page.getByTestId('run-group-header');
  await expect(headers).toHaveCount(DOMAINS.length);
  await expect(headers.first()).toHaveText(/^Name part 3: airline · 13 runs/);
  expect(await headers.allInnerTexts()).toEqual(
    expect.arrayContaining([expect.stringMatching(/^Name part 3: retail · 12 runs/)]),
  );
  await expect(page.getByTestId('runs-table-note')).toContainText('Name part N is the N-th piece');
  await shoot(page, testInfo, 'runs-table-grouped-1440');

  await page.goto(`${BASE}/?runs_group=agent&runs_q=airline`);
  await expect(headers).toHaveCount(MODELS.length);
  await expect(headers.first()).toHaveText(/^Agent: anthropic\/claude-3-7-sonnet · 4 runs/);
  console.expectNone();
});

test('ticking three runs and comparing opens the comparison of those three', async ({ page }, testInfo) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${BASE}/`);
  const compare = page.getByTestId('compare-selected');
  await expect(compare).toHaveText('Compare selected (0)');
  await expect(compare).toHaveAttribute('aria-disabled', 'true');
  const picked = [RUNS[5].name, RUNS[20].name, RUNS[33].name];
  for (const name of picked) await page.getByRole('checkbox', { name: `Select ${name} to compare` }).check();
  await expect(compare).toHaveText('Compare selected (3)');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, testInfo, 'runs-table-ticked-1440');
  await compare.click();
  await expect(page).toHaveURL(
    (url) =>
      url.pathname === '/analysis' &&
      url.searchParams.get('tab') === 'comparison' &&
      url.searchParams.get('training_ids') === picked.join(','),
  );
  for (const name of picked) await expect(page.locator('main')).toContainText(name.slice(-19));
  console.expectNone();
});

test("a run's name opens its Progress tab, its latest epoch selected", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${BASE}/`);
  await page.getByRole('link', { name: RUNS[0].name, exact: true }).click();
  await expect(page).toHaveURL(
    (url) =>
      url.searchParams.get('tab') === 'progress' &&
      url.searchParams.get('training_id') === RUNS[0].name &&
      url.searchParams.get('epoch_id') === String(OPTIONS.epochs - 1),
  );
  await expect(page.getByTestId('tab-progress')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('selected-epoch')).toContainText(`Epoch ${OPTIONS.epochs - 1} selected`);
});
