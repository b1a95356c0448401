/**
 * Integration tests run against real servers started once per run: an
 * embedded PostgreSQL in a fresh temporary folder with a fresh database (or
 * a fresh database on DATABASE_URL's server), and a real livekit-server whose
 * webhooks reach the app's handler through a local sink, and a real SMTP
 * server, Mailpit, whose HTTP API tests read sent mail from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb } from '@/server/db';
import { runMigrations } from '@/server/db/migrate';
import { systemClock } from '@/server/lib/clock';
import { createLivekitGateway } from '@/server/livekit/gateway';
import { findOrBuildLivekitServer, startLivekitServer } from '@/scripts/infra/livekit';
import { findOrBuildMailpit, startMailpit } from '@/scripts/infra/mailpit';
import { freePort } from '@/scripts/infra/ports';
import { createDatabase, startEmbeddedPostgres } from '@/scripts/infra/postgres';
import { startWebhookSink } from './webhook-sink';

export interface IntegrationConfig {
  databaseUrl: string;
  livekit: { wsUrl: string; apiUrl: string; apiKey: string; apiSecret: string };
  webhookUrl: string;
  /** The run's Mailpit: SMTP for the mail worker, the HTTP API for reading what was sent; the binary for tests that start their own. */
  mailpit: { smtpUrl: string; apiUrl: string; binary: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    integration: IntegrationConfig;
  }
}

export default async function setup(project: TestProject) {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-int-'));
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg'), extraFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] });
      stops.push(() => pg.stop());
      adminUrl = pg.url;
    }
    const databaseUrl = await createDatabase(adminUrl, `halaqa_test_${Date.now()}_${process.pid}`);
    await runMigrations(databaseUrl);

    const binary = await findOrBuildLivekitServer((l) => console.log(`[livekit] ${l}`));
    if ('error' in binary) throw new Error(`integration tests need a real livekit-server: ${binary.error}`);
    const apiKey = 'halaqa-test';
    const apiSecret = 'halaqa-test-secret-0123456789abcdef';
    const sinkPort = await freePort();
    const handle = createDb(databaseUrl, { max: 5 });
    stops.push(() => handle.close());
    // The sink's LiveKit gateway is set once the server below is up (its webhooks need the sink first).
    const sinkDeps: Parameters<typeof startWebhookSink>[1] = { db: handle.db, clock: systemClock, livekitWebhook: { apiKey, apiSecret }, livekit: null };
    const sink = await startWebhookSink(sinkPort, sinkDeps);
    stops.push(() => sink.close());
    const lk = await startLivekitServer({
      binary: binary.path,
      apiKey,
      apiSecret,
      webhookUrls: [sink.url],
      // The tests' participants are @livekit/rtc-node, which has no loopback candidates.
      iceAddresses: 'this-host',
      workDir: path.join(workDir, 'livekit'),
      logFile: path.join(workDir, 'livekit', 'server.log'),
    });
    stops.push(() => lk.stop());
    sinkDeps.livekit = createLivekitGateway({ wsUrl: lk.url, apiUrl: lk.apiUrl, apiKey, apiSecret });

    const mailpitBinary = await findOrBuildMailpit((l) => console.log(`[mailpit] ${l}`));
    if ('error' in mailpitBinary) throw new Error(`integration tests need a real Mailpit: ${mailpitBinary.error}`);
    const mailpit = await startMailpit({ binary: mailpitBinary.path, refuseInvalidDomain: true, logFile: path.join(workDir, 'mailpit.log') });
    stops.push(() => mailpit.stop());

    project.provide('integration', {
      databaseUrl,
      livekit: { wsUrl: lk.url, apiUrl: lk.apiUrl, apiKey, apiSecret },
      webhookUrl: sink.url,
      mailpit: { smtpUrl: mailpit.smtpUrl, apiUrl: mailpit.apiUrl, binary: mailpitBinary.path },
    });
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
