/** Browser features the dashboard never uses, denied to it and to anything it might embed. */
const deniedFeatures = [
  'camera',
  'microphone',
  'geolocation',
  'payment',
  'usb',
  'serial',
  'hid',
  'midi',
  'accelerometer',
  'gyroscope',
  'magnetometer',
  'display-capture',
  'browsing-topics',
];

/**
 * Headers for every response, static files included: no MIME sniffing, no framing by other sites, no referrer to other
 * origins, no powerful browser features. The Content-Security-Policy is set per request by proxy.ts (it carries a nonce).
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: deniedFeatures.map((feature) => `${feature}=()`).join(', ') },
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
  // Browsers still ask for /favicon.ico now and then (besides the <link rel="icon">): answer with the app's icon
  // rather than a 404 in the console and the logs.
  async rewrites() {
    return [{ source: '/favicon.ico', destination: '/icon.svg' }];
  },
};

export default nextConfig;
