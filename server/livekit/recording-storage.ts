/**
 * Where egress writes recordings: one S3-compatible bucket per deployment
 * (docs/rules.md#recording, docs/operations.md#configuration). Pure, so start-up validation, the procedures and the tests
 * agree on what "configured" means and on the message naming what is missing.
 */
import 'server-only';
import { AwsClient } from 'aws4fetch';

export interface S3Storage {
  bucket: string;
  accessKey: string;
  secret: string;
  region: string | undefined;
  /** Set for S3-compatible services (MinIO, R2, …); those want path-style addressing. */
  endpoint: string | undefined;
}

/**
 * How recordings are encoded. Egress's defaults (1920×1080, 30 fps, AAC) unless
 * set: the local stack records Opus (Debian's GStreamer has no AAC encoder)
 * at 640×360 (two cores).
 */
export interface RecordingEncoding {
  audioCodec: 'aac' | 'opus';
  width?: number;
  height?: number;
  framerate?: number;
}

export type RecordingStorage = { ok: true; s3: S3Storage; encoding: RecordingEncoding } | { ok: false; missing: string[]; message: string };

export interface RecordingStorageVars {
  LIVEKIT_RECORDING_S3_BUCKET?: string;
  LIVEKIT_RECORDING_S3_REGION?: string;
  LIVEKIT_RECORDING_S3_ENDPOINT?: string;
  LIVEKIT_RECORDING_S3_ACCESS_KEY?: string;
  LIVEKIT_RECORDING_S3_SECRET?: string;
  /** aac (default) or opus. */
  LIVEKIT_RECORDING_AUDIO_CODEC?: string;
  /** WIDTHxHEIGHT[@FPS], e.g. 640x360@15; egress's default (1920x1080@30) when unset. */
  LIVEKIT_RECORDING_VIDEO?: string;
}

const present = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

export function resolveRecordingStorage(vars: RecordingStorageVars): RecordingStorage {
  const bucket = present(vars.LIVEKIT_RECORDING_S3_BUCKET);
  const accessKey = present(vars.LIVEKIT_RECORDING_S3_ACCESS_KEY);
  const secret = present(vars.LIVEKIT_RECORDING_S3_SECRET);
  const region = present(vars.LIVEKIT_RECORDING_S3_REGION);
  const endpoint = present(vars.LIVEKIT_RECORDING_S3_ENDPOINT);
  const missing = [
    ...(bucket ? [] : ['LIVEKIT_RECORDING_S3_BUCKET']),
    ...(accessKey ? [] : ['LIVEKIT_RECORDING_S3_ACCESS_KEY']),
    ...(secret ? [] : ['LIVEKIT_RECORDING_S3_SECRET']),
    // AWS needs the region; other S3-compatible services are found by endpoint.
    ...(region || endpoint ? [] : ['LIVEKIT_RECORDING_S3_REGION or LIVEKIT_RECORDING_S3_ENDPOINT']),
  ];
  if (missing.length > 0) {
    return { ok: false, missing, message: `Recording storage is not configured: set ${missing.join(', ')}` };
  }
  return { ok: true, s3: { bucket: bucket!, accessKey: accessKey!, secret: secret!, region, endpoint }, encoding: recordingEncoding(vars) };
}

/** LIVEKIT_RECORDING_AUDIO_CODEC and LIVEKIT_RECORDING_VIDEO; server/env.ts has already checked their shape. */
export function recordingEncoding(vars: Pick<RecordingStorageVars, 'LIVEKIT_RECORDING_AUDIO_CODEC' | 'LIVEKIT_RECORDING_VIDEO'>): RecordingEncoding {
  const audioCodec = present(vars.LIVEKIT_RECORDING_AUDIO_CODEC)?.toLowerCase() === 'opus' ? 'opus' : 'aac';
  const video = RECORDING_VIDEO_PATTERN.exec(present(vars.LIVEKIT_RECORDING_VIDEO) ?? '');
  if (!video) return { audioCodec };
  return { audioCodec, width: Number(video[1]), height: Number(video[2]), ...(video[3] ? { framerate: Number(video[3]) } : {}) };
}

/** WIDTHxHEIGHT[@FPS]; egress wants even sizes of at least 16. */
export const RECORDING_VIDEO_PATTERN = /^(\d{2,4})x(\d{2,4})(?:@(\d{1,2}))?$/;

/**
 * The object key of a recording: `{academy}/{room}/{start}.mp4`, e.g.
 * `itqan-academy/itqan-academy-quran-session-42/2026-11-23T20-15-00Z.mp4`
 * (colons are awkward in object keys and some download tools).
 */
export function recordingFilePath(input: { academySlug: string; roomName: string; startedAt: Date }): string {
  const stamp = input.startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  return `${input.academySlug}/${input.roomName}/${stamp}.mp4`;
}

/** How long a recording link works: long enough to watch a lesson from the page that showed it. */
export const DOWNLOAD_URL_SECONDS = 60 * 60;

function objectUrl(s3: S3Storage, key: string): URL {
  const path = key.split('/').map(encodeURIComponent).join('/');
  if (s3.endpoint) return new URL(`${s3.endpoint.replace(/\/$/, '')}/${encodeURIComponent(s3.bucket)}/${path}`);
  const region = s3.region ?? 'us-east-1';
  const host = region === 'us-east-1' ? `${s3.bucket}.s3.amazonaws.com` : `${s3.bucket}.s3.${region}.amazonaws.com`;
  return new URL(`https://${host}/${path}`);
}

/** Where signed links point (scheme://host[:port]): what the session page's player may load media from. */
export function recordingMediaOrigin(s3: S3Storage): string {
  return objectUrl(s3, 'x').origin;
}

/**
 * A time-limited GET link to a recording in the (private) bucket: an S3
 * SigV4 query-signed URL, computed locally with the storage's keys (no call
 * to S3). `datetime` (YYYYMMDDTHHMMSSZ) pins the signing time, for tests.
 */
export async function recordingDownloadUrl(s3: S3Storage, key: string, options: { expiresSeconds?: number; datetime?: string } = {}): Promise<string> {
  const client = new AwsClient({ accessKeyId: s3.accessKey, secretAccessKey: s3.secret, service: 's3', region: s3.region ?? 'us-east-1' });
  const url = objectUrl(s3, key);
  url.searchParams.set('X-Amz-Expires', String(options.expiresSeconds ?? DOWNLOAD_URL_SECONDS));
  const signed = await client.sign(url.toString(), { method: 'GET', aws: { signQuery: true, ...(options.datetime ? { datetime: options.datetime } : {}) } });
  return signed.url;
}

/** The object key of a recording: the one we asked for, or the one LiveKit reports as s3://bucket/key. */
export function recordingObjectKey(s3: S3Storage, recording: { filePath: string | null; location: string | null }): string | null {
  if (recording.filePath) return recording.filePath;
  const prefix = `s3://${s3.bucket}/`;
  return recording.location?.startsWith(prefix) ? recording.location.slice(prefix.length) : null;
}
