import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Credential } from './auth-config';
import { verifyPassword, type ScryptHash } from './password-hash';

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

type BasicCredential = Extract<Credential, { kind: 'basic' }>;

/**
 * Whether the presented credential matches one of the configured ones. Every configured credential of the presented
 * kind is compared (no early exit), and a Basic attempt always costs the same work whoever it names: one plain
 * comparison and, when any entry is hashed, exactly one scrypt check (against the named user's hash, or against the
 * first hashed entry as a decoy when the user is unknown or has a plain password). So the answer time tells neither
 * which users exist, nor which have hashed passwords, nor how close a guess was (given hashes of one cost, as
 * `scripts/hash-password.ts` makes them). `verify` is the scrypt check (a parameter for tests).
 */
export function credentialAccepted(
  presented: Presented,
  accepted: readonly Credential[],
  verify: (password: string, hash: ScryptHash) => boolean = verifyPassword,
): boolean {
  if (presented.kind === 'bearer') {
    let ok = false;
    for (const credential of accepted)
      if (credential.kind === 'bearer') ok = secretsEqual(presented.token, credential.token) || ok;
    return ok;
  }
  if (presented.kind !== 'basic') return false;
  let match: BasicCredential | null = null;
  let decoyHash: ScryptHash | null = null;
  for (const credential of accepted) {
    if (credential.kind !== 'basic') continue;
    if ('hash' in credential.password) decoyHash ??= credential.password.hash;
    if (secretsEqual(presented.user, credential.user) && !match) match = credential;
  }
  const plain = match && 'plain' in match.password ? match.password.plain : null;
  const plainOk = secretsEqual(presented.password, plain ?? DECOY_PLAIN);
  const hash = match && 'hash' in match.password ? match.password.hash : decoyHash;
  const hashOk = hash !== null && verify(presented.password, hash);
  if (match === null) return false;
  return plain !== null ? plainOk : hashOk;
}

/** What an attempt's password is compared with when no plain entry is named (never a configured password). */
const DECOY_PLAIN = randomBytes(24).toString('base64url');
