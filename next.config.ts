import type { NextConfig } from 'next';

const config: NextConfig = {
  // The room's LiveKit connection races React StrictMode's double mount: connecting twice to one room drops the first connection.
  reactStrictMode: false,
  serverExternalPackages: ['postgres', 'livekit-server-sdk', 'bcryptjs'],
  poweredByHeader: false,
};

export default config;
