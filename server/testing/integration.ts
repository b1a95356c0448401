/** What integration tests share: real deps from the global setup, actors and tRPC callers. */
import { inject } from 'vitest';
import { createDb, type DbHandle } from '@/server/db';
import type { Deps } from '@/server/deps';
import { systemClock, type Clock } from '@/server/lib/clock';
import type { Actor } from '@/server/lib/actor';
import { createEgressGateway } from '@/server/livekit/egress';
import { createLivekitGateway } from '@/server/livekit/gateway';
import { resolveRecordingStorage } from '@/server/recording-config';
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
    // The test livekit-server has no egress service (docs/operations.md#deployment-shape): recording tests point this elsewhere.
    egress: createEgressGateway(config.livekit),
    recordingStorage: resolveRecordingStorage({}),
    ...overrides,
  };
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
