/**
 * An invitation: a fresh one-time link for the person to set their own
 * password (older links stop working), emailed when the installation sends
 * mail, and always handed back to the admin, who can copy it.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Academy } from '@/server/modules/academies';
import { issueAccountToken, linkFor, queueAccountMail } from '@/server/modules/accounts';
import type { DbExecutor } from '@/server/db';
import type { Person } from './person-access';

export interface Invitation {
  link: string;
  expiresAt: Date;
  emailed: boolean;
}

export async function sendInvitation(
  deps: Pick<Deps, 'clock' | 'appUrl'> & { db: DbExecutor },
  input: { person: Person; academy: Academy; invitedBy: number | null },
): Promise<Invitation> {
  const { person, academy } = input;
  const issued = await issueAccountToken(deps.db, { userId: person.id, academyId: academy.id, purpose: 'invitation', createdBy: input.invitedBy, now: deps.clock.now() });
  const link = linkFor(deps.appUrl, 'invitation', issued.token);
  const locale = person.locale ?? academy.defaultLocale;
  const emailed = await queueAccountMail(deps, {
    to: person.email,
    locale,
    purpose: 'invitation',
    name: person.name,
    academyName: locale === 'en' ? academy.nameEn : academy.nameAr,
    link,
    expiresAt: issued.expiresAt,
  });
  return { link, expiresAt: issued.expiresAt, emailed };
}
