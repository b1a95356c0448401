/**
 * Where egress writes recordings and how it encodes them: one S3-compatible
 * bucket per deployment (docs/rules.md#recording,
 * docs/operations.md#configuration), resolved from the environment. Pure and
 * below both env.ts and the LiveKit gateways, so start-up validation, the
 * procedures and the tests agree on what "configured" means and on the
 * message naming what is missing.
 */
import 'server-only';

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
