/**
 * Everyone's own timezone: set and cleared through profile.setTimezone,
 * refused when it is not an IANA name, and used for the times a person
 * reads, the CSV export's included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceRecords } from '@/server/db/schema';
import { exportAttendanceCsv } from '@/server/modules/attendance';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';

const db = testDb();
const deps = testDeps();
type User = Awaited<ReturnType<typeof createUser>>;
let academyId: number;
let admin: User;
let parent: User;
let sessionId: number;

beforeAll(async () => {
  academyId = (await createAcademy(db, { timezone: 'Asia/Riyadh' })).id;
  admin = await createUser(db, { academyId, role: 'academy_admin' });
  parent = await createUser(db, { academyId, role: 'parent' });
  const teacher = await createUser(db, { academyId, role: 'teacher' });
  const student = await createUser(db, { academyId, role: 'student' });
  const circle = await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [student.id] });
  sessionId = (await createSession(db, { academyId, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date('2030-06-01T12:00:00Z'), status: 'completed' })).id;
  await db.insert(attendanceRecords).values({ academyId, sessionId, userId: student.id, userType: 'student', status: 'present', isFinal: true });
});

afterAll(closeTestDb);

async function csvOf(user: User): Promise<{ timezone: string; firstRow: string }> {
  const out = await exportAttendanceCsv(deps, actorOf(user), { sessionId });
  const text = await new Response(out.stream).text();
  return { timezone: out.timezone, firstRow: text.split('\r\n')[1]! };
}

describe('profile.setTimezone', () => {
  it('stores an IANA name, clears it with null, and refuses anything else', async () => {
    const me = callerFor(deps, actorOf(parent));
    expect(await me.profile.setTimezone({ timezone: 'America/Toronto' })).toEqual({ timezone: 'America/Toronto' });
    expect(await me.profile.me()).toMatchObject({ timezone: 'America/Toronto', academy: { timezone: 'Asia/Riyadh' } });
    for (const timezone of ['+03:00', 'EST', 'Mars/Olympus_Mons', '']) {
      await expect(me.profile.setTimezone({ timezone })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(await me.profile.me()).toMatchObject({ timezone: 'America/Toronto' });
    expect(await me.profile.setTimezone({ timezone: null })).toEqual({ timezone: null });
  });

  it('the CSV export writes times in the reader’s timezone, the academy’s when they chose none', async () => {
    expect(await csvOf(admin)).toMatchObject({ timezone: 'Asia/Riyadh', firstRow: expect.stringContaining('2030-06-01 15:00:00,Asia/Riyadh') });
    await callerFor(deps, actorOf(admin)).profile.setTimezone({ timezone: 'Europe/London' });
    expect(await csvOf(admin)).toMatchObject({ timezone: 'Europe/London', firstRow: expect.stringContaining('2030-06-01 13:00:00,Europe/London') });
  });
});
