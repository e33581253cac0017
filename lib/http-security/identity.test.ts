import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAuthConfig } from './auth-config';
import { crossSiteReason, requestIdentity, tokenName } from './identity';
import { settingsFromEnv } from './settings';

describe('bearer entries with a name', () => {
  it('reads bearer:<name>:<token>, keeps bearer:<token>, and a short tail stays part of the token', () => {
    expect(parseAuthConfig('bearer:ci-bot:0123456789abcdef0123')).toEqual([
      { kind: 'bearer', token: '0123456789abcdef0123', name: 'ci-bot' },
    ]);
    expect(parseAuthConfig('bearer:0123456789abcdef0123')).toEqual([
      { kind: 'bearer', token: '0123456789abcdef0123' },
    ]);
    // After the colon only 5 characters: not a named entry, the whole is the token.
    expect(parseAuthConfig('bearer:0123456789abcdef:short')).toEqual([
      { kind: 'bearer', token: '0123456789abcdef:short' },
    ]);
    expect(() => parseAuthConfig('bearer:ci-bot:short')).toThrow('at least 16');
  });
});

describe('the identity of a request', () => {
  const settings = settingsFromEnv({
    DASHBOARD_AUTH: 'basic:ana:secret-ana,bearer:ci-bot:0123456789abcdef0123,bearer:fedcba9876543210fedc',
  });
  const headers = (authorization?: string) =>
    new Headers({ 'x-dashboard-client': '192.0.2.9', ...(authorization ? { authorization } : {}) });

  it('is the Basic user, the bearer entry’s name, or token- and 8 hex digits of the token’s SHA-256', () => {
    const basic = `Basic ${Buffer.from('ana:secret-ana').toString('base64')}`;
    expect(requestIdentity(headers(basic), settings)).toEqual({ kind: 'identified', name: 'ana' });
    expect(requestIdentity(headers('Bearer 0123456789abcdef0123'), settings)).toEqual({
      kind: 'identified',
      name: 'ci-bot',
    });
    const expected = `token-${createHash('sha256').update('fedcba9876543210fedc').digest('hex').slice(0, 8)}`;
    expect(tokenName('fedcba9876543210fedc')).toBe(expected);
    expect(requestIdentity(headers('Bearer fedcba9876543210fedc'), settings)).toEqual({
      kind: 'identified',
      name: expected,
    });
  });

  it('is missing or invalid without valid credentials, and anonymous when auth is off', () => {
    expect(requestIdentity(headers(), settings)).toEqual({ kind: 'unauthenticated', reason: 'missing' });
    expect(requestIdentity(headers('Bearer nope-nope-nope-nope'), settings)).toEqual({
      kind: 'unauthenticated',
      reason: 'invalid',
    });
    expect(requestIdentity(headers(), settingsFromEnv({}))).toEqual({
      kind: 'identified',
      name: 'anonymous',
    });
  });
});

describe('the cross-site guard', () => {
  const open = settingsFromEnv({ CORS_ORIGINS: 'https://notebook.example' });
  const behindProxy = settingsFromEnv({ TRUST_PROXY_HOPS: '1' });
  const check = (h: Record<string, string>, settings = open) => crossSiteReason(new Headers(h), settings);

  it('passes no Origin, the same host, and a CORS origin; refuses the rest', () => {
    expect(check({ host: 'dash:3000' })).toBeNull();
    expect(
      check({ host: 'dash:3000', origin: 'http://dash:3000', 'sec-fetch-site': 'same-origin' }),
    ).toBeNull();
    expect(check({ host: 'dash:3000', origin: 'https://notebook.example' })).toBeNull();
    expect(check({ host: 'dash:3000', origin: 'https://evil.example' })).toMatch(/not this dashboard/);
    expect(check({ host: 'dash:3000', 'sec-fetch-site': 'cross-site' })).toMatch(/cross-site/);
  });

  it('believes X-Forwarded-Host only behind trusted proxies', () => {
    const h = { host: 'internal:3000', 'x-forwarded-host': 'dash.example', origin: 'https://dash.example' };
    expect(check(h, behindProxy)).toBeNull();
    expect(check(h, open)).toMatch(/not this dashboard/);
  });
});
