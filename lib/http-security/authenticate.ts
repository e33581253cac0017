import { createHash } from 'node:crypto';
import { clientAddress } from './client-address';
import { credentialAccepted, presentedCredential } from './credentials';
import type { SecuritySettings } from './settings';

export type AuthOutcome =
  | { kind: 'allowed' }
  | { kind: 'unauthenticated'; reason: 'missing' | 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

/** How long an accepted Authorization header is remembered, and how many are. */
const ACCEPTED_TTL_MS = 5 * 60_000;
const ACCEPTED_MAX = 1000;

function rememberedAccepted(accepted: Map<string, number>, digest: string, now: number): boolean {
  const until = accepted.get(digest);
  if (until === undefined) return false;
  if (until > now) return true;
  accepted.delete(digest);
  return false;
}

/** Remembers (or refreshes) an accepted header; the least recently used one goes when full. */
function rememberAccepted(accepted: Map<string, number>, digest: string, now: number): void {
  accepted.delete(digest);
  if (accepted.size >= ACCEPTED_MAX) accepted.delete(accepted.keys().next().value!);
  accepted.set(digest, now + ACCEPTED_TTL_MS);
}

/**
 * Checks a request's credentials against the configured ones. A header accepted in the last minutes passes at once
 * (so a lock-out caused by someone else's guessing does not log out people already in); otherwise a client that failed
 * too often, or anyone while all clients together did, is refused before its credentials are even looked at, so
 * guessing stops paying off. A request without credentials is not a failure (browsers send one before asking).
 */
export function authenticate(
  headers: Headers,
  settings: SecuritySettings,
  now: number = Date.now(),
): AuthOutcome {
  if (settings.credentials.length === 0) return { kind: 'allowed' };
  const authorization = headers.get('authorization');
  const presented = presentedCredential(authorization);
  if (presented.kind === 'none') return { kind: 'unauthenticated', reason: 'missing' };
  const digest = createHash('sha256').update(authorization!).digest('hex');
  if (rememberedAccepted(settings.accepted, digest, now)) {
    rememberAccepted(settings.accepted, digest, now);
    return { kind: 'allowed' };
  }
  const client = clientAddress(headers.get('x-forwarded-for'), settings.trustedProxies);
  const retryAfterSeconds = settings.throttle.retryAfterSeconds(client);
  if (retryAfterSeconds > 0) return { kind: 'throttled', retryAfterSeconds };
  if (credentialAccepted(presented, settings.credentials)) {
    rememberAccepted(settings.accepted, digest, now);
    return { kind: 'allowed' };
  }
  settings.throttle.recordFailure(client);
  return { kind: 'unauthenticated', reason: 'invalid' };
}
