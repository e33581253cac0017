import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('without trusted proxies uses the header as it stands (Next.js fills it from the socket)', () => {
    expect(clientAddress('127.0.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddress('1.2.3.4, 10.0.0.1', 0)).toBe('1.2.3.4, 10.0.0.1');
    expect(clientAddress(null, 0)).toBe('unknown');
  });

  it('with n trusted proxies takes the n-th entry from the right, ignoring what the client wrote', () => {
    // client forged "6.6.6.6"; proxy 1 appended the real client 1.2.3.4; proxy 2 appended proxy 1 (10.0.0.1).
    expect(clientAddress('6.6.6.6, 1.2.3.4, 10.0.0.1', 2)).toBe('1.2.3.4');
    expect(clientAddress('6.6.6.6, 1.2.3.4', 1)).toBe('1.2.3.4');
    expect(clientAddress('1.2.3.4', 3)).toBe('1.2.3.4');
  });
});
