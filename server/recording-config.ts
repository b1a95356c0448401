/**
 * Where egress writes recordings: one S3-compatible bucket per deployment
 * (docs/rules.md#recording, docs/operations.md#configuration), resolved from
 * the environment. Pure and below both env.ts and the LiveKit gateways, so
 * start-up validation, the procedures and the tests agree on what
 * "configured" means and on the message naming what is missing.
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

export type RecordingStorage = { ok: true; s3: S3Storage } | { ok: false; missing: string[]; message: string };

export interface RecordingStorageVars {
  LIVEKIT_RECORDING_S3_BUCKET?: string;
  LIVEKIT_RECORDING_S3_REGION?: string;
  LIVEKIT_RECORDING_S3_ENDPOINT?: string;
  LIVEKIT_RECORDING_S3_ACCESS_KEY?: string;
  LIVEKIT_RECORDING_S3_SECRET?: string;
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
  return { ok: true, s3: { bucket: bucket!, accessKey: accessKey!, secret: secret!, region, endpoint } };
}
