import { requestClient } from './client-address';
import { credentialAccepted, presentedCredential } from './credentials';
import type { SecuritySettings } from './settings';

export type AuthOutcome =
  | { kind: 'allowed' }
  | { kind: 'unauthenticated'; reason: 'missing' | 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

/**
 * Checks a request's credentials against the configured ones, through the login gate (`CredentialGate`): recently
 * accepted headers pass, guessing is throttled per client and overall. A request without credentials is not a
 * failure (browsers send one before asking).
 */
export function authenticate(headers: Headers, settings: SecuritySettings): AuthOutcome {
  if (settings.credentials.length === 0) return { kind: 'allowed' };
  const authorization = headers.get('authorization');
  const presented = presentedCredential(authorization);
  if (presented.kind === 'none') return { kind: 'unauthenticated', reason: 'missing' };
  const outcome = settings.gate.check(authorization!, requestClient(headers, settings.trustedProxies), () =>
    credentialAccepted(presented, settings.credentials),
  );
  if (outcome.kind === 'invalid') return { kind: 'unauthenticated', reason: 'invalid' };
  return outcome;
}
