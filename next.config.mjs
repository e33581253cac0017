/** Headers for every response: no MIME sniffing, no framing by other sites, no referrer to other origins. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Referrer-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The LanceDB native addon and its Arrow copy must be loaded by Node, not bundled.
  serverExternalPackages: ['@lancedb/lancedb', 'apache-arrow'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
