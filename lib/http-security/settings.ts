import { parseAuthConfig, type Credential } from './auth-config';
import { parseCorsOrigins } from './cors';
import { CredentialGate } from './credential-gate';

/** Failed logins a client may make per minute, and all clients together. */
export const FAILURES_PER_CLIENT = 10;
export const FAILURES_OVERALL = 100;
const WINDOW_MS = 60_000;

export interface SecuritySettings {
  /** Accepted credentials; empty means the dashboard is open. */
  credentials: Credential[];
  corsOrigins: Set<string>;
  /** Reverse proxies in front of the server whose x-forwarded-for entries are believed. */
  trustedProxies: number;
  development: boolean;
  /** Throttles failed logins and remembers accepted ones. */
  gate: CredentialGate;
}

type Env = Record<string, string | undefined>;

export function parseTrustedProxies(text: string | undefined): number {
  if (text === undefined || text === '') return 0;
  if (!/^\d{1,2}$/.test(text)) throw new Error('TRUST_PROXY_HOPS must be a whole number of proxies (0–99)');
  return Number(text);
}

/** Reads DASHBOARD_AUTH, CORS_ORIGINS and TRUST_PROXY_HOPS; throws a message naming the variable when one is bad. */
export function settingsFromEnv(env: Env): SecuritySettings {
  return {
    credentials: parseAuthConfig(env.DASHBOARD_AUTH),
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS),
    trustedProxies: parseTrustedProxies(env.TRUST_PROXY_HOPS),
    development: env.NODE_ENV === 'development',
    gate: new CredentialGate({
      perClient: FAILURES_PER_CLIENT,
      overall: FAILURES_OVERALL,
      windowMs: WINDOW_MS,
    }),
  };
}

let memo: { key: string; settings: SecuritySettings } | null = null;

/** The settings of the running process, parsed once (again only if the variables change, as tests do). */
export function currentSettings(env: Env = process.env): SecuritySettings {
  const key = JSON.stringify([env.DASHBOARD_AUTH, env.CORS_ORIGINS, env.TRUST_PROXY_HOPS, env.NODE_ENV]);
  if (memo?.key !== key) memo = { key, settings: settingsFromEnv(env) };
  return memo.settings;
}
