import { createHash } from 'node:crypto';
import { authenticate } from './authenticate';
import { presentedCredential, secretsEqual } from './credentials';
import type { SecuritySettings } from './settings';

/** Who a request is: a name, or why there is none. */
export type Identity =
  | { kind: 'identified'; name: string }
  | { kind: 'unauthenticated'; reason: 'missing' | 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

/** Everyone, when the dashboard has no credentials configured. */
export const ANONYMOUS = 'anonymous';

/** The name of an unnamed bearer token: `token-` and the first 8 hex digits of its SHA-256 (never the token). */
export function tokenName(token: string): string {
  return `token-${createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 8)}`;
}

/**
 * The signed-in identity of a request, checked as the proxy checks it (same gate, so a header accepted recently costs
 * nothing): the Basic user name; for a bearer token the name its `DASHBOARD_AUTH` entry gives it, else `tokenName`;
 * `anonymous` when DASHBOARD_AUTH is not set.
 */
export function requestIdentity(headers: Headers, settings: SecuritySettings): Identity {
  if (settings.credentials.length === 0) return { kind: 'identified', name: ANONYMOUS };
  const outcome = authenticate(headers, settings);
  if (outcome.kind !== 'allowed') return outcome;
  const presented = presentedCredential(headers.get('authorization'));
  if (presented.kind === 'basic') return { kind: 'identified', name: presented.user };
  if (presented.kind !== 'bearer') return { kind: 'unauthenticated', reason: 'invalid' };
  let name: string | null = null;
  for (const credential of settings.credentials)
    if (credential.kind === 'bearer' && secretsEqual(presented.token, credential.token))
      name ??= credential.name ?? tokenName(credential.token);
  return name === null ? { kind: 'unauthenticated', reason: 'invalid' } : { kind: 'identified', name };
}

/**
 * The cross-site request guard of the browser's writes: a request that says it comes from another site is refused —
 * `Sec-Fetch-Site: cross-site` or `same-site`, or an `Origin` whose host is not the request's `Host` and not one of
 * CORS_ORIGINS. A request without either header (curl, scripts) passes: browsers send `Origin` with every POST, PATCH
 * and DELETE. Behind trusted proxies (TRUST_PROXY_HOPS) the host is their `X-Forwarded-Host`. Returns the reason to
 * refuse, or null.
 */
export function crossSiteReason(headers: Headers, settings: SecuritySettings): string | null {
  const site = headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return `a ${site} request may not write`;
  const origin = headers.get('origin');
  if (origin === null) return null;
  if (settings.corsOrigins.has(origin)) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return `Origin "${origin}" is not this dashboard`;
  }
  const forwarded = settings.trustedProxies > 0 ? headers.get('x-forwarded-host') : null;
  const own = forwarded ?? headers.get('host');
  return own !== null && host === own ? null : `Origin "${origin}" is not this dashboard`;
}
