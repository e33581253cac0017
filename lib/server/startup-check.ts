import { dbConfigFromEnv } from '../db/connection';
import { parseAuthConfig } from '../http-security/auth-config';
import { parseCorsOrigins } from '../http-security/cors';
import { parseTrustedProxies } from '../http-security/settings';
import { ingestLimitsFromEnv, MIN_TOKEN_LENGTH } from '../ingest/limits';
import { alertSettingsFromEnv } from './alert-settings';
import { serverSettingsFromEnv } from './server-settings';

type Env = Record<string, string | undefined>;

/** The lines of the error `check` throws (a reader of several variables gives one line each), or none. */
function problemOf(check: () => unknown): string[] {
  try {
    check();
    return [];
  } catch (error) {
    return (error as Error).message.split('\n');
  }
}

function ingestTokenProblems(token: string | undefined): string[] {
  if (token === undefined || token === '') return [];
  if (/\s/.test(token)) return ['INGEST_TOKEN must not contain whitespace'];
  if (token.length < MIN_TOKEN_LENGTH)
    return [
      `INGEST_TOKEN has ${token.length} characters; at least ${MIN_TOKEN_LENGTH} are required (or leave it unset to keep ingest over HTTP off)`,
    ];
  return [];
}

/**
 * Every problem with the server's environment, each a message naming its variable: credentials (DASHBOARD_AUTH),
 * CORS_ORIGINS, TRUST_PROXY_HOPS, INGEST_TOKEN, the ingest limits, the database options, the port and timeouts, the
 * alert webhooks (ALERT_WEBHOOK_URLS, PUBLIC_URL). The front server refuses to start while there is any, so a typo is
 * found at start-up, not as a 500 on every request.
 */
export function startupProblems(env: Env = process.env): string[] {
  return [
    ...problemOf(() => parseAuthConfig(env.DASHBOARD_AUTH)),
    ...problemOf(() => parseCorsOrigins(env.CORS_ORIGINS)),
    ...problemOf(() => parseTrustedProxies(env.TRUST_PROXY_HOPS)),
    ...ingestTokenProblems(env.INGEST_TOKEN),
    ...problemOf(() => ingestLimitsFromEnv(env)),
    ...problemOf(() => dbConfigFromEnv(env)),
    ...problemOf(() => serverSettingsFromEnv(env)),
    ...problemOf(() => alertSettingsFromEnv(env)),
  ];
}
