import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters of new hashes (N = 2^14, r = 8, p = 1: about 16 MB and a few tens of ms per check). */
const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';

/** A stored password hash: `scrypt$N$r$p$<salt>$<key>`, salt and key in base64url (no `,`, `:` or `=`). */
export function hashPassword(password: string, salt: Buffer = randomBytes(SALT_BYTES)): string {
  const key = scryptSync(password, salt, KEY_BYTES, { ...COST, maxmem: 64 * 1024 * 1024 });
  return [PREFIX, COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export interface ScryptHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

export function isPasswordHash(secret: string): boolean {
  return secret.startsWith(`${PREFIX}$`);
}

/** Parses `scrypt$N$r$p$salt$key`; throws a message naming what is wrong (never the secret itself). */
export function parsePasswordHash(text: string): ScryptHash {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX)
    throw new Error('a hash must look like scrypt$N$r$p$salt$key');
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > 2 ** 20) throw new Error('scrypt N must be a power of two ≤ 2^20');
  if (!Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16)
    throw new Error('scrypt r must be 1–32 and p 1–16');
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length < 8 || key.length < 16) throw new Error('scrypt salt or key too short');
  return { N, r, p, salt, key };
}

/** Whether `password` matches the hash, compared in constant time. */
export function verifyPassword(password: string, hash: ScryptHash): boolean {
  const key = scryptSync(password, hash.salt, hash.key.length, {
    N: hash.N,
    r: hash.r,
    p: hash.p,
    maxmem: 256 * hash.N * hash.r + 1024 * 1024,
  });
  return timingSafeEqual(key, hash.key);
}
