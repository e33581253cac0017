/** @type {import('next').NextConfig} */
const nextConfig = {
  // The LanceDB native addon and its Arrow copy must be loaded by Node, not bundled.
  serverExternalPackages: ['@lancedb/lancedb', 'apache-arrow'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
