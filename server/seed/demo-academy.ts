/**
 * The demo academy the README's run command seeds: itqan-academy
 * (Asia/Riyadh), one user per role, a circle, and three sessions today —
 * one starting now, one later, one finished. Safe to run at every start.
 * `npm run dev` seeds it with the published password; a production start
 * only when asked (HALAQA_SEED=1) and then with HALAQA_DEMO_PASSWORD, since
 * production refuses to run with accounts on the published one.
 */
import 'server-only';
import { and, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '@/server/db';
import { academies, meetings, sessions, users } from '@/server/db/schema';
import { appendAttendanceEvent, finalizeSessionInTx } from '@/server/modules/attendance';
import { roomNameFor } from '@/server/modules/meetings';
import { createAcademy, createCircle, createSession, createUser, linkParent } from './factories';
import { DEMO_ACADEMY_SLUG, DEMO_PASSWORD, DEMO_USERS } from './demo-users';

export { DEMO_ACADEMY_SLUG, DEMO_PASSWORD, DEMO_USERS };

type DemoKey = keyof typeof DEMO_USERS;

export async function seedDemoAcademy(db: Db, now: Date, options: { password?: string } = {}): Promise<{ academyId: number; sessionIds: number[]; created: boolean }> {
  let [academy] = await db.select().from(academies).where(eq(academies.slug, DEMO_ACADEMY_SLUG));
  const created = !academy;
  // Recording allowed, so the session page offers "Start recording" (it says what is missing when storage is not configured).
  academy ??= await createAcademy(
    db,
    { slug: DEMO_ACADEMY_SLUG, nameAr: 'أكاديمية إتقان', nameEn: 'Itqan Academy', timezone: 'Asia/Riyadh', defaultLocale: 'ar' },
    { recordingAllowed: true },
  );

  const ids = {} as Record<DemoKey, number>;
  for (const [key, spec] of Object.entries(DEMO_USERS) as [DemoKey, (typeof DEMO_USERS)[DemoKey]][]) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, spec.email));
    ids[key] =
      existing?.id ??
      (await createUser(db, { academyId: spec.role === 'super_admin' ? null : academy.id, role: spec.role, name: spec.name, email: spec.email, password: options.password ?? DEMO_PASSWORD })).id;
  }
  if (created) await linkParent(db, academy.id, ids.parent, ids.student);

  // Sessions "today" are relative to now: add a fresh set when none is near.
  const near = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.academyId, academy.id), gte(sessions.scheduledAt, new Date(now.getTime() - 2 * 3600_000)), lte(sessions.scheduledAt, new Date(now.getTime() + 2 * 3600_000))));
  if (near.length > 0) return { academyId: academy.id, sessionIds: near.map((s) => s.id), created };

  const circle = await createCircle(db, { academyId: academy.id, teacherId: ids.teacher, name: 'حلقة الفجر — Al-Fajr circle', studentIds: [ids.student, ids.student2] });
  const minute = 60_000;
  const startNow = new Date(Math.floor(now.getTime() / (5 * minute)) * 5 * minute);
  const base = { academyId: academy.id, teacherId: ids.teacher, circleId: circle.id, kind: 'quran' as const };
  const current = await createSession(db, { ...base, title: 'حفظ سورة الملك — Surat Al-Mulk', scheduledAt: startNow, durationMinutes: 60 });
  const later = await createSession(db, { ...base, title: 'مراجعة جزء عم — Juz Amma review', scheduledAt: new Date(startNow.getTime() + 3 * 60 * minute), durationMinutes: 45 });
  const finished = await createSession(db, { ...base, title: 'تجويد — Tajweed basics', scheduledAt: new Date(startNow.getTime() - 3 * 60 * minute), durationMinutes: 60, status: 'ongoing' });
  await seedFinishedAttendance(db, academy.slug, finished, ids);
  return { academyId: academy.id, sessionIds: [current.id, later.id, finished.id], created };
}

/** A finished session with real-looking events, finalised by the same code as a real one. */
async function seedFinishedAttendance(db: Db, academySlug: string, session: typeof sessions.$inferSelect, ids: Record<DemoKey, number>) {
  const at = (minutes: number) => new Date(session.scheduledAt.getTime() + minutes * 60_000);
  const endAt = at(session.durationMinutes);
  await db.transaction(async (tx) => {
    await tx.insert(meetings).values({
      academyId: session.academyId,
      sessionId: session.id,
      roomName: roomNameFor(academySlug, session.kind, session.id),
      joinUrl: `/room/${session.id}`,
      options: {},
      createdAt: at(-10),
      expiresAt: at(120),
    });
    const cycles: [number, string, number, number][] = [
      [ids.teacher, 'PA_demoTeacher', -2, 60],
      [ids.student, 'PA_demoStudent1', 1, 60],
      [ids.student2, 'PA_demoStudent2a', 20, 35],
      [ids.student2, 'PA_demoStudent2b', 45, 55],
    ];
    for (const [userId, sid, from, to] of cycles) {
      const base = { academyId: session.academyId, sessionId: session.id, userId, participantSid: sid, source: 'webhook' as const };
      await appendAttendanceEvent(tx, [
        { ...base, kind: 'join', occurredAt: at(from) },
        { ...base, kind: 'leave', occurredAt: at(to) },
      ]);
    }
    await finalizeSessionInTx(tx, session.id, { now: endAt });
  });
}
