/**
 * Builders shared by integration tests, e2e and the seed script, so all three
 * make data the same way the app does.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { DbExecutor } from '@/server/db';
import {
  academies,
  academyVideoSettings,
  circleMembers,
  circles,
  courseEnrollments,
  courses,
  parentChildren,
  sessions,
  teacherSettings,
  users,
} from '@/server/db/schema';
import type { SessionKind, SessionStatus, UserRole } from '@/server/db/schema/enums';
import { hashPassword } from '@/server/lib/password';
import { DEMO_PASSWORD } from './demo-users';

export const DEFAULT_TEST_PASSWORD = DEMO_PASSWORD;
let cachedHash: Promise<string> | undefined;

/** Hashing is slow on purpose; tests share one hash of the default password. */
function passwordHash(password: string | undefined): Promise<string> {
  if (password && password !== DEFAULT_TEST_PASSWORD) return hashPassword(password);
  cachedHash ??= hashPassword(DEFAULT_TEST_PASSWORD);
  return cachedHash;
}

const unique = () => randomUUID().slice(0, 8);

export async function createAcademy(
  db: DbExecutor,
  overrides: Partial<typeof academies.$inferInsert> = {},
  settings: Partial<typeof academyVideoSettings.$inferInsert> = {},
) {
  const [academy] = await db
    .insert(academies)
    .values({ slug: `academy-${unique()}`, nameAr: 'أكاديمية', nameEn: 'Academy', timezone: 'Asia/Riyadh', ...overrides })
    .returning();
  await db.insert(academyVideoSettings).values({ academyId: academy!.id, ...settings });
  return academy!;
}

export async function createUser(
  db: DbExecutor,
  input: { academyId: number | null; role: UserRole; name?: string; email?: string; password?: string; locale?: 'ar' | 'en' },
) {
  const [user] = await db
    .insert(users)
    .values({
      academyId: input.academyId,
      role: input.role,
      name: input.name ?? `${input.role} ${unique()}`,
      email: (input.email ?? `${input.role}-${unique()}@example.test`).toLowerCase(),
      passwordHash: await passwordHash(input.password),
      passwordSetAt: new Date(),
      locale: input.locale ?? null,
    })
    .returning();
  return user!;
}

export async function linkParent(db: DbExecutor, academyId: number, parentId: number, childId: number) {
  await db.insert(parentChildren).values({ academyId, parentId, childId });
}

export async function createCircle(db: DbExecutor, input: { academyId: number; teacherId: number; name?: string; studentIds: number[] }) {
  const [circle] = await db
    .insert(circles)
    .values({ academyId: input.academyId, teacherId: input.teacherId, name: input.name ?? `Circle ${unique()}` })
    .returning();
  if (input.studentIds.length) {
    await db.insert(circleMembers).values(input.studentIds.map((studentId) => ({ academyId: input.academyId, circleId: circle!.id, studentId })));
  }
  return circle!;
}

export async function createCourse(db: DbExecutor, input: { academyId: number; teacherId: number; title?: string; studentIds: number[] }) {
  const [course] = await db
    .insert(courses)
    .values({ academyId: input.academyId, teacherId: input.teacherId, title: input.title ?? `Course ${unique()}` })
    .returning();
  if (input.studentIds.length) {
    await db.insert(courseEnrollments).values(input.studentIds.map((studentId) => ({ academyId: input.academyId, courseId: course!.id, studentId })));
  }
  return course!;
}

export async function createSession(
  db: DbExecutor,
  input: {
    academyId: number;
    teacherId: number;
    kind?: SessionKind;
    title?: string;
    scheduledAt: Date;
    durationMinutes?: number;
    status?: SessionStatus;
    studentId?: number;
    circleId?: number;
    courseId?: number;
  },
) {
  const [session] = await db
    .insert(sessions)
    .values({
      academyId: input.academyId,
      teacherId: input.teacherId,
      kind: input.kind ?? 'quran',
      title: input.title ?? `Session ${unique()}`,
      scheduledAt: input.scheduledAt,
      durationMinutes: input.durationMinutes ?? 60,
      status: input.status ?? 'scheduled',
      studentId: input.studentId ?? null,
      circleId: input.circleId ?? null,
      courseId: input.courseId ?? null,
    })
    .returning();
  return session!;
}

export async function setTeacherSettings(db: DbExecutor, values: typeof teacherSettings.$inferInsert) {
  await db.insert(teacherSettings).values(values).onConflictDoUpdate({ target: teacherSettings.userId, set: values });
}
