import { describe, expect, it } from 'vitest';
import { newNonce, pageContentSecurityPolicy } from './content-security-policy';

describe('page Content-Security-Policy', () => {
  it('allows scripts only with the nonce and keeps every other directive tight', () => {
    const policy = pageContentSecurityPolicy('abc123');
    const directives = Object.fromEntries(
      policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives['script-src']).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directives['default-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'self'");
    expect(directives['base-uri']).toBe("'self'");
    expect(directives['form-action']).toBe("'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(pageContentSecurityPolicy('n', true)).toContain("'unsafe-eval'");
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const a = newNonce();
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
