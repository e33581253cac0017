import { describe, expect, it } from 'vitest';
import { parseAuthConfig } from './auth-config';
import { credentialAccepted, presentedCredential, secretsEqual } from './credentials';
import { hashPassword, verifyPassword } from './password-hash';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('presentedCredential', () => {
  it('decodes Basic (password may hold colons) and Bearer, case-insensitive scheme', () => {
    expect(presentedCredential(basic('alice', 'a:b'))).toEqual({
      kind: 'basic',
      user: 'alice',
      password: 'a:b',
    });
    // "alice:pw" in base64, written by hand: YWxpY2U6cHc=
    expect(presentedCredential('basic YWxpY2U6cHc=')).toEqual({
      kind: 'basic',
      user: 'alice',
      password: 'pw',
    });
    expect(presentedCredential('Bearer tok')).toEqual({ kind: 'bearer', token: 'tok' });
  });

  it('tells a missing header from a malformed one', () => {
    expect(presentedCredential(null)).toEqual({ kind: 'none' });
    expect(presentedCredential('Basic')).toEqual({ kind: 'malformed' });
    expect(presentedCredential('Digest abc')).toEqual({ kind: 'malformed' });
    expect(presentedCredential(`Basic ${Buffer.from('nocolon').toString('base64')}`)).toEqual({
      kind: 'malformed',
    });
  });
});

describe('credentialAccepted', () => {
  const accepted = parseAuthConfig(
    `basic:alice:wonderland,basic:bob:${hashPassword('builder')},bearer:tok-0123456789abcdef`,
  );
  const check = (header: string) => credentialAccepted(presentedCredential(header), accepted);

  it('accepts each configured credential', () => {
    expect(check(basic('alice', 'wonderland'))).toBe(true);
    expect(check(basic('bob', 'builder'))).toBe(true);
    expect(check('Bearer tok-0123456789abcdef')).toBe(true);
  });

  it('rejects a wrong password, another user’s password, an unknown user and a wrong token', () => {
    expect(check(basic('alice', 'wonderlan'))).toBe(false);
    expect(check(basic('alice', 'builder'))).toBe(false);
    expect(check(basic('bob', 'wonderland'))).toBe(false);
    expect(check(basic('mallory', 'wonderland'))).toBe(false);
    expect(check('Bearer tok-0123456789abcdeF')).toBe(false);
    expect(check(`Bearer ${basic('alice', 'wonderland').slice(6)}`)).toBe(false);
    expect(credentialAccepted({ kind: 'malformed' }, accepted)).toBe(false);
  });

  it('a bearer token is not a Basic password and the other way round', () => {
    const tokenOnly = parseAuthConfig('bearer:tok-0123456789abcdef');
    expect(credentialAccepted(presentedCredential(basic('x', 'tok-0123456789abcdef')), tokenOnly)).toBe(
      false,
    );
  });

  it('secretsEqual compares whole strings of any length', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
    expect(secretsEqual('', '')).toBe(true);
  });

  it('does the same work for known and unknown users, plain and hashed entries: one scrypt check each', () => {
    let checks = 0;
    const counting = (password: string, hash: Parameters<typeof verifyPassword>[1]) => {
      checks++;
      return verifyPassword(password, hash);
    };
    const attempts = [
      basic('alice', 'wonderland'), // plain entry, right password
      basic('alice', 'wrong'), // plain entry, wrong password
      basic('bob', 'builder'), // hashed entry, right password
      basic('bob', 'wrong'), // hashed entry, wrong password
      basic('mallory', 'anything'), // unknown user
    ];
    const outcomes = attempts.map((header) => {
      checks = 0;
      const ok = credentialAccepted(presentedCredential(header), accepted, counting);
      return [ok, checks];
    });
    expect(outcomes).toEqual([
      [true, 1],
      [false, 1],
      [true, 1],
      [false, 1],
      [false, 1],
    ]);
    // With only plain entries there is nothing to hash: no scrypt check for anyone.
    checks = 0;
    const plainOnly = parseAuthConfig('basic:alice:wonderland');
    expect(credentialAccepted(presentedCredential(basic('alice', 'wonderland')), plainOnly, counting)).toBe(
      true,
    );
    expect(credentialAccepted(presentedCredential(basic('eve', 'x')), plainOnly, counting)).toBe(false);
    expect(checks).toBe(0);
  });
});
