/**
 * The header in which the front server (`scripts/serve.ts`) passes the client's address, as it computed it from the
 * socket and `TRUST_PROXY_HOPS`, to the proxy and the route handlers. The front server drops any such header a client
 * sends.
 */
export const CLIENT_HEADER = 'x-dashboard-client';

/** `::ffff:127.0.0.1` (an IPv4 client of an IPv6 socket) and `127.0.0.1` are one client. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/**
 * The client of a request: the socket's peer, or with `trustedProxies` = n (the number of reverse proxies in front of
 * the server, `TRUST_PROXY_HOPS`) the n-th `x-forwarded-for` entry from the right, the client as the outermost trusted
 * proxy saw it. Entries further left were written by the client and are ignored.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | null,
  trustedProxies: number,
): string {
  if (trustedProxies > 0 && forwardedFor) {
    const hops = forwardedFor
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop !== '');
    const entry = hops[Math.max(0, hops.length - trustedProxies)];
    if (entry) return normalizeAddress(entry);
  }
  return peer ? normalizeAddress(peer) : 'unknown';
}

/**
 * The client failed credentials are counted under: the front server's `x-dashboard-client`. Without the front server
 * (plain `next start`, `next dev`), Next.js fills `x-forwarded-for` with the socket address only when the request has
 * none, so the header's last entry stands in for the peer there; a client can forge it, which is why hosting goes
 * through `npm start`.
 */
export function requestClient(headers: Headers, trustedProxies: number): string {
  const fromFront = headers.get(CLIENT_HEADER);
  if (fromFront) return fromFront;
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return clientAddress(last, forwarded, trustedProxies);
}
