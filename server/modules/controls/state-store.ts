/**
 * room_states reads and writes, shaped fn(db, { academyId, sessionId, ... })
 * so they run inside a command's transaction or alone. The row is created
 * on first use; writers lock it, which also orders a session's commands.
 */
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbExecutor, Tx } from '@/server/db';
import { roomStates, users } from '@/server/db/schema';
import { ALL_STUDENTS, type ControlState } from './permissions';
import type { RoomStateView } from '@/shared/classroom/room-state';

export type RoomStateRow = typeof roomStates.$inferSelect;
export type RoomStateChange = Partial<Pick<RoomStateRow, 'raisedHands' | 'announcement' | 'studentsCanPublish' | 'mutedIdentities' | 'removedUserIds' | 'speakerIdentity' | 'teacherArrivedAt' | 'mushaf' | 'whiteboard'>>;

/** The row's fields that decide what students may publish. */
export type ControlRow = Pick<RoomStateRow, 'studentsCanPublish' | 'mutedIdentities' | 'removedUserIds' | 'speakerIdentity' | 'teacherArrivedAt'>;

interface Key {
  academyId: number;
  sessionId: number;
}

export async function readRoomState(db: DbExecutor, key: Key): Promise<RoomStateRow | null> {
  const [row] = await db
    .select()
    .from(roomStates)
    .where(and(eq(roomStates.sessionId, key.sessionId), eq(roomStates.academyId, key.academyId)));
  return row ?? null;
}

/** The row, created if missing, locked until the transaction ends. */
export async function lockRoomState(tx: Tx, key: Key): Promise<RoomStateRow> {
  await tx.insert(roomStates).values({ sessionId: key.sessionId, academyId: key.academyId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(roomStates)
    .where(and(eq(roomStates.sessionId, key.sessionId), eq(roomStates.academyId, key.academyId)))
    .for('update');
  return row!;
}

export async function writeRoomState(tx: Tx, row: RoomStateRow, change: RoomStateChange, now: Date): Promise<RoomStateRow> {
  const [updated] = await tx
    .update(roomStates)
    .set({ ...change, version: sql`${roomStates.version} + 1`, updatedAt: now })
    .where(eq(roomStates.sessionId, row.sessionId))
    .returning();
  return updated!;
}

export function controlStateOf(row: Omit<ControlRow, 'removedUserIds'> | null): ControlState {
  return {
    studentsCanPublish: row?.studentsCanPublish ?? true,
    micsLocked: row?.mutedIdentities.includes(ALL_STUDENTS) ?? false,
    mutedIdentities: row?.mutedIdentities.filter((i) => i !== ALL_STUDENTS) ?? [],
    speakerIdentity: row?.speakerIdentity ?? null,
    // No row yet: nobody has joined, the teacher neither.
    teacherArrived: Boolean(row?.teacherArrivedAt),
  };
}

/**
 * The teacher joined (their webhook): the class opens. Creates the row when
 * missing; the first arrival stays, so a teacher's reconnect changes nothing.
 */
export async function markTeacherArrived(db: DbExecutor, key: Key, at: Date): Promise<boolean> {
  const rows = await db
    .insert(roomStates)
    .values({ sessionId: key.sessionId, academyId: key.academyId, teacherArrivedAt: at })
    .onConflictDoUpdate({
      target: roomStates.sessionId,
      set: { teacherArrivedAt: at, version: sql`${roomStates.version} + 1`, updatedAt: at },
      setWhere: sql`${roomStates.teacherArrivedAt} IS NULL`,
    })
    .returning({ version: roomStates.version });
  return rows.length > 0;
}

export async function toStateView(db: DbExecutor, academyId: number, row: RoomStateRow | null, ended: boolean): Promise<Omit<RoomStateView, 'recording'>> {
  const removedIds = row?.removedUserIds ?? [];
  const names = removedIds.length
    ? await db
        .select({ userId: users.id, name: users.name })
        .from(users)
        .where(and(inArray(users.id, removedIds), eq(users.academyId, academyId)))
    : [];
  return {
    version: row?.version ?? 0,
    raisedHands: row?.raisedHands ?? [],
    announcement: row?.announcement ?? null,
    mushaf: row?.mushaf ?? null,
    whiteboard: row?.whiteboard ?? null,
    ...controlStateOf(row),
    removed: removedIds.map((userId) => ({ userId, name: names.find((n) => n.userId === userId)?.name ?? String(userId) })),
    ended,
  };
}
