/**
 * The one reader of process.env. Parsed once, at the server's start
 * (instrumentation.ts → server/startup/validate.ts, which also runs the
 * production checks), so a wrong variable stops the start rather than the
 * first request; `next build` and scripts that set variables first parse it
 * when they need it. The message names every variable that is missing or wrong. The dev script (scripts/dev.ts) fills in
 * the embedded defaults: a local Postgres, a local livekit-server, secrets
 * kept under .data/.
 */
import 'server-only';
import { z } from 'zod';
import { resolveRecordingStorage, type RecordingStorage } from '@/server/recording-config';

const optionalUrl = z.string().url().optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url(),
  APP_URL: z.string().url().default('http://localhost:3000'),
  AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters'),
  CRON_SECRET: z.string().min(16).optional(),
  LIVEKIT_URL: z
    .string()
    .regex(/^wss?:\/\//, 'LIVEKIT_URL must be a ws:// or wss:// URL (what browsers connect to)')
    .optional(),
  LIVEKIT_API_URL: z
    .string()
    .regex(/^https?:\/\//, 'LIVEKIT_API_URL must be an http:// or https:// URL')
    .optional(),
  LIVEKIT_API_KEY: z.string().min(1).optional(),
  LIVEKIT_API_SECRET: z.string().min(1).optional(),
  /** Set by the dev script when no LiveKit server could be had, with the reason. */
  HALAQA_VIDEO_UNAVAILABLE: z.string().optional(),
  LIVEKIT_RECORDING_S3_BUCKET: z.string().optional(),
  LIVEKIT_RECORDING_S3_REGION: z.string().optional(),
  LIVEKIT_RECORDING_S3_ENDPOINT: optionalUrl,
  LIVEKIT_RECORDING_S3_ACCESS_KEY: z.string().optional(),
  LIVEKIT_RECORDING_S3_SECRET: z.string().optional(),
});

export interface LivekitConfig {
  wsUrl: string;
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
}

export interface Env {
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string;
  appUrl: string;
  authSecret: string;
  cronSecret: string | undefined;
  /** null when video is unavailable; `videoUnavailableReason` then says why. */
  livekit: LivekitConfig | null;
  videoUnavailableReason: string | null;
  /** Recording is optional: when storage is incomplete, recording procedures say what is missing. */
  recordingStorage: RecordingStorage;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  const e = result.data;
  const livekitParts = [e.LIVEKIT_URL, e.LIVEKIT_API_KEY, e.LIVEKIT_API_SECRET];
  let livekit: LivekitConfig | null = null;
  let videoUnavailableReason: string | null = e.HALAQA_VIDEO_UNAVAILABLE ?? null;
  if (livekitParts.every(Boolean) && !videoUnavailableReason) {
    livekit = {
      wsUrl: e.LIVEKIT_URL!,
      apiUrl: e.LIVEKIT_API_URL ?? e.LIVEKIT_URL!.replace(/^ws/, 'http'),
      apiKey: e.LIVEKIT_API_KEY!,
      apiSecret: e.LIVEKIT_API_SECRET!,
    };
  } else if (!videoUnavailableReason) {
    videoUnavailableReason = 'LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are not all set';
  }
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    appUrl: e.APP_URL.replace(/\/$/, ''),
    authSecret: e.AUTH_SECRET,
    cronSecret: e.CRON_SECRET,
    livekit,
    videoUnavailableReason,
    recordingStorage: resolveRecordingStorage(e),
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
