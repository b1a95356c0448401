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
import { RECORDING_VIDEO_PATTERN, resolveRecordingStorage, type RecordingStorage } from '@/server/recording-config';

const optionalUrl = z.string().url().optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url(),
  /**
   * A direct (session-mode) connection for LISTEN, when DATABASE_URL goes through a
   * transaction-mode pooler (PgBouncer, Neon/Supabase pooled URLs) that cannot carry it.
   */
  DATABASE_LISTEN_URL: z.string().url().optional(),
  HALAQA_STREAM_MAX_SECONDS: z.coerce.number().int().min(5).max(86_400).optional(),
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
  LIVEKIT_RECORDING_AUDIO_CODEC: z.enum(['aac', 'opus', 'AAC', 'OPUS']).optional(),
  LIVEKIT_RECORDING_VIDEO: z
    .string()
    .regex(RECORDING_VIDEO_PATTERN, 'LIVEKIT_RECORDING_VIDEO must be WIDTHxHEIGHT or WIDTHxHEIGHT@FPS, e.g. 1280x720@30')
    .refine((v) => v.split('@')[0]!.split('x').every((n) => Number(n) >= 16 && Number(n) % 2 === 0), 'LIVEKIT_RECORDING_VIDEO sizes must be even and at least 16')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com:465')
    .optional(),
  MAIL_FROM: z.string().min(3, 'MAIL_FROM must be an address, e.g. "Halaqa <no-reply@example.com>"').optional(),
  /** inline: the mail worker runs inside the app process (the development default); off: `npm run mail-worker` or the cron route sends. */
  MAIL_WORKER: z.enum(['inline', 'off']).optional(),
});

/** Where mail goes: nodemailer's SMTP URL and the From header. */
export interface MailSettings {
  smtpUrl: string;
  from: string;
}

export const DEFAULT_MAIL_FROM = 'Halaqa <no-reply@halaqa.localhost>';

export interface LivekitConfig {
  wsUrl: string;
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
}

export interface Env {
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string;
  /** Where room-event streams LISTEN; DATABASE_URL when unset. */
  databaseListenUrl: string;
  appUrl: string;
  authSecret: string;
  cronSecret: string | undefined;
  /** null when video is unavailable; `videoUnavailableReason` then says why. */
  livekit: LivekitConfig | null;
  videoUnavailableReason: string | null;
  /** Recording is optional: when storage is incomplete, recording procedures say what is missing. */
  recordingStorage: RecordingStorage;
  /** null when SMTP_URL is not set: mail is queued and waits for a sender. */
  mail: MailSettings | null;
  /** Whether this process runs the mail worker (MAIL_WORKER; inline by default in development only). */
  mailWorkerInline: boolean;
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
    databaseListenUrl: e.DATABASE_LISTEN_URL ?? e.DATABASE_URL,
    appUrl: e.APP_URL.replace(/\/$/, ''),
    authSecret: e.AUTH_SECRET,
    cronSecret: e.CRON_SECRET,
    livekit,
    videoUnavailableReason,
    recordingStorage: resolveRecordingStorage(e),
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? DEFAULT_MAIL_FROM } : null,
    mailWorkerInline: (e.MAIL_WORKER ?? (e.NODE_ENV === 'development' ? 'inline' : 'off')) === 'inline',
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * How long one room-event stream may stay open (HALAQA_STREAM_MAX_SECONDS),
 * in ms; undefined: no limit. Read on its own, without the rest of the
 * environment, because the tRPC instance is configured when its module loads
 * (also during `next build`). Serverless hosts cut a response at their
 * maximum duration: set this below it, and the client reconnects by itself
 * and resumes from its last event id.
 */
export function streamMaxDurationMs(source: Record<string, string | undefined> = process.env): number | undefined {
  const parsed = schema.shape.HALAQA_STREAM_MAX_SECONDS.safeParse(source.HALAQA_STREAM_MAX_SECONDS);
  return parsed.success && parsed.data !== undefined ? parsed.data * 1000 : undefined;
}
