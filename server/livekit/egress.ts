/**
 * The only place that talks to LiveKit's Egress API (recording, docs/rules.md#recording).
 * Modules see plain `EgressReport`s and two error kinds:
 * `EgressUnavailableError` when no egress service answers (LiveKit without
 * Redis and an egress worker says "egress not connected"; a start nobody
 * takes ends in 503 "no response from servers" or our timeout) and
 * `EgressGoneError` when the egress (or, for a start, the room) does not
 * exist or has already ended, `EgressRefusedError` for any other refusal.
 */
import 'server-only';
import { AudioCodec, EgressClient, TokenVerifier, EncodedFileOutput, EncodedFileType, EncodingOptions, S3Upload, type EgressInfo } from 'livekit-server-sdk';
import type { LivekitConfig } from '@/server/env';
import type { RecordingEncoding, S3Storage } from '@/server/recording-config';

/** What one egress report says, in plain data (egressReportOf builds it from EgressInfo). */
export interface EgressReport {
  egressId: string;
  roomName: string;
  egressStatus: number;
  /** LiveKit's updatedAt in nanoseconds: later reports of one rank win. */
  updatedNs: bigint;
  startedAt: Date | null;
  endedAt: Date | null;
  error: string;
  file: { location: string; durationMs: number; sizeBytes: number } | null;
}

export class EgressUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EgressUnavailableError';
  }
}

export class EgressGoneError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EgressGoneError';
  }
}

/** LiveKit refused the request itself (bad storage settings, a room it does not have, no permission). */
export class EgressRefusedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EgressRefusedError';
  }
}

export type RecordingLayout = 'grid' | 'speaker' | 'single-speaker';

export interface RoomRecordingSpec {
  roomName: string;
  layout: RecordingLayout;
  filePath: string;
  storage: S3Storage;
  encoding: RecordingEncoding;
  /** Our layout page (app/recording-layout), which egress films. */
  customBaseUrl: string;
}

export interface EgressGateway {
  startRoomComposite(spec: RoomRecordingSpec): Promise<EgressReport>;
  list(filter: { roomName?: string; egressId?: string; active?: boolean }): Promise<EgressReport[]>;
  stop(egressId: string): Promise<EgressReport>;
}

const NS_PER_MS = 1_000_000n;
const fromNs = (ns: bigint) => (ns > 0n ? new Date(Number(ns / NS_PER_MS)) : null);

/** Pure: the parts of LiveKit's EgressInfo a recording keeps (webhooks and RPC answers alike). */
export function egressReportOf(info: EgressInfo): EgressReport {
  const file = info.fileResults[0];
  return {
    egressId: info.egressId,
    roomName: info.roomName,
    egressStatus: info.status,
    updatedNs: info.updatedAt,
    startedAt: fromNs(info.startedAt),
    endedAt: fromNs(info.endedAt),
    error: info.error,
    file: file
      ? { location: file.location || file.filename, durationMs: Number(file.duration / NS_PER_MS), sizeBytes: Number(file.size) }
      : null,
  };
}

function classify(error: unknown, what: string): never {
  const e = error as { status?: number; code?: string; message?: string; name?: string };
  const message = e?.message ?? String(error);
  if (e?.code === 'not_found' || e?.code === 'failed_precondition' || e?.status === 404 || e?.status === 412) {
    throw new EgressGoneError(`${what}: ${message}`, { cause: error });
  }
  // No status: connection refused or our timeout. 5xx: LiveKit could not reach an egress worker.
  if (e?.status === undefined || e.status === 0 || e.status >= 500 || e.name === 'TimeoutError' || e.name === 'AbortError') {
    throw new EgressUnavailableError(`${what}: ${message}`, { cause: error });
  }
  throw new EgressRefusedError(`${what}: ${message}`, { cause: error });
}

export function createEgressGateway(config: LivekitConfig, options: { requestTimeoutSeconds?: number } = {}): EgressGateway {
  const client = new EgressClient(config.apiUrl, config.apiKey, config.apiSecret, { requestTimeout: options.requestTimeoutSeconds ?? 10 });
  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      classify(error, what);
    }
  };
  return {
    startRoomComposite: (spec) =>
      call(`start recording ${spec.roomName}`, async () => {
        const { storage } = spec;
        const file = new EncodedFileOutput({
          fileType: EncodedFileType.MP4,
          filepath: spec.filePath,
          output: {
            case: 's3',
            value: new S3Upload({
              bucket: storage.bucket,
              accessKey: storage.accessKey,
              secret: storage.secret,
              region: storage.region ?? '',
              endpoint: storage.endpoint ?? '',
              forcePathStyle: storage.endpoint !== undefined,
            }),
          },
        });
        const { encoding } = spec;
        const encodingOptions = new EncodingOptions({
          audioCodec: encoding.audioCodec === 'opus' ? AudioCodec.OPUS : AudioCodec.AAC,
          width: encoding.width ?? 0,
          height: encoding.height ?? 0,
          framerate: encoding.framerate ?? 0,
        });
        return egressReportOf(
          await client.startRoomCompositeEgress(spec.roomName, { file }, { layout: spec.layout, customBaseUrl: spec.customBaseUrl, encodingOptions }),
        );
      }),
    list: (filter) => call('list recordings', async () => (await client.listEgress(filter)).map(egressReportOf)),
    stop: (egressId) => call(`stop recording ${egressId}`, async () => egressReportOf(await client.stopEgress(egressId))),
  };
}

/**
 * The room and egress id of a token LiveKit's egress made for itself (grants
 * `recorder` and `hidden`, subscribe only, identity `EG_…`, signed with our
 * API key), or null for any other token, a bad signature or none.
 */
export async function verifyEgressToken(keys: { apiKey: string; apiSecret: string }, token: string | undefined): Promise<{ roomName: string; egressId: string } | null> {
  if (!token) return null;
  try {
    const claims = await new TokenVerifier(keys.apiKey, keys.apiSecret).verify(token);
    const video = claims.video;
    if (!video?.recorder || !video.hidden || !video.roomJoin || !video.room || video.canPublish !== false) return null;
    if (!claims.sub?.startsWith('EG_')) return null;
    return { roomName: video.room, egressId: claims.sub };
  } catch {
    return null;
  }
}
