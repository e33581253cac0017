import { describe, expect, it } from 'vitest';
import { parseAuthConfig } from './auth-config';
import { hashPassword } from './password-hash';

describe('parseAuthConfig (DASHBOARD_AUTH)', () => {
  it('is empty (open dashboard) when unset or blank', () => {
    expect(parseAuthConfig(undefined)).toEqual([]);
    expect(parseAuthConfig('  ')).toEqual([]);
  });

  it('reads basic users with plain or hashed passwords and bearer tokens', () => {
    const hash = hashPassword('s3cret');
    const entries = parseAuthConfig(`basic:alice:pa:ss, basic:bob:${hash},bearer:0123456789abcdef0123`);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toEqual({ kind: 'basic', user: 'alice', password: { plain: 'pa:ss' } });
    expect(entries[1]).toMatchObject({
      kind: 'basic',
      user: 'bob',
      password: { hash: { N: 16384, r: 8, p: 1 } },
    });
    expect(entries[2]).toEqual({ kind: 'bearer', token: '0123456789abcdef0123' });
  });

  it('names the bad entry by position and user, never its secret', () => {
    expect(() => parseAuthConfig('bearer:short')).toThrow(
      'DASHBOARD_AUTH entry 1: a bearer token needs at least 16',
    );
    expect(() => parseAuthConfig('basic:alice:x,digest:bob:y')).toThrow(
      'DASHBOARD_AUTH entry 2: must start with basic: or bearer:',
    );
    expect(() => parseAuthConfig('basic:alice')).toThrow('entry 1: expected basic:<user>:<password>');
    expect(() => parseAuthConfig('basic::pw')).toThrow('entry 1: expected basic:<user>:<password>');
    expect(() => parseAuthConfig('basic:carol:')).toThrow('entry 1: user "carol" has an empty password');
    expect(() => parseAuthConfig('basic:dave:scrypt$1$2$3')).toThrow(
      /entry 1: user "dave": a hash must look like/,
    );
    expect(() => parseAuthConfig('bearer:0123456789abcdef 0123')).toThrow('must not contain whitespace');
    try {
      parseAuthConfig('basic:erin:topsecret,nope');
    } catch (error) {
      expect((error as Error).message).not.toContain('topsecret');
    }
  });
});
