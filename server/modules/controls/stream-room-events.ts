/**
 * room.events: the classroom's second channel, for when LiveKit's data
 * channel is down (docs/rules.md#classroom-controls). Carries the same command envelopes, a state
 * snapshot on every (re)connect and attendance-change signals. Fed by
 * Postgres NOTIFY, so a command issued on any instance reaches streams held
 * by every other. Event ids are resume cursors: a reconnect with
 * lastEventId replays the commands stored since (duplicates are dropped by
 * id on the client), and unacknowledged critical commands aimed at the
 * viewer come again until acked. A user holds at most STREAM_LEASE.limit
 * streams open at once (each holds a LISTEN registration and wakes on every
 * signal of its room), counted in Postgres across instances.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import { listenRoomSignals, type RoomSignal } from '@/server/db/notify';
import type { Actor } from '@/server/lib/actor';
import { participantIdentity } from '@/shared/classroom/identity';
import { acquireLease, type Lease, type LeaseRule } from '@/server/modules/rate-limits';
import { assertCanView, getSessionContextOrThrow, type SessionContext } from '@/server/modules/sessions';
import { COMMAND_HORIZON_MS, commandsSince, envelopeOf, findCommand, latestCommand, unackedFor, type CommandRow } from './command-store';
import type { CommandEnvelope } from '@/shared/classroom/envelope';
import { loadRoomStateView } from './get-room-state';
import type { RoomStateView } from '@/shared/classroom/room-state';
import { SignalQueue } from './signal-queue';

export type RoomEvent = { kind: 'command'; command: CommandEnvelope } | { kind: 'state'; state: RoomStateView } | { kind: 'attendance' };

export interface RoomEventItem {
  /** `<commandId>` for commands, `<last commandId or 0>:<kind><n>` otherwise: always a resume cursor. */
  id: string;
  event: RoomEvent;
}

const REPLAY_LIMIT = 200;
/** A few tabs and devices; a reconnecting tab's old stream may still be closing. */
export const STREAM_LEASE: LeaseRule = { kind: 'room-events', limit: 6, ttlSeconds: 120 };

export function cursorOf(eventId: string | null | undefined): string | null {
  const head = eventId?.split(':')[0];
  return head && /^[0-9a-f-]{36}$/i.test(head) ? head : null;
}

/**
 * Checks access before anything streams (a refused viewer gets an error,
 * not an empty stream), then hands back the event generator.
 */
export async function openRoomEvents(
  deps: Pick<Deps, 'db' | 'clock' | 'listenDb'>,
  actor: Actor,
  input: { sessionId: number; lastEventId?: string | null },
  signal?: AbortSignal,
): Promise<AsyncGenerator<RoomEventItem>> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  const lease = await acquireLease(deps.db, actor.id, STREAM_LEASE, deps.clock.now());
  const events = streamRoomEvents(deps, actor, ctx, input, lease, signal);
  // A generator closed before its first step never runs its `finally`: release the lease here too.
  const close = events.return.bind(events);
  events.return = async (value) => {
    await lease.release().catch(() => {});
    return close(value);
  };
  return events;
}

async function* streamRoomEvents(
  deps: Pick<Deps, 'db' | 'clock' | 'listenDb'>,
  actor: Actor,
  ctx: SessionContext,
  input: { sessionId: number; lastEventId?: string | null },
  lease: Lease,
  signal?: AbortSignal,
): AsyncGenerator<RoomEventItem> {
  // A quiet room yields nothing for long stretches: the lease is renewed on a timer too.
  const renewal = setInterval(() => void lease.renew(deps.clock.now()).catch(() => {}), (STREAM_LEASE.ttlSeconds * 1000) / 3);
  try {
    yield* streamWithLease(deps, actor, ctx, input, signal);
  } finally {
    clearInterval(renewal);
    await lease.release().catch(() => {});
  }
}

async function* streamWithLease(
  deps: Pick<Deps, 'db' | 'clock' | 'listenDb'>,
  actor: Actor,
  ctx: SessionContext,
  input: { sessionId: number; lastEventId?: string | null },
  signal?: AbortSignal,
): AsyncGenerator<RoomEventItem> {
  const key = { academyId: ctx.session.academyId, sessionId: ctx.session.id };
  const identity = participantIdentity(actor.id, actor.name);

  // Listen before reading anything, so nothing committed meanwhile is missed.
  const queue = new SignalQueue();
  const listener = await listenRoomSignals(
    deps.listenDb ?? deps.db,
    (s: RoomSignal) => {
      if (s.sessionId === key.sessionId) queue.push(s);
    },
    () => queue.push({ sessionId: key.sessionId, kind: 'state', id: 'relisten' }),
  );
  try {
    let cursor: Pick<CommandRow, 'id' | 'createdAt'> | null = null;
    const resumeFrom = cursorOf(input.lastEventId);
    const from = resumeFrom ? await findCommand(deps.db, { ...key, id: resumeFrom }) : null;
    const replay = from ? await commandsSince(deps.db, { ...key, cursor: from, limit: REPLAY_LIMIT }) : [];
    const since = new Date(deps.clock.now().getTime() - COMMAND_HORIZON_MS);
    const unacked = (await unackedFor(deps.db, { ...key, identity, since })).filter((u) => !replay.some((r) => r.id === u.id));
    cursor = from ?? (await latestCommand(deps.db, key));
    for (const row of [...unacked, ...replay]) {
      const envelope = envelopeOf(row);
      if (!envelope) continue;
      if (!cursor || row.createdAt >= cursor.createdAt) cursor = row;
      yield { id: row.id, event: { kind: 'command', command: envelope } };
    }
    let n = 0;
    const snapshot = async (): Promise<RoomEventItem> => {
      const fresh = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
      const state = await loadRoomStateView(deps, fresh);
      // As in room.state: students learn only about their own removal.
      if (!fresh.canManage) state.removed = state.removed.filter((r) => r.userId === actor.id);
      return { id: `${cursor?.id ?? '0'}:s${++n}`, event: { kind: 'state', state } };
    };
    yield await snapshot();

    for (;;) {
      const next = await queue.next(signal);
      if (!next) return;
      if (next.kind === 'command') {
        const row = await findCommand(deps.db, { ...key, id: next.id });
        const envelope = row && envelopeOf(row);
        if (!row || !envelope) continue;
        cursor = row;
        yield { id: row.id, event: { kind: 'command', command: envelope } };
      } else if (next.kind === 'state' || next.kind === 'recording') {
        yield await snapshot();
      } else {
        yield { id: `${cursor?.id ?? '0'}:a${++n}`, event: { kind: 'attendance' } };
      }
    }
  } finally {
    await listener.stop();
  }
}
