import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { ingestFiles } from '../lib/ingest';
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

/**
 * A spec's `shoot`: the screenshot kept with the test results and, when `dir` is set (an environment variable of the
 * spec, for looking at them), the whole page there too, and with `top` what the window shows (`<name>-top`).
 */
export function shooter(dir: string | undefined, { top = false }: { top?: boolean } = {}) {
  return async (page: Page, testInfo: TestInfo, name: string): Promise<void> => {
    await screenshot(page, testInfo, name);
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
    if (top) await page.screenshot({ path: path.join(dir, `${name}-top.png`) });
  };
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

/** A server of a spec's own: its folder, and the app serving the database loaded from its records. */
export interface ServedRecords {
  dir: string;
  server: ChildProcess;
  /** Stops the server and removes the folder. */
  stop: () => void;
}

/**
 * Writes each file's records as JSONL into a fresh temp folder (`prefix`), loads them into a database there (every
 * record inserted, none rejected) and starts the app on it (`startServer`).
 */
export async function serveRecords(
  prefix: string,
  port: number,
  files: Record<string, readonly object[]>,
): Promise<ServedRecords> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const paths = Object.entries(files).map(([name, records]) => {
      const file = path.join(dir, `${name}.jsonl`);
      fs.writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
      return file;
    });
    const db = path.join(dir, 'db');
    const result = await ingestFiles(paths, { db: { uri: db, readConsistencyInterval: 0 } });
    const records = Object.values(files).reduce((n, list) => n + list.length, 0);
    expect(result).toMatchObject({ inserted: records, rejected: 0 });
    const server = await startServer(port, db);
    return {
      dir,
      server,
      stop: () => {
        server.kill('SIGTERM');
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
