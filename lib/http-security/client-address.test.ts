import { describe, expect, it } from 'vitest';
import { CLIENT_HEADER, clientAddress, normalizeAddress, requestClient } from './client-address';

describe('clientAddress', () => {
  it('without trusted proxies is the socket peer, whatever x-forwarded-for says', () => {
    expect(clientAddress('127.0.0.1', null, 0)).toBe('127.0.0.1');
    expect(clientAddress('10.0.0.9', '1.2.3.4, 10.0.0.1', 0)).toBe('10.0.0.9');
    expect(clientAddress(undefined, null, 0)).toBe('unknown');
  });

  it('with n trusted proxies takes the n-th entry from the right, ignoring what the client wrote', () => {
    // client forged "6.6.6.6"; proxy 1 appended the real client 1.2.3.4; proxy 2 appended proxy 1 (10.0.0.1).
    expect(clientAddress('10.0.0.2', '6.6.6.6, 1.2.3.4, 10.0.0.1', 2)).toBe('1.2.3.4');
    expect(clientAddress('10.0.0.1', '6.6.6.6, 1.2.3.4', 1)).toBe('1.2.3.4');
    expect(clientAddress('10.0.0.1', '1.2.3.4', 3)).toBe('1.2.3.4');
    // A trusted proxy that sent no header: the peer.
    expect(clientAddress('10.0.0.1', null, 1)).toBe('10.0.0.1');
  });

  it('counts an IPv4 client of an IPv6 socket as that IPv4 client', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress('::1')).toBe('::1');
    expect(clientAddress('::ffff:203.0.113.7', null, 0)).toBe('203.0.113.7');
  });
});

describe('requestClient', () => {
  it("prefers the front server's header, else the last x-forwarded-for entry (Next.js's socket address)", () => {
    const front = new Headers({ [CLIENT_HEADER]: '203.0.113.9', 'x-forwarded-for': '6.6.6.6' });
    expect(requestClient(front, 0)).toBe('203.0.113.9');
    expect(requestClient(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }), 0)).toBe('127.0.0.1');
    expect(requestClient(new Headers({ 'x-forwarded-for': '6.6.6.6, 1.2.3.4' }), 1)).toBe('1.2.3.4');
    expect(requestClient(new Headers(), 0)).toBe('unknown');
  });
});
