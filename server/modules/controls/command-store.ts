/**
 * meeting_commands and command_acks, filtered by tenant and session. A
 * command row is written in the same transaction as the state change it
 * announces; its created_at is the wall clock after the room_states lock,
 * so a session's commands sort in the order they were applied.
 */
import 'server-only';
import { and, asc, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { commandAcks, meetingCommands } from '@/server/db/schema';
import { buildEnvelope, isCommandType, type CommandEnvelope, type CommandPayloads, type CommandType } from '@/shared/classroom/envelope';

export type CommandRow = typeof meetingCommands.$inferSelect;

interface Key {
  academyId: number;
  sessionId: number;
}

/** Critical commands are tried at most this many times in all, this far apart. */
export const MAX_ATTEMPTS = 3;
export const RETRY_AFTER_MS = 2_000;
/** Older commands are history: not resent, not replayed to a reconnecting client. */
export const COMMAND_HORIZON_MS = 15 * 60_000;

export function envelopeOf(row: Pick<CommandRow, 'id' | 'type' | 'payload' | 'createdAt'>): CommandEnvelope | null {
  if (!isCommandType(row.type)) return null;
  return buildEnvelope(row.type, row.payload as CommandPayloads[CommandType], { id: row.id, sentAt: row.createdAt });
}

export async function insertCommand(
  db: DbExecutor,
  input: Key & { id: string; type: CommandType; topic: string; payload: object; priority: number; critical: boolean; senderId: number | null; targets: string[] | null; now: Date },
): Promise<CommandRow> {
  const [row] = await db
    .insert(meetingCommands)
    .values({
      id: input.id,
      academyId: input.academyId,
      sessionId: input.sessionId,
      topic: input.topic,
      type: input.type,
      payload: input.payload,
      priority: input.priority,
      critical: input.critical,
      senderId: input.senderId,
      targetIdentities: input.targets,
      attempts: 1,
      createdAt: sql`clock_timestamp()`,
      lastSentAt: input.now,
    })
    .returning();
  return row!;
}

export async function findCommand(db: DbExecutor, key: Key & { id: string }): Promise<CommandRow | null> {
  const [row] = await db
    .select()
    .from(meetingCommands)
    .where(and(eq(meetingCommands.id, key.id), eq(meetingCommands.sessionId, key.sessionId), eq(meetingCommands.academyId, key.academyId)));
  return row ?? null;
}

export async function latestCommand(db: DbExecutor, key: Key): Promise<CommandRow | null> {
  const [row] = await db
    .select()
    .from(meetingCommands)
    .where(and(eq(meetingCommands.sessionId, key.sessionId), eq(meetingCommands.academyId, key.academyId)))
    .orderBy(desc(meetingCommands.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Commands from the cursor's instant on, the cursor itself excluded. Rows
 * sharing the cursor's millisecond come again: clients drop repeats by id.
 */
export async function commandsSince(db: DbExecutor, key: Key & { cursor: Pick<CommandRow, 'id' | 'createdAt'>; limit: number }): Promise<CommandRow[]> {
  return db
    .select()
    .from(meetingCommands)
    .where(
      and(
        eq(meetingCommands.sessionId, key.sessionId),
        eq(meetingCommands.academyId, key.academyId),
        gte(meetingCommands.createdAt, key.cursor.createdAt),
        ne(meetingCommands.id, key.cursor.id),
      ),
    )
    .orderBy(asc(meetingCommands.createdAt), asc(meetingCommands.id))
    .limit(key.limit);
}

/** Recent critical commands aimed at this identity that it has not acknowledged. */
export async function unackedFor(db: DbExecutor, key: Key & { identity: string; since: Date }): Promise<CommandRow[]> {
  return db
    .select()
    .from(meetingCommands)
    .where(
      and(
        eq(meetingCommands.sessionId, key.sessionId),
        eq(meetingCommands.academyId, key.academyId),
        eq(meetingCommands.critical, true),
        gte(meetingCommands.createdAt, key.since),
        sql`${key.identity} = ANY(${meetingCommands.targetIdentities})`,
        sql`NOT EXISTS (SELECT 1 FROM command_acks a WHERE a.command_id = ${meetingCommands.id} AND a.identity = ${key.identity})`,
      ),
    )
    .orderBy(asc(meetingCommands.createdAt));
}

export async function recordAck(db: DbExecutor, input: { commandId: string; identity: string; now: Date }): Promise<boolean> {
  const inserted = await db
    .insert(commandAcks)
    .values({ commandId: input.commandId, identity: input.identity, ackedAt: input.now })
    .onConflictDoNothing()
    .returning({ commandId: commandAcks.commandId });
  return inserted.length > 0;
}

const PENDING_TARGETS = sql`ARRAY(
  SELECT t.identity FROM unnest(mc.target_identities) AS t(identity)
  WHERE NOT EXISTS (SELECT 1 FROM command_acks a WHERE a.command_id = mc.id AND a.identity = t.identity)
)`;

export interface DueCommand {
  row: CommandRow;
  pending: string[];
}

/**
 * Claims the critical commands due for another try and counts the try.
 * The claim is one UPDATE: a concurrent sweeper re-checks last_sent_at
 * after the row lock and skips what this one took, so nothing is sent twice.
 */
export async function claimDueRetries(db: DbExecutor, key: Key & { now: Date }): Promise<DueCommand[]> {
  // Raw SQL gets timestamps as ISO text: drizzle's postgres.js setup leaves Date serialisation to column mappers.
  const now = key.now.toISOString();
  const dueBefore = new Date(key.now.getTime() - RETRY_AFTER_MS).toISOString();
  const horizon = new Date(key.now.getTime() - COMMAND_HORIZON_MS).toISOString();
  const rows = await db.execute<{ id: string; pending: string[] }>(sql`
    UPDATE meeting_commands mc
       SET attempts = mc.attempts + 1, last_sent_at = ${now}::timestamptz
     WHERE mc.session_id = ${key.sessionId} AND mc.academy_id = ${key.academyId}
       AND mc.critical AND mc.attempts < ${MAX_ATTEMPTS}
       AND mc.last_sent_at < ${dueBefore}::timestamptz AND mc.created_at > ${horizon}::timestamptz
       AND cardinality(${PENDING_TARGETS}) > 0
    RETURNING mc.id, ${PENDING_TARGETS} AS pending`);
  const due: DueCommand[] = [];
  for (const r of rows) {
    const row = await findCommand(db, { ...key, id: r.id });
    if (row) due.push({ row, pending: r.pending });
  }
  return due.sort((a, b) => b.row.priority - a.row.priority || a.row.createdAt.getTime() - b.row.createdAt.getTime());
}

/** Target identities of recent critical commands that have not acknowledged yet. */
export async function pendingAckCount(db: DbExecutor, key: Key & { now: Date }): Promise<number> {
  const horizon = new Date(key.now.getTime() - COMMAND_HORIZON_MS).toISOString();
  const [row] = await db.execute<{ n: number }>(sql`
    SELECT coalesce(sum(cardinality(${PENDING_TARGETS})), 0)::int AS n
      FROM meeting_commands mc
     WHERE mc.session_id = ${key.sessionId} AND mc.academy_id = ${key.academyId}
       AND mc.critical AND mc.attempts < ${MAX_ATTEMPTS} AND mc.created_at > ${horizon}::timestamptz`);
  return Number(row?.n ?? 0);
}
