/** What integration tests share: real deps from the global setup, actors and tRPC callers. */
import { inject } from 'vitest';
import { createDb, type DbHandle } from '@/server/db';
import type { Deps } from '@/server/deps';
import { systemClock, type Clock } from '@/server/lib/clock';
import type { Actor } from '@/server/lib/actor';
import { createEgressGateway } from '@/server/livekit/egress';
import { createLivekitGateway } from '@/server/livekit/gateway';
import { resolveRecordingStorage } from '@/server/recording-config';
import { drainMailQueue } from '@/server/modules/mail';
import { createCaller } from '@/server/trpc/root';
import type { users } from '@/server/db/schema';

let handle: DbHandle | undefined;

export function integrationConfig() {
  return inject('integration');
}

export function testDb() {
  handle ??= createDb(integrationConfig().databaseUrl, { max: 12 });
  return handle.db;
}

export function testDeps(overrides: Partial<Deps> & { clock?: Clock } = {}): Deps {
  const config = integrationConfig();
  return {
    db: testDb(),
    livekit: createLivekitGateway(config.livekit),
    clock: systemClock,
    appUrl: 'http://127.0.0.1:3000',
    videoUnavailableReason: null,
    livekitWebhook: { apiKey: config.livekit.apiKey, apiSecret: config.livekit.apiSecret },
    // This livekit-server has no egress service (docs/operations.md#deployment-shape); recordingDeps() has one.
    egress: createEgressGateway(config.livekit),
    recordingStorage: resolveRecordingStorage({}),
    mail: testMailSettings(),
    signingSecret: 'integration-signing-secret-0123456789',
    ...overrides,
  };
}

/**
 * Deps on the livekit-server with the real recording stack (egress worker,
 * versitygw): its rooms, its egress, the bucket, and the page egress films.
 */
export function recordingDeps(overrides: Partial<Deps> = {}): Deps {
  const { recording } = integrationConfig();
  return testDeps({
    livekit: createLivekitGateway(recording.livekit),
    egress: createEgressGateway(recording.livekit, { requestTimeoutSeconds: 30 }),
    livekitWebhook: { apiKey: recording.livekit.apiKey, apiSecret: recording.livekit.apiSecret },
    recordingStorage: resolveRecordingStorage(recording.storageEnv),
    appUrl: recording.appUrl,
    ...overrides,
  });
}

/** The test SMTP settings: the run's Mailpit (global-setup.ts). */
export function testMailSettings() {
  return { smtpUrl: integrationConfig().mailpit.smtpUrl, from: 'Halaqa Test <no-reply@halaqa.test>' };
}

/** Sends every queued mail that is due to the run's Mailpit, then returns (read it with server/testing/mailpit.ts). */
export async function deliverQueuedMail(): Promise<void> {
  await drainMailQueue({ databaseUrl: integrationConfig().databaseUrl, db: testDb(), clock: systemClock, mail: testMailSettings() });
}

/** A gateway pointed at a port nothing listens on: LiveKit "down". */
export function unreachableLivekit() {
  const { apiKey, apiSecret } = integrationConfig().livekit;
  return createLivekitGateway({ wsUrl: 'ws://127.0.0.1:9', apiUrl: 'http://127.0.0.1:9', apiKey, apiSecret }, { requestTimeoutSeconds: 2 });
}

export function actorOf(user: typeof users.$inferSelect): Actor {
  return { id: user.id, role: user.role, academyId: user.academyId, name: user.name };
}

export function callerFor(deps: Deps, actor: Actor | null, headers: Headers | null = null) {
  return createCaller({ deps, actor, headers });
}

/** Polls until `check` returns a value (not undefined/false), for webhooks that arrive on their own time. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function closeTestDb() {
  await handle?.close();
  handle = undefined;
}
