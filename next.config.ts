import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { STATIC_SECURITY_HEADERS } from './server/http/security-headers';

// The benchmarks' ceiling routes (app/api/bench/*/route.bench.ts) exist only in a
// build made with HALAQA_BENCH_ROUTES=1 (bench/lib/production-app.ts sets it).
const benchRoutes = process.env.HALAQA_BENCH_ROUTES === '1';
const staticHeaders = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));

const config: NextConfig = {
  // The room's LiveKit connection races React StrictMode's double mount: connecting twice to one room drops the first connection.
  reactStrictMode: false,
  serverExternalPackages: ['postgres', 'livekit-server-sdk', 'bcryptjs', 'graphile-worker', 'pg', 'nodemailer'],
  poweredByHeader: false,
  outputFileTracingIncludes: {
    // The start-up schema check (server/db/migrate.ts: schemaStatus) reads the migrations' journal.
    '/**/*': ['./drizzle/meta/_journal.json'],
    // The Quran text is read from node_modules at run time (server/modules/mushaf/quran-text.ts).
    '/api/trpc/*': ['./node_modules/quran-json/dist/quran.json'],
  },
  pageExtensions: benchRoutes ? ['tsx', 'ts', 'bench.ts'] : ['tsx', 'ts'],
  // Pages get theirs, with the CSP nonce, from proxy.ts; the API and the static build output from here.
  headers: async () => [
    { source: '/api/:path*', headers: staticHeaders },
    { source: '/_next/static/:path*', headers: staticHeaders },
  ],
};

// The viewer's language and catalogue for each request (i18n/request.ts).
export default createNextIntlPlugin('./i18n/request.ts')(config);
