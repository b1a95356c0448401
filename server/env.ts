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
import { resolveRecordingStorage, type RecordingStorage } from '@/server/livekit/recording-storage';

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
