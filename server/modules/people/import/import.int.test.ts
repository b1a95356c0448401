/**
 * Roster import against real PostgreSQL: a file with a BOM and Arabic names
 * previewed row by row, applied in batches, with parents linked and circle
 * and course memberships made; the same file again changes nothing; rows
 * another academy owns are refused at preview, and at apply if taken since.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, circleMembers, courseEnrollments, mailMessages, parentChildren, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { createAcademy, createCircle, createCourse, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';
import { linkIn } from '@/server/testing/mailpit';
import { IMPORT_BATCH_ROWS } from './apply-import';

const db = testDb();
let academyId: number;
let admin: Actor;
let circleId: number;
let courseId: number;
let foreignEmail: string;

beforeAll(async () => {
  academyId = (await createAcademy(db)).id;
  admin = actorOf(await createUser(db, { academyId, role: 'academy_admin' }));
  const teacher = await createUser(db, { academyId, role: 'teacher' });
  circleId = (await createCircle(db, { academyId, teacherId: teacher.id, name: 'حلقة الفجر', studentIds: [] })).id;
  courseId = (await createCourse(db, { academyId, teacherId: teacher.id, title: 'Tajweed 101', studentIds: [] })).id;
  const other = await createAcademy(db);
  foreignEmail = (await createUser(db, { academyId: other.id, role: 'student' })).email;
});

afterAll(closeTestDb);

async function applyAll(importId: string) {
  const caller = callerFor(testDeps(), admin);
  const steps = [];
  for (;;) {
    const progress = await caller.people.importApply({ importId });
    steps.push(progress.applied);
    if (progress.done) return { progress, steps };
  }
}

describe('roster import', () => {
  it('previews every row, applies in batches, links parents and groups, and is idempotent', async () => {
    const tag = Date.now();
    const students = Array.from({ length: 1700 }, (_, i) => `طالب رقم ${i},s${i}-${tag}@example.test,student,p${i % 850}-${tag}@example.test,حلقة الفجر,${i % 2 ? 'tajweed 101' : ''}`);
    const parents = Array.from({ length: 850 }, (_, i) => `وليّ أمر ${i},p${i}-${tag}@example.test,ولي أمر,,,`);
    const refused = [
      `,blank-${tag}@example.test,student,,,`,
      `Bad,not-an-email,student,,,`,
      `Foreign,${foreignEmail},student,,,`,
      `Dup,s0-${tag}@example.test,student,,,`,
      `Lost,lost-${tag}@example.test,student,,Nowhere circle,`,
    ];
    const csv = `\uFEFFname,email,role,parent email,circle,course\r\n${[...students, ...parents, ...refused].join('\r\n')}\r\n`;
    const caller = callerFor(testDeps(), admin);
    const preview = await caller.people.importPreview({ csv });
    expect(preview.counts).toEqual({ create: 2550, update: 0, unchanged: 0, refused: 5 });
    expect(preview.rows.filter((r) => r.action === 'refused').map((r) => [r.line, r.reasons])).toEqual([
      [2552, ['missing-name']],
      [2553, ['bad-email']],
      [2554, ['other-academy']],
      [2555, ['duplicate-email']],
      [2556, ['unknown-circle']],
    ]);
    expect(preview.rows[0]).toMatchObject({ line: 2, name: 'طالب رقم 0', action: 'create', circleId, courseId: null });

    const { progress, steps } = await applyAll(preview.importId);
    expect(steps).toEqual([IMPORT_BATCH_ROWS, 2 * IMPORT_BATCH_ROWS, 2550]);
    expect(progress).toMatchObject({ total: 2550, applied: 2550, created: 2550, updated: 0, unchanged: 0, refused: 5, done: true });
    const created = await db.select().from(users).where(and(eq(users.academyId, academyId), inArray(users.role, ['student', 'parent'])));
    expect(created).toHaveLength(2550);
    expect(created.every((u) => u.passwordSetAt === null && u.active)).toBe(true);
    const ids = created.map((u) => u.id);
    expect(await db.$count(accountTokens, and(inArray(accountTokens.userId, ids), eq(accountTokens.purpose, 'invitation')))).toBe(2550);
    expect(await db.$count(parentChildren, eq(parentChildren.academyId, academyId))).toBe(1700);
    expect(await db.$count(circleMembers, eq(circleMembers.circleId, circleId))).toBe(1700);
    expect(await db.$count(courseEnrollments, eq(courseEnrollments.courseId, courseId))).toBe(850);
    // Everyone created has an invitation mail queued (people.int.test.ts sees one delivered); one of them follows the link.
    const queued = await db.select().from(mailMessages).where(eq(mailMessages.academyId, academyId));
    expect(queued.filter((m) => m.template === 'people.invitation' && m.status === 'queued')).toHaveLength(2550);
    const mine = queued.find((m) => m.toAddress === `s5-${tag}@example.test`)!;
    const link = linkIn(mine.text, 'http://127.0.0.1:3000/invite/');
    expect(await callerFor(testDeps(), null).account.link({ token: link.split('/').pop()! })).toMatchObject({ state: 'valid', name: 'طالب رقم 5' });
    // Thousands of test mails are not sent to the run's Mailpit: other tests drain the shared queue.
    await db.update(mailMessages).set({ status: 'skipped' }).where(eq(mailMessages.academyId, academyId));
    // Applying again does nothing more.
    expect((await caller.people.importApply({ importId: preview.importId })).applied).toBe(2550);

    // The same file again: nothing to do, nothing changes.
    const again = await caller.people.importPreview({ csv });
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2550, refused: 5 });
    const second = await applyAll(again.importId);
    expect(second.progress).toMatchObject({ created: 0, updated: 0, unchanged: 2550 });
    expect(await db.$count(users, eq(users.academyId, academyId))).toBe(2550 + 2);

    // A renamed row and a new circle row are updates.
    const edited = `name,email,role,circle\nاسم جديد,s1-${tag}@example.test,student,\nطالب رقم 2,s2-${tag}@example.test,student,حلقة الفجر\n`;
    const third = await caller.people.importPreview({ csv: edited });
    expect(third.rows.map((r) => r.action)).toEqual(['update', 'unchanged']);
    expect((await applyAll(third.importId)).progress).toMatchObject({ updated: 1, unchanged: 1 });
  });

  it('refuses at apply an email another academy took after the preview, and another academy’s admin cannot apply the import', async () => {
    const tag = Date.now();
    const caller = callerFor(testDeps(), admin);
    const preview = await caller.people.importPreview({ csv: `name,email,role\nLate,late-${tag}@example.test,teacher\nFine,fine-${tag}@example.test,teacher\n` });
    const other = await createAcademy(db);
    await createUser(db, { academyId: other.id, role: 'teacher', email: `late-${tag}@example.test` });
    const otherAdmin = actorOf(await createUser(db, { academyId: other.id, role: 'academy_admin' }));
    await expect(callerFor(testDeps(), otherAdmin).people.importApply({ importId: preview.importId })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Import not found' });
    const { progress } = await applyAll(preview.importId);
    expect(progress).toMatchObject({ created: 1, refused: 1, applied: 2 });
    const [late] = await db.select().from(users).where(eq(users.email, `late-${tag}@example.test`));
    expect(late!.academyId).toBe(other.id);
  });
});
