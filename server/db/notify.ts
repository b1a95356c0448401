/**
 * Cross-instance signals through PostgreSQL LISTEN/NOTIFY: whichever app
 * instance holds a room page's event stream hears what any other instance
 * changed. A NOTIFY sent inside a transaction is delivered only on commit,
 * so a listener never sees a signal for a change it cannot read yet.
 * Signals carry ids only; listeners read the rows (tenant-filtered) themselves.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { Db, DbExecutor } from './client';

export const ROOM_CHANNEL = 'halaqa_room';

export type RoomSignalKind = 'command' | 'attendance' | 'state' | 'recording';

export interface RoomSignal {
  sessionId: number;
  kind: RoomSignalKind;
  /** A command id for 'command'; an event or state version otherwise. */
  id: string;
}

const KINDS: readonly RoomSignalKind[] = ['command', 'attendance', 'state', 'recording'];

export async function notify(db: DbExecutor, signal: RoomSignal): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${ROOM_CHANNEL}, ${JSON.stringify(signal)})`);
}

/**
 * Signals changes that are already committed, for hot paths. PostgreSQL
 * serialises the commits of every transaction that NOTIFYs on one global
 * lock, held through the commit's WAL flush: with the signal inside each
 * webhook's transaction, webhooks committed one at a time (bench:webhooks:
 * 136 events/s with it, 193 with this). So the webhook path commits
 * durably first, then sends its signals in one autocommit statement that
 * does not wait for its own flush: a signal lost in a crash costs a listener one
 * refetch, never data, and it still never precedes the change.
 */
export async function notifyCommitted(db: Db, signals: RoomSignal[]): Promise<void> {
  if (signals.length === 0) return;
  const notifies = signals.map((s) => sql`pg_notify(${ROOM_CHANNEL}, ${JSON.stringify(s)})`);
  // set_config(…, true) lasts for this statement's own (implicit) transaction only.
  await db.execute(sql`SELECT set_config('synchronous_commit', 'off', true), ${sql.join(notifies, sql`, `)}`);
}

/** Pure: a payload from the channel, or null when it is not one of ours. */
export function parseRoomSignal(payload: string): RoomSignal | null {
  try {
    const value = JSON.parse(payload) as Partial<RoomSignal>;
    if (!Number.isSafeInteger(value.sessionId) || typeof value.id !== 'string' || !KINDS.includes(value.kind as RoomSignalKind)) return null;
    return { sessionId: value.sessionId!, kind: value.kind!, id: value.id };
  } catch {
    return null;
  }
}

export interface RoomListener {
  /** Stops delivering to this listener; the shared LISTEN connection stays for others. */
  stop(): Promise<void>;
}

/**
 * Calls `onSignal` for every room signal. postgres.js keeps one LISTEN
 * connection per client for all listeners and re-listens after it drops;
 * `onRelisten` then fires, because signals sent meanwhile were lost.
 */
export async function listenRoomSignals(db: Db, onSignal: (signal: RoomSignal) => void, onRelisten?: () => void): Promise<RoomListener> {
  const client = (db as Db & { $client: Sql }).$client;
  let first = true;
  // After a re-listen postgres.js registers a copy of the listener that the
  // original unlisten cannot remove, so a stopped listener must ignore calls.
  let active = true;
  const { unlisten } = await client.listen(
    ROOM_CHANNEL,
    (payload) => {
      const signal = active ? parseRoomSignal(payload) : null;
      if (signal) onSignal(signal);
    },
    () => {
      if (active && !first) onRelisten?.();
      first = false;
    },
  );
  return {
    stop: async () => {
      active = false;
      await unlisten();
    },
  };
}
