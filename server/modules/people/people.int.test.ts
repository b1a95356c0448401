/**
 * People and their accounts against real PostgreSQL: invitations and resets
 * (7 days / 2 hours, once, revoked by a newer link, dead when the person is
 * deactivated or moved to another academy), the reset answer that tells
 * nothing, changing one's own password, deactivation refused everywhere,
 * history that refuses the delete, and the admin's list.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/server/auth/authenticate';
import { resolveSessionActor } from '@/server/auth/session-actor';
import { accountTokens, attendanceEvents, users } from '@/server/db/schema';
import { fixedClock } from '@/server/lib/clock';
import type { Actor } from '@/server/lib/actor';
import { issueAccountToken } from '@/server/modules/accounts';
import { createAcademy, createCircle, createSession, createUser, DEFAULT_TEST_PASSWORD } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, deliverQueuedMail, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { linkIn, mailpitClient } from '@/server/testing/mailpit';

const db = testDb();
let academyId: number;
let otherAcademyId: number;
let admin: Actor;
let superAdmin: Actor;
const PASSWORD = 'كلمة سر طويلة للاختبار';
const client = { address: null, now: new Date() };

beforeAll(async () => {
  academyId = (await createAcademy(db)).id;
  otherAcademyId = (await createAcademy(db)).id;
  admin = actorOf(await createUser(db, { academyId, role: 'academy_admin' }));
  superAdmin = actorOf(await createUser(db, { academyId: null, role: 'super_admin' }));
});

afterAll(closeTestDb);

const tokenOf = (link: string) => link.split('/').pop()!;
const at = (base: Date, ms: number) => testDeps({ clock: fixedClock(new Date(base.getTime() + ms)) });
let n = 0;
const email = (what: string) => `${what}-${Date.now()}-${++n}@example.test`;

describe('invitations', () => {
  it('a new person cannot sign in until they accept; the link works once, and signs them in with their own password', async () => {
    const { person, invitation } = await callerFor(testDeps(), admin).people.create({ name: 'معلم جديد', email: email('t'), role: 'teacher' });
    expect(person).toMatchObject({ invited: true, active: true, role: 'teacher' });
    expect(invitation.link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/invite\/[\w-]{43}$/);
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, client)).toEqual({ ok: false, reason: 'invalid' });

    const anonymous = callerFor(testDeps(), null);
    const token = tokenOf(invitation.link);
    expect(await anonymous.account.link({ token })).toMatchObject({ state: 'valid', purpose: 'invitation', name: 'معلم جديد', email: person.email });
    expect(await anonymous.account.acceptInvitation({ token, password: PASSWORD })).toEqual({ email: person.email });
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, client)).toMatchObject({ ok: true });
    // Used: says so, and does nothing a second time.
    expect(await anonymous.account.link({ token })).toEqual({ state: 'used', purpose: 'invitation' });
    await expect(anonymous.account.acceptInvitation({ token, password: 'another password 123' })).rejects.toMatchObject({ code: 'CONFLICT', message: 'This link was already used' });
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, client)).toMatchObject({ ok: true });
    // Listed as active now, no longer invited.
    const list = await callerFor(testDeps(), admin).people.list({ search: person.email });
    expect(list.rows).toMatchObject([{ id: person.id, invited: false, invitation: null }]);
  });

  it('expires after 7 days; a resend makes a new link and the old one stops working; a revoked link says so', async () => {
    const created = new Date();
    const { person, invitation } = await callerFor(testDeps(), admin).people.create({ name: 'Late', email: email('late'), role: 'student' });
    const token = tokenOf(invitation.link);
    const sevenDays = 7 * 86_400_000;
    expect(await callerFor(at(created, sevenDays - 60_000), null).account.link({ token })).toMatchObject({ state: 'valid' });
    expect(await callerFor(at(created, sevenDays + 1000), null).account.link({ token })).toEqual({ state: 'expired', purpose: 'invitation' });
    await expect(callerFor(at(created, sevenDays + 1000), null).account.acceptInvitation({ token, password: PASSWORD })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'This link has expired',
    });
    const list = await callerFor(at(created, sevenDays + 1000), admin).people.list({ status: 'invited', search: person.email });
    expect(list.rows[0]!.invitation).toMatchObject({ state: 'expired' });

    const resent = await callerFor(testDeps(), admin).people.resendInvitation({ userId: person.id });
    expect(resent.link).not.toBe(invitation.link);
    expect(await callerFor(testDeps(), null).account.link({ token })).toEqual({ state: 'revoked', purpose: 'invitation' });
    expect(await callerFor(testDeps(), admin).people.revokeInvitation({ userId: person.id })).toEqual({ revoked: 1 });
    await expect(callerFor(testDeps(), null).account.acceptInvitation({ token: tokenOf(resent.link), password: PASSWORD })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Nothing but the SHA-256 of a link is stored.
    const stored = await db.select({ hash: accountTokens.tokenHash }).from(accountTokens).where(eq(accountTokens.userId, person.id));
    expect(stored.map((s) => s.hash).some((h) => h.includes(tokenOf(resent.link)))).toBe(false);
  });

  it('a link stops working when its person is deactivated or moved to another academy, or their academy is deactivated', async () => {
    const make = async () => (await callerFor(testDeps(), admin).people.create({ name: 'X', email: email('x'), role: 'student' }));
    const a = await make();
    await callerFor(testDeps(), admin).people.setActive({ userId: a.person.id, active: false });
    expect(await callerFor(testDeps(), null).account.link({ token: tokenOf(a.invitation.link) })).toMatchObject({ state: 'revoked' });

    const b = await make();
    const { token } = await issueAccountToken(db, { userId: b.person.id, academyId, purpose: 'invitation', createdBy: null, now: new Date() });
    await db.update(users).set({ academyId: otherAcademyId }).where(eq(users.id, b.person.id));
    await expect(callerFor(testDeps(), null).account.acceptInvitation({ token, password: PASSWORD })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const closed = await callerFor(testDeps(), superAdmin).academies.create({ slug: `closed-${Date.now()}`, nameAr: 'مغلقة', nameEn: 'Closed', timezone: 'Asia/Riyadh', defaultLocale: 'ar' });
    const invited = await callerFor(testDeps(), superAdmin).academies.inviteAdmin({ academyId: closed.id, name: 'Admin', email: email('closed') });
    await callerFor(testDeps(), superAdmin).academies.setActive({ academyId: closed.id, active: false });
    expect(await callerFor(testDeps(), null).account.link({ token: tokenOf(invited.invitation.link) })).toMatchObject({ state: 'revoked' });
  });

  it('another academy’s admin cannot see, resend or revoke the invitation, nor change the person', async () => {
    const { person } = await callerFor(testDeps(), admin).people.create({ name: 'Mine', email: email('mine'), role: 'parent' });
    const otherAdmin = actorOf(await createUser(db, { academyId: otherAcademyId, role: 'academy_admin' }));
    const other = callerFor(testDeps(), otherAdmin);
    await expect(other.people.resendInvitation({ userId: person.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Person not found' });
    await expect(other.people.revokeInvitation({ userId: person.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.people.update({ userId: person.id, name: 'Theirs' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.people.list({ search: person.email })).rows).toEqual([]);
  });
});

describe('mail', () => {
  it('emails an invitation in the person’s language (Arabic, right to left, with a plain-text part) whose link sets the password', async () => {
    const address = email('mailed');
    const { invitation } = await callerFor(testDeps(), admin).people.create({ name: 'مريم', email: address, role: 'student', locale: 'ar' });
    expect(invitation.emailed).toBe(true);
    await deliverQueuedMail();
    const mail = await mailpitClient(integrationConfig().mailpit.apiUrl).waitFor(address);
    expect(mail.Subject).toContain('دعوتك إلى');
    expect(mail.HTML).toContain('dir="rtl"');
    expect(mail.Text).toContain('مريم');
    const link = linkIn(mail.Text, 'http://127.0.0.1:3000/invite/');
    expect(link).toBe(invitation.link);
    expect(await callerFor(testDeps(), null).account.acceptInvitation({ token: tokenOf(link), password: PASSWORD })).toEqual({ email: address });
  });

  it('emails a reset link (in English for an English speaker) that resets the password once', async () => {
    const person = await createUser(db, { academyId, role: 'teacher', email: email('forgot'), locale: 'en' });
    await callerFor(testDeps(), null).account.requestPasswordReset({ email: person.email.toUpperCase() });
    await deliverQueuedMail();
    const mail = await mailpitClient(integrationConfig().mailpit.apiUrl).waitFor(person.email);
    expect(mail.Subject).toBe('Reset your Halaqa password');
    const token = tokenOf(linkIn(mail.Text, 'http://127.0.0.1:3000/reset-password/'));
    expect(await callerFor(testDeps(), null).account.resetPassword({ token, password: PASSWORD })).toEqual({ email: person.email });
    await expect(callerFor(testDeps(), null).account.resetPassword({ token, password: PASSWORD })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, client)).toMatchObject({ ok: true });
  });
});

describe('password reset and change', () => {
  it('answers the same for an unknown email, a deactivated person and a real one; the link resets once and signs the person out elsewhere', async () => {
    const person = await createUser(db, { academyId, role: 'teacher', email: email('reset') });
    const gone = await createUser(db, { academyId, role: 'teacher', email: email('gone') });
    await db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    const anonymous = callerFor(testDeps(), null);
    for (const address of [email('nobody'), gone.email, person.email]) expect(await anonymous.account.requestPasswordReset({ email: address })).toEqual({ accepted: true });
    const tokens = async (userId: number) => db.select().from(accountTokens).where(eq(accountTokens.userId, userId));
    expect(await tokens(gone.id)).toEqual([]);
    expect(await tokens(person.id)).toMatchObject([{ purpose: 'password_reset', usedAt: null }]);

    // The mail carries the link; here it is issued directly to read it (the stored hash cannot give it back).
    const now = new Date();
    const { token } = await issueAccountToken(db, { userId: person.id, academyId, purpose: 'password_reset', createdBy: null, now });
    const before = { actor: actorOf(person), sessionVersion: person.sessionVersion };
    expect(await resolveSessionActor(db, before)).not.toBeNull();
    await expect(callerFor(at(now, 2 * 3600_000 + 1000), null).account.resetPassword({ token, password: PASSWORD })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    // An invitation token is not a reset token, and the other way round.
    await expect(anonymous.account.acceptInvitation({ token, password: PASSWORD })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await anonymous.account.resetPassword({ token, password: PASSWORD })).toEqual({ email: person.email });
    await expect(anonymous.account.resetPassword({ token, password: PASSWORD })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await resolveSessionActor(db, before)).toBeNull();
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, client)).toMatchObject({ ok: true });
  });

  it('limits reset requests per address typed, whoever it belongs to', async () => {
    const anonymous = callerFor(testDeps(), null);
    const address = email('flood');
    for (let i = 0; i < 5; i++) await anonymous.account.requestPasswordReset({ email: address });
    await expect(anonymous.account.requestPasswordReset({ email: address })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('changes one’s own password only with the current one, and ends every session', async () => {
    const person = await createUser(db, { academyId, role: 'student' });
    const me = callerFor(testDeps(), actorOf(person));
    await expect(me.account.changePassword({ currentPassword: 'wrong password', newPassword: PASSWORD })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The current password is not right',
    });
    expect(await me.account.changePassword({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: PASSWORD })).toEqual({ signedOut: true });
    expect(await resolveSessionActor(db, { actor: actorOf(person), sessionVersion: person.sessionVersion })).toBeNull();
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, client)).toMatchObject({ ok: true });
    expect(await authenticate(db, { email: person.email, password: DEFAULT_TEST_PASSWORD }, client)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('deactivation and history', () => {
  it('a deactivated person is refused at sign-in and on their session, gets no reset link, and can be reactivated', async () => {
    const person = await createUser(db, { academyId, role: 'teacher', password: PASSWORD });
    const session = { actor: actorOf(person), sessionVersion: person.sessionVersion };
    const adminCaller = callerFor(testDeps(), admin);
    expect((await adminCaller.people.setActive({ userId: person.id, active: false })).person.active).toBe(false);
    expect(await resolveSessionActor(db, session)).toBeNull();
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, client)).toEqual({ ok: false, reason: 'invalid' });
    await callerFor(testDeps(), null).account.requestPasswordReset({ email: person.email });
    expect(await db.select().from(accountTokens).where(eq(accountTokens.userId, person.id))).toEqual([]);
    expect((await adminCaller.people.list({ status: 'inactive', search: person.email })).rows).toHaveLength(1);
    await adminCaller.people.setActive({ userId: person.id, active: true });
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, client)).toMatchObject({ ok: true });
    // Nobody locks themself out, and an academy admin is the platform's to change.
    await expect(adminCaller.people.setActive({ userId: admin.id, active: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const colleague = await createUser(db, { academyId, role: 'academy_admin' });
    await expect(adminCaller.people.setActive({ userId: colleague.id, active: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a person with attendance history cannot be deleted (RESTRICT), only deactivated and anonymised; the history stays theirs', async () => {
    const teacher = await createUser(db, { academyId, role: 'teacher' });
    const student = await createUser(db, { academyId, role: 'student', name: 'سيُمحى اسمه' });
    const circle = await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [] });
    const s = await createSession(db, { academyId, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() });
    await db.insert(attendanceEvents).values({ academyId, sessionId: s.id, userId: student.id, kind: 'join', participantSid: 'PA_history', occurredAt: new Date(), source: 'client' });
    const refused = await db.delete(users).where(eq(users.id, student.id)).then(
      () => null,
      (error: { cause?: { code?: string; constraint_name?: string } }) => error.cause,
    );
    expect(refused).toMatchObject({ code: '23001', constraint_name: 'attendance_events_user_id_users_id_fk' });
    const { rows } = await db.execute<{ confdeltype: string; conname: string }>(
      sql`SELECT conname, confdeltype FROM pg_constraint WHERE conname IN ('attendance_events_user_id_users_id_fk', 'attendance_records_user_id_users_id_fk')`,
    ).then((r) => ({ rows: [...r] }));
    expect(rows.map((r) => r.confdeltype)).toEqual(['r', 'r']);

    const adminCaller = callerFor(testDeps(), admin);
    await expect(adminCaller.people.anonymise({ userId: student.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await adminCaller.people.setActive({ userId: student.id, active: false });
    const anonymised = await adminCaller.people.anonymise({ userId: student.id });
    expect(anonymised).toMatchObject({ name: `#${student.id}`, email: `anonymised-${student.id}@invalid`, anonymised: true, active: false });
    expect(await db.select().from(attendanceEvents).where(eq(attendanceEvents.userId, student.id))).toHaveLength(1);
    await expect(adminCaller.people.setActive({ userId: student.id, active: true })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('the admin’s list and edits', () => {
  it('pages, filters by role and status, searches names (Arabic too) and emails, and supervisors only read', async () => {
    const academy = await createAcademy(db);
    const a = actorOf(await createUser(db, { academyId: academy.id, role: 'academy_admin', name: 'Admin' }));
    const caller = callerFor(testDeps(), a);
    for (let i = 0; i < 7; i++) await caller.people.create({ name: `طالب ${i}`, email: email(`s${i}`), role: 'student' });
    await caller.people.create({ name: 'Ustadh Omar', email: email('omar'), role: 'teacher' });
    const page1 = await caller.people.list({ role: 'student', pageSize: 5 });
    const page2 = await caller.people.list({ role: 'student', pageSize: 5, page: 2 });
    expect([page1.total, page1.rows.length, page2.rows.length]).toEqual([7, 5, 2]);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(7);
    expect((await caller.people.list({ search: 'طالب 3' })).rows.map((r) => r.name)).toEqual(['طالب 3']);
    expect((await caller.people.list({ search: 'OMAR' })).rows.map((r) => r.role)).toEqual(['teacher']);
    expect((await caller.people.list({ search: '%' })).total).toBe(0);
    expect((await caller.people.list({ status: 'invited' })).total).toBe(8);

    const supervisor = callerFor(testDeps(), actorOf(await createUser(db, { academyId: academy.id, role: 'supervisor' })));
    expect((await supervisor.people.list({})).total).toBe(10);
    await expect(supervisor.people.create({ name: 'x', email: email('no'), role: 'student' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('edits names, emails and roles; an email in use is a CONFLICT; a student in a circle keeps the role; parents link to students only', async () => {
    const caller = callerFor(testDeps(), admin);
    const { person } = await caller.people.create({ name: 'Before', email: email('edit'), role: 'parent' });
    const taken = await createUser(db, { academyId: otherAcademyId, role: 'student' });
    expect(await caller.people.update({ userId: person.id, name: 'After', email: email('edited') })).toMatchObject({ name: 'After' });
    await expect(caller.people.update({ userId: person.id, email: taken.email })).rejects.toMatchObject({ code: 'CONFLICT', message: 'This email already has an account' });
    await expect(caller.people.create({ name: 'Dup', email: taken.email, role: 'student' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const teacher = await createUser(db, { academyId, role: 'teacher' });
    const student = await createUser(db, { academyId, role: 'student' });
    await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [student.id] });
    await expect(caller.people.update({ userId: student.id, role: 'parent' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(caller.people.update({ userId: teacher.id, role: 'supervisor' })).rejects.toMatchObject({ code: 'CONFLICT' });

    expect(await caller.people.linkParent({ parentId: person.id, childId: student.id })).toEqual({ linked: true });
    expect(await caller.people.linkParent({ parentId: person.id, childId: student.id })).toEqual({ linked: false });
    expect((await caller.people.list({ search: student.email })).rows[0]!.linked).toEqual([{ id: person.id, name: 'After' }]);
    await expect(caller.people.linkParent({ parentId: student.id, childId: person.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await caller.people.unlinkParent({ parentId: person.id, childId: student.id })).toEqual({ unlinked: true });
    // A role change ends their sessions (the trigger moves the version on).
    const fresh = await createUser(db, { academyId, role: 'supervisor' });
    await caller.people.update({ userId: fresh.id, role: 'teacher' });
    expect(await resolveSessionActor(db, { actor: actorOf(fresh), sessionVersion: fresh.sessionVersion })).toBeNull();
  });
});

describe('academies', () => {
  it('the super admin creates one with a valid IANA time zone and a unique slug, and deactivating it refuses its people', async () => {
    const sa = callerFor(testDeps(), superAdmin);
    const slug = `new-${Date.now()}`;
    await expect(sa.academies.create({ slug, nameAr: 'أ', nameEn: 'A', timezone: 'Mars/Base', defaultLocale: 'ar' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const academy = await sa.academies.create({ slug, nameAr: 'أكاديمية النور', nameEn: 'An-Nur', timezone: 'Africa/Cairo', defaultLocale: 'ar' });
    await expect(sa.academies.create({ slug, nameAr: 'ب', nameEn: 'B', timezone: 'UTC', defaultLocale: 'en' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(sa.academies.update({ academyId: academy.id, timezone: '+02:00' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await sa.academies.update({ academyId: academy.id, timezone: 'Europe/Istanbul' })).toMatchObject({ timezone: 'Europe/Istanbul' });
    const { person, invitation } = await sa.academies.inviteAdmin({ academyId: academy.id, name: 'مدير النور', email: email('nur') });
    await callerFor(testDeps(), null).account.acceptInvitation({ token: tokenOf(invitation.link), password: PASSWORD });
    const signedIn = await authenticate(db, { email: person.email, password: PASSWORD }, client);
    expect(signedIn).toMatchObject({ ok: true, actor: { role: 'academy_admin', academyId: academy.id } });
    await sa.academies.setActive({ academyId: academy.id, active: false });
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, client)).toEqual({ ok: false, reason: 'invalid' });
    if (signedIn.ok) expect(await resolveSessionActor(db, signedIn)).toBeNull();
    await sa.academies.setActive({ academyId: academy.id, active: true });
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, client)).toMatchObject({ ok: true });
  });
});
