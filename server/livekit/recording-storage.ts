/**
 * Where a recording goes in the bucket (server/recording-config.ts says which
 * bucket) and the signed link that plays it.
 */
import 'server-only';
import { AwsClient } from 'aws4fetch';
import type { S3Storage } from '@/server/recording-config';

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
