import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { localTrialEnv } from './scripts/infra/trial-env';

// One fresh data folder (Postgres, LiveKit config) per run, shared by the workers through the env.
process.env.HALAQA_E2E_DATA ??= path.join(os.tmpdir(), `halaqa-e2e-${Date.now()}`);
// The production start is a local trial with secrets of its own and the demo academy seeded on request;
// made once in the runner and inherited by the workers (the fixtures sign in with HALAQA_DEMO_PASSWORD).
if (!process.env.HALAQA_E2E_TRIAL) {
  process.env.HALAQA_E2E_TRIAL = JSON.stringify(localTrialEnv());
}
const trial = JSON.parse(process.env.HALAQA_E2E_TRIAL) as Record<string, string>;
process.env.HALAQA_DEMO_PASSWORD = trial.HALAQA_DEMO_PASSWORD;
const port = Number(process.env.HALAQA_E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
/** The app's local Mailpit (the dev script starts it; its SMTP port is one above): e2e/fixtures/mail.ts reads sent mail from it. */
export const mailpitURL = `http://127.0.0.1:${port + 30}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // The pages only read: two at a time, first. Then every flow, one at a time in file order (they share
  // the demo academy's sessions and rooms).
  fullyParallel: false,
  workers: 2,
  projects: [
    { name: 'pages', testMatch: 'pages.spec.ts', fullyParallel: true, workers: 2 },
    { name: 'flows', testIgnore: 'pages.spec.ts', dependencies: ['pages'], workers: 1 },
  ],
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-fake-ui-for-media-stream',
        // The fake camera at 10 frames a second: every room test runs two or three real publishers on two cores.
        '--use-fake-device-for-media-stream=fps=10',
        '--allow-loopback-in-peer-connection',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
    permissions: ['camera', 'microphone'],
  },
  webServer: {
    // The production build (npm test builds it first) on embedded Postgres, a local livekit-server, the recording
    // stack and a local Mailpit (its mail worker inside the app).
    // react-server: server modules' `import 'server-only'` resolves to its server (empty) build.
    command: 'node --conditions=react-server --import tsx scripts/dev.ts --production',
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      PORT: String(port),
      HALAQA_DATA_DIR: process.env.HALAQA_E2E_DATA,
      HALAQA_PG_PORT: String(port + 10),
      HALAQA_LIVEKIT_PORT: String(port + 20),
      HALAQA_MAILPIT_PORT: String(port + 30),
      HALAQA_MAILPIT_SMTP_PORT: String(port + 31),
      APP_URL: baseURL,
      // The real recording stack (Redis, egress worker, versitygw): recording.spec.ts records for real.
      HALAQA_RECORDING: '1',
      ...trial,
    },
  },
});
