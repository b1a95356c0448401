/**
 * The prune-data sweep on a database of its own (exact counts): each kind of
 * row goes when rules.ts says and not before, per academy setting; finalised
 * attendance records stay; a dry run counts the same rows and deletes none;
 * small batches delete the same as one big one.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/server/db';
import { runMigrations } from '@/server/db/migrate';
import {
  attendanceEvents,
  attendanceRecords,
  commandAcks,
  meetingCommands,
  meetings,
  rateLimits,
  roomStates,
  signInFailures,
  sweepRuns,
  userLeases,
  webhookEvents,
} from '@/server/db/schema';
import { createAcademy, createSession, createUser } from '@/server/seed/factories';
import { integrationConfig } from '@/server/testing/integration';
import { createDatabase } from '@/scripts/infra/postgres';
import { pruneData, type PrunedTable } from './prune-data';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let handle: DbHandle;
const expected: Record<PrunedTable, number> = {
  webhook_events: 0,
  attendance_events: 0,
  meeting_commands: 0,
  room_states: 0,
  rate_limits: 0,
  sign_in_failures: 0,
  user_leases: 0,
  sweep_runs: 0,
};
const kept: Record<PrunedTable, number> = { ...expected };
let finalRecordKey: { sessionId: number; userId: number };

async function count(table: PrunedTable): Promise<number> {
  const [row] = await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return row!.n;
}

beforeAll(async () => {
  const adminUrl = new URL(integrationConfig().databaseUrl);
  adminUrl.pathname = '/postgres';
  const url = await createDatabase(adminUrl.toString(), `halaqa_prune_${Date.now()}_${process.pid}`);
  await runMigrations(url);
  handle = createDb(url, { max: 4 });
  const db = handle.db;

  // Academy A keeps events 30 days; academy B has the default (90).
  const a = await createAcademy(db, {}, { eventRetentionDays: 30 });
  const b = await createAcademy(db);
  const teacherA = await createUser(db, { academyId: a.id, role: 'teacher' });
  const studentA = await createUser(db, { academyId: a.id, role: 'student' });
  const teacherB = await createUser(db, { academyId: b.id, role: 'teacher' });
  const studentB = await createUser(db, { academyId: b.id, role: 'student' });

  const webhook = async (academyId: number | null, receivedAt: Date, gone: boolean) => {
    await db.insert(webhookEvents).values({ id: `EV_${randomUUID()}`, event: 'participant_joined', academyId, occurredAt: receivedAt, receivedAt, payload: { name: 'a student' } });
    (gone ? expected : kept).webhook_events += 1;
  };
  await webhook(a.id, ago(31 * DAY), true); // past A's 30 days
  await webhook(a.id, ago(29 * DAY), false);
  await webhook(b.id, ago(31 * DAY), false); // B keeps 90
  await webhook(b.id, ago(91 * DAY), true);
  await webhook(null, ago(91 * DAY), true); // no academy (unknown room): the default
  await webhook(null, ago(89 * DAY), false);

  // Sessions: a finished one in A (long ago), an ongoing one in A, a finished one in B (recent for B's 90 days).
  const doneA = await createSession(db, { academyId: a.id, teacherId: teacherA.id, studentId: studentA.id, scheduledAt: ago(40 * DAY), status: 'completed' });
  const liveA = await createSession(db, { academyId: a.id, teacherId: teacherA.id, studentId: studentA.id, scheduledAt: ago(40 * DAY), status: 'ongoing' });
  const doneB = await createSession(db, { academyId: b.id, teacherId: teacherB.id, studentId: studentB.id, scheduledAt: ago(40 * DAY), status: 'completed' });
  const event = async (academyId: number, sessionId: number, userId: number, occurredAt: Date, gone: boolean) => {
    await db.insert(attendanceEvents).values({ academyId, sessionId, userId, kind: 'join', participantSid: `PA_${randomUUID()}`, occurredAt, source: 'webhook' });
    (gone ? expected : kept).attendance_events += 1;
  };
  await event(a.id, doneA.id, studentA.id, ago(40 * DAY), true);
  await event(a.id, doneA.id, studentA.id, ago(20 * DAY), false);
  await event(a.id, liveA.id, studentA.id, ago(40 * DAY), false); // its attendance is not final yet
  await event(b.id, doneB.id, teacherB.id, ago(40 * DAY), false);
  await db.insert(attendanceRecords).values({ academyId: a.id, sessionId: doneA.id, userId: studentA.id, userType: 'student', status: 'present', isFinal: true, totalSeconds: 3000, joinCount: 1, leaveCount: 1 });
  finalRecordKey = { sessionId: doneA.id, userId: studentA.id };

  // Meetings: doneA's ended two days ago, doneB's an hour ago, liveA's is live.
  const meeting = (academyId: number, sessionId: number, endedAt: Date | null) =>
    db.insert(meetings).values({ academyId, sessionId, roomName: `room-${randomUUID()}`, joinUrl: 'http://x', options: {}, expiresAt: NOW, endedAt });
  await meeting(a.id, doneA.id, ago(2 * DAY));
  await meeting(a.id, liveA.id, null);
  await meeting(b.id, doneB.id, ago(HOUR));
  const command = async (academyId: number, sessionId: number, gone: boolean) => {
    const id = randomUUID();
    await db.insert(meetingCommands).values({ id, academyId, sessionId, topic: 'session_announcements', type: 'announcement_set', payload: {} });
    await db.insert(commandAcks).values({ commandId: id, identity: 'someone' });
    (gone ? expected : kept).meeting_commands += 1;
  };
  await command(a.id, doneA.id, true);
  await command(a.id, doneA.id, true);
  await command(a.id, liveA.id, false);
  await command(b.id, doneB.id, false);
  for (const [academyId, sessionId, gone] of [[a.id, doneA.id, true], [a.id, liveA.id, false], [b.id, doneB.id, false]] as const) {
    await db.insert(roomStates).values({ academyId, sessionId });
    (gone ? expected : kept).room_states += 1;
  }

  // Short-lived rows.
  await db.insert(rateLimits).values([
    { key: 'token:1', windowStart: ago(25 * HOUR), count: 3 },
    { key: 'token:1', windowStart: ago(HOUR), count: 3 },
  ]);
  expected.rate_limits += 1;
  kept.rate_limits += 1;
  await db.insert(signInFailures).values([
    { key: 'account:old@example.test', failures: 2, windowStart: ago(2 * DAY) },
    { key: 'account:locked@example.test', failures: 5, windowStart: ago(2 * DAY), lockedUntil: ago(HOUR) }, // lock ended an hour ago: kept a while
    { key: 'address:127.0.0.1', failures: 1, windowStart: ago(HOUR) },
  ]);
  expected.sign_in_failures += 1;
  kept.sign_in_failures += 2;
  await db.insert(userLeases).values([
    { userId: studentA.id, kind: 'room-stream', expiresAt: ago(2 * DAY) },
    { userId: studentA.id, kind: 'room-stream', expiresAt: new Date(NOW.getTime() + 60_000) },
  ]);
  expected.user_leases += 1;
  kept.user_leases += 1;
  await db.insert(sweepRuns).values([
    { job: 'cleanup-expired', dryRun: false, startedAt: ago(91 * DAY), finishedAt: ago(91 * DAY), report: {} },
    { job: 'cleanup-expired', dryRun: false, startedAt: ago(DAY), finishedAt: ago(DAY), report: {} },
  ]);
  expected.sweep_runs += 1;
  kept.sweep_runs += 1;
});

afterAll(async () => {
  await handle?.close();
});

describe('prune-data', () => {
  it('a dry run counts what a real run deletes and deletes nothing', async () => {
    const before = await Promise.all((Object.keys(expected) as PrunedTable[]).map(count));
    const report = await pruneData({ db: handle.db, clock: { now: () => NOW } }, { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.deleted).toEqual(expected);
    expect(await Promise.all((Object.keys(expected) as PrunedTable[]).map(count))).toEqual(before);
  });

  it('deletes exactly the rows kept no longer, in small batches, and keeps final attendance records', async () => {
    const acksBefore = await handle.db.$count(commandAcks);
    const report = await pruneData({ db: handle.db, clock: { now: () => NOW } }, { batchSize: 1 });
    expect(report.deleted).toEqual(expected);
    for (const table of Object.keys(kept) as PrunedTable[]) expect(await count(table), table).toBe(kept[table]);
    // Acknowledgements went with their commands.
    expect(await handle.db.$count(commandAcks)).toBe(acksBefore - expected.meeting_commands);
    const [record] = await handle.db.execute<{ total_seconds: number }>(
      sql`SELECT total_seconds FROM attendance_records WHERE session_id = ${finalRecordKey.sessionId} AND user_id = ${finalRecordKey.userId}`,
    );
    expect(record?.total_seconds).toBe(3000);
  });

  it('a second run finds nothing left to delete', async () => {
    const report = await pruneData({ db: handle.db, clock: { now: () => NOW } });
    expect(Object.values(report.deleted).every((n) => n === 0)).toBe(true);
  });
});
