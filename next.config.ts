import type { NextConfig } from 'next';

// The benchmarks' ceiling routes (app/api/bench/*/route.bench.ts) exist only in a
// build made with HALAQA_BENCH_ROUTES=1 (bench/lib/production-app.ts sets it).
const benchRoutes = process.env.HALAQA_BENCH_ROUTES === '1';

const config: NextConfig = {
  // The room's LiveKit connection races React StrictMode's double mount (LIVEKIT.md).
  reactStrictMode: false,
  serverExternalPackages: ['postgres', 'livekit-server-sdk', 'bcryptjs', '@node-rs/argon2'],
  poweredByHeader: false,
  pageExtensions: benchRoutes ? ['tsx', 'ts', 'bench.ts'] : ['tsx', 'ts'],
  // proxy.ts sets every header (with the CSP nonce) on everything but the static build output; this covers that.
  headers: async () => [
    {
      source: '/_next/static/:path*',
      headers: [
        { key: 'x-content-type-options', value: 'nosniff' },
        { key: 'referrer-policy', value: 'strict-origin-when-cross-origin' },
        { key: 'x-frame-options', value: 'DENY' },
      ],
    },
  ],
};

export default config;
