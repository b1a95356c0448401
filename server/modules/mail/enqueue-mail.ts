/**
 * Puts mail on the queue inside the caller's transaction: the rendered
 * message as a mail_messages row and a graphile-worker job to send it, both
 * committed with the change that caused them (or neither). It never talks to
 * SMTP, so a slow or down mail server never slows or fails the request.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { mailMessages } from '@/server/db/schema';
import { renderMail, type MailRecipient, type MailTemplate } from './template';

export const SEND_MAIL_TASK = 'send_mail';
/** graphile-worker retries a failed send with exponential backoff (e^attempt s, capped near 6 h): 25 attempts span about four days. */
const MAX_ATTEMPTS = 25;
const ROWS_PER_INSERT = 1_000;

export interface MailInput<P> {
  to: MailRecipient;
  academyId?: number | null;
  template: MailTemplate<P>;
  params: P;
  /** A key that makes this mail happen once: enqueueing it again does nothing. */
  dedupeKey?: string;
  /** Not sent after this instant (it is marked skipped instead). */
  notAfter?: Date;
  /** Sent only while the session is open (scheduled or ready) and still starts at `startsAt`. */
  session?: { id: number; startsAt: Date };
  /** An unsubscribe-from-this-kind link: in the footer and the List-Unsubscribe header. */
  unsubscribeUrl?: string;
}

type MailRow = typeof mailMessages.$inferInsert;

function rowOf<P>(appUrl: string, mail: MailInput<P>): MailRow {
  const rendered = renderMail(mail.template, mail.params, { recipient: mail.to, appUrl, unsubscribeUrl: mail.unsubscribeUrl });
  return {
    academyId: mail.academyId ?? null,
    userId: mail.to.userId ?? null,
    toAddress: mail.to.address.trim().toLowerCase(),
    locale: mail.to.locale,
    template: mail.template.name,
    ...rendered,
    unsubscribeUrl: mail.unsubscribeUrl ?? null,
    dedupeKey: mail.dedupeKey ?? null,
    notAfter: mail.notAfter ?? null,
    sessionId: mail.session?.id ?? null,
    sessionStartsAt: mail.session?.startsAt ?? null,
  };
}

/** Adds one send job per mail id, in the same transaction. */
async function addSendJobs(db: DbExecutor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
      SELECT ROW(${SEND_MAIL_TASK}, json_build_object('mailId', id), NULL, NULL, ${MAX_ATTEMPTS}, NULL, NULL, NULL)::graphile_worker.job_spec
      FROM unnest(${`{${ids.join(',')}}`}::bigint[]) AS id
    ))`);
}

/**
 * Renders and queues many mails (one INSERT per thousand, one job batch).
 * Returns the ids of the mails queued now; one whose dedupeKey was already
 * queued is left out.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a batch mixes templates of different parameter types
export async function enqueueMails(deps: { appUrl: string }, db: DbExecutor, mails: MailInput<any>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < mails.length; i += ROWS_PER_INSERT) {
    const rows = mails.slice(i, i + ROWS_PER_INSERT).map((mail) => rowOf(deps.appUrl, mail));
    const inserted = await db.insert(mailMessages).values(rows).onConflictDoNothing({ target: mailMessages.dedupeKey }).returning({ id: mailMessages.id });
    ids.push(...inserted.map((r) => r.id));
  }
  await addSendJobs(db, ids);
  return ids;
}

/** Renders and queues one mail; null when its dedupeKey was already queued. */
export async function enqueueMail<P>(deps: { appUrl: string }, db: DbExecutor, mail: MailInput<P>): Promise<{ id: number } | null> {
  const [id] = await enqueueMails(deps, db, [mail]);
  return id === undefined ? null : { id };
}
