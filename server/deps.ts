/**
 * The dependencies use cases take (`deps`): database, LiveKit, clock. The app
 * builds one set per process from env.ts; tests build their own.
 */
import 'server-only';
import { createDb, type Db } from '@/server/db';
import { getEnv, type Env, type MailSettings } from '@/server/env';
import { systemClock, type Clock } from '@/server/lib/clock';
import { createEgressGateway, type EgressGateway } from '@/server/livekit/egress';
import { createLivekitGateway, type LivekitGateway } from '@/server/livekit/gateway';
import type { RecordingStorage } from '@/server/recording-config';

export interface Deps {
  db: Db;
  /** The connection room-event streams LISTEN on (DATABASE_LISTEN_URL); `db` when absent. */
  listenDb?: Db;
  /** null when video is unavailable; use cases then answer SERVICE_UNAVAILABLE or fall back. */
  livekit: LivekitGateway | null;
  clock: Clock;
  appUrl: string;
  /** Why video is unavailable, for the room page. */
  videoUnavailableReason: string | null;
  livekitWebhook: { apiKey: string; apiSecret: string } | null;
  /** LiveKit's Egress API (recording); null when video is unavailable. */
  egress: EgressGateway | null;
  recordingStorage: RecordingStorage;
  /** SMTP settings; null when mail is not configured (mail is still queued, and sent once a configured worker runs). */
  mail: MailSettings | null;
  /** Signs single-purpose links (unsubscribe); AUTH_SECRET. null where no links are made. */
  signingSecret: string | null;
}

/** Deps from a database and the parts of the environment they need (the app, the CLI, benches, tests). */
export function depsFor(db: Db, env: Pick<Env, 'livekit' | 'appUrl' | 'videoUnavailableReason' | 'recordingStorage'> & Partial<Pick<Env, 'mail' | 'authSecret'>>, clock: Clock = systemClock): Deps {
  return {
    db,
    livekit: env.livekit ? createLivekitGateway(env.livekit) : null,
    clock,
    appUrl: env.appUrl,
    videoUnavailableReason: env.videoUnavailableReason,
    livekitWebhook: env.livekit ? { apiKey: env.livekit.apiKey, apiSecret: env.livekit.apiSecret } : null,
    egress: env.livekit ? createEgressGateway(env.livekit) : null,
    recordingStorage: env.recordingStorage,
    mail: env.mail ?? null,
    signingSecret: env.authSecret ?? null,
  };
}

let appDeps: Deps | undefined;

export function getAppDeps(): Deps {
  if (!appDeps) {
    const env = getEnv();
    appDeps = depsFor(createDb(env.databaseUrl, { max: 20 }).db, env);
    // postgres.js holds one LISTEN connection per client, for every stream of this instance.
    if (env.databaseListenUrl !== env.databaseUrl) appDeps.listenDb = createDb(env.databaseListenUrl, { max: 1 }).db;
  }
  return appDeps;
}
