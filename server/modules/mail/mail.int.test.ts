/**
 * The mail queue against real PostgreSQL and a real SMTP server (Mailpit),
 * read back through Mailpit's HTTP API: delivery in the recipient's language,
 * an SMTP outage that only delays, two workers that never send twice, a
 * refused address, the send-time checks, enqueueing inside a transaction.
 */
import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { mailMessages, mailRefusedAddresses, sessions } from '@/server/db/schema';
import { handleCronRequest } from '@/server/http/cron';
import { systemClock } from '@/server/lib/clock';
import { startMailpit } from '@/scripts/infra/mailpit';
import { createAcademy, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, eventually, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { linkIn, mailpitClient } from '@/server/testing/mailpit';
import { checkMail, drainMailQueue, enqueueMail, enqueueMails, startMailWorker, type MailWorkerDeps } from './index';

const db = testDb();
const appUrl = 'http://halaqa.example.test';
const mailpit = () => mailpitClient(integrationConfig().mailpit.apiUrl);
const unique = () => randomBytes(5).toString('hex');
const workerDeps = (smtpUrl = integrationConfig().mailpit.smtpUrl): MailWorkerDeps => ({
  databaseUrl: integrationConfig().databaseUrl,
  db,
  clock: systemClock,
  mail: { smtpUrl, from: 'Halaqa Test <no-reply@halaqa.test>' },
});
const rowOf = async (id: number) => (await db.select().from(mailMessages).where(eq(mailMessages.id, id)))[0]!;

afterAll(closeTestDb);

describe('mail queue', () => {
  it('delivers a queued mail to the SMTP server in the recipient’s language, right-to-left in Arabic, with a text part and APP_URL links', async () => {
    const ar = `ar-${unique()}@example.test`;
    const en = `en-${unique()}@example.test`;
    const at = new Date('2026-03-01T09:30:00Z');
    await db.transaction(async (tx) => {
      await enqueueMail({ appUrl }, tx, { to: { address: ar, locale: 'ar', timeZone: 'Asia/Riyadh' }, template: checkMail, params: { requestedAt: at } });
      await enqueueMail({ appUrl }, tx, { to: { address: en, locale: 'en', timeZone: 'Europe/London' }, template: checkMail, params: { requestedAt: at } });
    });
    await drainMailQueue(workerDeps());

    const arabic = await mailpit().waitFor(ar);
    expect(arabic.Subject).toBe('تستطيع حلقة مراسلتك');
    expect(arabic.From.Address).toBe('no-reply@halaqa.test');
    expect(arabic.HTML).toContain('lang="ar" dir="rtl"');
    expect(arabic.Text).toContain('البريد يعمل');
    // 09:30 UTC is 12:30 in Riyadh, written in the recipient's zone.
    expect(arabic.Text).toMatch(/12:30/);
    expect(linkIn(arabic.Text, appUrl)).toBe(`${appUrl}/`);

    const english = await mailpit().waitFor(en);
    expect(english.Subject).toBe('Halaqa can send you mail');
    expect(english.HTML).toContain('lang="en" dir="ltr"');
    expect(english.Text).toMatch(/09:30/);
  });

  it('enqueues nothing when the caller’s transaction rolls back', async () => {
    const address = `rollback-${unique()}@example.test`;
    const jobCount = async () => (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM graphile_worker.jobs`))[0]!.n;
    const jobsBefore = await jobCount();
    await expect(
      db.transaction(async (tx) => {
        await enqueueMail({ appUrl }, tx, { to: { address, locale: 'en', timeZone: 'UTC' }, template: checkMail, params: { requestedAt: new Date() } });
        throw new Error('the request failed');
      }),
    ).rejects.toThrow('the request failed');
    expect(await db.select().from(mailMessages).where(eq(mailMessages.toAddress, address))).toEqual([]);
    expect(await jobCount()).toBe(jobsBefore);
  });

  it('queues a mail once per dedupe key', async () => {
    const address = `dedupe-${unique()}@example.test`;
    const mail = { to: { address, locale: 'en' as const, timeZone: 'UTC' }, template: checkMail, params: { requestedAt: new Date() }, dedupeKey: `check:${address}` };
    const first = await enqueueMail({ appUrl }, db, mail);
    const second = await enqueueMail({ appUrl }, db, mail);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await drainMailQueue(workerDeps());
    await mailpit().waitFor(address);
    expect(await mailpit().to(address)).toHaveLength(1);
  });

  it('keeps mail queued while SMTP is down and delivers it once SMTP is back', async () => {
    const own = await startMailpit({ binary: integrationConfig().mailpit.binary });
    const ports = { smtpPort: own.smtpPort, httpPort: own.httpPort };
    await own.stop();
    const address = `outage-${unique()}@example.test`;
    const queued = await enqueueMail({ appUrl }, db, { to: { address, locale: 'ar', timeZone: 'Asia/Riyadh' }, template: checkMail, params: { requestedAt: new Date() } });

    // The first attempt fails (connection refused): the mail stays queued, the error recorded, a retry scheduled.
    await drainMailQueue(workerDeps(own.smtpUrl));
    const afterFailure = await rowOf(queued!.id);
    expect(afterFailure.status).toBe('queued');
    expect(afterFailure.attempts).toBe(1);
    expect(afterFailure.lastError).toMatch(/ECONNREFUSED|connect/i);
    const [job] = await db.execute<{ attempts: number; run_at: Date }>(
      sql`SELECT attempts, run_at FROM graphile_worker._private_jobs WHERE (payload->>'mailId')::bigint = ${queued!.id}`,
    );
    expect(job!.attempts).toBe(1);
    expect(new Date(job!.run_at).getTime()).toBeGreaterThan(Date.now());

    // SMTP comes back on the same address; a running worker delivers it at the retry.
    const back = await startMailpit({ binary: integrationConfig().mailpit.binary, ...ports });
    const worker = await startMailWorker(workerDeps(own.smtpUrl), { concurrency: 1 });
    try {
      const delivered = await eventually(async () => (await rowOf(queued!.id)).status === 'sent', 'the retried mail to be sent', 30_000);
      expect(delivered).toBe(true);
      const inbox = mailpitClient(back.apiUrl);
      expect((await inbox.to(address)).map((m) => m.Subject)).toEqual(['تستطيع حلقة مراسلتك']);
      expect((await rowOf(queued!.id)).attempts).toBe(2);
    } finally {
      await worker.stop();
      await back.stop();
    }
  });

  it('two workers running at once deliver every mail exactly once, even when its job is duplicated', async () => {
    const tag = unique();
    const addresses = Array.from({ length: 30 }, (_, i) => `pair-${tag}-${i}@example.test`);
    const ids = await enqueueMails({ appUrl }, db, addresses.map((address) => ({ to: { address, locale: 'en' as const, timeZone: 'UTC' }, template: checkMail, params: { requestedAt: new Date() } })));
    // A second job for every mail: what a retried enqueue or a duplicate trigger would leave.
    await db.execute(sql`SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(SELECT ROW('send_mail', json_build_object('mailId', id), NULL, NULL, 25, NULL, NULL, NULL)::graphile_worker.job_spec FROM unnest(${`{${ids.join(',')}}`}::bigint[]) AS id))`);

    const workers = await Promise.all([startMailWorker(workerDeps(), { concurrency: 3 }), startMailWorker(workerDeps(), { concurrency: 3 })]);
    try {
      await eventually(async () => {
        const rows = await db.select({ status: mailMessages.status }).from(mailMessages).where(inArray(mailMessages.id, ids));
        return rows.every((r) => r.status === 'sent');
      }, 'all 30 mails to be sent', 30_000);
      await eventually(async () => {
        const [left] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE (payload->>'mailId')::bigint = ANY(${`{${ids.join(',')}}`}::bigint[])`);
        return left!.n === 0;
      }, 'the duplicate jobs to be done');
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    for (const address of addresses) expect(await mailpit().to(address)).toHaveLength(1);
    const rows = await db.select({ attempts: mailMessages.attempts }).from(mailMessages).where(inArray(mailMessages.id, ids));
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it('marks a permanently refused address, never tries it again, and shows it to the academy’s admins on the person', async () => {
    const address = `nobody-${unique()}@refused.invalid`;
    const academy = await createAcademy(db);
    const student = await createUser(db, { academyId: academy.id, role: 'student', email: address });
    const admin = actorOf(await createUser(db, { academyId: academy.id, role: 'academy_admin' }));
    const listed = async (who: typeof admin, input: { status?: 'mail_refused' } = {}) =>
      (await callerFor(testDeps(), who).people.list({ search: address, ...input })).rows.map((r) => ({ id: r.id, mailRefused: r.mailRefused }));
    expect(await listed(admin)).toEqual([{ id: student.id, mailRefused: null }]);
    const first = await enqueueMail({ appUrl }, db, { to: { address, locale: 'en', timeZone: 'UTC' }, template: checkMail, params: { requestedAt: new Date() } });
    await drainMailQueue(workerDeps());
    const refused = await rowOf(first!.id);
    expect(refused.status).toBe('refused');
    expect(refused.lastError).toMatch(/550|not allowed|rejected/i);
    const [mark] = await db.select().from(mailRefusedAddresses).where(eq(mailRefusedAddresses.address, address));
    expect(mark).toBeDefined();
    // The admin's list says so on the person, with the server's words, and finds everyone refused with one filter.
    const shown = await listed(admin, { status: 'mail_refused' });
    expect(shown).toEqual([{ id: student.id, mailRefused: { reason: refused.lastError, at: mark!.refusedAt } }]);
    const otherAdmin = actorOf(await createUser(db, { academyId: (await createAcademy(db)).id, role: 'academy_admin' }));
    expect(await listed(otherAdmin, { status: 'mail_refused' })).toEqual([]);

    const second = await enqueueMail({ appUrl }, db, { to: { address, locale: 'en', timeZone: 'UTC' }, template: checkMail, params: { requestedAt: new Date() } });
    await drainMailQueue(workerDeps());
    expect((await rowOf(second!.id)).lastError).toMatch(/refused earlier/);
    const [job] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE (payload->>'mailId')::bigint IN (${first!.id}, ${second!.id})`);
    expect(job!.n).toBe(0);
  });

  it('skips, at send time, a mail past its deadline or whose session was cancelled or moved since it was queued', async () => {
    const academy = await createAcademy(db);
    const teacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
    const student = await createUser(db, { academyId: academy.id, role: 'student' });
    const startsAt = new Date(Date.now() + 3_600_000);
    const cancelled = await createSession(db, { academyId: academy.id, teacherId: teacher.id, studentId: student.id, scheduledAt: startsAt });
    const moved = await createSession(db, { academyId: academy.id, teacherId: teacher.id, studentId: student.id, scheduledAt: startsAt });
    const kept = await createSession(db, { academyId: academy.id, teacherId: teacher.id, studentId: student.id, scheduledAt: startsAt });
    const to = (name: string) => ({ address: `${name}-${unique()}@example.test`, locale: 'en' as const, timeZone: 'UTC' });
    const base = { template: checkMail, params: { requestedAt: new Date() } };
    const [expiredId, cancelledId, movedId, keptId] = await enqueueMails({ appUrl }, db, [
      { ...base, to: to('expired'), notAfter: new Date(Date.now() - 1_000) },
      { ...base, to: to('cancelled'), session: { id: cancelled.id, startsAt } },
      { ...base, to: to('moved'), session: { id: moved.id, startsAt } },
      { ...base, to: to('kept'), session: { id: kept.id, startsAt } },
    ]);
    await db.update(sessions).set({ status: 'cancelled', cancelReason: 'teacher ill' }).where(eq(sessions.id, cancelled.id));
    await db.update(sessions).set({ scheduledAt: new Date(startsAt.getTime() + 86_400_000) }).where(eq(sessions.id, moved.id));
    await drainMailQueue(workerDeps());
    expect((await rowOf(expiredId!)).status).toBe('skipped');
    expect((await rowOf(cancelledId!)).status).toBe('skipped');
    expect((await rowOf(movedId!)).status).toBe('skipped');
    expect((await rowOf(keptId!)).status).toBe('sent');
  });

  it('the cron route sends what is due and answers the queue’s counts; without SMTP it says so', async () => {
    const address = `cron-${unique()}@example.test`;
    await enqueueMail({ appUrl }, db, { to: { address, locale: 'en', timeZone: 'UTC' }, template: checkMail, params: { requestedAt: new Date() } });
    const secret = 'cron-secret-0123456789abcdef';
    const request = () => new Request('http://app.test/api/cron/mail', { headers: { authorization: `Bearer ${secret}` } });
    const unconfigured = await handleCronRequest(request(), 'mail', testDeps({ mail: null }), secret, integrationConfig().databaseUrl);
    expect(unconfigured.status).toBe(503);
    const response = await handleCronRequest(request(), 'mail', testDeps(), secret, integrationConfig().databaseUrl);
    expect(response.status).toBe(200);
    const counts = (await response.json()) as { sent: number; queued: number };
    expect(counts.sent).toBeGreaterThan(0);
    await mailpit().waitFor(address);
  });
});
