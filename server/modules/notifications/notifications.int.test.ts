/**
 * Notifications end to end on real PostgreSQL and a real Mailpit: each kind,
 * exactly once under two concurrent sweeps, no stale reminder after a
 * cancellation, the unsubscribe link, the calendar feed.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { academyVideoSettings, attendanceRecords, notifications, recordings, sessions } from '@/server/db/schema';
import { fixedClock } from '@/server/lib/clock';
import { runSweep, type AnySweepReport } from '@/server/modules/sweeps';
import { createAcademy, createCircle, createSession, createUser, linkParent } from '@/server/seed/factories';
import { actorOf, closeTestDb, deliverQueuedMail, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { linkIn, mailpitClient } from '@/server/testing/mailpit';
import { getPreferences, listInbox, markRead, notifySessionChanged, regenerateCalendarFeed, renderCalendarFeed, setPreferences, unreadCount, unsubscribe } from './index';

const db = testDb();
const mailpit = () => mailpitClient(integrationConfig().mailpit.apiUrl);
const minutes = (n: number) => n * 60_000;

async function classroom(startsInMinutes: number) {
  const academy = await createAcademy(db);
  const teacher = await createUser(db, { academyId: academy.id, role: 'teacher', name: 'الأستاذ أحمد', locale: 'ar' });
  const student = await createUser(db, { academyId: academy.id, role: 'student', name: 'Maryam', locale: 'en' });
  const parent = await createUser(db, { academyId: academy.id, role: 'parent', name: 'Parent', locale: 'ar' });
  const admin = await createUser(db, { academyId: academy.id, role: 'academy_admin', locale: 'en' });
  await linkParent(db, academy.id, parent.id, student.id);
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] });
  const session = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, title: 'Tajweed', scheduledAt: new Date(Date.now() + minutes(startsInMinutes)) });
  return { academy, teacher, student, parent, admin, session };
}

const notify = (now: Date, academy: number, dryRun = false) => runSweep('notify', testDeps({ clock: fixedClock(now) }), { now, academy, dryRun }) as Promise<AnySweepReport & { totals: Record<string, number> }>;
const rowsFor = (sessionId: number) => db.select().from(notifications).where(eq(notifications.sessionId, sessionId));

afterAll(closeTestDb);

describe('notifications', () => {
  it('reminds the student and the teacher once, even with two sweeps at once; the mail links to the room in the recipient’s language', async () => {
    const c = await classroom(20);
    const now = new Date();
    const dry = await notify(now, c.academy.id, true);
    expect(dry.totals.reminders).toBe(2);
    expect(await rowsFor(c.session.id)).toEqual([]);

    const [a, b] = await Promise.all([notify(now, c.academy.id), notify(now, c.academy.id)]);
    expect(a.totals.reminders + b.totals.reminders).toBe(2);
    const rows = await rowsFor(c.session.id);
    expect(rows.map((r) => r.userId).sort()).toEqual([c.teacher.id, c.student.id].sort());
    expect((await notify(now, c.academy.id)).totals.reminders).toBe(0);

    await deliverQueuedMail();
    const studentMail = await mailpit().waitFor(c.student.email);
    expect(studentMail.Subject).toContain('Reminder: Tajweed');
    expect(linkIn(studentMail.Text, 'http://127.0.0.1:3000/room/')).toBe(`http://127.0.0.1:3000/room/${c.session.id}`);
    const teacherMail = await mailpit().waitFor(c.teacher.email);
    expect(teacherMail.HTML).toContain('dir="rtl"');
    expect(teacherMail.Subject).toContain('تذكير');
    expect(await mailpit().to(c.parent.email)).toEqual([]);
  });

  it('a session cancelled after its reminder was queued sends no stale reminder; the cancellation notice goes to everyone', async () => {
    const c = await classroom(10);
    await notify(new Date(), c.academy.id);
    await db.transaction(async (tx) => {
      await tx.update(sessions).set({ status: 'cancelled', cancelReason: 'The teacher is ill' }).where(eq(sessions.id, c.session.id));
      await notifySessionChanged(testDeps(), tx, { sessionId: c.session.id, change: 'cancelled', reason: 'The teacher is ill' });
    });
    await deliverQueuedMail();
    const studentMails = await mailpit().to(c.student.email);
    expect(studentMails.map((m) => m.Subject)).toEqual([expect.stringContaining('Cancelled: Tajweed')]);
    const cancelled = await mailpit().message(studentMails[0]!.ID);
    expect(cancelled.Text).toContain('The teacher is ill');
    expect(await mailpit().waitFor(c.parent.email, { subject: 'أُلغي' })).toBeDefined();
  });

  it('a reschedule tells the audience the new time and the old, once per new time', async () => {
    const c = await classroom(24 * 60);
    const previous = c.session.scheduledAt;
    const moved = new Date(previous.getTime() + minutes(90));
    await db.transaction(async (tx) => {
      await tx.update(sessions).set({ scheduledAt: moved }).where(eq(sessions.id, c.session.id));
      await notifySessionChanged(testDeps(), tx, { sessionId: c.session.id, change: 'rescheduled', reason: 'Holiday', previousStartsAt: previous });
      await notifySessionChanged(testDeps(), tx, { sessionId: c.session.id, change: 'rescheduled', reason: 'Holiday', previousStartsAt: previous });
    });
    expect((await rowsFor(c.session.id)).filter((r) => r.kind === 'rescheduled')).toHaveLength(3);
    await deliverQueuedMail();
    const mail = await mailpit().waitFor(c.student.email, { subject: 'Moved' });
    expect(mail.Text).toContain('Holiday');
  });

  it('a parent is told of an absence once, and again when an override makes it late; the teacher’s absence goes to the admin', async () => {
    const c = await classroom(-120);
    await db.update(sessions).set({ status: 'completed', startedAt: c.session.scheduledAt, endedAt: new Date() }).where(eq(sessions.id, c.session.id));
    await db.insert(attendanceRecords).values({ academyId: c.academy.id, sessionId: c.session.id, userId: c.student.id, userType: 'student', status: 'absent', isFinal: true });
    const now = new Date();
    expect((await notify(now, c.academy.id)).totals.attendance).toBe(2);
    expect((await notify(now, c.academy.id)).totals.attendance).toBe(0);
    await db.update(attendanceRecords).set({ overrideStatus: 'late', overrideReason: 'came in late, network trouble' }).where(eq(attendanceRecords.userId, c.student.id));
    expect((await notify(now, c.academy.id)).totals.attendance).toBe(1);
    const kinds = (await rowsFor(c.session.id)).map((r) => `${r.kind}:${r.userId}`).sort();
    expect(kinds).toEqual([`absent:${c.parent.id}`, `late:${c.parent.id}`, `teacher-absent:${c.admin.id}`].sort());

    await deliverQueuedMail();
    expect((await mailpit().waitFor(c.parent.email, { subject: 'غياب' })).Text).toContain('Maryam');
    const parentActor = actorOf(c.parent);
    expect(await unreadCount(db, parentActor)).toBe(2);
    const inbox = await listInbox(db, parentActor, { limit: 10 });
    expect(inbox.items.map((i) => i.kind)).toEqual(['late', 'absent']);
    await markRead(db, parentActor, { ids: [inbox.items[0]!.id], now: new Date() });
    expect(await unreadCount(db, parentActor)).toBe(1);
    // Someone else's ids are not theirs to mark.
    expect((await markRead(db, actorOf(c.student), { ids: [inbox.items[1]!.id], now: new Date() })).marked).toBe(0);
  });

  it('a finished recording is announced to students and parents when the academy shares recordings', async () => {
    const c = await classroom(-60);
    await db.update(academyVideoSettings).set({ recordingAllowed: true, studentsSeeRecordings: true }).where(eq(academyVideoSettings.academyId, c.academy.id));
    await db.insert(recordings).values({ academyId: c.academy.id, sessionId: c.session.id, egressId: `EG_${c.session.id}`, status: 'complete', endedAt: new Date() });
    expect((await notify(new Date(), c.academy.id)).totals.recordings).toBe(2);
    expect((await notify(new Date(), c.academy.id)).totals.recordings).toBe(0);
  });

  it('the unsubscribe link turns that kind of email off without signing in; the inbox still gets it', async () => {
    const c = await classroom(25);
    await notify(new Date(), c.academy.id);
    await deliverQueuedMail();
    const mail = await mailpit().waitFor(c.student.email);
    const link = linkIn(mail.Text, 'http://127.0.0.1:3000/unsubscribe/');
    const token = link.split('/').pop()!;
    await expect(unsubscribe(db, 'another-secret-0123456789', token)).rejects.toThrow(/not valid/);
    await expect(unsubscribe(db, testDeps().signingSecret, `${token.slice(0, -2)}xx`)).rejects.toThrow(/not valid/);
    expect(await unsubscribe(db, testDeps().signingSecret, token)).toEqual({ topic: 'reminder', email: c.student.email });
    const prefs = await getPreferences(db, actorOf(c.student));
    expect(prefs.topics.find((t) => t.topic === 'reminder')).toEqual({ topic: 'reminder', email: false, inApp: true });

    const next = await createSession(db, { academyId: c.academy.id, teacherId: c.teacher.id, studentId: c.student.id, title: 'Second', scheduledAt: new Date(Date.now() + minutes(5)) });
    await notify(new Date(), c.academy.id);
    const [row] = (await rowsFor(next.id)).filter((r) => r.userId === c.student.id);
    expect(row).toMatchObject({ kind: 'reminder', inApp: true, emailed: false });
  });

  it('a user who turns reminders off gets none', async () => {
    const c = await classroom(5);
    await setPreferences(db, actorOf(c.student), { reminderMinutes: 0, topics: [] });
    await notify(new Date(), c.academy.id);
    expect((await rowsFor(c.session.id)).map((r) => r.userId)).toEqual([c.teacher.id]);
  });

  it('the calendar feed lists one’s sessions (a parent: the child’s), cancelled ones marked; a new address ends the old', async () => {
    const c = await classroom(60);
    await db.update(sessions).set({ status: 'cancelled' }).where(eq(sessions.id, c.session.id));
    const { url } = await regenerateCalendarFeed(db, actorOf(c.parent), 'http://127.0.0.1:3000');
    const token = /\/api\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;
    const feed = (await renderCalendarFeed(db, token, 'http://127.0.0.1:3000', new Date()))!;
    expect(feed).toContain('BEGIN:VCALENDAR');
    expect(feed).toContain(`UID:session-${c.session.id}@halaqa`);
    expect(feed).toContain('SUMMARY:Tajweed');
    expect(feed).toContain('STATUS:CANCELLED');
    expect(feed).toContain(`URL;VALUE=URI:http://127.0.0.1:3000/room/${c.session.id}`);
    expect(feed).toContain(`X-WR-TIMEZONE:${c.academy.timezone}`);
    await regenerateCalendarFeed(db, actorOf(c.parent), 'http://127.0.0.1:3000');
    expect(await renderCalendarFeed(db, token, 'http://127.0.0.1:3000', new Date())).toBeNull();
    const [count] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM calendar_feeds WHERE user_id = ${c.parent.id}`);
    expect(count!.n).toBe(1);
  });
});
