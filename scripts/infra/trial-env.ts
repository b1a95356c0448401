/**
 * The environment of a local production trial, as the browser tests and the
 * benchmarks run it: secrets and a LiveKit key pair of their own (the dev
 * script runs a local livekit-server with them), http on loopback allowed
 * explicitly, and the demo academy seeded on request with a password that is
 * not the published one.
 */
import { randomBytes } from 'node:crypto';

const secret = () => randomBytes(32).toString('base64url');

export function localTrialEnv(): Record<string, string> {
  return {
    AUTH_SECRET: secret(),
    CRON_SECRET: secret(),
    LIVEKIT_API_KEY: `trial-${randomBytes(6).toString('hex')}`,
    LIVEKIT_API_SECRET: secret(),
    HALAQA_ALLOW_HTTP: '1',
    HALAQA_SEED: '1',
    HALAQA_DEMO_PASSWORD: `demo-${randomBytes(9).toString('base64url')}`,
  };
}
