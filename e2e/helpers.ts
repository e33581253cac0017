import type { ChildProcess } from 'node:child_process';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { spawnServer } from '../lib/server/spawn-server';

/** Collects console errors and uncaught exceptions of a page; `expectNone` fails the test when there were any. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return {
    errors,
    expectNone: () => expect(errors, errors.join('\n')).toEqual([]),
  };
}

/** A full-page screenshot kept with the test results (and attached to the report). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Waits until a chart inside `scope` has drawn marks, not just an empty container. */
export async function expectDrawn(page: Page, testId: string, marks: string): Promise<void> {
  const card = page.getByTestId(testId);
  await expect(card).toBeVisible();
  await expect(card.locator(marks).first()).toBeVisible();
  expect(await card.locator(marks).count()).toBeGreaterThan(0);
}

/** The page is no wider than the window: nothing makes it scroll sideways. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what}: ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(
    innerWidth,
  );
}

/** The number shown in a KPI tile, as a number. */
export async function tileNumber(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('dd').first().innerText();
  return Number(text.replace(/[^0-9.\-]/g, ''));
}

/**
 * Starts the app on a database of its own (`LANCEDB_URI` = `dir`; the shared fixture database stays as it is) and
 * waits until `/api/health` answers; the caller stops it with `kill('SIGTERM')` (it is stopped here if it never
 * answers).
 */
export async function startServer(port: number, dir: string): Promise<ChildProcess> {
  const server = spawnServer({ port, hostname: '127.0.0.1', env: { LANCEDB_URI: dir }, stdio: 'ignore' });
  try {
    await expect(async () => {
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    }).toPass({ timeout: 90_000 });
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }
  return server;
}
