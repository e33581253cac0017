import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, parsePasswordHash, verifyPassword } from './password-hash';

describe('password hashes', () => {
  it('stores scrypt$N$r$p$salt$key and verifies only the right password', () => {
    const stored = hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(isPasswordHash(stored)).toBe(true);
    const hash = parsePasswordHash(stored);
    expect(verifyPassword('correct horse', hash)).toBe(true);
    expect(verifyPassword('correct horse ', hash)).toBe(false);
    expect(verifyPassword('', hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', () => {
    expect(hashPassword('pw')).not.toBe(hashPassword('pw'));
  });

  it('matches the scrypt test vector of RFC 7914 (N=16, r=1, p=1, empty password and salt)', () => {
    // RFC 7914 §12, first vector, truncated to its first 32 bytes.
    const key = Buffer.from('77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442', 'hex');
    // The vector's salt is empty (parsePasswordHash would refuse it as too short, so the primitive is checked here).
    expect(verifyPassword('', { N: 16, r: 1, p: 1, salt: Buffer.alloc(0), key })).toBe(true);
    expect(verifyPassword('x', { N: 16, r: 1, p: 1, salt: Buffer.alloc(0), key })).toBe(false);
  });

  it('rejects malformed hashes with a reason', () => {
    expect(() => parsePasswordHash('scrypt$16384$8$1$abc')).toThrow(/scrypt\$N\$r\$p\$salt\$key/);
    expect(() => parsePasswordHash('scrypt$1000$8$1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAA')).toThrow(
      /power of two/,
    );
    expect(() => parsePasswordHash('scrypt$16384$99$1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAA')).toThrow(
      /r must be/,
    );
    expect(() => parsePasswordHash('scrypt$16384$8$1$AA$AAAAAAAAAAAAAAAAAAAAAAA')).toThrow(/too short/);
    expect(isPasswordHash('hunter2')).toBe(false);
  });
});
