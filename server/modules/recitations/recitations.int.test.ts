/**
 * The recitation log against real PostgreSQL: who writes, the edit window,
 * who reads whose entries (parents only their children's), the grade scale,
 * the progress view and the CSV file.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recitations } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { fixedClock } from '@/server/lib/clock';
import { handleRecitationsExport } from '@/server/http/recitations-export';
import { createAcademy, createCircle, createSession, createUser, linkParent } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';

const db = testDb();
let academyId: number;
let teacher: Actor;
let otherTeacher: Actor;
let admin: Actor;
let student: Actor;
let classmate: Actor;
let parent: Actor;
let otherParent: Actor;
let outsider: Actor;
let sessionId: number;

const as = (actor: Actor, now?: Date) => callerFor(testDeps(now ? { clock: fixedClock(now) } : {}), actor);
const recited = (studentId: number) => ({
  sessionId,
  studentId,
  kind: 'memorisation' as const,
  fromSurah: 67,
  fromAyah: 1,
  toSurah: 67,
  toAyah: 5,
  mistakes: [
    { kind: 'tajweed' as const, surah: 67, ayah: 3 },
    { kind: 'memorisation' as const, surah: 67, ayah: 4 },
  ],
  grade: 'very_good',
  note: 'أحسنت',
});

beforeAll(async () => {
  const academy = await createAcademy(db);
  academyId = academy.id;
  const make = (role: Actor['role'], name: string) => createUser(db, { academyId, role, name }).then(actorOf);
  teacher = await make('teacher', 'Teacher');
  otherTeacher = await make('teacher', 'Other teacher');
  admin = await make('academy_admin', 'Admin');
  student = await make('student', 'Yusuf');
  classmate = await make('student', 'Maryam');
  parent = await make('parent', 'Parent of Yusuf');
  otherParent = await make('parent', 'Parent of Maryam');
  await linkParent(db, academyId, parent.id, student.id);
  await linkParent(db, academyId, otherParent.id, classmate.id);
  outsider = actorOf(await createUser(db, { academyId: (await createAcademy(db)).id, role: 'academy_admin', name: 'Outsider' }));
  const circle = await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [student.id, classmate.id] });
  sessionId = (await createSession(db, { academyId, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() })).id;
});

afterAll(closeTestDb);

describe('writing the log', () => {
  it('only the session teacher or a manager writes, for a student of the session, with a grade on the academy scale', async () => {
    const row = await as(teacher).recitation.record(recited(student.id));
    expect(row).toMatchObject({ studentId: student.id, createdBy: teacher.id, grade: 'very_good', updatedAt: null });
    await expect(as(student).recitation.record(recited(student.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(parent).recitation.record(recited(student.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(otherTeacher).recitation.record(recited(student.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(outsider).recitation.record(recited(student.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(teacher).recitation.record({ ...recited(student.id), grade: '9' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(teacher).recitation.record(recited(otherParent.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The academy moves to marks out of 10: words are refused, numbers taken.
    await as(admin).recitation.setGradeScale({ scale: 'out_of_10' });
    await expect(as(teacher).recitation.record(recited(classmate.id))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const marked = await as(admin).recitation.record({ ...recited(classmate.id), grade: '8' });
    expect(marked.grade).toBe('8');
    await as(admin).recitation.setGradeScale({ scale: 'five_level' });
  });

  it('the teacher edits for 7 days, then only admins; who and when are kept', async () => {
    const row = await as(teacher).recitation.record(recited(student.id));
    const fields = { ...recited(student.id), recitationId: row.id, grade: 'excellent' } as Record<string, unknown>;
    delete fields.sessionId;
    delete fields.studentId;
    const update = fields as Parameters<ReturnType<typeof as>['recitation']['update']>[0];
    const sixDays = new Date(row.createdAt.getTime() + 6 * 86_400_000);
    const eightDays = new Date(row.createdAt.getTime() + 8 * 86_400_000);
    const edited = await as(teacher, sixDays).recitation.update(update);
    expect(edited).toMatchObject({ grade: 'excellent', updatedBy: teacher.id, updatedAt: sixDays, createdBy: teacher.id });
    await expect(as(teacher, eightDays).recitation.update({ ...update, grade: 'weak' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(student, sixDays).recitation.update(update)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(outsider, sixDays).recitation.update(update)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const late = await as(admin, eightDays).recitation.update({ ...update, grade: 'good' });
    expect(late).toMatchObject({ grade: 'good', updatedBy: admin.id, updatedAt: eightDays, createdBy: teacher.id });
    const [stored] = await db.select().from(recitations).where(eq(recitations.id, row.id));
    expect(stored).toMatchObject({ grade: 'good', updatedBy: admin.id, createdBy: teacher.id });
  });
});

describe('reading the log', () => {
  it('parents see only their children’s recitations; students their own; the teacher everyone’s', async () => {
    const mine = await as(parent).recitation.listForSession({ sessionId });
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(new Set(mine.rows.map((r) => r.studentId))).toEqual(new Set([student.id]));
    expect(mine.canRecord).toBe(false);
    const theirs = await as(otherParent).recitation.listForSession({ sessionId });
    expect(new Set(theirs.rows.map((r) => r.studentId))).toEqual(new Set([classmate.id]));
    const own = await as(classmate).recitation.listForSession({ sessionId });
    expect(own.rows.every((r) => r.studentId === classmate.id)).toBe(true);
    const all = await as(teacher).recitation.listForSession({ sessionId });
    expect(new Set(all.rows.map((r) => r.studentId))).toEqual(new Set([student.id, classmate.id]));
    expect(all.students.map((s) => s.id).sort()).toEqual([student.id, classmate.id].sort());
    expect(all.rows[0]!.counts).toEqual({ memorisation: 1, tajweed: 1, pronunciation: 0 });
  });

  it('progress: the student, their parent, their teacher and managers; not another child’s parent, not another academy', async () => {
    const progress = await as(parent).recitation.progress({ studentId: student.id });
    expect(progress.memorised.ayahs).toBe(5);
    expect(progress.memorised.surahs).toEqual([{ surah: 67, covered: 5, total: 30 }]);
    expect(progress.chart.at(-1)).toMatchObject({ memorisation: 1, tajweed: 1, pronunciation: 0 });
    expect(progress.last.length).toBe(progress.total);
    await expect(as(student).recitation.progress({ studentId: student.id })).resolves.toMatchObject({ student: { id: student.id } });
    await expect(as(teacher).recitation.progress({ studentId: student.id })).resolves.toBeTruthy();
    await expect(as(otherParent).recitation.progress({ studentId: student.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(classmate).recitation.progress({ studentId: student.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(otherTeacher).recitation.progress({ studentId: student.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(outsider).recitation.progress({ studentId: student.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('admins see it per teacher and circle, and download it as its own CSV file with a BOM', async () => {
    // A day either side: the academy's local date may differ from UTC's.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [day(-1), day(1)];
    const range = { from, to };
    const overview = await as(admin).recitation.academy(range);
    expect(overview.byTeacher).toEqual([expect.objectContaining({ id: teacher.id, recitations: overview.total, ayahs: overview.total * 5, mistakes: overview.total * 2 })]);
    expect(overview.byCircle).toHaveLength(1);
    const response = await handleRecitationsExport(new Request(`http://x/api/recitations/export?from=${from}&to=${to}`), { db }, admin);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFrecitation_id,session_id')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(overview.total + 1);
    expect(text).toContain('Yusuf');
    expect((await handleRecitationsExport(new Request(`http://x/api/recitations/export?from=${from}&to=${to}`), { db }, teacher)).status).toBe(403);
    expect((await handleRecitationsExport(new Request(`http://x/api/recitations/export?from=${from}`), { db }, admin)).status).toBe(400);
    expect((await handleRecitationsExport(new Request(`http://x/api/recitations/export?from=${from}&to=${to}`), { db }, null)).status).toBe(401);
  });
});
