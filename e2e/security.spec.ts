import type { ChildProcess } from 'node:child_process';
import { expect, test, type Page, type Response } from '@playwright/test';
import { trajectoryHref } from '../lib/params/hrefs';
import { spawnServer } from '../lib/server/spawn-server';
import { DEMO_TRAININGS, E2E_DB, TAU_TRAINING, XSS_TRAJECTORY_ID } from './fixture';
import { watchConsole } from './helpers';

// Reads the shared fixture database only; its hostile records ("..", ".", "deep-json", "huge-text") are part of the
// fixture (e2e/fixture.ts), so this spec does not depend on running before or after any other.

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

function expectProtectiveHeaders(response: Response | null, kind: 'page' | 'api'): void {
  const headers = response!.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  if (kind === 'page')
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  else expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
}

const tau = encodeURIComponent(TAU_TRAINING);
const PAGES: [string, string][] = [
  ['trainings', '/'],
  ['overview', `/analysis?training_id=${DEMO_TRAININGS[0]}`],
  ['progress', `/analysis?tab=progress&training_id=${DEMO_TRAININGS[2]}`],
  ['comparison', `/analysis?tab=comparison&training_ids=${DEMO_TRAININGS.join(',')}`],
  [
    'failures with drawer',
    `/analysis?tab=failures&training_id=${tau}&trajectory=${encodeURIComponent(XSS_TRAJECTORY_ID)}`,
  ],
  ['tool contexts', `/analysis?tab=tool-contexts&training_id=${tau}`],
  ['trajectory', trajectoryHref(XSS_TRAJECTORY_ID)],
  ['not found', '/no-such-page'],
  ['bad link', '/trajectories/%E0%A4id'],
];

test.describe('every page works under the Content-Security-Policy', () => {
  for (const [name, url] of PAGES) {
    test(name, async ({ page }) => {
      const console = watchConsole(page);
      const violations = await watchPolicy(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      const response = await page.goto(url);
      expectProtectiveHeaders(response, 'page');
      const notFound = response!.status() === 404;
      // The inline theme script ran: it carries the nonce. (A page that finds no trajectory while streaming is
      // re-rendered by React as a whole, which drops the class; the violation check below still covers it.)
      if (!notFound) await expect(page.locator('html')).toHaveClass(/dark/);
      await page.waitForLoadState('networkidle');
      expect(await violations()).toEqual([]);
      // A not-found page is answered with status 404, which Chromium logs for the document itself.
      expect(
        console.errors.filter(
          (e) =>
            !(notFound && e.startsWith('Failed to load resource: the server responded with a status of 404')),
        ),
      ).toEqual([]);
    });
  }

  test('a page rendered after client-side navigation keeps working', async ({ page }) => {
    const console = watchConsole(page);
    const violations = await watchPolicy(page);
    await page.goto('/');
    await page.getByRole('link', { name: 'Analysis', exact: true }).click();
    await expect(page).toHaveURL(/\/analysis/);
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    console.expectNone();
  });
});

test.describe('hostile addresses and ids', () => {
  test('an undecodable escape is a 400 naming id on the API and a not-found page on the site', async ({
    page,
    request,
  }) => {
    for (const raw of ['/api/trajectories/%zz', '/api/trajectories/%E0%A4id']) {
      const response = await request.get(raw);
      expect(response.status()).toBe(400);
      expect(await response.json()).toEqual({
        error: { message: 'not a valid percent-encoded path segment', param: 'id' },
      });
      expectProtectiveHeaders(response as unknown as Response, 'api');
    }
    const response = await page.goto('/trajectories/%E0%A4id');
    expect(response!.status()).toBe(404);
    expect(new URL(page.url()).pathname).toBe('/trajectories/%25E0%25A4id');
    await expect(page.getByText('Not found', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'All trainings' })).toBeVisible();
  });

  test('trajectories with ids .. and . are reachable and link to each other', async ({ page }) => {
    const console = watchConsole(page);
    await page.goto(trajectoryHref('..'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('..');
    await expect(page.getByText('I am "..".')).toBeVisible();
    await page.getByRole('link', { name: 'sample 1' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('.');
    await expect(page.getByText('I am ".".')).toBeVisible();
    console.expectNone();
  });

  test('a deep JSON value opens level by level and a 5 MB text renders in a bounded page', async ({
    page,
    request,
  }) => {
    const deep = await (await request.get(trajectoryHref('deep-json'))).text();
    const huge = await (await request.get(trajectoryHref('huge-text'))).text();
    const plain = await (await request.get(trajectoryHref('..'))).text();
    // The page around the steps is the same for all three; the huge text adds its first 20,000 characters (sent for
    // "show more") and 1,500 drawn ones, the deep value 8 drawn levels and the rest as compact JSON.
    expect(deep.length - plain.length).toBeLessThan(60_000);
    expect(huge.length - plain.length).toBeLessThan(60_000);
    expect(huge).not.toContain('-TAIL');

    const console = watchConsole(page);
    await page.goto(trajectoryHref('deep-json'));
    const args = page.getByTestId('step-arguments');
    await expect(args.locator('li')).toHaveCount(8);
    await args.getByRole('button', { name: '{… 1 key}' }).click();
    await expect(args.locator('li')).toHaveCount(16);

    await page.goto(trajectoryHref('huge-text'));
    // "HEAD-" + 5,242,880 × "x" + "-TAIL" = 5,242,890 characters; 1,500 are shown, 20,000 sent.
    await page.getByRole('button', { name: 'Show more (5,241,390 more characters)' }).click();
    await expect(page.getByText('First 20,000 of 5,242,890 characters')).toBeVisible();
    await expect(page.getByRole('link', { name: 'raw record' })).toHaveAttribute(
      'href',
      '/api/trajectories/huge-text',
    );
    console.expectNone();
  });
});

test.describe('CORS', () => {
  test('same-origin only by default: no grant to another origin, preflight 204 without one', async ({
    request,
  }) => {
    const answer = await request.get('/api/analysis-stats/training-list', {
      headers: { origin: 'https://evil.example' },
    });
    expect(answer.status()).toBe(200);
    expect(answer.headers()['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers()['vary']).toContain('Origin');
    const preflight = await request.fetch('/api/analysis-stats/training-list', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
  });
});

test.describe('hosted mode (DASHBOARD_AUTH and CORS_ORIGINS set)', () => {
  const PORT = Number(process.env.E2E_AUTH_PORT ?? 3117);
  const origin = `http://127.0.0.1:${PORT}`;
  let server: ChildProcess;

  test.beforeAll(async () => {
    server = spawnServer({
      port: PORT,
      hostname: '127.0.0.1',
      env: {
        LANCEDB_URI: E2E_DB,
        DASHBOARD_AUTH: 'basic:alice:wonderland,bearer:e2e-token-0123456789',
        CORS_ORIGINS: 'https://notebook.example',
      },
      stdio: 'ignore',
    });
    await expect(async () => {
      expect((await fetch(`${origin}/api/health`)).status).toBe(200);
    }).toPass({ timeout: 60_000 });
  });
  test.afterAll(() => {
    server.kill('SIGTERM');
  });

  test('pages and API refuse requests without credentials; health stays open and says nothing else', async () => {
    const page = await fetch(`${origin}/analysis`);
    expect(page.status).toBe(401);
    expect(page.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const api = await fetch(`${origin}/api/analysis-stats/summary`);
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: { message: 'authentication required', param: null } });
    const health = await fetch(`${origin}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ready' });
  });

  test('a browser with the Basic credentials uses every page with no CSP violation', async ({ browser }) => {
    const context = await browser.newContext({
      httpCredentials: { username: 'alice', password: 'wonderland' },
    });
    const page = await context.newPage();
    const console = watchConsole(page);
    const violations = await watchPolicy(page);
    const response = await page.goto(`${origin}/analysis?tab=failures&training_id=${tau}`);
    expect(response!.status()).toBe(200);
    await page.getByRole('link', { name: 'Trainings', exact: true }).click();
    await expect(page.getByTestId('training-list')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    console.expectNone();
    await context.close();
  });

  test('a bearer token opens the API; the allowed origin gets its grant', async () => {
    const headers = { authorization: 'Bearer e2e-token-0123456789', origin: 'https://notebook.example' };
    const answer = await fetch(`${origin}/api/analysis-stats/training-list`, { headers });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://notebook.example');
    const wrong = await fetch(`${origin}/api/analysis-stats/training-list`, {
      headers: { authorization: 'Bearer wrong-token-0123456789' },
    });
    expect(wrong.status).toBe(401);
  });

  test('a rotating X-Forwarded-For gets no more login guesses, and people already in stay in', async () => {
    const bearer = { authorization: 'Bearer e2e-token-0123456789' };
    expect((await fetch(`${origin}/api/analysis-stats/training-list`, { headers: bearer })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const guess = await fetch(`${origin}/api/analysis-stats/training-list`, {
        headers: {
          authorization: `Basic ${Buffer.from(`alice:guess-${i}`).toString('base64')}`,
          'x-forwarded-for': `198.51.100.${i}`,
        },
      });
      statuses.push(guess.status);
    }
    // 10 failures a minute per client: the forged addresses all count as this one client (the socket's).
    const throttled = statuses.indexOf(429);
    expect(throttled).toBeGreaterThan(0);
    expect(throttled).toBeLessThanOrEqual(10);
    expect(statuses.slice(throttled).every((status) => status === 429)).toBe(true);
    expect((await fetch(`${origin}/api/analysis-stats/training-list`, { headers: bearer })).status).toBe(200);
  });
});
