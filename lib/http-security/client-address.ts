/**
 * The address failed logins are counted under. `x-forwarded-for` lists the client first and each proxy after it;
 * Next.js fills it with the socket address when the request carries none. With `trustedProxies` = n (the number of
 * reverse proxies in front of the server, `TRUST_PROXY_HOPS`), the n-th entry from the right is the client as the
 * outermost trusted proxy saw it; entries further left were written by the client and are ignored. With 0 the whole
 * header is the key, so a client that sends its own header is counted under that exact value (the overall limit of
 * FailureThrottle bounds what inventing values gains).
 */
export function clientAddress(forwardedFor: string | null, trustedProxies: number): string {
  if (!forwardedFor) return 'unknown';
  if (trustedProxies <= 0) return forwardedFor.trim();
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  return hops[Math.max(0, hops.length - trustedProxies)] ?? 'unknown';
}
