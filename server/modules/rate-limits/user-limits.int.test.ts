/**
 * Per-user limits where a user can make the server work or grow a table,
 * counted in Postgres: distinct connections reported through meeting.leave,
 * open room-event streams, concurrent CSV exports (429 with Retry-After over
 * HTTP), and the export cursor's statement timeout, which frees the pooled
 * connection of a reader who stops reading.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceEvents, userLeases } from '@/server/db/schema';
import { handleAttendanceExport } from '@/server/http/attendance-export';
import type { Actor } from '@/server/lib/actor';
import { exportAttendanceCsv, EXPORT_LEASE } from '@/server/modules/attendance/export-csv';
import { finalizeSessionInTx } from '@/server/modules/attendance/finalize-session';
import { LEAVE_SIDS_PER_SESSION } from '@/server/modules/meetings/leave-meeting';
import { STREAM_LEASE } from '@/server/modules/controls/stream-room-events';
import { createMeeting } from '@/server/modules/meetings';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, eventually, testDb, testDeps } from '@/server/testing/integration';

const db = testDb();
let academyId: number;
let teacher: Actor;
let student: Actor;
let circleId: number;

beforeAll(async () => {
  academyId = (await createAcademy(db)).id;
  teacher = actorOf(await createUser(db, { academyId, role: 'teacher' }));
  student = actorOf(await createUser(db, { academyId, role: 'student' }));
  circleId = (await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [student.id] })).id;
});

afterAll(closeTestDb);

async function liveSession() {
  const session = await createSession(db, { academyId, teacherId: teacher.id, circleId, scheduledAt: new Date() });
  await createMeeting(testDeps(), { sessionId: session.id, createdBy: teacher.id });
  return session.id;
}

const code = (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code ?? String(e));

describe('meeting.leave', () => {
  it(`records at most ${LEAVE_SIDS_PER_SESSION} connections of a user per session; a known one may come again`, async () => {
    const sessionId = await liveSession();
    const leave = (sid: string) => code(callerFor(testDeps(), student).meeting.leave({ sessionId, participantSid: sid }));
    for (let i = 0; i < LEAVE_SIDS_PER_SESSION; i++) expect(await leave(`PA_limit${i}`)).toBe('OK');
    expect(await leave('PA_oneTooMany')).toBe('TOO_MANY_REQUESTS');
    expect(await leave('PA_limit0')).toBe('OK');
    const rows = await db.select().from(attendanceEvents).where(and(eq(attendanceEvents.sessionId, sessionId), eq(attendanceEvents.source, 'client')));
    expect(rows).toHaveLength(LEAVE_SIDS_PER_SESSION);
  });
});

describe('room.events', () => {
  it(`lets a user hold ${STREAM_LEASE.limit} streams open at once, and another once one closes`, async () => {
    const sessionId = await liveSession();
    const caller = callerFor(testDeps(), student);
    const streams = [];
    for (let i = 0; i < STREAM_LEASE.limit; i++) {
      const stream = await caller.room.events({ sessionId });
      // The first event (the state snapshot) shows the stream is open.
      expect((await stream[Symbol.asyncIterator]().next()).done).toBe(false);
      streams.push(stream);
    }
    await expect(caller.room.events({ sessionId })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // Another user is not limited by this one.
    const other = (await callerFor(testDeps(), teacher).room.events({ sessionId }))[Symbol.asyncIterator]();
    expect((await other.next()).done).toBe(false);
    await other.return?.(undefined);
    await streams[0]![Symbol.asyncIterator]().return?.(undefined);
    const again = await caller.room.events({ sessionId });
    expect((await again[Symbol.asyncIterator]().next()).done).toBe(false);
    for (const s of [again, ...streams.slice(1)]) await s[Symbol.asyncIterator]().return?.(undefined);
    expect(await db.select().from(userLeases).where(eq(userLeases.userId, student.id))).toEqual([]);
    expect(await db.select().from(userLeases).where(eq(userLeases.userId, teacher.id))).toEqual([]);
  });
});

describe('CSV exports', () => {
  let sessionId: number;
  beforeAll(async () => {
    const start = new Date('2025-05-01T10:00:00Z');
    const session = await createSession(db, { academyId, teacherId: teacher.id, circleId, scheduledAt: start, status: 'ongoing' });
    sessionId = session.id;
    const people = [teacher.id, student.id, actorOf(await createUser(db, { academyId, role: 'student' })).id];
    await db.insert(attendanceEvents).values(
      people.flatMap((userId) => {
        const base = { academyId, sessionId, userId, participantSid: `PA_${randomUUID().slice(0, 8)}`, source: 'webhook' as const };
        return [
          { ...base, kind: 'join' as const, occurredAt: start, sourceEventId: `EV_${randomUUID()}` },
          { ...base, kind: 'leave' as const, occurredAt: new Date(start.getTime() + 30 * 60_000), sourceEventId: `EV_${randomUUID()}` },
        ];
      }),
    );
    await db.transaction((tx) => finalizeSessionInTx(tx, sessionId, { now: new Date(start.getTime() + 65 * 60_000) }));
  });

  const request = () => new Request(`http://127.0.0.1:3000/api/attendance/export?sessionId=${sessionId}&header=keys`);

  it(`runs ${EXPORT_LEASE.limit} exports of a user at once; the next gets 429 with Retry-After until one ends`, async () => {
    const open: Response[] = [];
    for (let i = 0; i < EXPORT_LEASE.limit; i++) {
      const res = await handleAttendanceExport(request(), testDeps(), teacher);
      expect(res.status).toBe(200);
      open.push(res);
    }
    const refused = await handleAttendanceExport(request(), testDeps(), teacher);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // A finished download frees its place; so does a cancelled one.
    expect(await open[0]!.text()).toContain('session_id');
    await open[1]!.body!.cancel();
    const next = await handleAttendanceExport(request(), testDeps(), teacher);
    expect(next.status).toBe(200);
    await next.text();
    await eventually(async () => (await db.select().from(userLeases).where(eq(userLeases.userId, teacher.id))).length === 0, 'every export lease released');
  });

  it('ends a cursor whose reader stopped reading, freeing the connection', async () => {
    const { stream } = await exportAttendanceCsv(testDeps(), teacher, { sessionId }, { batchRows: 1, statementTimeoutMs: 300 });
    const reader = stream.getReader();
    expect((await reader.read()).done).toBe(false); // the header
    expect((await reader.read()).done).toBe(false); // the first row: the cursor is open
    await new Promise((r) => setTimeout(r, 1_000));
    // The stream may hold one row read ahead; the next pull meets the cancelled statement.
    const drain = async () => {
      for (;;) if ((await reader.read()).done) return 'finished';
    };
    await expect(drain()).rejects.toThrow(/statement timeout/);
    await eventually(async () => (await db.select().from(userLeases).where(eq(userLeases.userId, teacher.id))).length === 0, 'the export lease released');
  });
});
