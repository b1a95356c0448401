/**
 * An invitation: a fresh one-time link for the person to set their own
 * password (older links stop working), emailed when the installation sends
 * mail, and always handed back to the admin, who can copy it.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Academy } from '@/server/modules/academies';
import { issueAccountToken, linkFor, queueAccountMails, type AccountMail } from '@/server/modules/accounts';
import type { DbExecutor } from '@/server/db';
import type { Person } from './person-access';

export interface Invitation {
  link: string;
  expiresAt: Date;
  emailed: boolean;
}

export async function sendInvitation(
  deps: Pick<Deps, 'clock' | 'appUrl' | 'mail'> & { db: DbExecutor },
  input: { person: Person; academy: Academy; invitedBy: number | null },
): Promise<Invitation> {
  const { person, academy } = input;
  const issued = await issueAccountToken(deps.db, { userId: person.id, academyId: academy.id, purpose: 'invitation', createdBy: input.invitedBy, now: deps.clock.now() });
  const emailed = await queueAccountMails(deps, [invitationMailOf(person, academy, issued)]);
  return { link: linkFor(deps.appUrl, 'invitation', issued.token), expiresAt: issued.expiresAt, emailed };
}

/** The invitation mail of a person of the academy, in their language (the academy's when they have none) and time zone. */
export function invitationMailOf(
  person: Pick<Person, 'id' | 'email' | 'name' | 'locale' | 'timezone'>,
  academy: Academy,
  issued: { token: string; expiresAt: Date },
): AccountMail {
  const locale = person.locale ?? academy.defaultLocale;
  return {
    userId: person.id,
    academyId: academy.id,
    to: person.email,
    locale,
    timeZone: person.timezone ?? academy.timezone,
    purpose: 'invitation',
    name: person.name,
    academyName: locale === 'en' ? academy.nameEn : academy.nameAr,
    token: issued.token,
    expiresAt: issued.expiresAt,
  };
}
