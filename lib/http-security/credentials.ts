import { createHash, timingSafeEqual } from 'node:crypto';
import type { Credential } from './auth-config';
import { verifyPassword } from './password-hash';

/** What an Authorization header presents. */
export type Presented =
  | { kind: 'none' }
  | { kind: 'malformed' }
  | { kind: 'basic'; user: string; password: string }
  | { kind: 'bearer'; token: string };

export function presentedCredential(authorization: string | null): Presented {
  if (!authorization) return { kind: 'none' };
  const match = /^(\S+)\s+(\S+)\s*$/.exec(authorization);
  if (!match) return { kind: 'malformed' };
  const scheme = match[1].toLowerCase();
  if (scheme === 'bearer') return { kind: 'bearer', token: match[2] };
  if (scheme !== 'basic') return { kind: 'malformed' };
  const decoded = Buffer.from(match[2], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { kind: 'malformed' };
  return { kind: 'basic', user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time string equality: both sides are hashed first, so neither length nor content leaks. */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Whether the presented credential matches one of the configured ones. Every configured credential of the presented
 * kind is compared (no early exit), and a Basic password is checked once whether or not the user exists (against a
 * decoy when none matched), so the answer time tells neither which users exist nor how close a guess was.
 */
export function credentialAccepted(presented: Presented, accepted: readonly Credential[]): boolean {
  if (presented.kind === 'bearer') {
    let ok = false;
    for (const credential of accepted)
      if (credential.kind === 'bearer') ok = secretsEqual(presented.token, credential.token) || ok;
    return ok;
  }
  if (presented.kind !== 'basic') return false;
  let match: Extract<Credential, { kind: 'basic' }> | null = null;
  let decoy: Extract<Credential, { kind: 'basic' }> | null = null;
  for (const credential of accepted) {
    if (credential.kind !== 'basic') continue;
    decoy ??= credential;
    if (secretsEqual(presented.user, credential.user) && !match) match = credential;
  }
  const checked = match ?? decoy;
  if (!checked) return false;
  const passwordOk =
    'plain' in checked.password
      ? secretsEqual(presented.password, checked.password.plain)
      : verifyPassword(presented.password, checked.password.hash);
  return match !== null && passwordOk;
}
