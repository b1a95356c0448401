/**
 * A dry run changes nothing — checked byte for byte on a database of its own
 * (a fresh one on the test server, so no other file's webhooks or sweeps can
 * write to it meanwhile) — and reports exactly what the real run then does.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db, type DbHandle } from '@/server/db';
import { runMigrations } from '@/server/db/migrate';
import type { Deps } from '@/server/deps';
import { createMeeting } from '@/server/modules/meetings';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, integrationConfig, testDeps } from '@/server/testing/integration';
import { joinAsParticipant, type TestParticipant } from '@/server/testing/livekit-participant';
import { createDatabase } from '@/scripts/infra/postgres';
import { cleanupExpiredMeetings } from './cleanup-expired';
import { createScheduledMeetings } from './create-scheduled';
import { reconcileAttendance } from './reconcile-attendance';
import type { SweepItem } from './report';
import { getSweepStats } from './sweep-stats';

const MIN = 60_000;
const name = `halaqa_dry_run_${Date.now()}_${process.pid}`;
const adminUrl = (() => {
  const url = new URL(integrationConfig().databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
})();
let handle: DbHandle;
let deps: Deps;
let participant: TestParticipant | undefined;

/** Every table's rows (in a fixed order) and every sequence's position, hashed. */
async function checksum(db: Db): Promise<string> {
  const tables = await db.execute<{ name: string }>(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const parts: string[] = [];
  for (const { name: table } of tables) {
    const [row] = await db.execute<{ hash: string | null; n: string }>(
      sql`SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS hash, count(*) AS n FROM ${sql.identifier(table)} t`,
    );
    parts.push(`${table}:${row!.n}:${row!.hash ?? ''}`);
  }
  const sequences = await db.execute<{ name: string }>(sql`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`);
  for (const { name: sequence } of sequences) {
    const [row] = await db.execute<{ last_value: string; is_called: boolean }>(sql`SELECT last_value, is_called FROM ${sql.identifier(sequence)}`);
    parts.push(`${sequence}:${row!.last_value}:${row!.is_called}`);
  }
  expect(tables.length).toBeGreaterThan(10);
  return parts.join('\n');
}

const outcomes = (report: { academies: { sessions: SweepItem[] }[] }) => report.academies.flatMap((a) => a.sessions);

beforeAll(async () => {
  const url = await createDatabase(adminUrl, name);
  await runMigrations(url);
  handle = createDb(url, { max: 8 });
  deps = testDeps({ db: handle.db });
  const db = handle.db;
  const now = Date.now();
  const academy = await createAcademy(db, {}, { minutesBefore: 30, endBufferMinutes: 15 });
  const teacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
  const student = await createUser(db, { academyId: academy.id, role: 'student' });
  const circleId = (await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] })).id;
  const session = (minutesFromNow: number) =>
    createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId, scheduledAt: new Date(now + minutesFromNow * MIN), durationMinutes: 60 });
  const withRoom = async (minutesFromNow: number) => {
    const s = await session(minutesFromNow);
    await createMeeting(deps, { sessionId: s.id, createdBy: teacher.id });
    return s;
  };
  // For create-scheduled: two due, one not yet.
  await session(5);
  await session(20);
  await session(50);
  // For cleanup-expired: two rooms past end + buffer, one session never opened and long over, one room still running.
  await withRoom(-90);
  await withRoom(-100);
  await session(-200);
  const live = await withRoom(-10);
  // For reconcile-attendance: a participant whose join webhook went to the other database, so this one missed it.
  const { token, serverUrl } = await callerFor(deps, actorOf(student)).meeting.token({ sessionId: live.id });
  participant = await joinAsParticipant(serverUrl, token);
});

afterAll(async () => {
  await participant?.disconnect();
  await handle?.close();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin`DROP DATABASE IF EXISTS ${admin(name)} WITH (FORCE)`;
  await admin.end();
});

describe('dry runs', () => {
  it('create-scheduled: nothing changes, and the real run does what the dry run said', async () => {
    const now = new Date();
    const before = await checksum(handle.db);
    const dry = await createScheduledMeetings(deps, { now, dryRun: true });
    await getSweepStats(deps, { now });
    expect(await checksum(handle.db)).toBe(before);

    const real = await createScheduledMeetings(deps, { now });
    expect(dry.dryRun).toBe(true);
    expect(outcomes(dry)).toHaveLength(2);
    expect(outcomes(dry)).toEqual(outcomes(real));
    expect(dry.totals).toEqual(real.totals);
    expect(await checksum(handle.db)).not.toBe(before);
  });

  it('cleanup-expired: nothing changes, and the real run does what the dry run said', async () => {
    const now = new Date();
    const before = await checksum(handle.db);
    const dry = await cleanupExpiredMeetings(deps, { now, dryRun: true });
    expect(await checksum(handle.db)).toBe(before);

    const real = await cleanupExpiredMeetings(deps, { now });
    expect(outcomes(dry).map((o) => o.outcome).sort()).toEqual(['closed', 'ended', 'ended']);
    expect(outcomes(dry)).toEqual(outcomes(real));
    expect(dry.totals).toEqual(real.totals);
  });

  it('reconcile-attendance: nothing changes, and the real run adds the join the dry run found', async () => {
    const now = new Date();
    const before = await checksum(handle.db);
    const dry = await reconcileAttendance(deps, { now, dryRun: true });
    expect(await checksum(handle.db)).toBe(before);

    const real = await reconcileAttendance(deps, { now });
    expect(dry.totals).toMatchObject({ joinsAdded: 1, leavesAdded: 0, failed: 0 });
    expect(outcomes(dry)).toEqual(outcomes(real));
    expect(dry.totals).toEqual(real.totals);
    const again = await reconcileAttendance(deps, { now, dryRun: true });
    expect(again.totals.joinsAdded).toBe(0);
  });
});
