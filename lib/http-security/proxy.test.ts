import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { config, proxy } from '@/proxy';
import { FAILURES_PER_CLIENT } from './settings';

const TOKEN = 'tok-0123456789abcdef';
const saved = { auth: process.env.DASHBOARD_AUTH, cors: process.env.CORS_ORIGINS };

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`http://localhost${path}`, {
    method: init.method,
    headers: { 'x-forwarded-for': '192.0.2.1', ...init.headers },
  });
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Whether the proxy let the request through to the route (Next marks that with x-middleware-next / rewrite). */
const passed = (response: Response) =>
  response.headers.get('x-middleware-next') === '1' || response.headers.has('x-middleware-rewrite');

afterEach(() => {
  process.env.DASHBOARD_AUTH = saved.auth;
  process.env.CORS_ORIGINS = saved.cors;
  if (saved.auth === undefined) delete process.env.DASHBOARD_AUTH;
  if (saved.cors === undefined) delete process.env.CORS_ORIGINS;
});

describe('without DASHBOARD_AUTH the dashboard is open', () => {
  beforeEach(() => {
    delete process.env.DASHBOARD_AUTH;
  });

  it('passes pages with a nonce policy on the request (for Next.js) and on the answer', () => {
    const response = proxy(request('/analysis?tab=failures'));
    expect(passed(response)).toBe(true);
    const policy = response.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    expect(response.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    const other = proxy(request('/analysis')).headers.get('content-security-policy');
    expect(other).not.toBe(policy);
  });

  it('passes API routes with the JSON policy and Vary: Origin, and no CORS grant', () => {
    const response = proxy(
      request('/api/analysis-stats/summary', { headers: { origin: 'https://evil.example' } }),
    );
    expect(passed(response)).toBe(true);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.has('access-control-allow-origin')).toBe(false);
  });
});

describe('with DASHBOARD_AUTH', () => {
  beforeEach(() => {
    process.env.DASHBOARD_AUTH = `basic:alice:wonderland,bearer:${TOKEN}`;
  });

  it('asks pages for Basic credentials and the API with the JSON error shape', async () => {
    const page = proxy(request('/'));
    expect(page.status).toBe(401);
    expect(page.headers.get('www-authenticate')).toMatch(/^Basic realm="RL Trajectory Dashboard"/);
    expect(page.headers.get('content-security-policy')).toBeTruthy();
    const api = proxy(request('/api/analysis-stats/training-list'));
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: { message: 'authentication required', param: null } });
    expect(api.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('lets valid Basic and bearer credentials through, on pages, RSC requests and the API', () => {
    expect(
      passed(proxy(request('/analysis', { headers: { authorization: basic('alice', 'wonderland') } }))),
    ).toBe(true);
    expect(
      passed(proxy(request('/analysis?_rsc=1', { headers: { authorization: `Bearer ${TOKEN}` } }))),
    ).toBe(true);
    expect(
      passed(proxy(request('/api/trajectories/x', { headers: { authorization: `Bearer ${TOKEN}` } }))),
    ).toBe(true);
  });

  it('keeps /api/health open, nothing else', () => {
    expect(passed(proxy(request('/api/health')))).toBe(true);
    expect(proxy(request('/api/trajectories/x', { method: 'GET' })).status).toBe(401);
    expect(proxy(request('/api/health/../analysis-stats/summary')).status).toBe(401);
    expect(proxy(request('/api/healthz')).status).toBe(401);
  });

  it(`answers 429 with Retry-After after ${FAILURES_PER_CLIENT} failures from one client, even to the right password`, async () => {
    process.env.DASHBOARD_AUTH = 'basic:alice:wonderland,basic:eve:not-yet-used';

    const from = (ip: string, authorization: string) =>
      proxy(request('/api/analysis-stats/summary', { headers: { authorization, 'x-forwarded-for': ip } }));
    for (let i = 0; i < FAILURES_PER_CLIENT; i++)
      expect(from('198.51.100.7', basic('alice', `guess${i}`)).status).toBe(401);
    const blocked = from('198.51.100.7', basic('alice', 'wonderland'));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await blocked.json()).error.message).toMatch(/too many failed logins/);
    // Another client is not affected; requests without credentials never count as failures.
    expect(passed(from('198.51.100.8', basic('alice', 'wonderland')))).toBe(true);
    for (let i = 0; i < 2 * FAILURES_PER_CLIENT; i++)
      expect(proxy(request('/', { headers: { 'x-forwarded-for': '198.51.100.9' } })).status).toBe(401);
  });
});

describe('a lock-out', () => {
  it('stops guessing by anyone but keeps people who are already in', () => {
    process.env.DASHBOARD_AUTH = 'basic:carol:sesame-carol,basic:dan:sesame-dan';
    const from = (ip: string, authorization: string) =>
      proxy(request('/api/analysis-stats/summary', { headers: { authorization, 'x-forwarded-for': ip } }));
    expect(passed(from('203.0.113.1', basic('carol', 'sesame-carol')))).toBe(true);
    // 100 failures overall, from 100 forged addresses: logins are locked for the rest of the minute…
    for (let i = 0; i < 100; i++) expect(from(`10.1.0.${i}`, basic('carol', `guess${i}`)).status).toBe(401);
    expect(from('203.0.113.2', basic('dan', 'sesame-dan')).status).toBe(429);
    // …but a header accepted before passes without being checked again.
    expect(passed(from('203.0.113.1', basic('carol', 'sesame-carol')))).toBe(true);
  });
});

describe('CORS_ORIGINS', () => {
  beforeEach(() => {
    process.env.CORS_ORIGINS = 'https://notebook.example';
  });

  it('grants an allowed origin and answers its preflight with 204', () => {
    const simple = proxy(
      request('/api/analysis-stats/summary', { headers: { origin: 'https://notebook.example' } }),
    );
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://notebook.example');
    const preflight = proxy(
      request('/api/analysis-stats/summary', {
        method: 'OPTIONS',
        headers: { origin: 'https://notebook.example', 'access-control-request-method': 'GET' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://notebook.example');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(preflight.headers.get('vary')).toBe('Origin');
  });

  it('gives another origin neither a grant nor the allowed methods', () => {
    const preflight = proxy(
      request('/api/analysis-stats/summary', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.has('access-control-allow-origin')).toBe(false);
    expect(preflight.headers.has('access-control-allow-methods')).toBe(false);
  });

  it('answers preflights without credentials even when DASHBOARD_AUTH is set (browsers never send them)', () => {
    process.env.DASHBOARD_AUTH = `bearer:${TOKEN}`;
    const preflight = proxy(
      request('/api/analysis-stats/summary', {
        method: 'OPTIONS',
        headers: { origin: 'https://notebook.example' },
      }),
    );
    expect(preflight.status).toBe(204);
  });
});

describe('undecodable %-escapes', () => {
  it('are a 400 naming the id on the API', async () => {
    for (const path of ['/api/trajectories/%zz', '/api/trajectories/%E0%A4id']) {
      const response = proxy(request(path));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: { message: 'not a valid percent-encoded path segment', param: 'id' },
      });
    }
  });

  it('redirect pages to the literal reading of the segment (which then says "not found")', () => {
    const response = proxy(request('/trajectories/%E0%A4id'));
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location')!).pathname).toBe('/trajectories/%25E0%25A4id');
  });
});

describe('the matcher', () => {
  const runs = (path: string) => config.matcher.some((pattern) => new RegExp(`^${pattern}$`).test(path));

  it('leaves out the static chunks and the ingest endpoint (its body must stream), and nothing else', () => {
    expect(runs('/_next/static/chunks/main.js')).toBe(false);
    expect(runs('/api/trajectories')).toBe(false);
    for (const path of [
      '/',
      '/analysis',
      '/api/trajectories/x',
      '/api/trajectories/',
      '/api/trajectoriesx',
      '/api/health',
    ])
      expect(runs(path), path).toBe(true);
  });
});
