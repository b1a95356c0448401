import type { NextConfig } from 'next';

const config: NextConfig = {
  // The room's LiveKit connection races React StrictMode's double mount (LIVEKIT.md).
  reactStrictMode: false,
  serverExternalPackages: ['postgres', 'livekit-server-sdk', 'bcryptjs'],
  poweredByHeader: false,
};

export default config;
