import { createRequire } from 'node:module';

/**
 * Headers for every response, static files included: no MIME sniffing, no framing by other sites, no referrer to other
 * origins, no powerful browser features (lib/http-security/static-headers.json, which the front server applies too).
 * The Content-Security-Policy is set per request by proxy.ts (it carries a nonce).
 */
const securityHeaders = createRequire(import.meta.url)('./lib/http-security/static-headers.json');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The LanceDB native addon and its Arrow copy must be loaded by Node, not bundled.
  serverExternalPackages: ['@lancedb/lancedb', 'apache-arrow'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
  // Browsers still ask for /favicon.ico now and then (besides the <link rel="icon">): answer with the app's icon
  // rather than a 404 in the console and the logs.
  async rewrites() {
    return [{ source: '/favicon.ico', destination: '/icon.svg' }];
  },
};

export default nextConfig;
