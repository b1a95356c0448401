/**
 * Runs Halaqa on its embedded defaults: DATABASE_URL or an embedded
 * PostgreSQL under .data/, migrations, the demo academy, LIVEKIT_* or a local
 * livekit-server whose webhook points at the app, then `next dev`. Without
 * LiveKit the app still starts and says why video is unavailable.
 *
 * With --production (`npm start`) nothing is generated or seeded: secrets,
 * the LiveKit key pair and an https APP_URL come from the environment, and
 * the start is refused, naming every problem, when they do not
 * (server/startup/production-checks.ts). Given only LIVEKIT_API_KEY and
 * LIVEKIT_API_SECRET it runs a local livekit-server with them (a local trial).
 *
 * Mail: SMTP_URL, or a local Mailpit (SMTP and its HTTP API on 127.0.0.1,
 * mail kept under .data/mailpit) with the mail worker inside the app
 * (MAIL_WORKER=inline); read it with `npm run mail -- inbox`.
 *
 * Variables only this script reads: PORT (3000), HALAQA_DATA_DIR (.data),
 * HALAQA_PG_PORT (54329), HALAQA_LIVEKIT_PORT (7880; ICE/UDP on +2),
 * HALAQA_MAILPIT_PORT (8025, its HTTP API; SMTP on HALAQA_MAILPIT_SMTP_PORT, 1025),
 * HALAQA_SEED (1 in development, 0 in production), HALAQA_DEMO_PASSWORD.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '@/server/db';
import { runMigrations } from '@/server/db/migrate';
import { configurationProblems, demoPasswordProblems, localSecretsIn, refusalMessage } from '@/server/startup/production-checks';
import { DEMO_ACADEMY_SLUG, DEMO_PASSWORD, DEMO_USERS, seedDemoAcademy } from '@/server/seed/demo-academy';
import { findOrBuildLivekitServer, startLivekitServer } from './infra/livekit';
import { findOrBuildMailpit, startMailpit } from './infra/mailpit';
import { ensureDatabase, startEmbeddedPostgres } from './infra/postgres';
import { onExitSync, onShutdown, shutdownAndExit } from './infra/shutdown';

const production = process.argv.includes('--production');
const env = process.env;
env.NEXT_TELEMETRY_DISABLED ??= '1';
const port = Number(env.PORT ?? 3000);
const dataDir = path.resolve(env.HALAQA_DATA_DIR ?? '.data');
const appUrl = env.APP_URL ?? `http://127.0.0.1:${port}`;
const log = (line: string) => console.log(`[halaqa] ${line}`);

type Secrets = { authSecret: string; cronSecret: string; livekitKey: string; livekitSecret: string };

/** Development: secrets made once and kept under .data/ so sessions survive restarts. Production: the environment's. */
function localSecrets(): Secrets {
  if (production) {
    return { authSecret: env.AUTH_SECRET ?? '', cronSecret: env.CRON_SECRET ?? '', livekitKey: env.LIVEKIT_API_KEY ?? '', livekitSecret: env.LIVEKIT_API_SECRET ?? '' };
  }
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    authSecret: randomBytes(32).toString('base64url'),
    cronSecret: randomBytes(24).toString('base64url'),
    livekitKey: 'halaqa-local',
    livekitSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function database(): Promise<string> {
  if (env.DATABASE_URL) {
    log('PostgreSQL: DATABASE_URL');
    return env.DATABASE_URL;
  }
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: Number(env.HALAQA_PG_PORT ?? 54329), log });
  onShutdown(() => pg.stop());
  log(`PostgreSQL: embedded on 127.0.0.1:${pg.port} (data in ${path.join(dataDir, 'postgres')})`);
  return ensureDatabase(pg.url, 'halaqa');
}

async function livekit(secrets: Secrets): Promise<Record<string, string>> {
  if (env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET) {
    log(`LiveKit: ${env.LIVEKIT_URL} (from LIVEKIT_URL)`);
    return {};
  }
  const binary = await findOrBuildLivekitServer(log);
  if ('error' in binary) return { HALAQA_VIDEO_UNAVAILABLE: binary.error };
  const lkPort = Number(env.HALAQA_LIVEKIT_PORT ?? 7880);
  try {
    const server = await startLivekitServer({
      binary: binary.path,
      port: lkPort,
      rtcUdpPort: lkPort + 2,
      apiKey: secrets.livekitKey,
      apiSecret: secrets.livekitSecret,
      webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`],
      workDir: path.join(dataDir, 'livekit'),
      logFile: path.join(dataDir, 'livekit', 'server.log'),
    });
    onShutdown(() => server.stop());
    log(`LiveKit: local livekit-server on ${server.url} (log in ${path.join(dataDir, 'livekit', 'server.log')})`);
    return { LIVEKIT_URL: server.url, LIVEKIT_API_URL: server.apiUrl, LIVEKIT_API_KEY: server.apiKey, LIVEKIT_API_SECRET: server.apiSecret };
  } catch (error) {
    return { HALAQA_VIDEO_UNAVAILABLE: `livekit-server did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

/** SMTP_URL as given, else a local Mailpit whose mail the app's own worker sends (a local trial in production). */
async function mail(): Promise<Record<string, string>> {
  if (env.SMTP_URL) {
    log(`Mail: ${env.SMTP_URL.replace(/\/\/[^@/]*@/, '//…@')} (from SMTP_URL; worker ${env.MAIL_WORKER ?? (production ? 'off: run npm run mail-worker' : 'inline')})`);
    return {};
  }
  const binary = await findOrBuildMailpit(log);
  if ('error' in binary) {
    console.error(`\n[halaqa] MAIL IS NOT SENT: ${binary.error}\n[halaqa] Mail is queued in PostgreSQL until SMTP_URL is set.\n`);
    return {};
  }
  const httpPort = Number(env.HALAQA_MAILPIT_PORT ?? 8025);
  const smtpPort = Number(env.HALAQA_MAILPIT_SMTP_PORT ?? 1025);
  try {
    const server = await startMailpit({
      binary: binary.path,
      httpPort,
      smtpPort,
      databaseFile: path.join(dataDir, 'mailpit', 'mailpit.db'),
      logFile: path.join(dataDir, 'mailpit', 'mailpit.log'),
    });
    onShutdown(() => server.stop());
    log(`Mail: local Mailpit, SMTP ${server.smtpUrl}, inbox API ${server.apiUrl} (read it with: npm run mail -- inbox)`);
    return { SMTP_URL: server.smtpUrl, MAIL_FROM: env.MAIL_FROM ?? 'Halaqa <no-reply@halaqa.localhost>', MAIL_WORKER: env.MAIL_WORKER ?? 'inline', HALAQA_MAILPIT_URL: server.apiUrl };
  } catch (error) {
    console.error(`\n[halaqa] MAIL IS NOT SENT: ${error instanceof Error ? error.message : String(error)}\n[halaqa] Mail is queued in PostgreSQL until SMTP works.\n`);
    return {};
  }
}

/** Prints every problem, stops what was started (the embedded Postgres), exits 1. */
async function refuse(problems: string[]): Promise<never> {
  console.error(`\n[halaqa] ${refusalMessage(problems)}\n`);
  await shutdownAndExit(1);
  throw new Error('unreachable');
}

async function main() {
  const appEnv = { ...env, APP_URL: appUrl };
  // Refused before anything starts: the environment alone says enough.
  if (production) {
    const problems = configurationProblems(appEnv, localSecretsIn(dataDir));
    if (problems.length) await refuse(problems);
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets = localSecrets();
  const databaseUrl = await database();
  await runMigrations(databaseUrl);
  log('migrations applied');

  const seed = (env.HALAQA_SEED ?? (production ? '0' : '1')) === '1';
  const demoPassword = env.HALAQA_DEMO_PASSWORD || DEMO_PASSWORD;
  const handle = createDb(databaseUrl, { max: 2 });
  let accountProblems: string[] = [];
  try {
    if (seed) {
      const seeded = await seedDemoAcademy(handle.db, new Date(), { password: demoPassword });
      log(`demo academy ${DEMO_ACADEMY_SLUG} ${seeded.created ? 'created' : 'ready'}; sessions ${seeded.sessionIds.join(', ')}`);
    }
    if (production) accountProblems = await demoPasswordProblems(handle.db);
  } finally {
    await handle.close();
  }
  if (accountProblems.length) await refuse(accountProblems);

  const video = await livekit(secrets);
  if (video.HALAQA_VIDEO_UNAVAILABLE) {
    console.error(`\n[halaqa] VIDEO IS UNAVAILABLE: ${video.HALAQA_VIDEO_UNAVAILABLE}\n[halaqa] The app runs; rooms will say so.\n`);
  }

  const mailEnv = await mail();

  const childEnv = {
    ...env,
    DATABASE_URL: databaseUrl,
    ...appEnv,
    NEXTAUTH_URL: appUrl,
    AUTH_SECRET: env.AUTH_SECRET ?? secrets.authSecret,
    CRON_SECRET: env.CRON_SECRET ?? secrets.cronSecret,
    ...video,
    ...mailEnv,
  };
  const next = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), production ? 'start' : 'dev', '-p', String(port), '-H', '127.0.0.1'], {
    env: childEnv,
    stdio: 'inherit',
  });
  onExitSync(() => next.kill('SIGTERM'));
  onShutdown(
    () =>
      new Promise<void>((resolve) => {
        if (next.exitCode !== null) return resolve();
        next.once('exit', () => resolve());
        next.kill('SIGTERM');
      }),
  );
  next.on('exit', (code) => void shutdownAndExit(code ?? 1));

  log(`app: ${appUrl}`);
  if (seed && !production) log(`demo users (password "${demoPassword}"): ${Object.values(DEMO_USERS).map((u) => `${u.email} (${u.role})`).join(', ')}`);
  else if (seed) log(`demo users (password from HALAQA_DEMO_PASSWORD): ${Object.values(DEMO_USERS).map((u) => u.email).join(', ')}`);
}

main().catch((error) => {
  console.error('[halaqa] failed to start:', error);
  void shutdownAndExit(1);
});
