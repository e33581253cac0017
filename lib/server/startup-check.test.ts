import { describe, expect, it } from 'vitest';
import { startupProblems } from './startup-check';

describe('startupProblems', () => {
  it('finds nothing wrong with no settings, or good ones', () => {
    expect(startupProblems({})).toEqual([]);
    expect(
      startupProblems({
        DASHBOARD_AUTH: 'basic:alice:wonderland,bearer:0123456789abcdef',
        INGEST_TOKEN: 'x'.repeat(32),
        TRUST_PROXY_HOPS: '1',
        CORS_ORIGINS: 'https://a.example',
        INGEST_MAX_BYTES: '1000000',
        HTTP_IDLE_TIMEOUT_SECONDS: '60',
        PORT: '8080',
      }),
    ).toEqual([]);
  });

  it('names every bad variable, without repeating a secret', () => {
    const problems = startupProblems({
      DASHBOARD_AUTH: 'alice:wonderland',
      INGEST_TOKEN: 'short-secret',
      TRUST_PROXY_HOPS: 'two',
      CORS_ORIGINS: 'https://a.example/path',
      INGEST_MAX_STEPS: '-1',
      LANCEDB_STORAGE_OPTIONS: '{not json',
      HTTP_HEADERS_TIMEOUT_SECONDS: '0',
      PORT: '99999',
    });
    expect(problems).toEqual([
      'DASHBOARD_AUTH entry 1: must start with basic: or bearer:',
      'CORS_ORIGINS: "https://a.example/path" is not an origin like https://host[:port] (no path)',
      'TRUST_PROXY_HOPS must be a whole number of proxies (0–99)',
      'INGEST_TOKEN has 12 characters; at least 32 are required (or leave it unset to keep ingest over HTTP off)',
      'INGEST_MAX_STEPS must be a positive whole number, got "-1"',
      'LANCEDB_STORAGE_OPTIONS must be a JSON object of strings',
      'PORT must be a port number (1–65535), got "99999"',
      'HTTP_HEADERS_TIMEOUT_SECONDS must be a positive number of seconds, got "0"',
    ]);
    expect(problems.join('\n')).not.toContain('wonderland');
    expect(problems.join('\n')).not.toContain('short-secret');
  });
});
