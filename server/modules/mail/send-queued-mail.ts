/**
 * Sends one queued mail: the body of the send job. The row is locked for the
 * whole send and sent only while `queued`, so two workers, a retried job or a
 * duplicated one deliver it once. Checked at send time: a refused address, an
 * expired mail, a session cancelled or moved since the mail was queued.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db } from '@/server/db';
import { mailMessages, mailRefusedAddresses, sessions } from '@/server/db/schema';
import type { Clock } from '@/server/lib/clock';
import { classifySmtpFailure, describeSmtpFailure } from './smtp-failure';

export type SendOutcome = 'sent' | 'skipped' | 'refused' | 'not-queued';

export interface SenderDeps {
  db: Db;
  clock: Clock;
  transport: Transporter;
  from: string;
}

/** Thrown for a failure worth retrying; the job queue retries it with backoff. */
export class MailSendError extends Error {}

const SESSION_STILL_ON = ['scheduled', 'ready'];

export async function sendQueuedMail(deps: SenderDeps, mailId: number): Promise<SendOutcome> {
  const result = await deps.db.transaction(async (tx): Promise<{ outcome: SendOutcome } | { retry: string }> => {
    const [mail] = await tx.select().from(mailMessages).where(eq(mailMessages.id, mailId)).for('update');
    if (!mail || mail.status !== 'queued') return { outcome: 'not-queued' };
    const now = deps.clock.now();
    const finish = async (status: 'sent' | 'skipped' | 'refused', lastError: string | null) => {
      await tx
        .update(mailMessages)
        .set({ status, lastError, updatedAt: now, ...(status === 'sent' ? { sentAt: now, attempts: mail.attempts + 1 } : {}) })
        .where(eq(mailMessages.id, mail.id));
      return { outcome: status };
    };

    const [refused] = await tx.select().from(mailRefusedAddresses).where(eq(mailRefusedAddresses.address, mail.toAddress));
    if (refused) return finish('refused', `address refused earlier: ${refused.reason}`);
    if (mail.notAfter && now >= mail.notAfter) return finish('skipped', 'expired before it could be sent');
    if (mail.sessionId !== null) {
      const [session] = await tx.select({ status: sessions.status, startsAt: sessions.scheduledAt }).from(sessions).where(eq(sessions.id, mail.sessionId));
      if (!session || !SESSION_STILL_ON.includes(session.status) || session.startsAt.getTime() !== mail.sessionStartsAt?.getTime()) {
        return finish('skipped', 'the session was cancelled, moved or started since this mail was queued');
      }
    }

    try {
      await deps.transport.sendMail({
        from: deps.from,
        to: mail.toAddress,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: `<mail-${mail.id}@halaqa>`,
        ...(mail.unsubscribeUrl ? { list: { unsubscribe: mail.unsubscribeUrl } } : {}),
      });
      return finish('sent', null);
    } catch (error) {
      const description = describeSmtpFailure(error);
      if (classifySmtpFailure(error) === 'refused-recipient') {
        await tx.insert(mailRefusedAddresses).values({ address: mail.toAddress, reason: description, refusedAt: now }).onConflictDoNothing();
        return finish('refused', description);
      }
      await tx
        .update(mailMessages)
        .set({ attempts: sql`${mailMessages.attempts} + 1`, lastError: description, updatedAt: now })
        .where(and(eq(mailMessages.id, mail.id), eq(mailMessages.status, 'queued')));
      return { retry: description };
    }
  });
  // Thrown after the commit, so the attempt and its error are recorded before the queue schedules the retry.
  if ('retry' in result) throw new MailSendError(result.retry);
  return result.outcome;
}
