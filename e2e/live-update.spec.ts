import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { watchConsole } from './helpers';

// Runs after the other specs (files run in order, one worker): it adds a training to the fixture database.
test('a running dashboard shows trajectories another process ingests, within seconds', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto('/');
  await expect(page.getByTestId('training-list')).not.toContainText('live-run');

  const record = {
    training_id: 'live-run',
    epoch_id: 0,
    data_id: 'live-q',
    reward: 1,
    termination_reason: 'success',
    steps: [{ action: 'respond', observation: 'done' }],
  };
  const ingest = spawnSync('npx', ['tsx', 'scripts/ingest.ts', '-'], {
    input: JSON.stringify(record),
    env: { ...process.env, LANCEDB_URI: path.resolve('test-results', 'e2e-db') },
    encoding: 'utf8',
  });
  expect(ingest.status, ingest.stderr).toBe(0);
  expect(ingest.stdout).toContain('inserted 1');

  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('training-list')).toContainText('live-run', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  console.expectNone();
});
