import { describe, expect, it } from 'vitest';
import { alertSettingsFromEnv, parsePublicUrl, parseWebhookUrls } from './alert-settings';
import { startupProblems } from './startup-check';

const SLACK = 'https://hooks.slack.com/services/T000/B000/secretsecret';

describe('ALERT_WEBHOOK_URLS', () => {
  it('is off when unset or blank', () => {
    expect(parseWebhookUrls(undefined)).toEqual([]);
    expect(parseWebhookUrls(' , ')).toEqual([]);
  });

  it('takes comma-separated http and https URLs, trimmed, each once', () => {
    const urls = parseWebhookUrls(` ${SLACK} , http://127.0.0.1:9000/hook,${SLACK}`);
    expect(urls.map((url) => url.href)).toEqual([SLACK, 'http://127.0.0.1:9000/hook']);
  });

  it('names the entry by position, never repeating its text (it holds the secret)', () => {
    expect(() => parseWebhookUrls(`${SLACK},ftp://files.example/secretsecret`)).toThrow(
      'ALERT_WEBHOOK_URLS entry 2: must be an http:// or https:// URL, got a ftp: URL',
    );
    expect(() => parseWebhookUrls('hooks.slack.com/secretsecret')).toThrow(
      'ALERT_WEBHOOK_URLS entry 1: not a URL (expected http://… or https://…)',
    );
    expect(() => parseWebhookUrls('https://bot:secretsecret@chat.example/hook')).toThrow(
      'ALERT_WEBHOOK_URLS entry 1: must not hold user:password@ (keep the token in the path or query)',
    );
  });
});

describe('PUBLIC_URL', () => {
  it('is the base address without its trailing slash, or null', () => {
    expect(parsePublicUrl(undefined)).toBeNull();
    expect(parsePublicUrl('')).toBeNull();
    expect(parsePublicUrl('https://dash.example.org/')).toBe('https://dash.example.org');
    expect(parsePublicUrl('http://example.org:8080/rl/')).toBe('http://example.org:8080/rl');
  });

  it('must be an http(s) base address', () => {
    expect(() => parsePublicUrl('dash.example.org')).toThrow(
      'PUBLIC_URL must be an http:// or https:// URL, got "dash.example.org"',
    );
    expect(() => parsePublicUrl('ftp://dash.example.org')).toThrow(
      'PUBLIC_URL must be an http:// or https:// URL, got "ftp://dash.example.org"',
    );
    expect(() => parsePublicUrl('https://dash.example.org/?tab=x')).toThrow(
      'PUBLIC_URL must be a base address without query, fragment or credentials, got "https://dash.example.org/?tab=x"',
    );
  });
});

describe('start-up check', () => {
  it('reads both variables', () => {
    expect(
      alertSettingsFromEnv({ ALERT_WEBHOOK_URLS: SLACK, PUBLIC_URL: 'https://dash.example.org/' }),
    ).toEqual({
      webhookUrls: [new URL(SLACK)],
      publicUrl: 'https://dash.example.org',
    });
    expect(alertSettingsFromEnv({})).toEqual({ webhookUrls: [], publicUrl: null });
  });

  it('refuses to start on a bad value, naming the variable', () => {
    expect(
      startupProblems({ ALERT_WEBHOOK_URLS: `${SLACK},mailto:ops@example.org`, PUBLIC_URL: 'nope' }),
    ).toEqual([
      'ALERT_WEBHOOK_URLS entry 2: must be an http:// or https:// URL, got a mailto: URL',
      'PUBLIC_URL must be an http:// or https:// URL, got "nope"',
    ]);
    expect(startupProblems({ ALERT_WEBHOOK_URLS: SLACK, PUBLIC_URL: 'https://dash.example.org' })).toEqual(
      [],
    );
  });
});
