import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const config: NextConfig = {
  // The room's LiveKit connection races React StrictMode's double mount: connecting twice to one room drops the first connection.
  reactStrictMode: false,
  serverExternalPackages: ['postgres', 'livekit-server-sdk', 'bcryptjs'],
  poweredByHeader: false,
};

// The viewer's language and catalogue for each request (i18n/request.ts).
export default createNextIntlPlugin('./i18n/request.ts')(config);
