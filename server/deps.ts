/**
 * The dependencies use cases take (`deps`): database, LiveKit, clock. The app
 * builds one set per process from env.ts; tests build their own.
 */
import { createDb, type Db } from '@/server/db';
import { getEnv } from '@/server/env';
import { systemClock, type Clock } from '@/server/lib/clock';
import { createLivekitGateway, type LivekitGateway } from '@/server/livekit/gateway';

export interface Deps {
  db: Db;
  /** null when video is unavailable; use cases then answer SERVICE_UNAVAILABLE or fall back. */
  livekit: LivekitGateway | null;
  clock: Clock;
  appUrl: string;
  /** Why video is unavailable, for the room page. */
  videoUnavailableReason: string | null;
  livekitWebhook: { apiKey: string; apiSecret: string } | null;
}

let appDeps: Deps | undefined;

export function getAppDeps(): Deps {
  if (!appDeps) {
    const env = getEnv();
    appDeps = {
      db: createDb(env.databaseUrl, { max: 20 }).db,
      livekit: env.livekit ? createLivekitGateway(env.livekit) : null,
      clock: systemClock,
      appUrl: env.appUrl,
      videoUnavailableReason: env.videoUnavailableReason,
      livekitWebhook: env.livekit ? { apiKey: env.livekit.apiKey, apiSecret: env.livekit.apiSecret } : null,
    };
  }
  return appDeps;
}
