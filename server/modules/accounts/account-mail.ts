/**
 * The mail that carries a one-time link, in the recipient's language.
 * Whether a mail is sent at all depends on the installation: without mail
 * the link still exists and the admin who made it copies it from the
 * answer (people.create, people.resendInvitation).
 */
import 'server-only';
import type { DbExecutor } from '@/server/db';
import type { AccountTokenPurpose } from '@/server/db/schema';

export interface AccountMail {
  to: string;
  locale: 'ar' | 'en';
  purpose: AccountTokenPurpose;
  name: string;
  academyName: string | null;
  link: string;
  expiresAt: Date;
}

/** Queues the mail when the installation sends mail; true when it was queued. */
export async function queueAccountMail(_deps: { db: DbExecutor }, _mail: AccountMail): Promise<boolean> {
  return false;
}
