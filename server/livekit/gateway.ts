/**
 * The only place that talks to LiveKit's server API. Modules get a
 * `LivekitGateway` in their deps and see plain data and two error kinds:
 * `LivekitUnavailableError` (server unreachable, timed out, 5xx) and
 * `LivekitNotFoundError` (room or participant missing).
 */
import 'server-only';
import { AccessToken, RoomServiceClient, TrackSource, type ParticipantInfo, type TrackInfo, type VideoGrant } from 'livekit-server-sdk';
import type { LivekitConfig } from '@/server/env';

export class LivekitUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LivekitUnavailableError';
  }
}

export class LivekitNotFoundError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LivekitNotFoundError';
  }
}

export interface RoomSpec {
  name: string;
  emptyTimeoutSeconds: number;
  departureTimeoutSeconds?: number;
  maxParticipants: number;
  metadata: string;
}

export interface LiveRoom {
  name: string;
  sid: string;
  createdAt: Date;
  numParticipants: number;
  /** The room's participant limit (0: none), from the meeting's options. */
  maxParticipants: number;
  metadata: string;
}

/** LiveKit's track sources by the names its tokens use. */
import type { TrackSourceName } from '@/shared/classroom/grants';

const SOURCE_BY_NAME: Record<TrackSourceName, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

function sourceName(source: TrackSource): TrackSourceName | 'unknown' {
  const entry = Object.entries(SOURCE_BY_NAME).find(([, value]) => value === source);
  return entry ? (entry[0] as TrackSourceName) : 'unknown';
}

export interface LiveParticipant {
  sid: string;
  identity: string;
  name: string;
  metadata: string;
  joinedAt: Date;
  isPublisher: boolean;
  hidden: boolean;
  canPublish: boolean;
  canPublishData: boolean;
  /** Empty means every source (LiveKit's convention). */
  canPublishSources: TrackSourceName[];
  trackSids: { sid: string; source: number; sourceName: TrackSourceName | 'unknown'; muted: boolean }[];
}

export interface TokenSpec {
  identity: string;
  name: string;
  metadata: string;
  ttlSeconds: number;
  grant: Omit<VideoGrant, 'canPublishSources'> & { canPublishSources?: TrackSourceName[] };
}

/** LiveKit replaces the whole permission: give every field you want kept. */
export interface ParticipantPermissionUpdate {
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishData: boolean;
  hidden?: boolean;
  /** Empty or absent means every source. */
  canPublishSources?: TrackSourceName[];
}

export interface LivekitGateway {
  readonly wsUrl: string;
  createRoom(spec: RoomSpec): Promise<LiveRoom>;
  getRoom(name: string): Promise<LiveRoom | null>;
  deleteRoom(name: string): Promise<void>;
  listParticipants(room: string): Promise<LiveParticipant[]>;
  removeParticipant(room: string, identity: string): Promise<void>;
  mutePublishedTrack(room: string, identity: string, trackSid: string, muted: boolean): Promise<void>;
  updatePermissions(room: string, identity: string, permission: ParticipantPermissionUpdate): Promise<void>;
  sendData(room: string, payload: Uint8Array, options: { topic: string; destinationIdentities?: string[] }): Promise<void>;
  createToken(spec: TokenSpec): Promise<string>;
}

const SECONDS_TO_DATE = (s: bigint | number | undefined) => new Date(Number(s ?? 0) * 1000);

/** LiveKit's participant record (listParticipants, or a webhook's `participant`) as plain data. */
export function liveParticipantOf(p: ParticipantInfo, extraTrack?: TrackInfo): LiveParticipant {
  const tracks = extraTrack && !p.tracks.some((t) => t.sid === extraTrack.sid) ? [...p.tracks, extraTrack] : p.tracks;
  return {
    sid: p.sid,
    identity: p.identity,
    name: p.name,
    metadata: p.metadata,
    joinedAt: p.joinedAtMs ? new Date(Number(p.joinedAtMs)) : SECONDS_TO_DATE(p.joinedAt),
    isPublisher: p.isPublisher,
    hidden: p.permission?.hidden ?? false,
    canPublish: p.permission?.canPublish ?? false,
    canPublishData: p.permission?.canPublishData ?? false,
    canPublishSources: (p.permission?.canPublishSources ?? []).map(sourceName).filter((n): n is TrackSourceName => n !== 'unknown'),
    trackSids: tracks.map((t) => ({ sid: t.sid, source: t.source, sourceName: sourceName(t.source), muted: t.muted })),
  };
}

function classify(error: unknown, what: string): never {
  const e = error as { status?: number; code?: string; message?: string; name?: string };
  if (e?.code === 'not_found' || e?.status === 404) {
    throw new LivekitNotFoundError(`${what}: not found`, { cause: error });
  }
  if (e?.status === undefined || e.status >= 500 || e.status === 0 || e.name === 'TimeoutError') {
    throw new LivekitUnavailableError(`${what}: LiveKit unavailable (${e?.message ?? String(error)})`, {
      cause: error,
    });
  }
  throw error;
}

export function createLivekitGateway(config: LivekitConfig, options: { requestTimeoutSeconds?: number } = {}): LivekitGateway {
  const rooms = new RoomServiceClient(config.apiUrl, config.apiKey, config.apiSecret, {
    requestTimeout: options.requestTimeoutSeconds ?? 5,
  });

  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      classify(error, what);
    }
  };

  const toRoom = (r: { name: string; sid: string; creationTime: bigint; numParticipants: number; maxParticipants: number; metadata: string }): LiveRoom => ({
    name: r.name,
    sid: r.sid,
    createdAt: SECONDS_TO_DATE(r.creationTime),
    numParticipants: r.numParticipants,
    maxParticipants: r.maxParticipants,
    metadata: r.metadata,
  });

  return {
    wsUrl: config.wsUrl,
    createRoom: (spec) =>
      call(`createRoom ${spec.name}`, async () =>
        toRoom(
          await rooms.createRoom({
            name: spec.name,
            emptyTimeout: spec.emptyTimeoutSeconds,
            departureTimeout: spec.departureTimeoutSeconds,
            maxParticipants: spec.maxParticipants,
            metadata: spec.metadata,
          }),
        ),
      ),
    getRoom: (name) =>
      call(`listRooms ${name}`, async () => {
        const [room] = await rooms.listRooms([name]);
        return room ? toRoom(room) : null;
      }),
    deleteRoom: (name) =>
      call(`deleteRoom ${name}`, async () => {
        try {
          await rooms.deleteRoom(name);
        } catch (error) {
          // Already gone is what we wanted.
          if ((error as { code?: string }).code !== 'not_found') throw error;
        }
      }),
    listParticipants: (room) =>
      call(`listParticipants ${room}`, async () => (await rooms.listParticipants(room)).map((p) => liveParticipantOf(p))),
    removeParticipant: (room, identity) =>
      call(`removeParticipant ${identity}`, async () => {
        await rooms.removeParticipant(room, identity);
      }),
    mutePublishedTrack: (room, identity, trackSid, muted) =>
      call(`mutePublishedTrack ${identity}`, async () => {
        await rooms.mutePublishedTrack(room, identity, trackSid, muted);
      }),
    updatePermissions: (room, identity, permission) =>
      call(`updateParticipant ${identity}`, async () => {
        const { canPublishSources, ...rest } = permission;
        await rooms.updateParticipant(room, identity, {
          permission: { ...rest, canPublishSources: (canPublishSources ?? []).map((n) => SOURCE_BY_NAME[n]) },
        });
      }),
    sendData: (room, payload, options) =>
      call(`sendData ${room}`, async () => {
        // 0 = reliable delivery (DataPacket_Kind.RELIABLE).
        await rooms.sendData(room, payload, 0, {
          topic: options.topic,
          destinationIdentities: options.destinationIdentities,
        });
      }),
    createToken: async (spec) => {
      const token = new AccessToken(config.apiKey, config.apiSecret, {
        identity: spec.identity,
        name: spec.name,
        metadata: spec.metadata,
        ttl: spec.ttlSeconds,
      });
      const { canPublishSources, ...grant } = spec.grant;
      token.addGrant(canPublishSources ? { ...grant, canPublishSources: canPublishSources.map((n) => SOURCE_BY_NAME[n]) } : grant);
      return token.toJwt();
    },
  };
}
