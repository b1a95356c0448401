/**
 * Groups through the procedures on the real database: admins create and
 * change circles, courses and lessons; supervisors read; another academy's
 * group is NOT_FOUND; removing a member keeps their attendance; archiving
 * waits for the group's sessions and schedules and closes it to new ones.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceRecords, circleMembers } from '@/server/db/schema';
import { fixedClock } from '@/server/lib/clock';
import { createAcademy, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';

const db = testDb();
const deps = testDeps({ clock: fixedClock('2031-03-01T00:00:00Z') });
type User = Awaited<ReturnType<typeof createUser>>;
let academyId: number;
let admin: User;
let supervisor: User;
let teacher: User;
let otherTeacher: User;
let students: User[];
let outsider: User;
const as = (user: User) => callerFor(deps, actorOf(user));

beforeAll(async () => {
  const academy = await createAcademy(db, { timezone: 'Asia/Riyadh' });
  academyId = academy.id;
  admin = await createUser(db, { academyId, role: 'academy_admin' });
  supervisor = await createUser(db, { academyId, role: 'supervisor' });
  teacher = await createUser(db, { academyId, role: 'teacher' });
  otherTeacher = await createUser(db, { academyId, role: 'teacher' });
  students = [];
  for (let i = 0; i < 3; i++) students.push(await createUser(db, { academyId, role: 'student', name: `طالب ${i}` }));
  const away = await createAcademy(db);
  outsider = await createUser(db, { academyId: away.id, role: 'academy_admin' });
});

afterAll(closeTestDb);

describe('groups', () => {
  it('an admin creates a circle, a course with students and a lesson; everyone sees them listed with their teacher', async () => {
    const circle = await as(admin).groups.create({ kind: 'circle', name: 'حلقة الفجر', teacherId: teacher.id });
    const course = await as(admin).groups.create({ kind: 'course', name: 'التجويد', teacherId: teacher.id, studentIds: [students[0]!.id, students[1]!.id] });
    const lesson = await as(admin).groups.create({ kind: 'lesson', name: 'درس خاص', teacherId: otherTeacher.id, studentId: students[2]!.id });
    const list = await as(supervisor).groups.list();
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'circle', id: circle.id, name: 'حلقة الفجر', teacherName: teacher.name, studentCount: 0, archived: false }),
        expect.objectContaining({ kind: 'course', id: course.id, studentCount: 2 }),
        expect.objectContaining({ kind: 'lesson', id: lesson.id, teacherName: otherTeacher.name, studentName: students[2]!.name, studentCount: 1 }),
      ]),
    );
    expect(await as(supervisor).groups.list({ kind: 'lesson' })).toEqual([expect.objectContaining({ kind: 'lesson', id: lesson.id })]);
    expect(await as(supervisor).groups.get({ kind: 'course', groupId: course.id })).toMatchObject({ name: 'التجويد', students: [{ id: students[0]!.id }, { id: students[1]!.id }] });
  });

  it('supervisors and teachers cannot change groups; another academy’s admin does not find them', async () => {
    const circle = await as(admin).groups.create({ kind: 'circle', name: 'حلقة', teacherId: teacher.id });
    await expect(as(supervisor).groups.create({ kind: 'circle', name: 'x', teacherId: teacher.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(teacher).groups.addMember({ kind: 'circle', groupId: circle.id, studentId: students[0]!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(outsider).groups.get({ kind: 'circle', groupId: circle.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(outsider).groups.update({ kind: 'circle', groupId: circle.id, name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(admin).groups.update({ kind: 'circle', groupId: circle.id, teacherId: students[0]!.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await as(admin).groups.update({ kind: 'circle', groupId: circle.id, name: 'حلقة العصر', teacherId: otherTeacher.id });
    expect(await as(admin).groups.get({ kind: 'circle', groupId: circle.id })).toMatchObject({ name: 'حلقة العصر', teacherId: otherTeacher.id });
  });

  it('adding is idempotent; removing a member keeps their past attendance and ends their access to the circle’s next sessions', async () => {
    const circle = await as(admin).groups.create({ kind: 'circle', name: 'حلقة المغرب', teacherId: teacher.id });
    const student = students[0]!;
    expect(await as(admin).groups.addMember({ kind: 'circle', groupId: circle.id, studentId: student.id })).toEqual({ added: true });
    expect(await as(admin).groups.addMember({ kind: 'circle', groupId: circle.id, studentId: student.id })).toEqual({ added: false });
    const past = await createSession(db, { academyId, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date('2031-02-20T15:00:00Z'), status: 'completed' });
    await db.insert(attendanceRecords).values({ academyId, sessionId: past.id, userId: student.id, userType: 'student', status: 'present', isFinal: true, totalSeconds: 2400, percentage: 100 });
    const next = await createSession(db, { academyId, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date('2031-03-05T15:00:00Z') });

    expect(await as(admin).groups.removeMember({ kind: 'circle', groupId: circle.id, studentId: student.id })).toEqual({ removed: true });
    expect(await db.select().from(circleMembers).where(eq(circleMembers.circleId, circle.id))).toEqual([]);
    expect(await db.select({ status: attendanceRecords.status }).from(attendanceRecords).where(eq(attendanceRecords.sessionId, past.id))).toEqual([{ status: 'present' }]);
    expect(await as(admin).attendance.listRecords({ sessionId: past.id })).toEqual([expect.objectContaining({ userId: student.id, status: 'present' })]);
    await expect(as(student).meeting.token({ sessionId: next.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(admin).groups.removeMember({ kind: 'circle', groupId: circle.id, studentId: student.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('archiving waits for the sessions to come and the schedules; an archived circle takes no sessions or members until restored', async () => {
    const circle = await as(admin).groups.create({ kind: 'circle', name: 'حلقة مؤقتة', teacherId: teacher.id, studentIds: [students[1]!.id] });
    const session = await as(admin).scheduling.createSession({
      kind: 'quran', title: 'حلقة', teacherId: teacher.id, circleId: circle.id, localDate: '2031-03-10', localTime: '10:00', durationMinutes: 30,
    });
    await expect(as(admin).groups.setArchived({ kind: 'circle', groupId: circle.id, archived: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    await as(admin).scheduling.cancelSession({ sessionId: session.id, reason: 'انتهت الحلقة' });
    const weekly = await as(admin).scheduling.createWeeklySchedule({
      kind: 'quran', title: 'أسبوعية', teacherId: teacher.id, circleId: circle.id, weekdays: [1], localTime: '10:00', durationMinutes: 30, startDate: '2031-03-02', count: 2,
    });
    await expect(as(admin).groups.setArchived({ kind: 'circle', groupId: circle.id, archived: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    await as(admin).scheduling.endSchedule({ scheduleId: weekly.schedule.id });

    expect(await as(admin).groups.setArchived({ kind: 'circle', groupId: circle.id, archived: true })).toMatchObject({ archived: true });
    expect((await as(admin).academies.directory()).circles.map((c) => c.id)).not.toContain(circle.id);
    expect((await as(admin).groups.list()).map((g) => g.id)).not.toContain(circle.id);
    expect(await as(admin).groups.list({ archived: true })).toEqual(expect.arrayContaining([expect.objectContaining({ id: circle.id, archived: true })]));
    await expect(
      as(admin).scheduling.createSession({ kind: 'quran', title: 'x', teacherId: teacher.id, circleId: circle.id, localDate: '2031-03-11', localTime: '10:00', durationMinutes: 30 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(admin).groups.addMember({ kind: 'circle', groupId: circle.id, studentId: students[2]!.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Its history stays readable.
    expect(await as(admin).groups.get({ kind: 'circle', groupId: circle.id })).toMatchObject({ archived: true, students: [{ id: students[1]!.id }] });

    await as(admin).groups.setArchived({ kind: 'circle', groupId: circle.id, archived: false });
    expect((await as(admin).academies.directory()).circles.map((c) => c.id)).toContain(circle.id);
  });
});
