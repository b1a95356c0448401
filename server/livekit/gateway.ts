/**
 * The only place that talks to LiveKit's server API. Modules get a
 * `LivekitGateway` in their deps and see plain data and two error kinds:
 * `LivekitUnavailableError` (server unreachable, timed out, 5xx) and
 * `LivekitNotFoundError` (room or participant missing).
 */
import { AccessToken, RoomServiceClient, type VideoGrant } from 'livekit-server-sdk';
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
  metadata: string;
}

export interface LiveParticipant {
  sid: string;
  identity: string;
  name: string;
  metadata: string;
  joinedAt: Date;
  isPublisher: boolean;
  hidden: boolean;
  trackSids: { sid: string; source: number; muted: boolean }[];
}

export interface TokenSpec {
  identity: string;
  name: string;
  metadata: string;
  ttlSeconds: number;
  grant: VideoGrant;
}

export interface ParticipantPermissionUpdate {
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishData: boolean;
  hidden?: boolean;
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

  const toRoom = (r: { name: string; sid: string; creationTime: bigint; numParticipants: number; metadata: string }): LiveRoom => ({
    name: r.name,
    sid: r.sid,
    createdAt: SECONDS_TO_DATE(r.creationTime),
    numParticipants: r.numParticipants,
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
      call(`listParticipants ${room}`, async () =>
        (await rooms.listParticipants(room)).map((p) => ({
          sid: p.sid,
          identity: p.identity,
          name: p.name,
          metadata: p.metadata,
          joinedAt: p.joinedAtMs ? new Date(Number(p.joinedAtMs)) : SECONDS_TO_DATE(p.joinedAt),
          isPublisher: p.isPublisher,
          hidden: p.permission?.hidden ?? false,
          trackSids: p.tracks.map((t) => ({ sid: t.sid, source: t.source, muted: t.muted })),
        })),
      ),
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
        await rooms.updateParticipant(room, identity, { permission });
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
      token.addGrant(spec.grant);
      return token.toJwt();
    },
  };
}
